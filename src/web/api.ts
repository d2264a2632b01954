/** The API client: JSON in and out, CSRF on writes, ETags for optimistic concurrency. */

export interface ProblemError {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: ProblemError[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The CSRF header for a write made outside `api` (an upload with progress). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { "x-csrf-token": csrfToken } : {};
}

export async function api<T>(
  method: string,
  path: string,
  options: { body?: unknown; text?: string; contentType?: string; ifMatch?: string; accept?: string } = {},
): Promise<{ data: T; etag?: string }> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.text !== undefined) headers["content-type"] = options.contentType ?? "application/yaml";
  if (options.ifMatch) headers["if-match"] = options.ifMatch;
  if (options.accept) headers.accept = options.accept;
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: "same-origin",
    body: options.text ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const etag = res.headers.get("etag") ?? undefined;
  if (res.status === 204) return { data: undefined as T, etag };
  const type = res.headers.get("content-type") ?? "";
  const payload = type.includes("json") ? await res.json() : await res.text();
  if (!res.ok) {
    const p = (typeof payload === "object" ? payload : {}) as Record<string, unknown>;
    throw new ApiError(
      res.status,
      String(p.code ?? res.status),
      String(p.detail ?? res.statusText),
      (p.errors as ProblemError[]) ?? [],
      p,
    );
  }
  return { data: payload as T, etag };
}

export const get = async <T>(path: string) => (await api<T>("GET", path)).data;

export interface Finding {
  rule: string;
  severity: "error" | "warning" | "info";
  dimension: string;
  subject: { type: string; id: string };
  message: string;
  evidence: Record<string, unknown>;
  suggestion: string;
}

export interface Analysis {
  index: {
    overall: number;
    dimensions: Record<string, number>;
    priorities: Record<string, number>;
    teams: Record<string, number>;
  };
  findings: Finding[];
}

export interface Snapshot {
  version: number;
  takenAt: string;
  overall: number;
}

export interface WorkspaceInfo {
  slug: string;
  name: string;
  organisation: string;
  version: number;
  role?: string;
}

export type Item = Record<string, unknown> & { id: string; version: number };
