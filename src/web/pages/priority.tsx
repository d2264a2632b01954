import { metricsOwnedBy } from "../../domain/ownership";
import { projectAt } from "../chart-scales";
import { LineChart } from "../charts";
import { CheckinForm } from "../checkin-form";
import { Loading, useAsync } from "../components";
import { SEVERITY_LABEL } from "../format";
import { Link } from "../router";
import { useCan, useSession } from "../session";
import { loadPlanAndAnalysis, type Plan } from "./plan-data";

export function PriorityPage({ ws, id }: { ws: string; id: string }) {
  const { data, error, reload } = useAsync(() => loadPlanAndAnalysis(ws), [ws, id]);
  const session = useSession();
  const isEditor = useCan("editor");
  if (!data) return <Loading error={error} />;
  const { plan, analysis } = data;
  const p = plan.priorities.find((x: Plan) => x.id === id);
  if (!p) return <p>No priority “{id}”.</p>;
  const people = new Map<string, string>(plan.people.map((x: Plan) => [x.id, x.name]));
  const owner = Array.isArray(p.owner)
    ? p.owner.map((o: string) => people.get(o) ?? o).join(", ")
    : (people.get(p.owner) ?? p.owner ?? "nobody");
  const initiatives = (plan.initiatives ?? []).filter((i: Plan) => (i.priorities ?? []).includes(id));
  const metrics = (plan.metrics ?? []).filter((m: Plan) => (m.priorities ?? []).includes(id));
  const stops = (plan.stops ?? []).filter((s: Plan) => s.priority === id);
  // The check-in form holds the metrics here that the reader owns (an editor: all of them).
  const owned = new Set(
    session.user?.email
      ? metricsOwnedBy(session.user.email, plan as Parameters<typeof metricsOwnedBy>[1]).map((m) => m.id)
      : [],
  );
  const toCheckIn = metrics.filter((m: Plan) => isEditor || owned.has(m.id));
  const reviews = (plan.reviews ?? []).filter(
    (r: Plan) =>
      r.priority === id || r.items.some((it: Plan) => initiatives.some((i: Plan) => i.id === it.initiative)),
  );
  const findings = analysis.findings.filter((f) => f.subject.type === "priority" && f.subject.id === id);
  const start = Date.parse(plan.cycle.start);
  const day = (d: string) => Math.round((Date.parse(d) - start) / 86_400_000);
  return (
    <article>
      <p className="breadcrumb">
        <Link to={`/w/${ws}`}>Dashboard</Link> / Priority
      </p>
      <h1>{p.title}</h1>
      <p className="muted">
        Gap {analysis.index.priorities[id] ?? "—"} · {p.status ?? "committed"} · reviewed every{" "}
        {p.reviewEvery ?? "30d"}
      </p>
      <dl className="facts">
        <dt>Owner</dt>
        <dd>{owner}</dd>
        <dt>Segment</dt>
        <dd>{p.segment ?? <em>missing</em>}</dd>
        <dt>Customer outcome</dt>
        <dd>{p.outcome ?? <em>missing</em>}</dd>
        <dt>Right to win</dt>
        <dd>{p.rightToWin ?? <em>missing</em>}</dd>
      </dl>
      {findings.length > 0 && (
        <section className="panel">
          <h2>What holds it back</h2>
          <ul>
            {findings.map((f) => (
              <li key={f.rule}>
                <span className={`sev sev-${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span> {f.message}.{" "}
                <em>{f.suggestion}</em>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel">
        <h2>What was stopped to make room</h2>
        {stops.length === 0 ? (
          <p className="empty">Nothing yet.</p>
        ) : (
          <ul>
            {stops.map((s: Plan) => (
              <li key={s.id}>
                {s.what} — effective {s.effective}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel">
        <h2>Initiatives</h2>
        <table>
          <thead>
            <tr>
              <th>Initiative</th>
              <th>Status</th>
              <th>Allocation (FTE)</th>
            </tr>
          </thead>
          <tbody>
            {initiatives.map((i: Plan) => (
              <tr key={i.id}>
                <td>{i.title}</td>
                <td>{i.status ?? "active"}</td>
                <td>
                  {Object.entries(i.allocation ?? {})
                    .map(([t, f]) => `${t} ${f}`)
                    .join(", ") || "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel">
        <h2>Metrics</h2>
        {metrics.map((m: Plan) => {
          const points = [
            ...(m.baseline !== undefined
              ? [{ x: 0, y: m.baseline, label: `${plan.cycle.start}: baseline ${m.baseline}` }]
              : []),
            ...(m.checkins ?? []).map((c: Plan) => ({
              x: day(c.date),
              y: c.value,
              label: `${c.date}: ${c.value}`,
            })),
          ];
          const last = points[points.length - 1];
          const dueAt = m.due ? day(m.due) : undefined;
          const projected = dueAt !== undefined ? projectAt(points, dueAt) : undefined;
          return (
            <div key={m.id} className="metric">
              <h3>
                {m.name}{" "}
                <span className="muted">
                  ({m.kind}, {m.direction === "up" ? "higher is better" : "lower is better"})
                </span>
              </h3>
              <LineChart
                label={`${m.name}: check-ins${m.target !== undefined ? `, target ${m.target}` : ""}${projected !== undefined ? `, projected ${Math.round(projected)} by ${m.due}` : ""}`}
                target={m.target}
                points={points}
                projection={
                  projected !== undefined && last && dueAt !== undefined
                    ? { from: last, to: { x: dueAt, y: projected } }
                    : undefined
                }
              />
            </div>
          );
        })}
        {metrics.length === 0 && <p className="empty">No metric evidences this priority.</p>}
      </section>
      {toCheckIn.length > 0 && (
        <section className="panel" aria-labelledby="checkin-title">
          <h2 id="checkin-title">This week's check-ins</h2>
          <CheckinForm ws={ws} metrics={toCheckIn} cycleStart={plan.cycle.start} onSaved={reload} />
        </section>
      )}
      <section className="panel">
        <h2>Resistance and the changes answering it</h2>
        <ul>
          {(p.resistance ?? []).map((r: Plan) => (
            <li key={r.id} id={`resistance-${r.id}`}>
              <strong>{r.area}</strong>: {r.description}
              {r.change
                ? ` → ${r.change.description} (${r.change.status}, due ${r.change.due})`
                : " → no change yet"}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel">
        <h2>Reviews</h2>
        {reviews.length === 0 ? (
          <p className="empty">Never reviewed.</p>
        ) : (
          <ul>
            {reviews.map((r: Plan) => (
              <li key={r.id}>
                {r.date}: {r.items.length} initiatives reviewed
              </li>
            ))}
          </ul>
        )}
        <Link to={`/w/${ws}/review?priority=${id}`}>Start a review</Link>
      </section>
    </article>
  );
}
