import type { AuthConfig } from "./auth-config.js";
import { mailerFromEnv } from "./mailer.js";

/*
 * Deployment settings for auth, from the environment `serve` runs in:
 * - THROUGHLINE_TRUST_PROXY: believe X-Forwarded-For/-Proto from a reverse proxy. `1`/`true`
 *   trusts any (only when nothing else can reach the server), a number trusts that many hops,
 *   anything else is a comma-separated list of proxy addresses or CIDRs.
 * - THROUGHLINE_HTTPS=1: the site is served over https (cookies always Secure, HSTS sent).
 * - THROUGHLINE_PUBLIC_URL: where people open the app, for the links we print or e-mail.
 * - SMTP_URL (and SMTP_FROM): e-mail invitations too.
 */
export interface AuthEnv {
  trustProxy: boolean | number | string;
  https: boolean;
  auth: Partial<AuthConfig>;
}

export function authFromEnv(env: Record<string, string | undefined>): AuthEnv {
  const https = env.THROUGHLINE_HTTPS === "1" || env.THROUGHLINE_HTTPS === "true";
  const publicUrl = env.THROUGHLINE_PUBLIC_URL?.trim() || undefined;
  return {
    trustProxy: parseTrustProxy(env.THROUGHLINE_TRUST_PROXY),
    https,
    auth: {
      ...(https ? { secureCookies: "always" as const } : {}),
      ...(publicUrl ? { publicUrl } : {}),
      mailer: mailerFromEnv(env),
    },
  };
}

export function parseTrustProxy(value: string | undefined): boolean | number | string {
  const text = value?.trim() ?? "";
  if (text === "" || text === "0" || text === "false") return false;
  if (text === "1" || text === "true") return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}
