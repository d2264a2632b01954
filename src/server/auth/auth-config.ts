import type { Mailer } from "./mailer.js";

/*
 * The knobs of sign-in. Defaults follow OWASP's session and authentication guidance; tests
 * shorten them.
 */
export interface AuthConfig {
  /** A session ends after this long without use… */
  sessionIdleMs: number;
  /** …and after this long in any case. */
  sessionAbsoluteMs: number;
  /** Failed sign-ins allowed per account, and per client address, in one window. */
  accountFailures: number;
  ipFailures: number;
  rateWindowMs: number;
  /** How long the first-run link and an invite stay valid. */
  setupLinkMs: number;
  inviteMs: number;
  /**
   * Secure cookies: `auto` when the request came over https (behind a proxy only when the
   * server trusts it, THROUGHLINE_TRUST_PROXY), `always`, or `never`.
   */
  secureCookies: "auto" | "always" | "never";
  /** The clock; injected so tests can move time. */
  now: () => Date;
  /** Where people reach the web app (THROUGHLINE_PUBLIC_URL), for links; else taken from the request. */
  publicUrl?: string;
  /** Sends invitations by e-mail when SMTP_URL is configured. */
  mailer?: Mailer;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const DEFAULT_AUTH_CONFIG: AuthConfig = {
  sessionIdleMs: 7 * DAY,
  sessionAbsoluteMs: 30 * DAY,
  accountFailures: 5,
  ipFailures: 50,
  rateWindowMs: 15 * MINUTE,
  setupLinkMs: DAY,
  inviteMs: 7 * DAY,
  secureCookies: "auto",
  now: () => new Date(),
};

export function authConfig(overrides: Partial<AuthConfig> = {}): AuthConfig {
  return { ...DEFAULT_AUTH_CONFIG, ...overrides };
}
