import type { Heading, List, ListItem, Paragraph, PhrasingContent, RootContent, Table } from "mdast";
import { findPlaceholders } from "../../engine/classify/index.js";
import type { ConvertOptions, Draft, DraftKeyResult, DraftObjective } from "../draft.js";
import type { ReaderInput } from "../index.js";
import { readTarget } from "../read-target.js";
import { type InlineLine, inlineLines, plainText, tagNames } from "./inline-lines.js";
import {
  matchKeyResult,
  splitLeadingHandles,
  splitOwnerPrefix,
  splitOwnerSuffix,
  splitScore,
  stripLabel,
} from "./line-parts.js";
import { parseMarkdown } from "./parse-markdown.js";
import {
  boldTitleLine,
  FIELD_LABEL,
  GOALS_HEADING,
  htmlHeading,
  initiativeFromLine,
  isPointer,
  type Mode,
  markerOf,
  rollUpKeyResultOwners,
  splitOwnersLoose,
  stripReferences,
} from "./readings.js";
import { findPeriodLabels, isPeriodHeading, readTableRows } from "./sections.js";

/*
 * Markdown/MDX OKR documents → Draft. Walks the syntax tree keeping the objective each block
 * sits under: headings open objectives or sections, bold lines and bold list items open
 * objectives nested to any depth, "KR:" lines and bullets under an objective (or under
 * "we'll know we're successful when") are key results, items under "what we'll ship" are
 * initiatives, items under "anti-goals" are stops.
 */

interface Context {
  /** Index of the objective blocks sit under, or null. */
  objective: number | null;
  mode: Mode;
  /** Plain bullets here are objectives (a "Goals" or "Objectives" section). */
  goals: boolean;
}

interface HeadingFrame {
  depth: number;
  /** The period this heading names ("2019 Q1"), and whether objectives sit under it. */
  period?: { text: string; line: number; used: boolean };
  objective: number | null;
  goals: boolean;
  /** A heading that becomes an objective only when key results appear under it. */
  pending?: { title: string; owners: string[]; line: number; parent: number | null };
}

