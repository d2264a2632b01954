import type { Initiative, Metric, Person, Plan, Priority, Stop, Team } from "../domain/plan-schema.js";
import { findPlaceholders, judgeKeyResult, judgeTitle } from "../engine/classify/index.js";
import { resolveCycle } from "./cycle.js";
import type { ConvertOptions, Draft, DraftKeyResult, DraftObjective } from "./draft.js";
import { directionOf, initiativeStatusOf, metricKindOf } from "./kinds.js";
import { classifyOwner, type OwnerKind } from "./owners.js";
import type { ConversionReport, ReportKeyResult, ReportObjective } from "./report.js";
import { IdAllocator } from "./slug.js";

/*
 * Draft → plan + report + the summary a person reads. Pure: every reader (markdown,
 * spreadsheet, tracker export) produces a Draft and this one function decides ids, people,
 * teams, kinds and dates, so every format maps the same way. The plan it returns is valid
 * (lint exits 0 or 1 on it): every reference resolves and every required field is set.
 */

/** Something a person should confirm, with the source line it comes from. */
export interface Confirmation {
  line: number;
  what: "owner" | "no-owner" | "title" | "placeholder" | "theme" | "output" | "vague" | "pointer";
  text: string;
}

export interface BuildResult {
  plan: Plan;
  report: ConversionReport;
  confirmations: Confirmation[];
  /** The human summary, one line each (the CLI prints it on stderr). */
  summary: string[];
}

type Owner = { kind: OwnerKind; id: string };

/** People and teams created from owners as written, deduplicated by their written form. */
class Directory {
  readonly people: (Person & { "x-role"?: boolean })[] = [];
  readonly teams: Team[] = [];
  private readonly personIds = new IdAllocator("person");
  private readonly teamIds = new IdAllocator("team");
  private readonly byName = new Map<string, Owner>();

  constructor(private readonly knownTeams: ReadonlySet<string>) {}

  team(name: string): string {
    const key = `team:${norm(name)}`;
    const existing = this.byName.get(key);
    if (existing) return existing.id;
    const id = this.teamIds.next(name, 40);
    this.teams.push({ id, name: name.trim() });
    this.byName.set(key, { kind: "team", id });
    return id;
  }

  owner(asWritten: string): Owner | undefined {
    const kind = classifyOwner(asWritten, this.knownTeams);
    if (kind === "placeholder") return undefined;
    if (kind === "team") return { kind, id: this.team(asWritten) };
    const key = norm(asWritten);
    const existing = this.byName.get(key);
    if (existing) return existing;
    const name = asWritten.trim().replace(/^@/, "");
    const id = this.personIds.next(name, 40);
    this.people.push(kind === "role" ? { id, name, "x-role": true } : { id, name });
    const owner = { kind, id };
    this.byName.set(key, owner);
    return owner;
  }
}

const norm = (s: string) => s.trim().replace(/^@/, "").replace(/\s+/g, " ").toLowerCase();

/** Owner field of a priority or initiative: one id, a list, or absent. */
function ownerField(ids: string[]): string | string[] | undefined {
  const unique = [...new Set(ids)];
  return unique.length === 0 ? undefined : unique.length === 1 ? unique[0] : unique;
}

/**
 * The key result's kind: the wording classifier (with its objective, so a key result that
 * restates another objective reads as a pointer), unless the reader saw it is only a link to
 * another team's objective.
 */
function judgeKr(
  kr: DraftKeyResult,
  objective: string,
): { kind: ReportKeyResult["kind"]; placeholders: string[] } {
  const placeholders = [...findPlaceholders(kr.text), ...(kr.placeholders ?? [])];
  if (kr.pointer) return { kind: "pointer", placeholders };
  return { kind: judgeKeyResult(kr.text, { objective }).kind, placeholders };
}

