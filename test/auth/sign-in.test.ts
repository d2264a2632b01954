import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.js";
import { addUser } from "../../src/server/auth/accounts.js";
import { authConfig } from "../../src/server/auth/auth-config.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import { TEST_DATABASES } from "../support/databases.js";
import { type Standalone, standalone } from "./support/standalone.js";

describe.each(TEST_DATABASES)("sign-in on $name", (database) => {
  let s: Standalone;
  let now = new Date("2026-03-01T09:00:00Z");
  const clock = () => now;

  beforeAll(async () => {
    s = await standalone(database, { now: clock });
    await addUser(
      authDb(s.db),
      { email: "ana@example.com", name: "Ana", password: "correct horse battery", isAdmin: false },
      authConfig(),
    );
  });
  afterAll(async () => {
    await s?.close();
    await database.cleanup();
  });

  const signIn = (email: string, password: string, ip = "203.0.113.1") =>
    s.app.inject({ method: "POST", url: "/api/v1/session", payload: { email, password }, remoteAddress: ip });

  function cookieOf(response: { cookies: { name: string; value: string }[] }) {
    const c = response.cookies.find((x) => x.name.endsWith("tl_session"));
    return c ? `${c.name}=${c.value}` : "";
  }

  describe("sign-in", () => {
    it("sets an HttpOnly SameSite=Lax cookie and returns a CSRF token", async () => {
      const response = await signIn("Ana@Example.com", "correct horse battery");
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name === "tl_session");
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
      expect(cookie?.secure).toBeFalsy();
      expect(response.json().csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(response.json().user).toMatchObject({ email: "ana@example.com", name: "Ana" });
      expect(JSON.stringify(response.json())).not.toContain("password");
    });

    it("gives a new session id at every sign-in, and drops the one the browser had", async () => {
      const first = await signIn("ana@example.com", "correct horse battery");
      const second = await s.app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { email: "ana@example.com", password: "correct horse battery" },
        headers: { cookie: cookieOf(first) },
      });
      expect(cookieOf(second)).not.toBe(cookieOf(first));
      const old = await s.app.inject({
        method: "GET",
        url: "/api/v1/session",
        headers: { cookie: cookieOf(first) },
      });
      expect(old.statusCode).toBe(401);
      const current = await s.app.inject({
        method: "GET",
        url: "/api/v1/session",
        headers: { cookie: cookieOf(second) },
      });
      expect(current.statusCode).toBe(200);
    });
  });

  describe("rate limiting of sign-in", () => {
    it("answers 429 problem+json with Retry-After after repeated wrong passwords, even with the right one", async () => {
      await addUser(
        authDb(s.db),
        { email: "rate@example.com", password: "the right password", isAdmin: false },
        authConfig(),
      );
      for (let i = 0; i < 5; i++)
        expect((await signIn("rate@example.com", `wrong ${i}`, `198.51.100.${i}`)).statusCode).toBe(401);
      const limited = await signIn("rate@example.com", "the right password", "198.51.100.99");
      expect(limited.statusCode).toBe(429);
      expect(limited.headers["content-type"]).toContain("application/problem+json");
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
      expect(limited.json().detail).toMatch(/Too many failed sign-ins/);
      // The window passes: the right password works again.
      now = new Date(now.getTime() + 16 * 60_000);
      expect((await signIn("rate@example.com", "the right password")).statusCode).toBe(200);
    });

    it("checks at most the limit of 100 parallel wrong guesses; the rest are 429", async () => {
      await addUser(
        authDb(s.db),
        { email: "parallel@example.com", password: "the right password", isAdmin: false },
        authConfig(),
      );
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          signIn("parallel@example.com", `wrong guess ${i}`, `198.51.${i >> 8}.${i & 255}`),
        ),
      );
      const codes = answers.map((a) => a.statusCode);
      expect(codes.filter((c) => c === 401)).toHaveLength(5);
      expect(codes.filter((c) => c === 429)).toHaveLength(95);
    });

    it("never signs in when the right password comes in parallel with more wrong ones than the limit", async () => {
      await addUser(
        authDb(s.db),
        { email: "race@example.com", password: "the right password", isAdmin: false },
        authConfig(),
      );
      const wrong = Array.from({ length: 19 }, (_, i) =>
        signIn("race@example.com", `wrong ${i}`, `198.18.0.${i + 1}`),
      );
      const answers = await Promise.all([...wrong, signIn("race@example.com", "the right password")]);
      // At most five wrong passwords are checked; the right one only if it came within them.
      expect(answers.filter((a) => a.statusCode === 401).length).toBeLessThanOrEqual(5);
      expect(answers.filter((a) => a.statusCode === 429).length).toBeGreaterThanOrEqual(14);
    });

    it("limits one address trying many accounts", async () => {
      const local = await standalone(database, { now: clock, ipFailures: 3 });
      try {
        const attempt = (email: string) =>
          local.app.inject({
            method: "POST",
            url: "/api/v1/session",
            payload: { email, password: "guess guess guess" },
            remoteAddress: "192.0.2.7",
          });
        for (const email of ["a@x.io", "b@x.io", "c@x.io"])
          expect((await attempt(email)).statusCode).toBe(401);
        expect((await attempt("d@x.io")).statusCode).toBe(429);
      } finally {
        await local.close();
      }
    });

    it("counts in the database, so a restart or a second server keeps the limit", async () => {
      await addUser(
        authDb(s.db),
        { email: "twice@example.com", password: "the right password", isAdmin: false },
        authConfig(),
      );
      for (let i = 0; i < 5; i++) await signIn("twice@example.com", "wrong wrong wrong");
      // A second server process over the same database.
      const other = await buildServer({ store: s.store, auth: { now: clock } });
      const response = await other.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { email: "twice@example.com", password: "the right password" },
      });
      expect(response.statusCode).toBe(429);
      await other.close();
    });
  });

  describe("signing out", () => {
    it("signs out one session, or every session of the user", async () => {
      const a = cookieOf(await signIn("ana@example.com", "correct horse battery"));
      const b = await signIn("ana@example.com", "correct horse battery");
      const c = cookieOf(await signIn("ana@example.com", "correct horse battery"));
      const out = await s.app.inject({ method: "DELETE", url: "/api/v1/session", headers: { cookie: a } });
      expect(out.statusCode).toBe(403); // a cookie write without the CSRF token
      const csrfA = (
        await s.app.inject({ method: "GET", url: "/api/v1/session", headers: { cookie: a } })
      ).json().csrfToken;
      expect(
        (
          await s.app.inject({
            method: "DELETE",
            url: "/api/v1/session",
            headers: { cookie: a, "x-csrf-token": csrfA },
          })
        ).statusCode,
      ).toBe(204);
      expect(
        (await s.app.inject({ method: "GET", url: "/api/v1/session", headers: { cookie: a } })).statusCode,
      ).toBe(401);
      expect(
        (await s.app.inject({ method: "GET", url: "/api/v1/session", headers: { cookie: c } })).statusCode,
      ).toBe(200);
      const everywhere = await s.app.inject({
        method: "DELETE",
        url: "/api/v1/sessions",
        headers: { cookie: cookieOf(b), "x-csrf-token": b.json().csrfToken },
      });
      expect(everywhere.statusCode).toBe(204);
      expect(
        (await s.app.inject({ method: "GET", url: "/api/v1/session", headers: { cookie: c } })).statusCode,
      ).toBe(401);
    });

    it("changing the password needs the current one and signs out the other sessions", async () => {
      await addUser(
        authDb(s.db),
        { email: "pw@example.com", password: "first password!", isAdmin: false },
        authConfig(),
      );
      const mine = await signIn("pw@example.com", "first password!");
      const other = cookieOf(await signIn("pw@example.com", "first password!"));
      const headers = { cookie: cookieOf(mine), "x-csrf-token": mine.json().csrfToken };
      const change = (currentPassword: string, newPassword: string) =>
        s.app.inject({
          method: "POST",
          url: "/api/v1/session/password",
          headers,
          payload: { currentPassword, newPassword },
        });
      expect((await change("nope", "second password!")).statusCode).toBe(422);
      expect((await change("first password!", "short")).statusCode).toBe(422);
      for (const common of ["Password1234", "qwerty 123456", "aaaaaaaaaaaaaaaa"]) {
        const refused = await change("first password!", common);
        expect(refused.statusCode, common).toBe(422);
        expect(refused.json().errors[0]).toMatchObject({
          path: "newPassword",
          message: expect.stringMatching(/most common/),
        });
      }
      expect((await change("first password!", "second password!")).statusCode).toBe(204);
      expect(
        (await s.app.inject({ method: "GET", url: "/api/v1/session", headers: { cookie: other } }))
          .statusCode,
      ).toBe(401);
      expect(
        (await s.app.inject({ method: "GET", url: "/api/v1/session", headers: { cookie: cookieOf(mine) } }))
          .statusCode,
      ).toBe(200);
      expect((await signIn("pw@example.com", "first password!")).statusCode).toBe(401);
      expect((await signIn("pw@example.com", "second password!")).statusCode).toBe(200);
    });

    it("marks the cookie Secure over https behind a trusted proxy", async () => {
      const proxied = await buildServer({ store: s.store, trustProxy: true, auth: { now: clock } });
      const response = await proxied.inject({
        method: "POST",
        url: "/api/v1/session",
        headers: { "x-forwarded-proto": "https" },
        payload: { email: "ana@example.com", password: "correct horse battery" },
      });
      const cookie = response.cookies.find((c) => c.name === "__Host-tl_session");
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax", path: "/" });
      await proxied.close();
    });

    it("over https (THROUGHLINE_HTTPS=1) accepts only the __Host- cookie, never a plain tl_session", async () => {
      const secure = await buildServer({ store: s.store, https: true, auth: { now: clock } });
      try {
        const signedIn = await secure.inject({
          method: "POST",
          url: "/api/v1/session",
          payload: { email: "ana@example.com", password: "correct horse battery" },
        });
        const id = signedIn.cookies.find((c) => c.name === "__Host-tl_session")?.value;
        expect(id).toBeTruthy();
        const session = (cookie: string) =>
          secure.inject({ method: "GET", url: "/api/v1/session", headers: { cookie } });
        expect((await session(`__Host-tl_session=${id}`)).statusCode).toBe(200);
        // The same valid session id in the plain cookie, as a sibling subdomain could plant it.
        expect((await session(`tl_session=${id}`)).statusCode).toBe(401);
      } finally {
        await secure.close();
      }
    });
  });
});
