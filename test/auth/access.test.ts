import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, createSetupLink, issueApiToken } from "../../src/server/auth/accounts.js";
import { authConfig } from "../../src/server/auth/auth-config.js";
import { hashSecret, newSecret } from "../../src/server/auth/secrets.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import { createInvite } from "../../src/store/auth/invites.js";
import { addMember } from "../../src/store/auth/memberships.js";
import { TEST_DATABASES } from "../support/databases.js";
import { type Standalone, standalone } from "./support/standalone.js";

const config = authConfig();

describe.each(TEST_DATABASES)("access on $name", (database) => {
  let s: Standalone;
  let acmeId: string;

  beforeAll(async () => {
    s = await standalone(database);
    acmeId = await s.addWorkspace("acme");
    await s.addWorkspace("globex");
  });
  afterAll(async () => {
    await s?.close();
    await database.cleanup();
  });

  type Reply = { cookies: { name: string; value: string }[]; json(): { csrfToken: string } };
  const as = (r: Reply) => ({
    cookie: r.cookies
      .filter((c) => c.name.endsWith("tl_session"))
      .map((c) => `${c.name}=${c.value}`)
      .join("; "),
    "x-csrf-token": r.json().csrfToken,
  });
  const signIn = (email: string, password: string) =>
    s.app.inject({ method: "POST", url: "/api/v1/session", payload: { email, password } });

  describe("first run", () => {
    it("the one-time link creates the first admin once; later links and reuse are refused", async () => {
      expect((await s.app.inject({ method: "GET", url: "/api/v1/setup" })).json()).toEqual({ needed: true });
      const { token } = await createSetupLink(authDb(s.db), config);
      const bad = await s.app.inject({
        method: "POST",
        url: "/api/v1/setup",
        payload: {
          token: "tlsetup_guess",
          email: "root@example.com",
          name: "Root",
          password: "a long first password",
        },
      });
      expect(bad.statusCode).toBe(403);
      const weak = await s.app.inject({
        method: "POST",
        url: "/api/v1/setup",
        payload: { token, email: "root@example.com", password: "short" },
      });
      expect(weak.statusCode).toBe(422);
      const ok = await s.app.inject({
        method: "POST",
        url: "/api/v1/setup",
        payload: { token, email: "root@example.com", name: "Root", password: "a long first password" },
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().user).toMatchObject({ email: "root@example.com", isAdmin: true });
      expect(ok.cookies.some((c) => c.name === "tl_session")).toBe(true);
      const again = await s.app.inject({
        method: "POST",
        url: "/api/v1/setup",
        payload: { token, email: "other@example.com", password: "a long first password" },
      });
      expect(again.statusCode).toBe(403);
      const { token: later } = await createSetupLink(authDb(s.db), config);
      const afterSetup = await s.app.inject({
        method: "POST",
        url: "/api/v1/setup",
        payload: { token: later, email: "other@example.com", password: "a long first password" },
      });
      expect(afterSetup.statusCode).toBe(403);
      expect((await s.app.inject({ method: "GET", url: "/api/v1/setup" })).json()).toEqual({ needed: false });
    });
  });

  describe("invitations and members", () => {
    /** A viewer invitation to acme, created by the instance administrator; its secret. */
    const viewerInvite = async (email: string): Promise<string> => {
      const root = as(await signIn("root@example.com", "a long first password"));
      const created = await s.app.inject({
        method: "POST",
        url: "/api/v1/workspaces/acme/invites",
        headers: root,
        payload: { role: "viewer", email },
      });
      return created.json().token;
    };

    it("an invitation must name the address it is for", async () => {
      const root = as(await signIn("root@example.com", "a long first password"));
      const open = await s.app.inject({
        method: "POST",
        url: "/api/v1/workspaces/acme/invites",
        headers: root,
        payload: { role: "viewer" },
      });
      expect(open.statusCode).toBe(422);
      expect(open.json().errors[0].path).toMatch(/email$/);
    });

    it("an invitation without an address (made before they needed one) cannot create an account", async () => {
      // Such invitations exist in databases from before; none can be made through the API now.
      const secret = newSecret("invite");
      await createInvite(authDb(s.db), {
        workspaceId: (await s.store.workspaces.getWorkspace("globex")).id,
        role: "contributor",
        email: null,
        tokenHash: hashSecret(secret),
        createdBy: null,
        now: new Date(),
        expiresAt: new Date(Date.now() + 86_400_000),
      });
      // The address of a plan person: accepting must not make the holder that person.
      const claim = await s.app.inject({
        method: "POST",
        url: "/api/v1/invites/accept",
        payload: { token: secret, email: "plan-person@example.com", password: "i am not them at all" },
      });
      expect(claim.statusCode).toBe(403);
      expect(claim.json().detail).toMatch(/names no e-mail address/);
      expect(
        (
          await s.app.inject({
            method: "POST",
            url: "/api/v1/session",
            payload: { email: "plan-person@example.com", password: "i am not them at all" },
          })
        ).statusCode,
      ).toBe(401);
      // An existing account proves itself with its password and may still join with it.
      await addUser(
        authDb(s.db),
        { email: "legacy@example.com", password: "legacy password!", isAdmin: false },
        config,
      );
      const joined = await s.app.inject({
        method: "POST",
        url: "/api/v1/invites/accept",
        payload: { token: secret, email: "legacy@example.com", password: "legacy password!" },
      });
      expect(joined.statusCode).toBe(200);
    });

    it("an admin invites; the link creates the user with the role, once", async () => {
      const root = as(await signIn("root@example.com", "a long first password"));
      const created = await s.app.inject({
        method: "POST",
        url: "/api/v1/workspaces/acme/invites",
        headers: root,
        payload: { role: "contributor", email: "new@example.com" },
      });
      expect(created.statusCode).toBe(201);
      const { token, url, emailed } = created.json();
      expect(url).toMatch(/\/invite#token=tlinv_/);
      expect(emailed).toBe(false);
      const inspected = await s.app.inject({
        method: "POST",
        url: "/api/v1/invites/inspect",
        payload: { token },
      });
      expect(inspected.json()).toMatchObject({
        role: "contributor",
        email: "new@example.com",
        workspace: { slug: "acme", name: "acme" },
      });
      const wrongEmail = await s.app.inject({
        method: "POST",
        url: "/api/v1/invites/accept",
        payload: { token, email: "someone@example.com", password: "my own password" },
      });
      expect(wrongEmail.statusCode).toBe(403);
      const accepted = await s.app.inject({
        method: "POST",
        url: "/api/v1/invites/accept",
        payload: { token, email: "new@example.com", name: "New", password: "my own password" },
      });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json()).toMatchObject({
        role: "contributor",
        user: { email: "new@example.com" },
        workspace: { slug: "acme" },
      });
      const reuse = await s.app.inject({
        method: "POST",
        url: "/api/v1/invites/accept",
        payload: { token, email: "new@example.com", password: "my own password" },
      });
      expect(reuse.statusCode).toBe(403);
      const members = await s.app.inject({
        method: "GET",
        url: "/api/v1/workspaces/acme/members",
        headers: root,
      });
      expect(
        members.json().items.map((m: { email: string; role: string }) => `${m.email}:${m.role}`),
      ).toEqual(["new@example.com:contributor"]);
      expect(
        (await s.audits("acme")).some(
          (a) => a.entityType === "member" && a.action === "create" && a.actor === "new@example.com",
        ),
      ).toBe(true);
    });

    it("an existing user joins with their own password", async () => {
      await addUser(
        authDb(s.db),
        { email: "old@example.com", password: "old user password", isAdmin: false },
        config,
      );
      const token = await viewerInvite("old@example.com");
      const wrong = await s.app.inject({
        method: "POST",
        url: "/api/v1/invites/accept",
        payload: { token, email: "old@example.com", password: "not my password" },
      });
      expect(wrong.statusCode).toBe(401);
      const ok = await s.app.inject({
        method: "POST",
        url: "/api/v1/invites/accept",
        payload: { token, email: "old@example.com", password: "old user password" },
      });
      expect(ok.statusCode).toBe(200);
      const viewer = as(await signIn("old@example.com", "old user password"));
      expect(
        (await s.app.inject({ method: "GET", url: "/api/v1/workspaces/acme/things", headers: viewer }))
          .statusCode,
      ).toBe(200);
      expect(
        (await s.app.inject({ method: "POST", url: "/api/v1/workspaces/acme/things", headers: viewer }))
          .statusCode,
      ).toBe(403);
      expect(
        (await s.app.inject({ method: "GET", url: "/api/v1/workspaces/globex/things", headers: viewer }))
          .statusCode,
      ).toBe(404);
      expect(
        (await s.app.inject({ method: "GET", url: "/api/v1/workspaces/nowhere/things", headers: viewer }))
          .statusCode,
      ).toBe(404);
    });

    it("guessing an existing account's password through an invitation is rate limited like sign-in", async () => {
      await addUser(
        authDb(s.db),
        { email: "target@example.com", password: "target password!", isAdmin: false },
        config,
      );
      const token = await viewerInvite("target@example.com");
      const guess = (password: string) =>
        s.app.inject({
          method: "POST",
          url: "/api/v1/invites/accept",
          payload: { token, email: "target@example.com", password },
        });
      for (let i = 0; i < 5; i++) expect((await guess(`guess number ${i}`)).statusCode).toBe(401);
      const limited = await guess("target password!");
      expect(limited.statusCode).toBe(429);
      expect(limited.headers["retry-after"]).toBeDefined();
    });

    it("two admins demoted at once: one stays admin (the check holds under a lock)", async () => {
      const root = as(await signIn("root@example.com", "a long first password"));
      const globexId = (await s.store.workspaces.getWorkspace("globex")).id;
      const ids: string[] = [];
      for (const name of ["ann", "ben"]) {
        const user = await addUser(
          authDb(s.db),
          { email: `${name}@globex.test`, password: `${name} admin password`, isAdmin: false },
          config,
        );
        await addMember(authDb(s.db), {
          workspaceId: globexId,
          userId: user.id,
          role: "admin",
          now: new Date(),
        });
        ids.push(user.id);
      }
      const answers = await Promise.all(
        [...ids, ...ids].map((id, i) =>
          s.app.inject({
            method: i < 2 ? "PATCH" : "DELETE",
            url: `/api/v1/workspaces/globex/members/${id}`,
            headers: root,
            ...(i < 2 ? { payload: { role: "viewer" } } : {}),
          }),
        ),
      );
      expect(answers.filter((a) => a.statusCode === 409).length).toBeGreaterThan(0);
      const members = (
        await s.app.inject({ method: "GET", url: "/api/v1/workspaces/globex/members", headers: root })
      ).json().items as { role: string }[];
      expect(members.filter((m) => m.role === "admin")).toHaveLength(1);
    });

    it("members: role changes, removal, and the last admin is kept", async () => {
      const root = as(await signIn("root@example.com", "a long first password"));
      const boss = await addUser(
        authDb(s.db),
        { email: "boss@example.com", password: "boss password!!", isAdmin: false },
        config,
      );
      const add = await s.app.inject({
        method: "POST",
        url: "/api/v1/workspaces/acme/members",
        headers: root,
        payload: { email: "boss@example.com", role: "admin" },
      });
      expect(add.statusCode).toBe(201);
      const unknown = await s.app.inject({
        method: "POST",
        url: "/api/v1/workspaces/acme/members",
        headers: root,
        payload: { email: "ghost@example.com", role: "viewer" },
      });
      expect(unknown.statusCode).toBe(422);
      const demote = await s.app.inject({
        method: "PATCH",
        url: `/api/v1/workspaces/acme/members/${boss.id}`,
        headers: root,
        payload: { role: "editor" },
      });
      expect(demote.statusCode).toBe(409);
      const badRole = await s.app.inject({
        method: "PATCH",
        url: `/api/v1/workspaces/acme/members/${boss.id}`,
        headers: root,
        payload: { role: "owner" },
      });
      expect(badRole.statusCode).toBe(422);
      const old = (
        await s.app.inject({ method: "GET", url: "/api/v1/workspaces/acme/members", headers: root })
      )
        .json()
        .items.find((m: { email: string }) => m.email === "old@example.com");
      const promote = await s.app.inject({
        method: "PATCH",
        url: `/api/v1/workspaces/acme/members/${old.userId}`,
        headers: root,
        payload: { role: "editor" },
      });
      expect(promote.json()).toMatchObject({ role: "editor" });
      const remove = await s.app.inject({
        method: "DELETE",
        url: `/api/v1/workspaces/acme/members/${old.userId}`,
        headers: root,
      });
      expect(remove.statusCode).toBe(204);
      const viewer = as(await signIn("old@example.com", "old user password"));
      expect(
        (await s.app.inject({ method: "GET", url: "/api/v1/workspaces/acme/things", headers: viewer }))
          .statusCode,
      ).toBe(404);
    });
  });

  describe("API tokens", () => {
    it("a token is shown once, works for its workspace and role only, and is dead after revocation", async () => {
      const root = as(await signIn("root@example.com", "a long first password"));
      const created = await s.app.inject({
        method: "POST",
        url: "/api/v1/workspaces/acme/tokens",
        headers: root,
        payload: { role: "viewer", name: "ci" },
      });
      expect(created.statusCode).toBe(201);
      const { id, token } = created.json();
      expect(token).toMatch(/^tl_[A-Za-z0-9_-]{43}$/);
      const bearer = { authorization: `Bearer ${token}` };
      expect(
        (await s.app.inject({ method: "GET", url: "/api/v1/workspaces/acme/things", headers: bearer }))
          .statusCode,
      ).toBe(200);
      expect(
        (await s.app.inject({ method: "POST", url: "/api/v1/workspaces/acme/things", headers: bearer }))
          .statusCode,
      ).toBe(403);
      expect(
        (await s.app.inject({ method: "GET", url: "/api/v1/workspaces/globex/things", headers: bearer }))
          .statusCode,
      ).toBe(404);
      const listed = await s.app.inject({
        method: "GET",
        url: "/api/v1/workspaces/acme/tokens",
        headers: root,
      });
      const entry = listed.json().items.find((t: { id: string }) => t.id === id);
      expect(entry.lastUsedAt).not.toBeNull();
      expect(JSON.stringify(listed.json())).not.toContain(token);
      const revoke = await s.app.inject({
        method: "DELETE",
        url: `/api/v1/workspaces/acme/tokens/${id}`,
        headers: root,
      });
      expect(revoke.statusCode).toBe(204);
      const after = await s.app.inject({
        method: "GET",
        url: "/api/v1/workspaces/acme/things",
        headers: bearer,
      });
      expect(after.statusCode).toBe(401);
      expect(after.headers["www-authenticate"]).toContain("invalid_token");
      expect(
        (await s.audits("acme"))
          .filter((a) => a.entityType === "token")
          .map((a) => `${a.action} by ${a.actor}`),
      ).toEqual(["delete by root@example.com", "create by root@example.com"]);
    });

    it("a token cannot sign out, change a password or act as an instance administrator", async () => {
      const { secret } = await issueApiToken(
        authDb(s.db),
        { workspaceId: acmeId, role: "admin", createdBy: null },
        config,
      );
      const bearer = { authorization: `Bearer ${secret}` };
      expect(
        (await s.app.inject({ method: "POST", url: "/api/v1/session/password", headers: bearer })).statusCode,
      ).toBe(403);
      expect(
        (await s.app.inject({ method: "POST", url: "/api/v1/workspaces", headers: bearer })).statusCode,
      ).toBe(403);
      expect(
        (await s.app.inject({ method: "GET", url: "/api/v1/workspaces/acme/members", headers: bearer }))
          .statusCode,
      ).toBe(200);
      const garbage = await s.app.inject({
        method: "GET",
        url: "/api/v1/workspaces/acme/things",
        headers: { authorization: "Bearer tl_nope" },
      });
      expect(garbage.statusCode).toBe(401);
    });
  });
});
