import { Writable } from "node:stream";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { LOG_REDACTION, registerSecurityHeaders } from "../../src/server/auth/security-headers.js";

describe("security headers", () => {
  it("sends a strict Content-Security-Policy: own scripts and styles only, nothing inline, no framing", async () => {
    const app = Fastify();
    await registerSecurityHeaders(app);
    app.get("/", async () => "ok");
    const response = await app.inject({ method: "GET", url: "/" });
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
    expect(response.headers["strict-transport-security"]).toBeUndefined();
    expect(response.headers["access-control-allow-origin"]).toBeUndefined();
    await app.close();
  });

  it("adds HSTS when served over https", async () => {
    const app = Fastify();
    await registerSecurityHeaders(app, { https: true });
    app.get("/", async () => "ok");
    const response = await app.inject({ method: "GET", url: "/" });
    expect(response.headers["strict-transport-security"]).toContain("max-age=");
    await app.close();
  });
});

describe("logs", () => {
  it("never contain authorization headers, cookies, passwords or tokens", async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = Fastify({
      logger: {
        level: "trace",
        stream,
        redact: LOG_REDACTION,
        serializers: { req: (req) => ({ method: req.method, url: req.url, headers: req.headers }) },
      },
    });
    app.post("/api/v1/session", async (request) => {
      request.log.info({ body: request.body }, "sign-in attempt");
      return { csrfToken: "csrf-secret-value" };
    });
    await app.inject({
      method: "POST",
      url: "/api/v1/session",
      headers: { authorization: "Bearer tl_supersecret", cookie: "tl_session=tls_cookiesecret" },
      payload: { email: "a@b.co", password: "hunter2 hunter2", token: "tlinv_invitesecret" },
    });
    const log = lines.join("");
    expect(log).toContain("sign-in attempt");
    for (const secret of ["tl_supersecret", "tls_cookiesecret", "hunter2", "tlinv_invitesecret"])
      expect(log).not.toContain(secret);
    expect(log).toContain("[redacted]");
    await app.close();
  });
});