export function buildPlan(draft: Draft, options: ConvertOptions = {}): BuildResult {
  const cycle = resolveCycle(draft, options);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const knownTeams = new Set(draft.objectives.flatMap((o) => (o.team ? [o.team.toLowerCase()] : [])));
  const directory = new Directory(knownTeams);
  const confirmations: Confirmation[] = [];
  const priorityIds = new IdAllocator("objective");
  const metricIds = new IdAllocator("key-result");
  const priorities: Priority[] = [];
  const metrics: Metric[] = [];
  const stops: Stop[] = [];
  const reportObjectives: ReportObjective[] = [];
  const stopIds = new IdAllocator("stop");
  // Scores are written at or before the cycle's end: dated today, kept within the cycle.
  const checkinDate = [cycle.start, today, cycle.end].sort()[1] as string;

  const resolveOwners = (written: string[], line: number) => {
    const people: string[] = [];
    const teams: string[] = [];
    for (const w of written) {
      const owner = directory.owner(w);
      if (!owner)
        confirmations.push({
          line,
          what: "owner",
          text: `owner "${w}" is a placeholder: nobody owns this yet`,
        });
      else if (owner.kind === "team") teams.push(owner.id);
      else people.push(owner.id);
    }
    return { people, teams };
  };

  draft.objectives.forEach((objective: DraftObjective) => {
    const untitled = objective.title.trim() === "";
    const title = untitled
      ? objective.ownersAsWritten.length > 0
        ? `Untitled objective of ${objective.ownersAsWritten.join(", ")}`
        : `Untitled objective at line ${objective.line}`
      : objective.title.trim();
    if (untitled)
      confirmations.push({
        line: objective.line,
        what: "title",
        text: `an objective has no title: "${title}" was used`,
      });
    const id = priorityIds.next(title);
    const { people, teams } = resolveOwners(objective.ownersAsWritten, objective.line);
    const teamId = objective.team ? directory.team(objective.team) : teams[0];
    const parent = objective.parent === null ? undefined : priorities[objective.parent]?.id;
    const priority: Priority = {
      id,
      title,
      status: "committed",
      reviewEvery: "30d",
      ...(ownerField(people) !== undefined
        ? { owner: ownerField(people) }
        : teamId !== undefined && teams.length > 0
          ? { owner: teamId }
          : {}),
      ...(parent ? { parent } : {}),
      ...(teamId ? { team: teamId } : {}),
    };
    priorities.push(priority);
    if (objective.ownersAsWritten.length === 0)
      confirmations.push({ line: objective.line, what: "no-owner", text: `"${title}" names no owner` });
    else if (people.length === 0 && teams.length > 0)
      confirmations.push({
        line: objective.line,
        what: "owner",
        text: `"${title}" is owned by a team (${objective.ownersAsWritten.join(", ")}): name the one person accountable`,
      });

    const theme = judgeTitle(title).theme;
    if (theme)
      confirmations.push({
        line: objective.line,
        what: "theme",
        text: `"${title}" reads as a bare theme, not a choice`,
      });

    const reportKrs: ReportKeyResult[] = [];
    for (const kr of objective.keyResults) {
      const { kind, placeholders } = judgeKr(kr, title);
      const target = placeholders.length > 0 && kr.target === undefined ? null : (kr.target ?? null);
      reportKrs.push({ text: kr.text, line: kr.line, kind, target, placeholder: placeholders.length > 0 });
      if (placeholders.length > 0)
        confirmations.push({
          line: kr.line,
          what: "placeholder",
          text: `"${kr.text}" holds a placeholder (${placeholders.join(", ")}): no target recorded`,
        });
      if (kind === "pointer") {
        confirmations.push({
          line: kr.line,
          what: "pointer",
          text: `"${kr.text}" only points at another objective: not made a metric`,
        });
        continue;
      }
      if (kind === "output" || kind === "vague")
        confirmations.push({
          line: kr.line,
          what: kind,
          text:
            kind === "output"
              ? `"${kr.text}" reads as output (a deliverable or activity), not a result`
              : `"${kr.text}" states no measure`,
        });
      const krOwners = resolveOwners(kr.ownersAsWritten, kr.line);
      const metric: Metric = {
        id: metricIds.next(kr.text, 40),
        name: kr.text,
        kind: metricKindOf(kind, kr.text),
        direction: directionOf(kr.text),
        priorities: [id],
        ...(kr.unit ? { unit: kr.unit } : {}),
        ...(kr.baseline !== undefined ? { baseline: kr.baseline } : {}),
        ...(target !== null ? { target } : {}),
        ...(kr.due && /^\d{4}-\d{2}-\d{2}$/.test(kr.due) ? { due: kr.due } : {}),
        ...(krOwners.people[0] ? { owner: krOwners.people[0] } : {}),
        ...(kr.score || kr.current !== undefined
          ? {
              checkins: [
                {
                  date: checkinDate,
                  value: (kr.score?.value ?? kr.current) as number,
                  ...(kr.score ? { note: kr.score.text } : {}),
                },
              ],
            }
          : {}),
      };
      metrics.push(metric);
    }

    for (const stop of objective.stops)
      stops.push({
        id: stopIds.next(stop.text, 40),
        what: stop.text,
        priority: id,
        decided: cycle.start,
        effective: cycle.start,
        reason: `anti-goal of "${title}" (line ${stop.line})`,
        ...(teamId ? { team: teamId } : {}),
      });

    reportObjectives.push({
      title,
      line: objective.line,
      level: objective.level,
      parent: objective.parent,
      ownersAsWritten: objective.ownersAsWritten,
      owners: people,
      theme,
      keyResults: reportKrs,
    });
  });

  const initiativeIds = new IdAllocator("initiative");
  const initiatives: Initiative[] = draft.initiatives.map((item) => {
    const { people } = resolveOwners(item.ownersAsWritten, item.line);
    const served = item.objective !== undefined ? priorities[item.objective]?.id : undefined;
    const status = initiativeStatusOf(item.status);
    return {
      id: initiativeIds.next(item.title, 40),
      title: item.title.trim() || `Initiative at line ${item.line}`,
      status,
      ...(ownerField(people) !== undefined ? { owner: ownerField(people) } : {}),
      ...(served ? { priorities: [served] } : {}),
      ...(item.start && /^\d{4}-\d{2}-\d{2}$/.test(item.start) ? { start: item.start } : {}),
      ...(item.end && /^\d{4}-\d{2}-\d{2}$/.test(item.end) ? { end: item.end } : {}),
      ...(item.team ? { "x-team": directory.team(item.team) } : {}),
    } as Initiative;
  });

  const organisation =
    draft.title?.trim() || draft.source.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "") || "Imported plan";
  const plan: Plan = {
    version: 1,
    organisation,
    cycle: { name: cycle.name, start: cycle.start, end: cycle.end },
    people: directory.people,
    teams: directory.teams,
    priorities,
    ...(metrics.length ? { metrics } : {}),
    ...(initiatives.length ? { initiatives } : {}),
    ...(stops.length ? { stops } : {}),
  };
  const assumptions = [...cycle.assumptions, ...draft.assumptions];
  if (directory.teams.length > 0)
    assumptions.push(
      `${directory.teams.length} team${directory.teams.length === 1 ? "" : "s"} created without capacity (unknown): add each team's FTE to get capacity findings`,
    );
  const roles = directory.people.filter((p) => p["x-role"]).length;
  if (roles > 0)
    assumptions.push(
      `${roles} owner${roles === 1 ? " was" : "s were"} written as a role (e.g. "${directory.people.find((p) => p["x-role"])?.name}"): each became a person named by the role, marked x-role; rename them to the people who hold the roles`,
    );
  const report: ConversionReport = {
    source: draft.source,
    from: draft.from,
    cycle: { start: cycle.start, end: cycle.end, assumed: cycle.assumed },
    objectives: reportObjectives,
    initiatives: initiatives.length,
    assumptions,
    unmapped: draft.unmapped,
  };
  confirmations.sort((a, b) => a.line - b.line);
  return { plan, report, confirmations, summary: summarise(plan, report, confirmations) };
}

