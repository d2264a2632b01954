import { linearScale } from "../charts";
import { Loading, useAsync } from "../components";
import { loadPlanAndAnalysis, type Plan } from "./plan-data";

export function PromisesPage({ ws }: { ws: string }) {
  const { data, error } = useAsync(() => loadPlanAndAnalysis(ws), [ws]);
  if (!data) return <Loading error={error} />;
  const { plan, analysis } = data;
  const teams = new Map<string, string>(plan.teams.map((t: Plan) => [t.id, t.name]));
  const day = (d: string) => Date.parse(d) / 86_400_000;
  return (
    <article>
      <h1>Promises</h1>
      <p className="muted">
        Each customer promise's milestones on one time axis. Customer-facing moments are diamonds; readiness
        milestones are circles.
      </p>
      {(plan.promises ?? []).map((p: Plan) => {
        const issues = analysis.findings.filter((f) => f.subject.type === "promise" && f.subject.id === p.id);
        const dates = p.milestones.map((m: Plan) => day(m.date));
        const x = linearScale([Math.min(...dates) - 3, Math.max(...dates) + 3], [150, 760]);
        return (
          <section key={p.id} id={`promise-${p.id}`} className={`panel ${issues.length ? "flagged" : ""}`}>
            <h2>{p.statement}</h2>
            {issues.map((f) => (
              <p key={f.rule} className={`sev-line sev-${f.severity}`}>
                <strong>{f.rule === "promise-broken" ? "Broken:" : "Out of step:"}</strong> {f.message}.{" "}
                {f.suggestion}
              </p>
            ))}
            <svg
              className="chart timeline"
              viewBox={`0 0 800 ${30 + p.milestones.length * 28}`}
              role="img"
              aria-label={`Milestones of ${p.statement}`}
            >
              {p.milestones.map((m: Plan, i: number) => {
                const y = 24 + i * 28;
                const late = issues.some(
                  (f) => JSON.stringify(f.evidence).includes(`"what":"${m.what}"`) && !m.customerFacing,
                );
                return (
                  <g key={`${m.team}-${m.what}`}>
                    <text x={4} y={y + 4} className="tick">
                      {teams.get(m.team) ?? m.team}
                    </text>
                    {m.customerFacing ? (
                      <rect
                        x={x(day(m.date)) - 6}
                        y={y - 6}
                        width={12}
                        height={12}
                        transform={`rotate(45 ${x(day(m.date))} ${y})`}
                        className="facing"
                      />
                    ) : (
                      <circle
                        cx={x(day(m.date))}
                        cy={y}
                        r={6}
                        className={m.done ? "done" : late ? "late" : "ready"}
                      />
                    )}
                    <text x={x(day(m.date)) + 10} y={y + 4} className="tick">
                      {m.what} · {m.date}
                      {m.done ? " ✓" : ""}
                    </text>
                  </g>
                );
              })}
            </svg>
          </section>
        );
      })}
      {(plan.promises ?? []).length === 0 && <p className="empty">No cross-functional promises yet.</p>}
    </article>
  );
}
