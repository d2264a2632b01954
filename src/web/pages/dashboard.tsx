import { useMemo, useState } from "react";
import { FindingAction } from "../actions";
import { type Analysis, get, type Item, type Snapshot } from "../api";
import { asOfQuery } from "../as-of";
import { dateTicks, dayNumber } from "../chart-scales";
import { Bar, LineChart } from "../charts";
import { Loading, useAsync } from "../components";
import { DIMENSION_TITLE, SEVERITY_LABEL, subjectHref, subjectLinkLabel } from "../format";
import { useOwns } from "../owned-by-me";
import { Link } from "../router";

export function Dashboard({ ws }: { ws: string }) {
  const { data, error, reload } = useAsync(async () => {
    const [analysis, history, people, initiatives, priorities] = await Promise.all([
      get<Analysis>(`/workspaces/${ws}/analysis${asOfQuery()}`),
      get<{ items: Snapshot[] }>(`/workspaces/${ws}/analysis/history`),
      get<{ items: Item[] }>(`/workspaces/${ws}/people?limit=500`),
      get<{ items: Item[] }>(`/workspaces/${ws}/initiatives?limit=500`),
      get<{ items: Item[] }>(`/workspaces/${ws}/priorities?limit=500`),
    ]);
    return {
      analysis,
      history: history.items,
      people: people.items,
      initiatives: initiatives.items,
      priorities: priorities.items,
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
            {Object.entries(index.dimensions).map(([d, v]) => (
              <li key={d}>
                <span className="dim-name">{DIMENSION_TITLE[d] ?? d}</span>
                <Bar value={v} label={`${DIMENSION_TITLE[d]} gap ${v}`} />
                <span className="dim-value">{v}</span>
              </li>
            ))}
          </ul>
        </div>
      </section>
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
          {findings.slice(0, shown).map((f) => (
            <li
              key={`${f.rule}-${f.subject.type}-${f.subject.id}`}
              className={`finding sev-border-${f.severity}`}
              data-rule={f.rule}
            >
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
                <Link to={subjectHref(ws, f.subject, data.priorities)}>
                  {subjectLinkLabel(f.subject.type)}
                </Link>
                <FindingAction
                  ws={ws}
                  finding={f}
                  people={data.people}
                  initiatives={data.initiatives}
                  onDone={reload}
                  owns={owns}
                />
              </div>
            </li>
          ))}
        </ol>
        {findings.length > shown && (
          <p>
            <button type="button" onClick={() => setShown(shown + 100)}>
              Show more ({findings.length - shown} not shown)
            </button>
          </p>
        )}
      </section>
    </>
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