function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : word === "person" ? "people" : `${word}s`}`;
}

function summarise(plan: Plan, report: ConversionReport, confirmations: Confirmation[]): string[] {
  const top = plan.priorities.filter((p) => !p.parent).length;
  const krs = report.objectives.reduce((n, o) => n + o.keyResults.length, 0);
  const lines = [
    `${report.source}: ${count(report.objectives.length, "objective")} (${top} top level), ${count(krs, "key result")} → ${count(plan.metrics?.length ?? 0, "metric")}, ${count(report.initiatives, "initiative")}, ${count(plan.stops?.length ?? 0, "stop")}, ${count(plan.people.length, "person")}, ${count(plan.teams.length, "team")}`,
    `cycle ${report.cycle.start} – ${report.cycle.end}${report.cycle.assumed ? " (assumed)" : ""}`,
  ];
  if (report.assumptions.length) lines.push("Assumed:", ...report.assumptions.map((a) => `  ${a}`));
  if (confirmations.length)
    lines.push(
      `Needs confirmation (${confirmations.length}):`,
      ...confirmations.map((c) => `  ${report.source}:${c.line}: ${c.what}: ${c.text}`),
    );
  if (report.unmapped.length)
    lines.push(
      `Not mapped (${report.unmapped.length}):`,
      ...report.unmapped.map((u) => `  ${report.source}:${u.line}: ${u.text.slice(0, 100)}`),
    );
  return lines;
}
