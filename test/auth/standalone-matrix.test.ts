import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installAuth } from "../../src/server/auth/install-auth.js";
import { TEST_DATABASES } from "../support/databases.js";
import { runMatrix } from "./support/matrix.js";
import { MATRIX_EMAILS, matrixFixture } from "./support/matrix-fixture.js";
import { type Standalone, standalone } from "./support/standalone.js";

/*
 * The matrix over the auth routes alone, with stand-in item routes. The full server's matrix
 * (authorization-matrix.test.ts) runs the same checks over every route it has.
 */
describe.each(TEST_DATABASES)("on $name", (database) => {
  let s: Standalone;
  beforeAll(async () => {
    s = await standalone(
      database,
      {},
      async (_ws, _collection, id, email) => id === "owned" && email === MATRIX_EMAILS.owner,
    );
  });
  afterAll(async () => {
    await s?.close();
    await database.cleanup();
  });

  describe("authorization matrix, auth routes", () => {
    it("every route × every caller answers as the policy says, and outsiders see 404 without data", async () => {
      const target = { id: await s.addWorkspace("acme"), slug: "acme" };
      const other = { id: await s.addWorkspace("globex"), slug: "globex" };
      const fixture = await matrixFixture({
        app: s.app,
        db: s.db,
        target,
        other,
        itemId: () => "owned",
        ownable: (route) => route.url.endsWith("/priorities/:id"),
        body: () => ({}),
        secrets: [target.id, MATRIX_EMAILS.admin],
      });
      expect(s.app.auth.routes.length).toBeGreaterThan(15);
      await runMatrix(fixture, s.app.auth.routes);
    });

    it("a route that declares no permission cannot be registered", async () => {
      const app = Fastify();
      await installAuth(app, {
        db: s.db,
        findWorkspace: async () => undefined,
        ownsItem: async () => undefined,
      });
      expect(() => app.get("/api/v1/forgotten", async () => "oops")).toThrow(/declares no permission/);
      await app.close();
    });
  });
});