export function readMarkdown(input: ReaderInput, _options: ConvertOptions): Draft {
  const text = input.text ?? new TextDecoder().decode(input.bytes);
  const root = parseMarkdown(text);
  const draft: Draft = {
    source: input.source,
    from: "markdown",
    periods: [],
    objectives: [],
    initiatives: [],
    unmapped: [],
    assumptions: [],
  };
  const headings: HeadingFrame[] = [];
  /** The document marks key results with "KR:" (so other owned items are objectives). */
  const explicitKrs = (text.match(/\bKRs?\s*\d*\s*:/g) ?? []).length >= 3;
  const periodHeadings: NonNullable<HeadingFrame["period"]>[] = [];

  const addObjective = (title: string, owners: string[], line: number, parent: number | null): number => {
    for (const h of headings) if (h.period) h.period.used = true;
    const parentLevel = parent === null ? 0 : (draft.objectives[parent]?.level ?? 0);
    const objective: DraftObjective = {
      title,
      line,
      level: parentLevel + 1,
      parent,
      ownersAsWritten: owners.filter((o) => o.length > 0),
      keyResults: [],
      stops: [],
    };
    draft.objectives.push(objective);
    return draft.objectives.length - 1;
  };

  /** The objective a heading stands for, materialising a pending heading objective. */
  const headingObjective = (materialise: boolean): number | null => {
    for (let i = headings.length - 1; i >= 0; i--) {
      const frame = headings[i] as HeadingFrame;
      if (frame.objective !== null) return frame.objective;
      if (frame.pending && materialise) {
        const p = frame.pending;
        frame.objective = addObjective(p.title, p.owners, p.line, p.parent);
        frame.pending = undefined;
        return frame.objective;
      }
      if (frame.pending) return null;
    }
    return null;
  };

  const contextAfterHeadings = (): Context => ({
    objective: headingObjective(false),
    mode: "none",
    goals: headings.some((h) => h.goals),
  });
  let ctx: Context = contextAfterHeadings();

  const objectiveFromLine = (raw: string, line: number, parent: number | null, bareOwners: boolean) => {
    const { text, score } = splitScore(stripLabel(raw));
    void score;
    const suffix = splitOwnerSuffix(text, bareOwners);
    const prefix = splitOwnerPrefix(suffix.rest);
    const title = stripReferences(stripLabel(prefix.rest)).replace(/[:\s]+$/, "");
    return addObjective(title, [...prefix.owners, ...suffix.owners], line, parent);
  };

  const addKeyResult = (
    objective: number | null,
    raw: string,
    line: number,
    owners: string[],
    links: string[],
  ) => {
    if (objective === null) {
      draft.unmapped.push({ line, text: raw });
      return;
    }
    const handles = splitLeadingHandles(raw);
    const scored = splitScore(handles.rest);
    const text = scored.text.replace(/\s*[.;:]\s*$/, "").trim() || handles.rest;
    if (!text) return;
    const kr: DraftKeyResult = { text, line, ownersAsWritten: [...owners, ...handles.owners] };
    if (scored.score) kr.score = scored.score;
    if (scored.status) kr.status = scored.status;
    if (findPlaceholders(text).length === 0) {
      const target = readTarget(text);
      if (target) {
        kr.target = target.target;
        if (target.unit) kr.unit = target.unit;
        if (target.baseline !== undefined) kr.baseline = target.baseline;
      }
    }
    // Link-only: the key result's words (label, owner and score aside) are the text of its links.
    const squash = (t: string) => t.replace(/[^\p{L}\p{N}]+/gu, "");
    const linkOnly = links.length > 0 && squash(links.join(" ")) === squash(text);
    if (isPointer(text, linkOnly)) kr.pointer = true;
    draft.objectives[objective]?.keyResults.push(kr);
  };

  /** The lines of a paragraph after its first: key results, "Owner:" lines. */
  const restLines = (lines: InlineLine[], objective: number | null, plainAreKrs: boolean) => {
    for (const l of lines) {
      const kr = matchKeyResult(l.text);
      if (kr) addKeyResult(objective, kr.rest, l.line, kr.owners, l.links);
      else if (setOwnerLine(l.text, objective)) continue;
      else if (plainAreKrs && objective !== null) addKeyResult(objective, l.text, l.line, [], l.links);
    }
  };

  /** "Owner: Ana" names the owner of the objective it sits under (a pending heading becomes one). */
  const setOwnerLine = (text: string, current: number | null): boolean => {
    const m = /^(?:owners?|dri|lead|accountable)\s*[:\-–]\s*(.+)$/i.exec(text);
    if (!m?.[1]) return false;
    const objective = current ?? headingObjective(true);
    if (objective === null) return false;
    const o = draft.objectives[objective];
    if (o && o.ownersAsWritten.length === 0) o.ownersAsWritten = splitOwnersLoose(m[1]);
    return true;
  };

  const paragraph = (node: Paragraph) => {
    const lines = inlineLines(node.children, node.position?.start.line ?? 1);
    const first = lines[0];
    if (!first) return;
    // "**Owner:** <TeamMember name="Ana"/>" under an objective names its owner.
    if (setOwnerLine(first.text, ctx.objective ?? headingObjective(false))) {
      restLines(lines.slice(1), ctx.objective ?? headingObjective(false), false);
      return;
    }
    const marker = markerOf(first.bold ?? first.text);
    if (marker && (first.bold !== undefined || first.text.length < 80) && !matchKeyResult(first.text)) {
      ctx = { ...ctx, mode: marker };
      // "**Key results:** text" keeps going on the same line.
      return;
    }
    const boldObjective = first.bold !== undefined && first.bold.length > 0 && !matchKeyResult(first.text);
    if (boldObjective && ctx.mode !== "ship" && ctx.mode !== "stop") {
      const owner = headingOwnerOnly();
      if (owner !== null) {
        const o = draft.objectives[owner] as DraftObjective;
        o.title = stripLabel(first.text).replace(/[:\s]+$/, "");
        o.line = first.line;
        restLines(lines.slice(1), owner, false);
        return;
      }
      const index = objectiveFromLine(boldTitleLine(first), first.line, headingObjective(false), false);
      ctx = { ...ctx, objective: index, mode: "none" };
      restLines(lines.slice(1), index, false);
      return;
    }
    for (const l of lines) {
      const kr = matchKeyResult(l.text);
      if (kr) addKeyResult(ctx.objective ?? headingObjective(true), kr.rest, l.line, kr.owners, l.links);
      else setOwnerLine(l.text, ctx.objective ?? headingObjective(false));
    }
    ctx = { ...ctx, objective: ctx.objective ?? headingObjective(false) };
  };

  /** A person heading's objective that still has no title (the bold line below names it). */
  const headingOwnerOnly = (): number | null => {
    const top = headings[headings.length - 1];
    if (!top || top.objective === null) return null;
    const o = draft.objectives[top.objective];
    return o && o.title === "" && o.keyResults.length === 0 ? top.objective : null;
  };

  const heading = (depth: number, children: PhrasingContent[], line: number, htmlNames: string[] = []) => {
    while (headings.length > 0 && (headings[headings.length - 1] as HeadingFrame).depth >= depth)
      headings.pop();
    const lines = inlineLines(children, line);
    const raw = lines
      .map((l) => l.text)
      .join(" ")
      .trim()
      .replace(/^[^\p{L}\p{N}@[(*$<]+/u, ""); // "🎯 Goal 1: …"
    const parent = headingObjective(false);
    const frame: HeadingFrame = { depth, objective: null, goals: false };
    headings.push(frame);
    const marker = markerOf(raw);
    const names = htmlNames.length
      ? htmlNames
      : children.flatMap((c) => (c.type === "html" ? tagNames(c.value) : []));
    const rawWithoutNames = children
      .filter((c) => c.type !== "html")
      .map((c) => plainText(c))
      .join("")
      .trim();
    if (names.length > 0 && rawWithoutNames.replace(/[\s:–—-]+/g, "") === "") {
      // "### <TeamMember name="Ana Lima"/>": a person's objectives follow.
      frame.objective = addObjective("", names, line, parent);
    } else if (marker && raw.length < 60) {
      ctx = { objective: parent, mode: marker, goals: false };
      frame.objective = parent;
      return;
    } else if (isPeriodHeading(raw)) {
      frame.period = { text: raw, line, used: false };
      periodHeadings.push(frame.period);
      frame.goals = GOALS_HEADING.test(raw);
    } else if (
      /^(?:\d+(?:\.\d+)*[.)]?\s*)?(?:objective|okr|goal|o)\s*\d*(?:\.\d+)*\s*[:.\-–—]?\s+\S/i.test(raw)
    ) {
      frame.objective = objectiveFromLine(raw, line, parent, true);
    } else {
      const { owners } = splitOwnerPrefix(stripLabel(splitScore(raw).text));
      const suffix = splitOwnerSuffix(raw, false);
      if (owners.length > 0 || suffix.owners.length > 0)
        frame.objective = objectiveFromLine(raw, line, parent, true);
      else if (GOALS_HEADING.test(raw) && raw.split(/\s+/).length <= 6) {
        frame.goals = true;
        // "Operations objectives, H2 2027": a section that also names the period.
        if (findPeriodLabels(raw).length > 0) {
          frame.period = { text: raw, line, used: false };
          periodHeadings.push(frame.period);
        }
      } else frame.pending = { title: stripLabel(splitScore(raw).text), owners: [], line, parent };
    }
    ctx = contextAfterHeadings();
    if (frame.objective !== null) ctx.objective = frame.objective;
  };

  const listItem = (item: ListItem, outer: Context) => {
    const [firstBlock, ...others] = item.children;
    let inner: Context = { ...outer };
    if (firstBlock?.type === "paragraph") {
      const lines = inlineLines(firstBlock.children, firstBlock.position?.start.line ?? 1);
      const first = lines[0];
      if (first) inner = itemLine(first, lines.slice(1), outer, rawStartsBold(firstBlock));
    } else if (firstBlock) {
      block(firstBlock as RootContent, inner);
    }
    const saved = ctx;
    ctx = inner;
    for (const child of others) block(child as RootContent, inner);
    ctx = saved;
  };

  /** The bold line was left unclosed in the source ("**Marketing: …" with no closing "**"). */
  const rawStartsBold = (p: Paragraph) => {
    const start = p.position?.start.offset;
    return start !== undefined && text.startsWith("**", start);
  };

  const itemLine = (first: InlineLine, rest: InlineLine[], outer: Context, rawBold: boolean): Context => {
    const line = first.line;
    // "- **What we'll ship**:" with a nested list: the nested items are read in that mode.
    const marker = markerOf(first.bold ?? first.text);
    const labelOnly =
      first.bold !== undefined
        ? first.text === first.bold || first.text.startsWith(`${first.bold}:`) || first.bold.endsWith(":")
        : first.text.endsWith(":") && first.text.length < 60;
    if (marker && labelOnly)
      return { ...outer, objective: outer.objective ?? headingObjective(false), mode: marker };
    if (outer.mode === "skip") return outer;
    // "- **Owner:** @ana" and "- **Why:** …": fields of the objective above, not objectives.
    if (setOwnerLine(first.text, outer.objective)) return outer;
    if (first.bold !== undefined && FIELD_LABEL.test(first.bold.replace(/:$/, "").trim())) return outer;
    if (outer.mode === "ship") {
      draft.initiatives.push(initiativeFromLine(first.text, line, outer.objective));
      return outer;
    }
    if (outer.mode === "stop") {
      if (outer.objective === null) draft.unmapped.push({ line, text: first.text });
      else
        draft.objectives[outer.objective]?.stops.push({
          text: first.text.replace(/^(?:no|stop|don'?t)\s*[:\-–]\s*/i, ""),
          line,
        });
      return outer;
    }
    const kr = matchKeyResult(first.text);
    if (kr) {
      const objective = outer.objective ?? headingObjective(true);
      addKeyResult(objective, kr.rest, line, kr.owners, first.links);
      restLines(rest, objective, false);
      return { ...outer, objective, mode: "kr" };
    }
    const bold = (first.bold !== undefined && first.bold.length > 3) || (rawBold && first.text.length > 3);
    // "**CRO**: Win enterprise": a bold owner prefix opens an objective too.
    const boldOwner = first.bold !== undefined && first.text.startsWith(`${first.bold}:`);
    // Where key results are marked "KR:", a plain "Role: text" item is an objective, not a result.
    const ownedItem = explicitKrs && splitOwnerPrefix(stripLabel(first.text)).owners.length > 0;
    // A bullet that is only a link ("[Last quarter's OKRs](…)") is a reference, not an objective.
    const goalBullet = outer.objective === null && outer.goals && outer.mode !== "kr" && !first.linkOnly;
    if (bold || boldOwner || ownedItem || goalBullet) {
      const index = objectiveFromLine(boldTitleLine(first).replace(/^\*\*/, ""), line, outer.objective, true);
      restLines(rest, index, false);
      return { objective: index, mode: "none", goals: false };
    }
    if (
      outer.mode === "kr" ||
      outer.objective !== null ||
      headingObjective(false) !== null ||
      pendingHeading()
    ) {
      if (first.linkOnly && outer.objective === null && headingObjective(false) === null) {
        draft.unmapped.push({ line, text: first.text });
        return outer;
      }
      const objective = outer.objective ?? headingObjective(true);
      addKeyResult(objective, first.text, line, [], first.links);
      restLines(rest, objective, true);
      return { ...outer, objective, mode: "kr" };
    }
    draft.unmapped.push({ line, text: first.text });
    return outer;
  };

  const pendingHeading = () => headings.some((h) => h.pending !== undefined);

  const block = (node: RootContent, context: Context) => {
    ctx = context === ctx ? ctx : { ...context };
    switch (node.type) {
      case "heading":
        heading((node as Heading).depth, (node as Heading).children, node.position?.start.line ?? 1);
        return;
      case "html": {
        const h = htmlHeading(node.value);
        if (h)
          heading(
            h.depth,
            [{ type: "text", value: h.text, position: node.position }],
            node.position?.start.line ?? 1,
          );
        return;
      }
      case "paragraph":
        paragraph(node as Paragraph);
        return;
      case "list":
        for (const item of (node as List).children) {
          const before = ctx;
          listItem(item, before);
          ctx = before;
        }
        return;
      case "table":
        table(node as Table);
        return;
      case "yaml": {
        const title = /^title:\s*["']?(.+?)["']?\s*$/m.exec(node.value)?.[1];
        if (title) {
          draft.title ??= undefined;
          for (const label of findPeriodLabels(title)) draft.periods.push({ text: label, line: 2 });
        }
        return;
      }
      case "blockquote":
        for (const child of node.children) {
          if (child.type === "paragraph") periodsFrom(child);
          else block(child, ctx);
        }
        return;
      default:
        return;
    }
  };

  const periodsFrom = (p: Paragraph) => {
    for (const l of inlineLines(p.children, p.position?.start.line ?? 1))
      for (const label of findPeriodLabels(l.text)) draft.periods.push({ text: label, line: l.line });
  };

  const table = (node: Table) => {
    for (const row of readTableRows(node)) {
      if (row.objective) {
        const { owners, rest } = splitOwnerPrefix(row.objective);
        const index = objectiveFromLine(rest, row.line, headingObjective(false), true);
        const o = draft.objectives[index] as DraftObjective;
        o.ownersAsWritten = [...owners, ...o.ownersAsWritten, ...row.owners];
        ctx = { ...ctx, objective: index };
        if (row.keyResult) addKeyResult(index, row.keyResult, row.line, [], []);
      } else if (row.keyResult) {
        addKeyResult(ctx.objective ?? headingObjective(true), row.keyResult, row.line, row.owners, []);
      } else continue;
      const kr = draft.objectives[ctx.objective ?? -1]?.keyResults.at(-1);
      if (kr && row.keyResult) Object.assign(kr, row.fields);
    }
  };

  for (const node of root.children) {
    if (node.type === "paragraph" && draft.objectives.length === 0) periodsFrom(node);
    block(node, ctx);
  }
  // Period headings with objectives under them name the cycle; the others are history
  // ("## 2018 Q4" with links to last quarter's OKRs).
  const used = periodHeadings.filter((p) => p.used);
  for (const p of used.length > 0 ? used : periodHeadings) draft.periods.push({ text: p.text, line: p.line });
  rollUpKeyResultOwners(draft);
  return draft;
}
