import { createContext, useContext } from "react";

export interface Session {
  /** false when the server runs without accounts (local development). */
  auth: boolean;
  user?: { email: string; name: string; isAdmin: boolean };
  role?: "viewer" | "contributor" | "editor" | "admin";
  /** An earlier day is being viewed: nothing can be changed from it. */
  readOnly?: boolean;
}

export const SessionContext = createContext<Session>({ auth: false });

export function useSession(): Session {
  return useContext(SessionContext);
}

const RANK = { viewer: 0, contributor: 1, editor: 2, admin: 3 } as const;

/** Whether the current person may do something needing at least `role` in this workspace. */
export function useCan(role: keyof typeof RANK): boolean {
  const session = useSession();
  if (session.readOnly) return false;
  if (!session.auth) return true;
  if (session.user?.isAdmin) return true;
  return session.role !== undefined && RANK[session.role] >= RANK[role];
}
