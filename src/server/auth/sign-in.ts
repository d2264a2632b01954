import { AppError } from "../../domain/errors.js";
import type { AuthDb, User } from "../../store/index.js";
import {
  countAttempt,
  findUserByEmail,
  normaliseEmail,
  publicUser,
  uncountAttempt,
} from "../../store/index.js";
import type { AuthConfig } from "./auth-config.js";
import { verifyAgainstNothing, verifyPassword } from "./passwords.js";

/*
 * Checks an e-mail and password, with attempts limited per account and per client address
 * (counted in the database). Every attempt is counted first, atomically, and only an attempt
 * whose number is within both limits has its password checked: parallel guesses cannot all
 * slip in between a read of the count and the write of a failure. Past a limit every attempt
 * is refused with 429 before the password is checked, even with the right password. A
 * success takes its own attempt back, so what a window counts is the wrong passwords: at most
 * the limit of them are ever checked, however the attempts interleave.
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
  const ip = await countAttempt(db, ipKey, now, config.rateWindowMs);
  const account = await countAttempt(db, accountKey, now, config.rateWindowMs);
  refuseWhenLimited(account, config.accountFailures, now, config);
  refuseWhenLimited(ip, config.ipFailures, now, config);

  const user = await findUserByEmail(db, input.email);
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstNothing(input.password);
  if (!user || !ok) throw new AppError("unauthenticated", "The e-mail or password is wrong.");
  await uncountAttempt(db, accountKey);
  await uncountAttempt(db, ipKey);
  return publicUser(user);
}

function refuseWhenLimited(
  count: { failures: number; windowStart: Date },
  limit: number,
  now: Date,
  config: AuthConfig,
): void {
  // The count includes this attempt: the limit-th attempt is still checked.
  if (count.failures <= limit) return;
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
