import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { type CliIO, EXIT, UsageError } from "../io.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { openCliStore, withDataOption } from "./database-options.js";

const WEB_ROOT = join(PACKAGE_ROOT, "dist", "web");

export interface ServeOptions {
  port: string;
  host: string;
  data: string;
  demo?: boolean;
}

export function registerServe(program: Command, io: CliIO, setExit: (code: number) => void): void {
  withDataOption(
    program
      .command("serve")
      .description("run the web app and the API")
      .option("-p, --port <port>", "port to listen on", "3000")
      .option("--host <host>", "address to listen on", "127.0.0.1")
      .option("--demo", "load the Acme example into a `demo` workspace on first start"),
  ).action(async (options: ServeOptions) => {
    setExit(await serve(options, io));
  });
}

/** Starts the server; resolves once it listens. SIGTERM/SIGINT finish in-flight requests, then close the database. */
export async function serve(options: ServeOptions, io: CliIO): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0–65535, not "${options.port}"`);
  const store = await openCliStore(io, options.data);
  const { buildServer } = await import("../../server/app.js");
  try {
    if (options.demo) await (await import("../demo-workspace.js")).loadDemoWorkspace(store);
    const { authFromEnv } = await import("../../server/auth/auth-env.js");
    const deployment = authFromEnv(io.env);
    const app = await buildServer({
      store,
      logger: { level: io.env.LOG_LEVEL ?? "info" },
      webRoot: existsSync(WEB_ROOT) ? WEB_ROOT : undefined,
      https: deployment.https,
      trustProxy: deployment.trustProxy,
      auth: deployment.auth,
    });
    const address = await app.listen({ port, host: options.host });
    const url = address.replace("[::1]", "localhost").replace("127.0.0.1", "localhost");
    io.out(
      `Throughline is running at ${url}  (API: ${url}/api/v1/docs; data: ${store.kind === "postgres" ? "PostgreSQL" : store.location})\n`,
    );
    const { firstRunLink } = await import("../../server/auth/accounts.js");
    const link = await firstRunLink(store.db, app.auth.config.publicUrl ?? url, app.auth.config);
    if (link)
      io.out(
        `\nNobody can sign in yet. Open this one-time link to create the first administrator:\n  ${link}\n\n`,
      );

    // Digests (and later reminders and webhooks) run here, claimed in the database (src/jobs).
    const { JobRunner } = await import("../../jobs/job-runner.js");
    const { mailTransport } = await import("../../jobs/mail-transport.js");
    const { systemClock } = await import("../../jobs/clock.js");
    const jobs = new JobRunner({
      store,
      clock: systemClock,
      transport: mailTransport(io.env, (message, fields) => app.log.info(fields, message)),
      publicUrl: (app.auth.config.publicUrl ?? url).replace(/\/$/, ""),
      log: (message, fields) => app.log.info(fields ?? {}, message),
    });
    jobs.start(Number(io.env.THROUGHLINE_JOBS_INTERVAL_MS ?? 60_000));

    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, "shutting down: finishing requests in flight");
      // Container stop timeouts are 10 s: a request still running at 8 s is cut, so the
      // database is closed and its lock removed before the kill comes.
      const deadline = setTimeout(() => {
        app.log.warn("requests still running after 8 s: closing their connections");
        app.server.closeAllConnections();
      }, 8000);
      deadline.unref();
      await Promise.all([jobs.stop(), app.close()]);
      clearTimeout(deadline);
      await store.close();
      app.log.info("stopped");
    };
    process.once("SIGTERM", () => void shutdown("SIGTERM"));
    process.once("SIGINT", () => void shutdown("SIGINT"));
    return EXIT.ok;
  } catch (error) {
    await store.close();
    throw error;
  }
}
