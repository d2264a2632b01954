import { describe, expect, it } from "vitest";
import { authFromEnv, parseTrustProxy } from "./auth-env.js";

describe("auth settings from the environment", () => {
  it("trusts no proxy unless told, then all, some hops, or named addresses", () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy("0")).toBe(false);
    expect(parseTrustProxy("true")).toBe(true);
    expect(parseTrustProxy("1")).toBe(true);
    expect(parseTrustProxy("2")).toBe(2);
    expect(parseTrustProxy("10.0.0.0/8, 127.0.0.1")).toBe("10.0.0.0/8, 127.0.0.1");
  });

  it("https makes cookies always Secure; the public URL and SMTP are optional", () => {
    const plain = authFromEnv({});
    expect(plain).toMatchObject({ trustProxy: false, https: false });
    expect(plain.auth.secureCookies).toBeUndefined();
    expect(plain.auth.mailer).toBeUndefined();
    const served = authFromEnv({
      THROUGHLINE_HTTPS: "1",
      THROUGHLINE_PUBLIC_URL: "https://plan.example.com",
      SMTP_URL: "smtp://localhost:2525",
    });
    expect(served.auth).toMatchObject({ secureCookies: "always", publicUrl: "https://plan.example.com" });
    expect(served.auth.mailer).toBeDefined();
  });
});
