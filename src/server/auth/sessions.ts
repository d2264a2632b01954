import type { AuthDb, Session } from "../../store/index.js";
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteStaleFailures,
  findSession,
  touchSession,
} from "../../store/index.js";
import type { AuthConfig } from "./auth-config.js";
import { hashSecret, newNonce, newSecret } from "./secrets.js";

/** A new session: a fresh random id (never reused across sign-ins) and its CSRF token. */
export async function startSession(
  db: AuthDb,
  userId: string,
  config: AuthConfig,
): Promise<{ sessionId: string; csrfToken: string; expiresAt: Date }> {
  const now = config.now();
  const sessionId = newSecret("session");
  const csrfToken = newNonce();
  const expiresAt = new Date(now.getTime() + Math.min(config.sessionIdleMs, config.sessionAbsoluteMs));
  await createSession(db, { idHash: hashSecret(sessionId), userId, csrfToken, now, expiresAt });
  // Housekeeping at each sign-in, so dead sessions and old failure counts do not pile up.
  await deleteExpiredSessions(db, now);
  await deleteStaleFailures(db, new Date(now.getTime() - config.rateWindowMs));
  return { sessionId, csrfToken, expiresAt };
}

/**
 * The live session for a cookie value, extending its idle deadline (at most once a minute,
 * and never past the absolute one).
 */
export async function resumeSession(
  db: AuthDb,
  sessionId: string,
  config: AuthConfig,
): Promise<Session | undefined> {
  const now = config.now();
  const session = await findSession(db, hashSecret(sessionId), now);
  if (!session) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    const hardStop = session.createdAt.getTime() + config.sessionAbsoluteMs;
    const expiresAt = new Date(Math.min(now.getTime() + config.sessionIdleMs, hardStop));
    await touchSession(db, session.idHash, now, expiresAt);
    session.expiresAt = expiresAt;
  }
  return session;
}

export async function endSession(db: AuthDb, sessionId: string): Promise<void> {
  await deleteSession(db, hashSecret(sessionId));
}
