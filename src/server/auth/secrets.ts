import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/*
 * Random bearer secrets (session ids, API tokens, one-time links) and their stored form.
 * Only the SHA-256 of a secret is kept in the database: it has 256 bits of randomness, so a
 * fast hash is enough (no salt or slow hash needed), and a database leak yields nothing usable.
 */

/** Prefixes make a leaked secret recognisable to people and secret scanners. */
export const SECRET_PREFIX = {
  apiToken: "tl_",
  session: "tls_",
  setup: "tlsetup_",
  invite: "tlinv_",
} as const;
export type SecretKind = keyof typeof SECRET_PREFIX;

/** A new secret: the prefix and 32 random bytes, base64url. */
export function newSecret(kind: SecretKind): string {
  return `${SECRET_PREFIX[kind]}${randomBytes(32).toString("base64url")}`;
}

/** A random value that is not a credential by itself (the CSRF token). */
export function newNonce(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function hasPrefix(secret: string, kind: SecretKind): boolean {
  return secret.startsWith(SECRET_PREFIX[kind]);
}

/** Constant-time comparison of two strings (for the CSRF token). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}
