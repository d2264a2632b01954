import { createHash } from "node:crypto";
import { AppError } from "../domain/errors.js";
import type { JsonReport } from "../engine/json-report.js";

/** The paging and filters GET /analysis takes beside `asOf` (all optional: none = the whole contract). */
export interface FindingsQuery {
  limit?: number;
  cursor?: string;
  rule?: string;
  /** error, warning or info; several comma-separated. */
  severity?: string;
  subject?: string;
}

/** Whether the query asks for a page or a filter, rather than the contract's whole answer. */
export function wantsPage(query: FindingsQuery): boolean {
  return (
    query.limit !== undefined ||
    query.cursor !== undefined ||
    query.rule !== undefined ||
    query.severity !== undefined ||
    query.subject !== undefined
  );
}

/**
 * One page of findings, filtered: `rule` and `severity` by equality (comma-separated lists
 * allowed), `subject` as `id` or `type:id`. The index is always the whole plan's.
 */
export function findingsPage(
  report: JsonReport,
  query: FindingsQuery,
): JsonReport & { total: number; nextCursor: string | null } {
  const rules = list(query.rule);
  const severities = list(query.severity);
  const [subjectType, subjectId] = query.subject?.includes(":")
    ? (query.subject.split(":", 2) as [string, string])
    : [undefined, query.subject];
  const matching = report.findings.filter(
    (f) =>
      (!rules || rules.includes(f.rule)) &&
      (!severities || severities.includes(f.severity)) &&
      (subjectId === undefined || f.subject.id === subjectId) &&
      (subjectType === undefined || f.subject.type === subjectType),
  );
  const start = query.cursor === undefined ? 0 : decodeOffset(query.cursor);
  const limit = query.limit ?? 100;
  const findings = matching.slice(start, start + limit);
  const next = start + limit < matching.length ? encodeOffset(start + limit) : null;
  return { index: report.index, findings, total: matching.length, nextCursor: next };
}

/**
 * The ETag of an analysis answer: what determines it is the workspace version, the day asked
 * (the plan's own asOf is fixed for a version; "today" is part of the key) and the query.
 */
export function analysisEtag(version: number, day: string, query: FindingsQuery): string {
  const hash = createHash("sha256")
    .update(JSON.stringify([day, query.limit, query.cursor, query.rule, query.severity, query.subject]))
    .digest("base64url")
    .slice(0, 16);
  return `"${version}-${hash}"`;
}

/** Whether If-None-Match names this ETag (a list, weak forms and `*` included). */
export function matchesIfNoneMatch(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === tag);
}

function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(",").map((v) => v.trim());
}

function encodeOffset(n: number): string {
  return Buffer.from(`f${n}`).toString("base64url");
}

function decodeOffset(cursor: string): number {
  const text = Buffer.from(cursor, "base64url").toString();
  const n = Number(text.slice(1));
  if (!text.startsWith("f") || !Number.isInteger(n) || n < 0)
    throw new AppError("invalid_request", "The cursor is not valid", {
      problems: [{ path: ["query", "cursor"], message: "is not a cursor this API gave" }],
    });
  return n;
}
