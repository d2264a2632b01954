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

export function readSessionCookie(request: FastifyRequest): string | undefined {
  const cookies = request.cookies ?? {};
  return cookies[SECURE_SESSION_COOKIE] ?? cookies[SESSION_COOKIE];
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
