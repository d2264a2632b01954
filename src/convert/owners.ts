import { isPlaceholderOwner } from "./placeholders.js";

/*
 * Who an owner written in a document is. Roles ("CEO", "VP Sales", "Director of Quality")
 * become people named by the role and marked as roles; handles and names become people; a
 * team or function name ("Sales (Closing Deals)", "Marketing", "CSMs") stays a team, never
 * silently a person; "@???" and "TBD" are nobody yet.
 */

export type OwnerKind = "person" | "role" | "team" | "placeholder";

const ROLE_WORDS =
  /\b(CEO|CTO|CFO|COO|CRO|CMO|CLO|CPO|CIO|CISO|CSO|CCO|CHRO|CDO|PAO|VP|SVP|EVP|GM|Vice President|Director|Dir|Head|Chief|Manager|Mgr|Lead|Officer|President|Principal|Founder|Co-founder|Counsel|Controller|Architect|Fellow|Distinguished Engineer|Owner|DRI|PM|EM)\b/;

/** Functions and common team names: owners that are groups of people, not one person. */
const TEAM_WORDS = new Set(
  (
    "sales marketing product engineering design finance legal people hr recruiting talent support security " +
    "infrastructure infra quality data analytics it operations ops growth partnerships partners alliances " +
    "business customer cs csm csms success customer-success customer-engineering bizops devrel community brand " +
    "distribution platform search web mobile cloud billing fulfillment enablement create plan verify " +
    "package deploy monitor secure govern research ux docs documentation devops sre qa core services " +
    "campaigns code-intel management leadership executives exec staff everyone all team teams"
  ).split(" "),
);
const TEAM_SUFFIX =
  /(team|squad|group|guild|department|dept|org|organisation|organization|function|office|wg|working group)$/i;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Classifies an owner as written; `knownTeams` holds lowercased team names the document uses. */
export function classifyOwner(asWritten: string, knownTeams: ReadonlySet<string> = new Set()): OwnerKind {
  const text = asWritten.trim();
  if (!text || isPlaceholderOwner(text)) return "placeholder";
  if (knownTeams.has(text.toLowerCase())) return "team";
  if (text.startsWith("@")) return "person";
  if (TEAM_SUFFIX.test(text)) return "team";
  // "Sales (Closing Deals)", "Business (Marketing)": a function and its sub-team.
  const outer = text.replace(/\s*\(.*\)\s*$/, "");
  if (/\(.+\)$/.test(text) && !ROLE_WORDS.test(outer)) return "team";
  if (ROLE_WORDS.test(text)) return "role";
  const ws = words(text);
  if (ws.length > 0 && ws.length <= 3 && ws.every((w) => TEAM_WORDS.has(w))) return "team";
  // Plural groups of a role: "CSMs", "AEs", "SREs".
  if (/^[A-Z]{2,5}s$/.test(text)) return "team";
  // Lower-case words after the first ("Code intel") are not how names are written.
  if (ws.length > 1 && /\s[a-z]/.test(text) && !/\b(van|von|de|der|da|del|di|le|la|du|bin|al)\b/.test(text))
    return "team";
  if (ws.length === 1 && /(tion|ment|ing|ics|ity|ops)$/i.test(text)) return "team";
  return "person";
}

/**
 * Splits an owner list as written: commas, "&", "and", "/", "+" (but not the comma inside a
 * role such as "VP, IT" or "Director, Product, Ops" — a comma followed by a role-like word
 * stays one owner only when the part before it is a role).
 */
export function splitOwners(text: string): string[] {
  let cleaned = text.replace(/\s+/g, " ").trim();
  if (/^\(.*\)$/.test(cleaned)) cleaned = cleaned.slice(1, -1).trim();
  if (!cleaned) return [];
  const parts = (pattern: RegExp) =>
    cleaned
      .split(pattern)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  if (ROLE_WORDS.test(cleaned)) {
    // "VP, IT" and "Director of Brand and Digital Design" are one role; "CEO & CFO" are two.
    const joined = parts(/\s*(?:&|\band\b|\/|\+)\s*/);
    return joined.every((p) => ROLE_WORDS.test(p) || p.startsWith("@")) ? joined : [cleaned];
  }
  return parts(/\s*(?:,|&|\band\b|\/|\+)\s*/);
}
