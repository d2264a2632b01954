import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_DATABASES } from "../support/databases.js";
import { dropServeDatabases, prepareServeData, startServe } from "../support/serve-process.js";

/*
 * Issue 15.3: SIGTERM with busy keep-alive connections. The server finishes what it is
 * running, closes the connections (idle now or after their answer), removes the data lock
 * and exits, well inside a container's 10 s stop timeout.
 */
const CLIENTS = 6;

afterAll(dropServeDatabases);

for (const kind of TEST_DATABASES.map((d) => d.name)) {
  describe(`SIGTERM with busy keep-alive connections, on ${kind}`, () => {
    it("finishes the requests in flight, then exits and removes the lock", async () => {
      const data = await prepareServeData(kind, "S");
      const server = await startServe(data.args, data.env);
      const headers = { authorization: `Bearer ${data.secret}`, "content-type": "application/json" };
      const answers: number[] = [];
      let busy!: () => void;
      const wasBusy = new Promise<void>((resolve) => {
        busy = resolve;
      });
      // Each client reuses one keep-alive connection (fetch pools them), writing then reading.
      let stopped = false;
      // Each stops sending once SIGTERM is sent: its connection turns idle after its last answer.
      const client = async (n: number) => {
        for (let i = 0; !stopped; i++) {
          try {
            const res = await fetch(`${server.url}/api/v1/workspaces/big/metrics/${data.metric}/checkins`, {
              method: "POST",
              headers,
              body: JSON.stringify({ date: "2026-03-01", value: n * 1000 + i }),
            });
            await res.arrayBuffer();
            answers.push(res.status);
            if (answers.length === CLIENTS * 2) busy();
            if (res.status === 503) return;
          } catch {
            // Refused: the server closed, and no longer accepts connections.
            return;
          }
        }
      };
      const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
      // Busy: every client has been answered at least once, and more requests are running.
      await wasBusy;
      // Read as it arrives, as a client does (fetch fails a body left unread when the socket closes).
      const running = fetch(`${server.url}/api/v1/workspaces/big/analysis`, { headers }).then(
        async (res) => ({
          status: res.status,
          text: await res.text(),
        }),
      );
      await server.waitFor(/"incoming request".*\/analysis|\/analysis.*"incoming request"/);

      stopped = true;
      server.child.kill("SIGTERM");
      const bound = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 10_000).unref());
      const exit = await Promise.race([server.exited, bound]);
      if (exit === "timeout") server.child.kill("SIGKILL");
      expect(exit, server.output().slice(-2000)).toEqual({ code: 0, signal: null });
      // It stopped because every connection closed, not because the last-resort cut at 8 s came.
      expect(server.output()).not.toMatch(/still running after 8 s/);

      // The request running at SIGTERM was answered in full.
      const answered = await running;
      expect(answered.status).toBe(200);
      expect(JSON.parse(answered.text).index).toBeDefined();
      await Promise.all(clients);
      expect(answers.every((s) => s === 201 || s === 503)).toBe(true);
      if (data.dataDir) expect(existsSync(join(data.dataDir, "throughline.lock"))).toBe(false);
    }, 180_000);
  });
}
