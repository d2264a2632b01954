import { hash, verify } from "@node-rs/argon2";
import { AppError } from "../../domain/errors.js";
import { isCommonPassword } from "./common-passwords.js";

/*
 * Password hashing: argon2id at OWASP's recommended minimum (m = 19456 KiB, t = 2, p = 1).
 * The parameters are written into every hash (PHC string), so raising them later still
 * verifies old hashes.
 */
const ARGON2ID = 2; // Algorithm.Argon2id; the package's const enum cannot be imported under isolatedModules.
export const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Length rules (NIST SP 800-63B: length over composition rules; a cap keeps hashing cheap to refuse). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A real hash of a throwaway password: verifying against it when the account does not exist
// takes as long as a real check, so response times do not tell which e-mails have accounts.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("no account has this password, it only spends the same time");
  await verifyPassword(await dummyHash, password);
  return false;
}

/** Refuses a password that is too short, too long or among the most common; `path` names the field in the error. */
export function checkNewPassword(password: unknown, path = "password"): string {
  if (typeof password !== "string")
    throw new AppError("invalid_request", "A password is required.", {
      problems: [{ path: [path], message: "is required" }],
    });
  const length = [...password].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX)
    throw new AppError(
      "invalid_request",
      `The password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`,
      {
        problems: [{ path: [path], message: `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long` }],
      },
    );
  if (isCommonPassword(password))
    throw new AppError("invalid_request", "This password is one of the most common; choose another.", {
      problems: [{ path: [path], message: "is one of the most common passwords, tried first by attackers" }],
    });
  return password;
}
