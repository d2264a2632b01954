import { sql } from "kysely";
import { AppError, isAppError } from "../../domain/errors.js";
import type { Role } from "../../domain/roles.js";
import { isRole } from "../../domain/roles.js";
import type { ApiToken, AuthDb, Invite, User } from "../../store/index.js";
import {
  appendAuthAudit,
  consumeSetupToken,
  countUsers,
  createApiToken,
  createSetupToken,
  createUser,
  deleteUserSessions,
  findOpenInvite,
  findUserByEmail,
  markInviteAccepted,
  normaliseEmail,
  setPasswordHash,
  upsertMember,
} from "../../store/index.js";
import type { AuthConfig } from "./auth-config.js";
import { checkNewPassword, hashPassword } from "./passwords.js";
import { hashSecret, newSecret } from "./secrets.js";
import { checkCredentials } from "./sign-in.js";

/*
 * Account operations shared by the API and the command line. Each validates its input and
 * changes nothing when the input is bad.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(email: unknown, path = "email"): string {
  if (typeof email !== "string" || email.trim().length > 254 || !EMAIL.test(email.trim()))
    throw new AppError("invalid_request", "An e-mail address like name@example.com is required.", {
      problems: [{ path: [path], message: "must be an e-mail address like name@example.com" }],
    });
  return normaliseEmail(email);
}

export function checkName(name: unknown, email: string, path = "name"): string {
  if (name === undefined || name === null || name === "") return email.split("@")[0] ?? email;
  if (typeof name !== "string" || name.trim().length === 0 || name.length > 200)
    throw new AppError("invalid_request", "The name must be 1 to 200 characters.", {
      problems: [{ path: [path], message: "must be 1 to 200 characters" }],
    });
  return name.trim();
}

export function checkRole(role: unknown, path = "role"): Role {
  if (!isRole(role))
    throw new AppError("invalid_request", "The role must be viewer, contributor, editor or admin.", {
      problems: [{ path: [path], message: "must be one of viewer, contributor, editor, admin" }],
    });
  return role;
}

/** Creates a user (the CLI's `users add`); an instance administrator with `isAdmin`. */
export async function addUser(
  db: AuthDb,
  input: { email: unknown; name?: unknown; password: unknown; isAdmin: boolean },
  config: AuthConfig,
): Promise<User> {
  const email = checkEmail(input.email);
  const name = checkName(input.name, email);
  const password = checkNewPassword(input.password);
  const passwordHash = await hashPassword(password);
  return createUser(db, { email, name, passwordHash, isAdmin: input.isAdmin, now: config.now() });
}

/** Whether nobody can sign in yet: the first-run link is only offered then. */
export async function needsSetup(db: AuthDb): Promise<boolean> {
  return (await countUsers(db)) === 0;
}

/**
 * The first-run link `serve` prints while nobody can sign in: a one-time secret in the URL
 * fragment (never sent to the server by browsers, so never in access logs). undefined once
 * there are users.
 */
export async function firstRunLink(
  db: AuthDb,
  baseUrl: string,
  config: AuthConfig,
): Promise<string | undefined> {
  if (!(await needsSetup(db))) return undefined;
  const { token } = await createSetupLink(db, config);
  return `${baseUrl.replace(/\/+$/, "")}/setup#token=${token}`;
}

/** A one-time first-run secret; the caller prints it as a link. Only its hash is kept. */
export async function createSetupLink(
  db: AuthDb,
  config: AuthConfig,
): Promise<{ token: string; expiresAt: Date }> {
  const now = config.now();
  const token = newSecret("setup");
  const expiresAt = new Date(now.getTime() + config.setupLinkMs);
  await createSetupToken(db, hashSecret(token), now, expiresAt);
  return { token, expiresAt };
}

const setupRefused = () =>
  new AppError(
    "forbidden",
    "This setup link is not valid: it was used already, has expired, or setup is done.",
  );

/** The first-run setup: a valid link creates the first instance administrator, once. */
export async function completeSetup(
  db: AuthDb,
  input: { token: unknown; email: unknown; name?: unknown; password: unknown },
  config: AuthConfig,
): Promise<User> {
  const email = checkEmail(input.email);
  const name = checkName(input.name, email);
  const password = checkNewPassword(input.password);
  if (typeof input.token !== "string") throw setupRefused();
  const token = input.token;
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    // One setup at a time, so two links used at once cannot make two first administrators.
    await sql`select pg_advisory_xact_lock(7351001)`.execute(trx);
    if ((await countUsers(trx)) > 0) throw setupRefused();
    if (!(await consumeSetupToken(trx, hashSecret(token), config.now()))) throw setupRefused();
    return createUser(trx, { email, name, passwordHash, isAdmin: true, now: config.now() });
  });
}

const inviteRefused = () =>
  new AppError("forbidden", "This invitation is not valid: it was used already, withdrawn, or has expired.");

/** What an invitation offers, for the page that accepts it. */
export async function inspectInvite(db: AuthDb, token: unknown, config: AuthConfig): Promise<Invite> {
  if (typeof token !== "string") throw inviteRefused();
  const invite = await findOpenInvite(db, hashSecret(token), config.now());
  if (!invite) throw inviteRefused();
  return invite;
}

