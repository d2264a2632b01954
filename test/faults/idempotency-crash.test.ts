import { afterAll, describe, expect, it } from "vitest";
import { TEST_DATABASES } from "../support/databases.js";
import {
  dropServeDatabases,
  prepareServeData,
  type ServeProcess,
  startServe,
} from "../support/serve-process.js";

/*
 * Issue 15.1: kill -9 a real server with Idempotency-Keys in flight, start it again, retry
 * every request with its key: each answers 2xx and each check-in is written exactly once.
 */
const REQUESTS = 8;
const databases = TEST_DATABASES.map((d) => d.name);

afterAll(dropServeDatabases);

for (const kind of databases) {
  describe(`kill -9 with Idempotency-Keys in flight, on ${kind}`, () => {
    it("lets every retry after the restart finish: 2xx, written once", async () => {
      const { databaseUrl, dataDir, secret, metric } = await prepareServeData(kind, "M");
      const args = dataDir ? ["--data", dataDir] : [];
      // A short lease on PostgreSQL (where other servers may hold keys) so the test need not wait 15 s.
      const env: Record<string, string> = {
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        THROUGHLINE_IDEMPOTENCY_LEASE_MS: "1500",
      };
      const path = `/api/v1/workspaces/big/metrics/${metric}/checkins`;
      const send = (server: ServeProcess, i: number) =>
        fetch(`${server.url}${path}`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${secret}`,
            "content-type": "application/json",
            "idempotency-key": `crash-${i}`,
          },
          body: JSON.stringify({ date: "2026-01-02", value: 1000 + i }),
        });

      const first = await startServe(args, env);
      const inFlight = Array.from({ length: REQUESTS }, (_, i) => send(first, i).catch(() => undefined));
      // Killed once the first has been answered: the others have claimed their keys by then
      // and wait for their turn to write (one at a time on PGlite) or are writing.
      await first.waitFor(/"statusCode":201.*"request completed"/);
      first.child.kill("SIGKILL");
      await first.exited;
      await Promise.all(inFlight);

      const second = await startServe(args, env);
      try {
        for (let i = 0; i < REQUESTS; i++) {
          let res = await send(second, i);
          // A key still leased by the dead server (PostgreSQL): wait as told, a bounded number of times.
          for (let attempt = 0; res.status === 409 && attempt < 20; attempt++) {
            const seconds = Number(res.headers.get("retry-after") ?? "1");
            await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
            res = await send(second, i);
          }
          expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(200);
          expect(res.status).toBeLessThan(300);
        }
        const item = await fetch(`${second.url}/api/v1/workspaces/big/metrics/${metric}`, {
          headers: { authorization: `Bearer ${secret}` },
        });
        const checkins = ((await item.json()) as { checkins: { value: number }[] }).checkins;
        for (let i = 0; i < REQUESTS; i++)
          expect(
            checkins.filter((c) => c.value === 1000 + i),
            `check-in ${i}`,
          ).toHaveLength(1);
      } finally {
        second.child.kill("SIGTERM");
        await second.exited;
      }
    }, 240_000);
  });
}
