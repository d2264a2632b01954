import { splitOwners } from "../owners.js";

/*
 * The parts of one line of an OKR document: numbering and labels ("1.", "Objective 2:",
 * "OKR", "`P0` -"), owners (a "CEO:" or "Sales (Closing Deals):" prefix, "(Owner: Ana)",
 * a trailing "(Alan, Steven)", "@handle -", "– Ana Lima" after an initiative), and a score
 * or result after "=>".
 */

export interface LineParts {
  text: string;
  owners: string[];
  score?: { value: number; unit?: string; text: string };
  status?: string;
}

const SCORE_ARROW = /\s*(?:={1,2}>|-->|→|⇒)\s*/;

/** Splits "text => 50% - At Risk" into the text and a score (numeric part) and status. */
export function splitScore(text: string): { text: string; score?: LineParts["score"]; status?: string } {
  const parts = text.split(SCORE_ARROW);
  if (parts.length < 2) return { text };
  const [before, ...rest] = parts;
  const after = rest.join(" => ").trim();
  const percent = /(-?\d+(?:\.\d+)?)\s*%/.exec(after);
  const status = /\s[-–]\s*([A-Za-z][A-Za-z ]{2,30})$/.exec(after)?.[1]?.trim();
  return {
    text: (before ?? "").trim(),
    ...(percent ? { score: { value: Number(percent[1]), unit: "%", text: after } } : {}),
    ...(status ? { status } : {}),
  };
}

/** "1.", "1)", "O1:", "Objective 2:", "OKR", "Goal 3 -" at the start of a line. */
export function stripLabel(text: string): string {
  return text
    .replace(/^[^\p{L}\p{N}@[(*$]+/u, "")
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?\s+)?/, "")
    .replace(/^(?:objective|okr|goal|o)\s*\d*(?:\.\d+)*\s*[:.\-–—]?\s+/i, "")
    .replace(/^\d+(?:\.\d+)*[.)]\s+/, "")
    .replace(/^[^\p{L}\p{N}@[(*$]+/u, "")
    .trim();
}

/** Could this text before a colon name an owner ("CEO", "VP, IT", "Sales (Closing Deals)")? */
export function looksLikeOwner(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 70) return false;
  if (
    /^(objective|okr|kr|key results?|goal|note|motivation|why|what|how|status|result|update|context|q[1-4]|fy\d+|h[12])\b/i.test(
      t,
    )
  )
    return false;
  if (/[!?;]|\.$|\.\s+\p{Ll}|\d{2,}|https?:/u.test(t)) return false;
  const words = t.match(/[\p{L}\p{N}&'’.-]+/gu) ?? [];
  if (words.length === 0 || words.length > 8) return false;
  return /^[\p{Lu}@]/u.test(t);
}

/** "Owner: objective" → owners and the objective's title. */
export function splitOwnerPrefix(text: string): { owners: string[]; rest: string } {
  const m = /^([^:]{1,80}?)\s*:\s+(.+)$/s.exec(text);
  if (m?.[1] && m[2] && looksLikeOwner(m[1])) return { owners: splitOwners(m[1]), rest: m[2].trim() };
  return { owners: [], rest: text };
}

/** "(Owner: Ana Lima)", "(Owners: A, B)", "(DRI: @ana)" anywhere, or a trailing "(Alan, Steven)". */
export function splitOwnerSuffix(text: string, allowBareNames: boolean): { owners: string[]; rest: string } {
  const labelled = /\s*\((?:owners?|dri|lead|led by|responsible)\s*:?\s*([^)]+)\)/i.exec(text);
  if (labelled?.[1])
    return {
      owners: splitOwners(labelled[1]),
      rest: (text.slice(0, labelled.index) + text.slice(labelled.index + labelled[0].length)).trim(),
    };
  if (!allowBareNames) return { owners: [], rest: text };
  const bare = /\s*\(([^()]+)\)\s*[.:]?\s*$/.exec(text);
  if (bare?.[1]) {
    const owners = splitOwners(bare[1]);
    const nameLike = owners.every(
      (o) => /^@?[\p{Lu}][\p{L}'’.-]*(?:\s[\p{L}][\p{L}'’.-]*){0,2}$/u.test(o) || /^@\w/.test(o),
    );
    if (owners.length > 0 && nameLike && bare.index > 0)
      return { owners, rest: text.slice(0, bare.index).trim() };
  }
  return { owners: [], rest: text };
}

/** "Build the thing – Ana Lima" or "— @ana": an initiative's owner after a dash at the end. */
export function splitTrailingOwner(text: string): { owners: string[]; rest: string } {
  const m =
    /^(.+?)\s+[–—-]\s+((?:@[\w-]+|[\p{Lu}][\p{L}'’.-]+(?:\s[\p{Lu}][\p{L}'’.-]+){0,3})(?:\s*(?:,|&|and)\s*(?:@[\w-]+|[\p{Lu}][\p{L}'’.-]+(?:\s[\p{Lu}][\p{L}'’.-]+){0,3}))*)\s*$/u.exec(
      text,
    );
  if (m?.[1] && m[2]) return { owners: splitOwners(m[2]), rest: m[1].trim() };
  return { owners: [], rest: text };
}

/** A key-result line: "KR:", "CEO KR:", "Sales (Closing Deals) KR 2:", "PS KR -" → owner and text. */
export function matchKeyResult(text: string): { owners: string[]; rest: string } | undefined {
  const m =
    /^(?:\s*[+*-]?\s*(?:\d+[.)]\s*)?)(?:(.{1,70}?)\s+)?(?:KR|Key result)s?\s*\d*(?:\.\d+)*\s*[:\-–—]\s*(.*)$/is.exec(
      text,
    );
  if (!m) return undefined;
  let rest = (m[2] ?? "").trim();
  // "KR: KR: text" (doubled label) reads as one.
  rest = rest.replace(/^(?:KR|Key result)\s*[:\-–—]\s*/i, "");
  const owner = m[1]?.trim();
  if (owner && !looksLikeOwner(owner)) return undefined;
  return { owners: owner ? splitOwners(owner) : [], rest };
}

/** "`P0` - @daviddias - text" and "@ana: text": handles before the text of a key result. */
export function splitLeadingHandles(text: string): { owners: string[]; rest: string; priority?: string } {
  let rest = text;
  let priority: string | undefined;
  const tag = /^\s*\[?(P[0-9X])\]?\s*[-–—:]\s*/i.exec(rest);
  if (tag) {
    priority = tag[1];
    rest = rest.slice(tag[0].length);
  }
  const owners: string[] = [];
  for (;;) {
    const m = /^\s*(@[\w?.-]+)\s*(?:[-–—:,&]|and)?\s*/.exec(rest);
    if (!m?.[1]) break;
    owners.push(m[1]);
    rest = rest.slice(m[0].length);
  }
  return { owners, rest: rest.trim(), ...(priority ? { priority } : {}) };
}
