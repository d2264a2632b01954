import {
  changeShape,
  checkinShape,
  DEFAULT_INITIATIVE_STATUS,
  DEFAULT_PRIORITY_STATUS,
  DEFAULT_REVIEW_EVERY,
  decisionShape,
  ENTITY_SECTIONS,
  initiativeShape,
  insightShape,
  metricHistoryShape,
  metricShape,
  milestoneShape,
  type Plan,
  personShape,
  planShape,
  priorityShape,
  promiseShape,
  REQUIRED_SECTIONS,
  resistanceShape,
  reviewItemShape,
  reviewShape,
  scorecardEntryShape,
  stopShape,
  teamShape,
} from "../domain/plan-schema.js";

/*
 * Writes a plan back out with a stable key order (the order of the format's schemas), so an
 * exported plan diffs cleanly and export → import → export gives the same bytes. Fields equal
 * to their documented default are left out; x- extension keys follow the known keys, sorted.
 */

type Shape = { keys: string[]; nested?: Record<string, Shape>; defaults?: Record<string, unknown> };

const keys = (shape: object) => Object.keys(shape);
const RESISTANCE: Shape = { keys: keys(resistanceShape), nested: { change: { keys: keys(changeShape) } } };
const SECTIONS: Record<string, Shape> = {
  people: { keys: keys(personShape) },
  teams: { keys: keys(teamShape), nested: { scorecard: { keys: keys(scorecardEntryShape) } } },
  priorities: {
    keys: keys(priorityShape),
    nested: { resistance: RESISTANCE },
    defaults: { status: DEFAULT_PRIORITY_STATUS, reviewEvery: DEFAULT_REVIEW_EVERY },
  },
  metrics: {
    keys: keys(metricShape),
    nested: { checkins: { keys: keys(checkinShape) }, history: { keys: keys(metricHistoryShape) } },
  },
  initiatives: { keys: keys(initiativeShape), defaults: { status: DEFAULT_INITIATIVE_STATUS } },
  stops: { keys: keys(stopShape) },
  promises: {
    keys: keys(promiseShape),
    nested: { milestones: { keys: keys(milestoneShape), defaults: { customerFacing: false, done: false } } },
  },
  insights: { keys: keys(insightShape) },
  decisions: { keys: keys(decisionShape) },
  reviews: { keys: keys(reviewShape), nested: { items: { keys: keys(reviewItemShape) } } },
};
const PLAN: Shape = {
  keys: keys(planShape),
  nested: { cycle: { keys: ["name", "start", "end"] }, ...SECTIONS },
};
const OPTIONAL_SECTIONS = ENTITY_SECTIONS.filter((section) => !REQUIRED_SECTIONS.has(section));

/** The plan as a plain object in the format's key order, defaults and empty optional sections left out. */
export function orderedPlan(plan: Plan): Record<string, unknown> {
  const out = order(plan as unknown as Record<string, unknown>, PLAN);
  for (const section of OPTIONAL_SECTIONS)
    if (Array.isArray(out[section]) && (out[section] as unknown[]).length === 0) delete out[section];
  return out;
}

function order(value: Record<string, unknown>, shape: Shape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of shape.keys) {
    const v = value[key];
    if (v === undefined || v === null) continue;
    if (shape.defaults && key in shape.defaults && shape.defaults[key] === v) continue;
    const nested = shape.nested?.[key];
    if (nested && Array.isArray(v)) out[key] = v.map((x) => (isRecord(x) ? order(x, nested) : x));
    else if (nested && isRecord(v)) out[key] = order(v, nested);
    else out[key] = v;
  }
  for (const key of Object.keys(value)
    .filter((k) => k.startsWith("x-"))
    .sort())
    out[key] = value[key];
  return out;
}

export function serialisePlan(plan: Plan, format: "yaml" | "json"): string {
  const ordered = orderedPlan(plan);
  return format === "json" ? `${JSON.stringify(ordered, null, 2)}\n` : toYaml(ordered);
}

/** Block-style YAML for plain data (maps, lists, strings, numbers, booleans). */
export function toYaml(value: Record<string, unknown>): string {
  const lines: string[] = [];
  writeMap(value, 0, lines);
  return `${lines.join("\n")}\n`;
}

function writeMap(map: Record<string, unknown>, indent: number, lines: string[], firstPrefix?: string): void {
  const pad = " ".repeat(indent);
  let first = true;
  for (const [key, v] of Object.entries(map)) {
    const lead = first && firstPrefix !== undefined ? firstPrefix : pad;
    first = false;
    const k = scalar(key);
    if (Array.isArray(v)) {
      if (v.length === 0) lines.push(`${lead}${k}: []`);
      else if (v.every((x) => !isRecord(x) && !Array.isArray(x)))
        lines.push(`${lead}${k}: [${v.map(flowScalar).join(", ")}]`);
      else {
        lines.push(`${lead}${k}:`);
        writeList(v, indent + 2, lines);
      }
    } else if (isRecord(v)) {
      if (Object.keys(v).length === 0) lines.push(`${lead}${k}: {}`);
      else {
        lines.push(`${lead}${k}:`);
        writeMap(v, indent + 2, lines);
      }
    } else lines.push(`${lead}${k}: ${scalar(v)}`);
  }
}

function writeList(list: unknown[], indent: number, lines: string[]): void {
  const pad = " ".repeat(indent);
  for (const item of list) {
    if (isRecord(item)) {
      if (Object.keys(item).length === 0) lines.push(`${pad}- {}`);
      else writeMap(item, indent + 2, lines, `${pad}- `);
    } else if (Array.isArray(item)) {
      lines.push(`${pad}- [${item.map(flowScalar).join(", ")}]`);
    } else lines.push(`${pad}- ${scalar(item)}`);
  }
}

const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9 _.,/()&+'%-]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
const NUMBER_LIKE = /^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i;

/** A scalar as YAML: plain when it cannot be read as anything else, else double-quoted. */
function scalar(v: unknown): string {
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v === null || v === undefined) return "null";
  const s = String(v);
  const plain = PLAIN.test(s) && !s.endsWith(" ") && !RESERVED.test(s) && !NUMBER_LIKE.test(s);
  return plain ? s : JSON.stringify(s);
}

/** Inside [a, b] a comma would split the value: quote it. */
function flowScalar(v: unknown): string {
  return typeof v === "string" && v.includes(",") ? JSON.stringify(v) : scalar(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
