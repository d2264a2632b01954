import { useMemo, useState } from "react";
import type { Plan as PlanData } from "../../domain/plan-schema";
import { type FindingEntry, groupFindings, populationOf, subjectNamer } from "../../engine/finding-groups";
import { FindingAction } from "../actions";
import { type Analysis, api, type Finding, get, type Item, type Snapshot } from "../api";
import { asOfQuery, viewedAsOf } from "../as-of";
import { dateTicks, dayNumber } from "../chart-scales";
import { Bar, LineChart } from "../charts";
import { Loading, useAsync } from "../components";
import { DIMENSION_TITLE, SEVERITY_LABEL, subjectHref, subjectLinkLabel } from "../format";
import { useOwns } from "../owned-by-me";
import { Link } from "../router";
import { TopMoves } from "../top-moves";

export function Dashboard({ ws }: { ws: string }) {
  const { data, error, reload } = useAsync(async () => {
    const [analysis, history, people, initiatives, priorities, plan] = await Promise.all([
      get<Analysis>(`/workspaces/${ws}/analysis${asOfQuery()}`),
      get<{ items: Snapshot[] }>(`/workspaces/${ws}/analysis/history`),
      get<{ items: Item[] }>(`/workspaces/${ws}/people?limit=500`),
      get<{ items: Item[] }>(`/workspaces/${ws}/initiatives?limit=500`),
      get<{ items: Item[] }>(`/workspaces/${ws}/priorities?limit=500`),
      // The whole plan, for "16 of 20 priorities …": how many subjects each rule looked at.
      api<PlanData>("GET", `/workspaces/${ws}/plan`, { accept: "application/json" }).then((r) => r.data),
    ]);
    return {
      analysis,
      history: history.items,
      people: people.items,
      initiatives: initiatives.items,
      priorities: priorities.items,
      population: populationOf(
        plan,
        viewedAsOf() ?? analysis.asOf ?? plan.asOf ?? new Date().toISOString().slice(0, 10),
      ),
      nameOf: subjectNamer(plan),
    };
  }, [ws]);
  const [severity, setSeverity] = useState("all");
  const [dimension, setDimension] = useState("all");
  const [text, setText] = useState("");
  // A large organisation has thousands of findings: show them a page at a time.
  const [shown, setShown] = useState(50);
  const findings = useMemo(
    () =>
      (data?.analysis.findings ?? []).filter(
        (f) =>
          (severity === "all" || f.severity === severity) &&
          (dimension === "all" || f.dimension === dimension) &&
          (text === "" ||
            `${f.rule} ${f.message} ${f.suggestion}`.toLowerCase().includes(text.toLowerCase())),
      ),
    [data, severity, dimension, text],
  );
  // A rule firing on many subjects is one entry, its list one click away.
  const entries = useMemo(
    () => (data ? groupFindings(findings, { population: data.population, nameOf: data.nameOf }) : []),
    [data, findings],
  );
  const [open, setOpen] = useState<Set<string>>(new Set());
  const owns = useOwns(data ?? { people: [], priorities: [], initiatives: [] });
  if (!data) return <Loading error={error} />;
  const { index } = data.analysis;
  const counts = { error: 0, warning: 0, info: 0 } as Record<string, number>;
  for (const f of data.analysis.findings) counts[f.severity]++;
  return (
    <>
      <section className="hero" aria-labelledby="index-title">
        <div className="index-card">
          <h1 id="index-title">Execution Gap Index</h1>
          <p className="index-value" data-testid="gap-index">
            {index.overall}
          </p>
          <p className="muted">0 means the organisation is set up to carry its strategy.</p>
          <p className="counts">
            <span className="sev sev-error">{counts.error} errors</span>{" "}
            <span className="sev sev-warning">{counts.warning} warnings</span>{" "}
            <span className="sev sev-info">{counts.info} info</span>
          </p>
        </div>
        <div className="dimensions">
          <h2>By dimension</h2>
          <ul>
            {Object.entries(index.dimensions).map(([d, v]) =>
              index.notAssessed?.includes(d) ? (
                // No data in the plan for it: not a gap of 0, and left out of the index.
                <li key={d} className="not-assessed" data-dimension={d}>
                  <span className="dim-name">{DIMENSION_TITLE[d] ?? d}</span>
                  <span className="muted">not assessed: the plan holds no data for it</span>
                </li>
              ) : (
                <li key={d} data-dimension={d}>
                  <span className="dim-name">{DIMENSION_TITLE[d] ?? d}</span>
                  <Bar value={v} label={`${DIMENSION_TITLE[d]} gap ${v}`} />
                  <span className="dim-value">{v}</span>
                </li>
              ),
            )}
          </ul>
        </div>
      </section>
      <TopMoves ws={ws} onApplied={reload} />
      <section aria-labelledby="trend-title" className="panel">
        <h2 id="trend-title">Trend</h2>
        {data.history.length < 2 && (
          <p className="muted">
            One snapshot so far: every change to the plan records the index, and the line grows from here.
          </p>
        )}
        <TrendChart history={data.history} />
      </section>
      <section aria-labelledby="findings-title" className="panel">
        <h2 id="findings-title">Findings</h2>
        <div className="filters">
          <label>
            Severity
            <select value={severity} onChange={(e) => setSeverity(e.target.value)}>
              <option value="all">All</option>
              <option value="error">Errors</option>
              <option value="warning">Warnings</option>
              <option value="info">Info</option>
            </select>
          </label>
          <label>
            Dimension
            <select value={dimension} onChange={(e) => setDimension(e.target.value)}>
              <option value="all">All</option>
              {Object.keys(DIMENSION_TITLE).map((d) => (
                <option key={d} value={d}>
                  {DIMENSION_TITLE[d]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Search
            <input
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="rule, team, title…"
            />
          </label>
        </div>
        {findings.length === 0 && (
          <p className="empty">
            No findings match.{" "}
            {data.analysis.findings.length === 0 && "The organisation is set up to carry this strategy."}
          </p>
        )}
        <ol className="findings">
          {entries.slice(0, shown).map((e) => {
            const item = (f: Finding) => (
              <FindingItem
                key={`${f.rule}-${f.subject.type}-${f.subject.id}`}
                ws={ws}
                f={f}
                people={data.people}
                initiatives={data.initiatives}
                priorities={data.priorities}
                reload={reload}
                owns={owns}
              />
            );
            if (e.kind === "finding") return item(e.finding);
            const key = groupKey(e);
            const expanded = open.has(key);
            return (
              <li
                key={key}
                className={`finding finding-group sev-border-${e.group.severity}`}
                data-rule={e.group.rule}
              >
                <div className="finding-head">
                  <span className={`sev sev-${e.group.severity}`}>{SEVERITY_LABEL[e.group.severity]}</span>
                  <span className="dim-tag">{DIMENSION_TITLE[e.group.findings[0].dimension]}</span>
                  <code className="rule">{e.group.rule}</code>
                </div>
                <p className="finding-message">{e.group.headline}</p>
                <button
                  type="button"
                  aria-expanded={expanded}
                  onClick={() => {
                    const next = new Set(open);
                    if (expanded) next.delete(key);
                    else next.add(key);
                    setOpen(next);
                  }}
                >
                  {expanded ? "Hide the list" : `Show each (${e.group.findings.length})`}
                </button>
                {expanded && <ol className="findings">{e.group.findings.map(item)}</ol>}
              </li>
            );
          })}
        </ol>
        {entries.length > shown && (
          <p>
            <button type="button" onClick={() => setShown(shown + 100)}>
              Show more ({entries.length - shown} not shown)
            </button>
          </p>
        )}
      </section>
    </>
  );
}

function groupKey(e: FindingEntry<Finding>): string {
  return e.kind === "group" ? `${e.group.rule}-${e.group.severity}-${e.group.subjectType}` : "";
}

function FindingItem({
  ws,
  f,
  people,
  initiatives,
  priorities,
  reload,
  owns,
}: {
  ws: string;
  f: Finding;
  people: Item[];
  initiatives: Item[];
  priorities: Item[];
  reload: () => void;
  owns: ReturnType<typeof useOwns>;
}) {
  return (
    <li className={`finding sev-border-${f.severity}`} data-rule={f.rule}>
      <div className="finding-head">
        <span className={`sev sev-${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>
        <span className="dim-tag">{DIMENSION_TITLE[f.dimension]}</span>
        <code className="rule">{f.rule}</code>
      </div>
      <p className="finding-message">{f.message}</p>
      <p className="finding-suggestion">
        <strong>Action:</strong> {f.suggestion}
      </p>
      <div className="finding-actions">
        <Link to={subjectHref(ws, f.subject, priorities)}>{subjectLinkLabel(f.subject.type)}</Link>
        <FindingAction
          ws={ws}
          finding={f}
          people={people}
          initiatives={initiatives}
          onDone={reload}
          owns={owns}
        />
      </div>
    </li>
  );
}

/** The index over time, on a dated axis: snapshots placed by when they were taken. */
function TrendChart({ history }: { history: Snapshot[] }) {
  const points = history.map((s) => ({
    x: dayNumber(s.takenAt),
    y: s.overall,
    label: `${s.takenAt.slice(0, 10)}: ${s.overall}`,
  }));
  const xs = points.map((p) => p.x);
  return (
    <LineChart
      label="Execution Gap Index over time"
      yDomain={[0, 100]}
      points={points}
      xTicks={xs.length ? dateTicks(Math.min(...xs), Math.max(...xs)) : []}
    />
  );
}
