import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.js";
import { openStore } from "../../src/store/index.js";

/** Follows redirects as a browser would, up to a limit; returns the final status and the hops. */
async function follow(app: Awaited<ReturnType<typeof buildServer>>, url: string) {
  const hops: string[] = [url];
  for (let i = 0; i < 10; i++) {
    const res = await app.inject({ url: hops[hops.length - 1] as string });
    if (res.statusCode < 300 || res.statusCode >= 400) return { status: res.statusCode, hops };
    hops.push(
      new URL(String(res.headers.location), "http://x").pathname +
        new URL(String(res.headers.location), "http://x").search,
    );
  }
  return { status: 0, hops };
}

describe("the API reference page", () => {
  let store: Awaited<ReturnType<typeof openStore>>;
  let app: Awaited<ReturnType<typeof buildServer>>;
  beforeAll(async () => {
    store = await openStore({});
    app = await buildServer({ store, auth: false });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it.each([
    "/api/v1/docs",
    "/api/v1/docs/static/index.html",
    "/api/v1/docs/static/index.html?x",
    "/api/v1/docs/?x=1",
  ])("%s ends on the reference page, never in a redirect loop", async (url) => {
    const store = await openStore({});
    const app = await buildServer({ store, auth: false });
    try {
      const { status, hops } = await follow(app, url);
      expect(status, hops.join(" → ")).toBe(200);
      expect(hops.length).toBeLessThanOrEqual(2);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
