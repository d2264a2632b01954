import { linearScale } from "../chart-scales";
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
        const x = linearScale([Math.min(...dates) - 3, Math.max(...dates) + 3], [170, 780]);
        const months = monthStarts(Math.min(...dates) - 3, Math.max(...dates) + 3);
        const axisY = 20 + p.milestones.length * 28;
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
              viewBox={`0 0 800 ${axisY + 22}`}
              role="img"
              aria-label={`Milestones of ${p.statement}`}
            >
              {months.map((m) => (
                <g key={m.label}>
                  <line x1={x(m.day)} x2={x(m.day)} y1={8} y2={axisY} className="grid" />
                  <text x={x(m.day)} y={axisY + 16} textAnchor="middle" className="tick">
                    {m.label}
                  </text>
                </g>
              ))}
              <line x1={170} x2={780} y1={axisY} y2={axisY} className="axis" />
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
                    {/* Labels in the right half read leftwards from their marker, so none runs off the edge. */}
                    <text
                      x={x(day(m.date)) + (x(day(m.date)) > 475 ? -12 : 12)}
                      y={y + 4}
                      textAnchor={x(day(m.date)) > 475 ? "end" : "start"}
                      className="tick"
                    >
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

/**
 * Ticks for the time axis over [from, to] (days since 1970): the 1st and 15th of each month for
 * spans up to three months, else the 1st of each month, thinned to at most eight labels.
 */
function monthStarts(from: number, to: number): { day: number; label: string }[] {
  const short = to - from <= 92;
  const start = new Date(from * 86_400_000);
  const ticks: { day: number; label: string }[] = [];
  for (let m = 0; ; m++) {
    const first = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1) / 86_400_000;
    if (first > to) break;
    for (const day of short ? [first, first + 14] : [first])
      if (day >= from && day <= to) {
        const iso = new Date(day * 86_400_000).toISOString();
        ticks.push({ day, label: short ? iso.slice(0, 10) : iso.slice(0, 7) });
      }
  }
  const every = Math.ceil(ticks.length / 8);
  return ticks.filter((_, i) => i % every === 0);
}
