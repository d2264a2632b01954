import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MyWorkResponse } from "../../src/domain/my-work.js";
import { buildServer } from "../../src/server/app.js";
import { addUser } from "../../src/server/auth/accounts.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import { addMember } from "../../src/store/auth/memberships.js";
import type { Store } from "../../src/store/index.js";
import { examplePlan } from "../support/acme.js";
import { TEST_DATABASES } from "../support/databases.js";

const API = "/api/v1";
const TODAY = "2026-09-15";
const RAJ = { email: "raj@acme.example", name: "Raj", password: "contributor password 1" };
const MAYA = { email: "maya@acme.example", name: "Maya", password: "editor password 12345" };

for (const database of TEST_DATABASES) {
  describe(`My work on ${database.name}`, () => {
    let store: Store;
    let app: FastifyInstance;
    const headers: Record<string, Record<string, string>> = {};

    beforeAll(async () => {
      store = await database.open({ today: () => TODAY });
      app = await buildServer({ store, today: () => TODAY });
      const plan = examplePlan();
      delete plan.asOf;
      const { workspace } = await store.workspaces.replacePlan("acme", plan, { actor: "test" });
      const db = authDb(store.db);
      for (const [person, role] of [
        [RAJ, "contributor"],
        [MAYA, "editor"],
      ] as const) {
        const user = await addUser(db, { ...person, isAdmin: false }, app.auth.config);
        await addMember(db, { workspaceId: workspace.id, userId: user.id, role, now: new Date() });
        const res = await app.inject({
          method: "POST",
          url: `${API}/session`,
          payload: { email: person.email, password: person.password },
        });
        const cookie = res.cookies
          .filter((c) => c.name.endsWith("tl_session"))
          .map((c) => `${c.name}=${c.value}`)
          .join("; ");
        headers[person.email] = { cookie, "x-csrf-token": res.json().csrfToken };
      }
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await store?.close();
      await database.cleanup();
    });

    const myWork = async (email: string) => {
      const res = await app.inject({
        method: "GET",
        url: `${API}/workspaces/acme/my-work`,
        headers: headers[email],
      });
      expect(res.statusCode).toBe(200);
      return res.json() as MyWorkResponse;
    };

    it("lists what a contributor owes, and what changed since they marked it seen", async () => {
      const first = await myWork(RAJ.email);
      expect(first.personIds).toEqual(["raj"]);
      expect(first.staleCheckins.map((i) => i.finding.subject.id)).toEqual(
        expect.arrayContaining(["time-to-first-dashboard", "activation"]),
      );
      expect(first.changes.since).toBeNull();
      const seen = await app.inject({
        method: "POST",
        url: `${API}/workspaces/acme/my-work/seen`,
        headers: headers[RAJ.email],
      });
      expect(seen.statusCode).toBe(204);

      // Maya, an editor, checks in on one of Raj's metrics.
      const checkin = await app.inject({
        method: "POST",
        url: `${API}/workspaces/acme/checkins`,
        headers: headers[MAYA.email],
        payload: { checkins: [{ metric: "activation", date: TODAY, value: 3 }] },
      });
      expect(checkin.statusCode).toBe(201);

      const after = await myWork(RAJ.email);
      expect(after.staleCheckins.map((i) => i.finding.subject.id)).not.toContain("activation");
      expect(after.changes.since).not.toBeNull();
      expect(after.changes.closed).toContain("metric-stale metric activation");
      expect(after.changes.indexThen).toBe(first.changes.indexNow);
      expect(after.changes.indexNow).toBeLessThanOrEqual(first.changes.indexNow);
      expect(after.changes.activity).toEqual([
        expect.objectContaining({ actor: MAYA.email, entityType: "checkin", entityId: "activation" }),
      ]);
    });

    it("is empty for someone who is no plan person, and a contributor checks in on their metrics", async () => {
      const maya = await myWork(MAYA.email);
      expect(maya.staleCheckins.map((i) => i.finding.subject.id)).not.toContain("time-to-first-dashboard");
      const raj = await app.inject({
        method: "POST",
        url: `${API}/workspaces/acme/checkins`,
        headers: headers[RAJ.email],
        payload: { checkins: [{ metric: "time-to-first-dashboard", date: TODAY, value: 30 }] },
      });
      expect(raj.statusCode).toBe(201);
      expect((await myWork(RAJ.email)).staleCheckins).toEqual([]);
    });
  });
}
