import { Loading, useAsync } from "../components";
import { loadPlanAndAnalysis, type Plan } from "./plan-data";

export function StopsPage({ ws }: { ws: string }) {
  const { data, error } = useAsync(() => loadPlanAndAnalysis(ws), [ws]);
  if (!data) return <Loading error={error} />;
  const { plan, analysis } = data;
  const notEnforced = new Set(
    analysis.findings.filter((f) => f.rule === "stop-not-enforced").map((f) => f.subject.id),
  );
  const totalFreed = (plan.stops ?? []).reduce(
    (s: number, x: Plan) => s + Object.values(x.frees ?? {}).reduce((a: number, b) => a + Number(b), 0),
    0,
  );
  return (
    <article>
      <h1>Stop list</h1>
      <p className="muted">
        What was formally stopped to make room, the capacity it frees ({Math.round(totalFreed * 10) / 10} FTE
        in all), and whether it really stopped.
      </p>
      <table>
        <thead>
          <tr>
            <th>Stopped</th>
            <th>For</th>
            <th>Effective</th>
            <th>Frees</th>
            <th>Really stopped?</th>
          </tr>
        </thead>
        <tbody>
          {(plan.stops ?? []).map((s: Plan) => (
            <tr key={s.id} id={`stop-${s.id}`}>
              <td>{s.what}</td>
              <td>{plan.priorities.find((p: Plan) => p.id === s.priority)?.title ?? "—"}</td>
              <td>{s.effective}</td>
              <td>
                {Object.entries(s.frees ?? {})
                  .map(([t, f]) => `${t} ${f}`)
                  .join(", ") || "—"}
              </td>
              <td>
                {notEnforced.has(s.id) ? (
                  <span className="sev sev-error">No — still staffed</span>
                ) : (
                  <span className="ok">Yes</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
