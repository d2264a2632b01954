import Fastify, { type FastifyInstance } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import { AppError } from "../../../src/domain/errors.js";
import { registerAccessRoutes } from "../../../src/server/auth/access-routes.js";
import type { AuthBackend } from "../../../src/server/auth/auth-backend.js";
import type { AuthConfig } from "../../../src/server/auth/auth-config.js";
import { installAuth } from "../../../src/server/auth/install-auth.js";
import { registerSessionRoutes } from "../../../src/server/auth/session-routes.js";
import { storeAuthBackend } from "../../../src/server/auth/store-backend.js";
import { installProblemDetails } from "../../../src/server/problem-details.js";
import type { Database, Store } from "../../../src/store/index.js";
import type { TestDatabase } from "../../support/databases.js";

/*
 * Auth on its own over the real store: a Fastify app with only the auth routes and a few
 * stand-in workspace routes, so sign-in, tokens and invitations are tested without the rest
 * of the server.
 */
export interface Standalone {
  app: FastifyInstance;
  store: Store;
  db: Kysely<Database>;
  addWorkspace(slug: string): Promise<string>;
  /** The workspace's audit log, newest first. */
  audits(slug: string): Promise<{ actor: string; action: string; entityType: string; entityId: string }[]>;
  close(): Promise<void>;
}

export async function standalone(
  database: TestDatabase,
  config: Partial<AuthConfig> = {},
  ownsItem?: AuthBackend["ownsItem"],
): Promise<Standalone> {
  const store = await database.open();
  const backend = storeAuthBackend(store);
  if (ownsItem) backend.ownsItem = ownsItem;
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  installProblemDetails(app);
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
    store,
    db: store.db,
    async addWorkspace(slug) {
      return (await store.workspaces.createWorkspace({ slug, name: slug }, { actor: "test" })).id;
    },
    async audits(slug) {
      return (await store.workspaces.listAudit(slug, { limit: 500 })).items;
    },
    /** Closes the app and the store; the suite drops its databases with database.cleanup(). */
    async close() {
      await app.close();
      await store.close();
    },
  };
}
