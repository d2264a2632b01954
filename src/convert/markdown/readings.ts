import type { Draft, DraftInitiative } from "../draft.js";
import { isPlaceholderOwner } from "../placeholders.js";
import type { InlineLine } from "./inline-lines.js";
import { splitLeadingHandles, splitOwnerSuffix, splitScore, splitTrailingOwner } from "./line-parts.js";

/*
 * How the markdown reader reads single lines: section markers ("We'll know we're successful
 * when", "What we'll ship", "Anti-goals"), field labels, pointer key results, bold titles,
 * and the owners an objective takes from its key results.
 */

export type Mode = "none" | "kr" | "ship" | "stop" | "skip";

export const MARKERS: { mode: Mode; pattern: RegExp }[] = [
  {
    mode: "kr",
    pattern:
      /^(?:we(?:'|’)?ll know|we will know|how we(?:'|’)?ll know|success (?:looks like|means|criteria|measures?)|key results?|krs|measures? of success|how we(?:'|’)?ll measure|results?)\b/i,
  },
  {
    mode: "ship",
    pattern:
      /^(?:what we(?:'|’)?ll (?:ship|build|do)|initiatives?|projects?|deliverables|key initiatives|bets|epics|work(?:streams?)?|roadmap)\b/i,
  },
  {
    mode: "stop",
    pattern:
      /^(?:anti[- ]?goals?|non[- ]?goals?|not doing|what we(?:'|’)?(?:ll| will) not do|we will not|won(?:'|’)?t do|out of scope|stop doing|stops?)\b/i,
  },
  {
    mode: "skip",
    pattern:
      /^(?:motivation|rationale|why|context|background|notes?|description|summary|links?|resources|how to|faq|retro(?:spective)?|learnings?|presentations?)\b/i,
  },
];

/** Bold labels of an objective's fields ("**Why:** …", "**Status:** …"), never objectives. */
export const FIELD_LABEL =
  /^(?:what|why|how|when|who|where|status|context|problem|description|impact|timeline|due|dependencies|risks?|notes?|progress|updates?|results?|outcomes?|scope|details|summary|approach|team|priority|links?)$/i;

export const GOALS_HEADING = /\b(goals?|objectives?|okrs?|priorities)\b/i;

export function markerOf(text: string): Mode | undefined {
  const t = text.replace(/^[#*_\s]+/, "").trim();
  return MARKERS.find((m) => m.pattern.test(t))?.mode;
}

/**
 * The objective line of a bold item: the bold text when it holds the whole objective and
 * only references follow it ("**CRO: Exceed plan** [gitlab-org&412](…)"), else the line.
 */
export function boldTitleLine(first: InlineLine): string {
  const bold = first.bold;
  if (!bold || !first.text.startsWith(bold)) return first.text;
  const after = first.text.slice(bold.length).trim();
  if (!after || /^(?:={1,2}>|-->|→|:)/.test(after)) return first.text;
  const content = bold.replace(/^[^:]{1,80}:\s*/, "").trim();
  return content.length > 0 ? bold : first.text;
}

/** Trailing tracker references ("gitlab-com&263", "org/repo#12.") are links, not words of the title. */
export function stripReferences(title: string): string {
  return title.replace(/(?:\s+[\w.-]+(?:\/[\w.-]+)*\/?[#&!]\d+\.?)+$/u, "").trim() || title;
}

export function splitOwnersLoose(text: string): string[] {
  return text
    .split(/\s*(?:,|&|\band\b|\/)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A key result that only points at another team's objective: a link whose text is a team
 * label and a name ("Create: Compete with GitHub", "Ops - See … Objective"), or "see …".
 */
export function isPointer(text: string, linkOnly: boolean): boolean {
  if (/^see\b|\bsee (?:the )?[\w\s:-]*\b(?:objective|okrs?|goals?)\b/i.test(text)) return true;
  if (!linkOnly) return false;
  if (/\b(?:stage|team|section|group)\s+okrs?\b|\bokrs?$/i.test(text)) return true;
  if (/^[\p{Lu}][\p{L}]+(?: section)? (?:engineering efficiency|goals)$/iu.test(text)) return true;
  const labelled = /^(?:\(?[\d.]+\)?\s*)?([\p{Lu}][\p{L}/+ &]{0,30}?)\s*(?::|\s[-–]\s)\s*(.+)$/u.exec(text);
  const rest = labelled?.[2];
  if (!rest) return false;
  // "Create: Compete with GitHub": another team's objective by name, not a deliverable of its own.
  return (
    !/\d/.test(rest) &&
    rest.split(/\s+/).length <= 8 &&
    !/\b(?:ship|deliver\w*|launch|release|build|add|implement|migrat\w*|complete|improve|refine|training|roadmap|execute)\b/i.test(
      rest,
    )
  );
}

/**
 * An objective that names no owner but whose key results do (one owner per key result, as
 * in "`P0` - @ana - …"): its owners are the distinct people named on its key results.
 */
export function rollUpKeyResultOwners(draft: Draft): void {
  let rolled = 0;
  for (const o of draft.objectives) {
    if (o.ownersAsWritten.length > 0) continue;
    const named = [
      ...new Set(o.keyResults.flatMap((k) => k.ownersAsWritten).filter((w) => !isPlaceholderOwner(w))),
    ];
    if (named.length === 0) continue;
    o.ownersAsWritten = named;
    rolled++;
  }
  if (rolled > 0)
    draft.assumptions.push(
      `${rolled} objective${rolled === 1 ? " names" : "s name"} no owner: ${rolled === 1 ? "its owners are" : "their owners are"} the people named on ${rolled === 1 ? "its" : "their"} key results`,
    );
}

/** A "what we'll ship" item: title, owners after a dash or in parentheses, status after "=>". */
export function initiativeFromLine(text: string, line: number, objective: number | null): DraftInitiative {
  const { owners, rest: title } = splitTrailingOwner(text);
  const suffix = splitOwnerSuffix(title, false);
  const handles = splitLeadingHandles(suffix.rest);
  const scored = splitScore(handles.rest);
  return {
    title: scored.text,
    line,
    ownersAsWritten: [...owners, ...suffix.owners, ...handles.owners],
    ...(scored.status ? { status: scored.status } : {}),
    ...(objective !== null ? { objective } : {}),
  };
}

/** `<h3>…</h3>` or `<p class="h3">…</p>` written as HTML: a heading of that depth. */
export function htmlHeading(html: string): { depth: number; text: string } | undefined {
  const h =
    /^<(?:h([1-6])\b[^>]*|p\b[^>]*class\s*=\s*["'][^"']*\bh([1-6])\b[^"']*["'][^>]*)>([\s\S]*?)<\/(?:h[1-6]|p)>\s*$/i.exec(
      html.trim(),
    );
  if (!h) return undefined;
  return { depth: Number(h[1] ?? h[2]), text: (h[3] ?? "").replace(/<[^>]+>/g, "").trim() };
}
