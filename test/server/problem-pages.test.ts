import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.js";
import type { Store } from "../../src/store/index.js";
import { TEST_DATABASES } from "../support/databases.js";

/*
 * Answers the router itself gives (a URL it cannot decode) carry the security headers, and
 * every problem's `type` leads to a page the product serves (issue 14.6).
 */
const database = TEST_DATABASES[0];

describe("problem types and malformed URLs", () => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await database.open();
    app = await buildServer({ store, https: true });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await database.cleanup();
  });

  it("answers GET /% as a 400 problem with the security headers", async () => {
    for (const url of ["/%", "/api/v1/workspaces/%E0%A4%A"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(String(res.headers["content-security-policy"])).toContain("default-src 'self'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["strict-transport-security"]).toContain("max-age=");
      expect(res.json().code).toBe("malformed_request");
    }
  });

  it("serves the page every problem type points at", async () => {
    const problem = await app.inject({ method: "GET", url: "/api/v1/workspaces/nope" });
    expect(problem.statusCode).toBe(401);
    const type = problem.json().type as string;
    expect(type).toBe("/problems/unauthenticated");
    const page = await app.inject({ method: "GET", url: type });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("Not signed in");
    expect(page.body).toContain("Authorization: Bearer");
    expect((await app.inject({ method: "GET", url: "/problems/no-such-thing" })).statusCode).toBe(404);
  });
});
