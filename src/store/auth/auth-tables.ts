import type { ColumnType, Generated } from "kysely";

/*
 * The tables of sign-in, roles and API tokens (migration auth-001). Secrets are never stored:
 * sessions, tokens, invites and setup links keep only the SHA-256 of their secret.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface UsersTable {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  name: string;
  /** argon2id PHC string. */
  password_hash: string;
  /** Instance administrator: admin of every workspace. */
  is_admin: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  /** SHA-256 of the session id held in the cookie. */
  id_hash: string;
  user_id: string;
  /** Not a credential on its own (useless without the cookie), so kept as is to return it again. */
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  workspace_id: string;
  name: string;
  role: string;
  token_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface InvitesTable {
  id: string;
  workspace_id: string;
  role: string;
  email: string | null;
  token_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
  revoked_at: Timestamp | null;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuthRateLimitsTable {
  key: string;
  window_start: Timestamp;
  failures: Generated<number>;
}

export interface AuthTables {
  users: UsersTable;
  sessions: SessionsTable;
  memberships: MembershipsTable;
  api_tokens: ApiTokensTable;
  invites: InvitesTable;
  setup_tokens: SetupTokensTable;
  auth_rate_limits: AuthRateLimitsTable;
}
