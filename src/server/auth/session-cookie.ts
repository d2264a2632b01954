import type { FastifyReply, FastifyRequest } from "fastify";
import type { AuthConfig } from "./auth-config.js";

/*
 * The session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (other sites cannot
 * send it with their writes), Secure over https. Over https it takes the `__Host-` prefix,
 * which browsers only accept from a secure origin, for the whole host, with no Domain.
 */
export const SESSION_COOKIE = "tl_session";
export const SECURE_SESSION_COOKIE = "__Host-tl_session";

export function usesSecureCookies(request: FastifyRequest, config: AuthConfig): boolean {
  if (config.secureCookies === "always") return true;
  if (config.secureCookies === "never") return false;
  // request.protocol honours X-Forwarded-Proto only when the server trusts the proxy.
  return request.protocol === "https";
}

/**
 * The session id the request carries, in the one cookie its protocol allows: over https only
 * the `__Host-` cookie (a plain `tl_session` could have been planted by a sibling subdomain or
 * over http, which `__Host-` rules out), over http only the plain one.
 */
export function readSessionCookie(request: FastifyRequest, config: AuthConfig): string | undefined {
  const cookies = request.cookies ?? {};
  return cookies[usesSecureCookies(request, config) ? SECURE_SESSION_COOKIE : SESSION_COOKIE];
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  sessionId: string,
  expiresAt: Date,
  config: AuthConfig,
): void {
  const secure = usesSecureCookies(request, config);
  reply.setCookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, sessionId, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, config: AuthConfig): void {
  const secure = usesSecureCookies(request, config);
  reply.clearCookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
  });
}
