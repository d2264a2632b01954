import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { AppError, isAppError } from "../../../src/domain/errors.js";
import { registerAccessRoutes } from "../../../src/server/auth/access-routes.js";
import type { AuthAuditEntry, AuthBackend } from "../../../src/server/auth/auth-backend.js";
import type { AuthConfig } from "../../../src/server/auth/auth-config.js";
import { installAuth } from "../../../src/server/auth/install-auth.js";
import { registerSessionRoutes } from "../../../src/server/auth/session-routes.js";
import { up } from "../../../src/store/auth/auth-migration.js";

/*
 * Auth on its own: a scratch PostgreSQL database with a minimal workspaces table and a
 * Fastify app with only the auth routes. Used until the full server is wired in.
 */
const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface Standalone {
  app: FastifyInstance;
  // biome-ignore lint/suspicious/noExplicitAny: scratch database
  db: Kysely<any>;
  audits: AuthAuditEntry[];
  addWorkspace(slug: string): Promise<string>;
  close(): Promise<void>;
}

export async function standalone(
  config: Partial<AuthConfig> = {},
  ownsItem: AuthBackend["ownsItem"] = async () => undefined,
): Promise<Standalone> {
  const name = `tl_auth_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  // biome-ignore lint/suspicious/noExplicitAny: scratch database
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  await sql`create table workspaces (id text primary key, slug text unique not null)`.execute(db);
  await up(db);

  const audits: AuthAuditEntry[] = [];
  const backend: AuthBackend = {
    db,
    findWorkspace: (slug) =>
      db.selectFrom("workspaces").select(["id", "slug"]).where("slug", "=", slug).executeTakeFirst(),
    ownsItem,
    audit: async (entry) => {
      audits.push(entry);
    },
  };
  const app = Fastify();
  app.setErrorHandler((error, _request, reply) => {
    const status = isAppError(error) ? error.status : ((error as { statusCode?: number }).statusCode ?? 500);
    reply
      .code(status)
      .type("application/problem+json")
      .send({
        status,
        code: isAppError(error) ? error.code : "internal",
        detail: (error as Error).message,
        errors: isAppError(error) ? error.problems : [],
      });
  });
  await installAuth(app, backend, config);
  await registerSessionRoutes(app);
  await registerAccessRoutes(app);
  app.get("/api/v1/workspaces/:ws/things", { config: { permission: "workspace:read" } }, async (request) => ({
    workspace: request.access?.slug,
  }));
  app.post("/api/v1/workspaces/:ws/things", { config: { permission: "workspace:edit" } }, async (_r, reply) =>
    reply.code(201).send({ ok: true }),
  );
  app.patch(
    "/api/v1/workspaces/:ws/priorities/:id",
    { config: { permission: "workspace:edit-owned" } },
    async () => ({
      ok: true,
    }),
  );
  app.post(
    "/api/v1/workspaces/:ws/insights",
    { config: { permission: "workspace:contribute" } },
    async () => ({
      ok: true,
    }),
  );
  app.post("/api/v1/workspaces", { config: { permission: "instance-admin" } }, async () => {
    throw new AppError("invalid_request", "stub");
  });
  await app.ready();
  return {
    app,
    db,
    audits,
    async addWorkspace(slug) {
      const id = randomUUID();
      await db.insertInto("workspaces").values({ id, slug }).execute();
      return id;
    },
    async close() {
      await app.close();
      await db.destroy();
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
