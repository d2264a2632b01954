import { FindingAction } from "../actions";
import type { Finding } from "../api";
import { Loading, useAsync } from "../components";
import { today } from "../format";
import { type Owns, useOwns } from "../owned-by-me";
import { stopStatus, stopStatusText } from "../stop-status";
import { loadPlanAndAnalysis, type Plan } from "./plan-data";

export function StopsPage({ ws }: { ws: string }) {
  const { data, error, reload } = useAsync(() => loadPlanAndAnalysis(ws), [ws]);
  const owns = useOwns({
    people: data?.plan.people ?? [],
    priorities: data?.plan.priorities ?? [],
    initiatives: data?.plan.initiatives ?? [],
  });
  if (!data) return <Loading error={error} />;
  const { plan, analysis } = data;
  const notEnforced = new Map(
    analysis.findings.filter((f) => f.rule === "stop-not-enforced").map((f) => [f.subject.id, f]),
  );
  const asOf: string = plan.asOf ?? today();
  const teams = new Map<string, string>(plan.teams.map((t: Plan) => [t.id, t.name]));
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
      <section className="panel" aria-label="Stops">
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
                <td className="nowrap">{s.effective}</td>
                <td>
                  {Object.entries(s.frees ?? {})
                    .map(([t, f]) => `${teams.get(t) ?? t}: ${f} FTE`)
                    .join(", ") || "—"}
                </td>
                <td>
                  <StopState
                    status={stopStatus(
                      s as { decided: string; effective: string; initiative?: string },
                      plan.initiatives ?? [],
                      asOf,
                      notEnforced.has(s.id),
                    )}
                    finding={notEnforced.get(s.id)}
                    ws={ws}
                    owns={owns}
                    onDone={reload}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {(plan.stops ?? []).length === 0 && (
        <p className="empty">Nothing has been stopped yet: every priority should name what it replaces.</p>
      )}
    </article>
  );
}

function StopState({
  status,
  finding,
  ws,
  owns,
  onDone,
}: {
  status: ReturnType<typeof stopStatus>;
  finding?: Finding;
  ws: string;
  owns: Owns;
  onDone: () => void;
}) {
  if (status.kind === "not-enforced" && finding)
    return <StillRunning ws={ws} finding={finding} owns={owns} onDone={onDone} />;
  return <span className={status.kind === "stopped" ? "ok" : "muted"}>{stopStatusText(status)}</span>;
}

/** A stop that did not happen: what still runs, and the action that ends it. */
function StillRunning({
  ws,
  finding,
  owns,
  onDone,
}: {
  ws: string;
  finding: Finding;
  owns: Owns;
  onDone: () => void;
}) {
  return (
    <div className="still-running">
      <span className="sev sev-error">No — still staffed</span>
      <p className="muted">{finding.message}.</p>
      <FindingAction ws={ws} finding={finding} people={[]} initiatives={[]} owns={owns} onDone={onDone} />
    </div>
  );
}
