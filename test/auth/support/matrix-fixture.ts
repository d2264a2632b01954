import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Role } from "../../../src/domain/roles.js";
import { issueApiToken } from "../../../src/server/auth/accounts.js";
import { authConfig } from "../../../src/server/auth/auth-config.js";
import { hashPassword } from "../../../src/server/auth/passwords.js";
import { hashSecret, newSecret } from "../../../src/server/auth/secrets.js";
import { startSession } from "../../../src/server/auth/sessions.js";
import { revokeApiToken } from "../../../src/store/auth/api-tokens.js";
import { authDb } from "../../../src/store/auth/auth-db.js";
import { createInvite } from "../../../src/store/auth/invites.js";
import { addMember } from "../../../src/store/auth/memberships.js";
import { createUser } from "../../../src/store/auth/users.js";
import type { Database } from "../../../src/store/index.js";
import type { ActorName, MatrixFixture, RouteCase } from "./matrix.js";

const config = authConfig();
let passwordHash: Promise<string> | undefined;

/** The people of the matrix: their e-mails match plan people where ownership matters. */
export const MATRIX_EMAILS = {
  viewer: "viewer@matrix.test",
  owner: "owner@matrix.test",
  other: "other@matrix.test",
  editor: "editor@matrix.test",
  admin: "admin@matrix.test",
  root: "root@matrix.test",
  outsider: "outsider@matrix.test",
};

export interface MatrixSetup {
  app: FastifyInstance;
  db: Kysely<Database>;
  target: { id: string; slug: string };
  other: { id: string; slug: string };
  /** The id to put in a route's item parameter, by collection (the URL segment before it). */
  itemId(collection: string, route: RouteCase): string;
  ownable(route: RouteCase): boolean;
  body(route: RouteCase): unknown;
  secrets: string[];
  /** Prefixes the matrix users' e-mails, so two fixtures can share one database. */
  emailPrefix?: string;
}

export async function matrixFixture(setup: MatrixSetup): Promise<MatrixFixture> {
  const db = authDb(setup.db);
  passwordHash ??= hashPassword("matrix password, never used to sign in");
  const hash = await passwordHash;
  const now = new Date();
  const users: Record<string, string> = {};
  const prefix = setup.emailPrefix ?? "";
  for (const [key, email] of Object.entries(MATRIX_EMAILS)) {
    const user = await createUser(db, {
      email: prefix + email,
      name: key,
      passwordHash: hash,
      isAdmin: key === "root",
      now,
    });
    users[key] = user.id;
  }
  const member = (key: string, workspaceId: string, role: Role) =>
    addMember(db, { workspaceId, userId: users[key], role, now });
  await member("viewer", setup.target.id, "viewer");
  await member("owner", setup.target.id, "contributor");
  await member("other", setup.target.id, "contributor");
  await member("editor", setup.target.id, "editor");
  await member("admin", setup.target.id, "admin");
  await member("outsider", setup.other.id, "admin");

  const sessionFor = async (key: string, method: string) => {
    const session = await startSession(db, users[key], config);
    const headers: Record<string, string> = { cookie: `tl_session=${session.sessionId}` };
    if (method !== "GET") headers["x-csrf-token"] = session.csrfToken;
    return headers;
  };
  const tokenFor = async (role: Role, revoked = false) => {
    const { token, secret } = await issueApiToken(
      db,
      { workspaceId: setup.target.id, role, createdBy: null },
      config,
    );
    if (revoked) await revokeApiToken(db, setup.target.id, token.id, new Date());
    return { authorization: `Bearer ${secret}` };
  };
  const byActor: Record<ActorName, (method: string) => Promise<Record<string, string>>> = {
    anonymous: async () => ({}),
    "revoked token": () => tokenFor("admin", true),
    viewer: (m) => sessionFor("viewer", m),
    "contributor who owns the item": (m) => sessionFor("owner", m),
    "contributor who does not": (m) => sessionFor("other", m),
    editor: (m) => sessionFor("editor", m),
    admin: (m) => sessionFor("admin", m),
    "instance administrator": (m) => sessionFor("root", m),
    "member of another workspace": (m) => sessionFor("outsider", m),
    "viewer token": () => tokenFor("viewer"),
    "editor token": () => tokenFor("editor"),
  };

  let throwaway = 0;
  const params: Record<string, (route: RouteCase, collection: string) => Promise<string>> = {
    ws: async () => setup.target.slug,
    userId: async () => {
      throwaway += 1;
      const user = await createUser(db, {
        email: `${prefix}member${throwaway}@matrix.test`,
        name: "Throwaway",
        passwordHash: hash,
        isAdmin: false,
        now: new Date(),
      });
      await addMember(db, { workspaceId: setup.target.id, userId: user.id, role: "viewer", now: new Date() });
      return user.id;
    },
    tokenId: async () =>
      (await issueApiToken(db, { workspaceId: setup.target.id, role: "viewer", createdBy: null }, config))
        .token.id,
    inviteId: async () =>
      (
        await createInvite(db, {
          workspaceId: setup.target.id,
          role: "viewer",
          email: null,
          tokenHash: hashSecret(newSecret("invite")),
          createdBy: null,
          now: new Date(),
          expiresAt: new Date(Date.now() + 86_400_000),
        })
      ).id,
  };

  return {
    app: setup.app,
    headers: (actor, method) => byActor[actor](method),
    async path(route) {
      const parts = route.url.split("/");
      const out: string[] = [];
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (!part.startsWith(":")) {
          out.push(part);
          continue;
        }
        const name = part.slice(1);
        const fill = params[name];
        out.push(
          encodeURIComponent(fill ? await fill(route, parts[i - 1]) : setup.itemId(parts[i - 1], route)),
        );
      }
      return out.join("/");
    },
    ownable: setup.ownable,
    body: setup.body,
    secrets: setup.secrets,
  };
}