/**
 * Accepts an invitation: a new e-mail becomes a user with the password given; an existing
 * user proves it is them with their password. Either way they join the workspace with the
 * invited role (an existing stronger role is kept).
 */
export async function acceptInvite(
  db: AuthDb,
  input: { token: unknown; email: unknown; name?: unknown; password: unknown; ip: string },
  config: AuthConfig,
): Promise<{ user: User; invite: Invite; created: boolean }> {
  const invite = await inspectInvite(db, input.token, config);
  const email = checkEmail(input.email);
  if (invite.email && invite.email !== email)
    throw new AppError("forbidden", "This invitation is for another e-mail address.", {
      problems: [{ path: ["email"], message: "is not the address the invitation was sent to" }],
    });
  const existing = await findUserByEmail(db, email);
  // An invitation made before invitations named their address proves no address: it can
  // admit an existing account (which proves itself with its password), never create one
  // whose address would then match a plan person.
  if (!invite.email && !existing)
    throw new AppError(
      "forbidden",
      "This invitation names no e-mail address: ask for a new one sent to yours.",
      {
        problems: [{ path: ["email"], message: "has no account, and this invitation cannot vouch for it" }],
      },
    );
  let user: User;
  let passwordHash: string | undefined;
  if (existing) {
    // The same rate-limited check as sign-in, so an invitation is no side door for guessing.
    user = await checkCredentials(
      db,
      { email, password: typeof input.password === "string" ? input.password : "", ip: input.ip },
      config,
    ).catch((error: unknown) => {
      if (isAppError(error) && error.code === "unauthenticated")
        throw new AppError(
          "unauthenticated",
          "This e-mail already has an account: give its password to join.",
        );
      throw error;
    });
  } else {
    passwordHash = await hashPassword(checkNewPassword(input.password));
    user = { id: "", email, name: checkName(input.name, email), isAdmin: false };
  }
  return db.transaction().execute(async (trx) => {
    const now = config.now();
    if (passwordHash)
      user = await createUser(trx, { email, name: user.name, passwordHash, isAdmin: false, now });
    if (!(await markInviteAccepted(trx, invite.id, user.id, now))) throw inviteRefused();
    const current = await trx
      .selectFrom("memberships")
      .select("role")
      .where("workspace_id", "=", invite.workspaceId)
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    const keep = current && isRole(current.role) && rank(current.role) >= rank(invite.role);
    if (!keep)
      await upsertMember(trx, { workspaceId: invite.workspaceId, userId: user.id, role: invite.role, now });
    // In the same transaction: a joined member always has its audit entry.
    await appendAuthAudit(trx, {
      workspaceId: invite.workspaceId,
      actor: user.email,
      action: "create",
      entityType: "member",
      entityId: user.id,
      before: null,
      after: {
        userId: user.id,
        email: user.email,
        role: invite.role,
        invite: invite.id,
        newUser: Boolean(passwordHash),
      },
    });
    return { user, invite, created: Boolean(passwordHash) };
  });
}

const rank = (role: Role) => ["viewer", "contributor", "editor", "admin"].indexOf(role);

/** Changes a password after checking the current one; signs the user out everywhere else. */
export async function changePassword(
  db: AuthDb,
  input: { user: User; currentPassword: unknown; newPassword: unknown; keepSessionHash?: string; ip: string },
  config: AuthConfig,
): Promise<void> {
  const newPassword = checkNewPassword(input.newPassword, "newPassword");
  // Rate-limited like sign-in: a stolen session must not become a way to guess the password.
  const current = typeof input.currentPassword === "string" ? input.currentPassword : "";
  await checkCredentials(db, { email: input.user.email, password: current, ip: input.ip }, config).catch(
    (error: unknown) => {
      if (isAppError(error) && error.code === "unauthenticated")
        throw new AppError("invalid_request", "The current password is wrong.", {
          problems: [{ path: ["currentPassword"], message: "is not your current password" }],
        });
      throw error;
    },
  );
  const passwordHash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, input.user.id, passwordHash, config.now());
    await deleteUserSessions(trx, input.user.id, input.keepSessionHash);
  });
}

/** A new API token for a workspace: the secret is returned once and only its hash kept. */
export async function issueApiToken(
  db: AuthDb,
  input: { workspaceId: string; role: unknown; name?: unknown; createdBy: string | null },
  config: AuthConfig,
): Promise<{ token: ApiToken; secret: string }> {
  const role = checkRole(input.role);
  const name =
    input.name === undefined || input.name === null || input.name === "" ? `${role} token` : input.name;
  if (typeof name !== "string" || name.length > 100)
    throw new AppError("invalid_request", "The token name must be at most 100 characters.", {
      problems: [{ path: ["name"], message: "must be text of at most 100 characters" }],
    });
  const secret = newSecret("apiToken");
  const token = await createApiToken(db, {
    workspaceId: input.workspaceId,
    name: name.trim() || `${role} token`,
    role,
    tokenHash: hashSecret(secret),
    createdBy: input.createdBy,
    now: config.now(),
  });
  return { token, secret };
}
