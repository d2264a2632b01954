import { AppError } from "../../domain/errors.js";
import type { AuthDb } from "../../store/auth/auth-db.js";
import { normaliseEmail } from "../../store/auth/auth-db.js";
import { clearFailures, readFailures, recordFailure } from "../../store/auth/rate-limits.js";
import type { User } from "../../store/auth/users.js";
import { findUserByEmail, publicUser } from "../../store/auth/users.js";
import type { AuthConfig } from "./auth-config.js";
import { verifyAgainstNothing, verifyPassword } from "./passwords.js";

/*
 * Checks an e-mail and password, with failed attempts limited per account and per client
 * address (counted in the database). While a limit is reached every attempt is refused with
 * 429 before the password is checked, so guessing cannot go on even with the right password.
 * Unknown e-mails fail the same way, in the same time, as wrong passwords.
 */
export async function checkCredentials(
  db: AuthDb,
  input: { email: string; password: string; ip: string },
  config: AuthConfig,
): Promise<User> {
  const now = config.now();
  const accountKey = `account:${normaliseEmail(input.email)}`;
  const ipKey = `ip:${input.ip}`;
  const counts = await readFailures(db, [accountKey, ipKey], now, config.rateWindowMs);
  refuseWhenLimited(counts.get(accountKey), config.accountFailures, now, config);
  refuseWhenLimited(counts.get(ipKey), config.ipFailures, now, config);

  const user = await findUserByEmail(db, input.email);
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstNothing(input.password);
  if (!user || !ok) {
    await recordFailure(db, accountKey, now, config.rateWindowMs);
    await recordFailure(db, ipKey, now, config.rateWindowMs);
    throw new AppError("unauthenticated", "The e-mail or password is wrong.");
  }
  await clearFailures(db, accountKey);
  return publicUser(user);
}

function refuseWhenLimited(
  count: { failures: number; windowStart: Date } | undefined,
  limit: number,
  now: Date,
  config: AuthConfig,
): void {
  if (!count || count.failures < limit) return;
  const retryAfter = Math.max(
    1,
    Math.ceil((count.windowStart.getTime() + config.rateWindowMs - now.getTime()) / 1000),
  );
  throw new AppError(
    "rate_limited",
    `Too many failed sign-ins. Try again in ${describeSeconds(retryAfter)}.`,
    {
      details: { retryAfter },
    },
  );
}

function describeSeconds(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
