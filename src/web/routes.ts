import { ENTITY_SECTIONS, type EntitySection } from "../domain/entity-sections.js";

/*
 * The workspace pages the app can show, and which one a path opens. One table for the shell
 * (app.tsx) and for links built elsewhere (format.ts), so a link to a page that does not
 * exist fails a test instead of landing on a 404.
 */

/** Matches `/w/:ws/priorities/:id` style patterns; returns the parameters or undefined. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const p = pattern.split("/");
  const a = path.split("?")[0].split("/");
  if (p.length !== a.length) return undefined;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(":")) out[p[i].slice(1)] = decodeURIComponent(a[i]);
    else if (p[i] !== a[i]) return undefined;
  }
  return out;
}

/** `/w/:ws/<page>` pages. */
export const WORKSPACE_PAGES = [
  "map",
  "checkin",
  "my-work",
  "capacity",
  "promises",
  "insights",
  "review",
  "stops",
  "plan",
  "members",
  "entries",
] as const;
export type WorkspacePage = (typeof WORKSPACE_PAGES)[number];

export type WorkspaceRoute =
  | { kind: "dashboard" }
  | { kind: "page"; page: WorkspacePage }
  | { kind: "priority"; id: string }
  | { kind: "entries"; section: EntitySection }
  | { kind: "edit"; section: EntitySection; id: string }
  | { kind: "unknown" };

function isSection(section: string): section is EntitySection {
  return (ENTITY_SECTIONS as readonly string[]).includes(section);
}

/** What a path under `/w/:ws` opens (query and fragment ignored). */
export function resolveWorkspaceRoute(path: string): WorkspaceRoute {
  const bare = path.split(/[?#]/)[0] ?? "";
  const priority = match("/w/:ws/priorities/:id", bare);
  if (priority) return { kind: "priority", id: priority.id };
  const entries = match("/w/:ws/entries/:section", bare);
  if (entries)
    return isSection(entries.section) ? { kind: "entries", section: entries.section } : { kind: "unknown" };
  const edit = match("/w/:ws/edit/:section/:id", bare);
  if (edit)
    return isSection(edit.section)
      ? { kind: "edit", section: edit.section, id: edit.id }
      : { kind: "unknown" };
  if (match("/w/:ws", bare)) return { kind: "dashboard" };
  const page = match("/w/:ws/:page", bare)?.page;
  if (page && (WORKSPACE_PAGES as readonly string[]).includes(page))
    return { kind: "page", page: page as WorkspacePage };
  return { kind: "unknown" };
}
