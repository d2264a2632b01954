import { StackedBar } from "../charts";
import { Loading, useAsync } from "../components";
import { useCan } from "../session";
import { SimulationBar, useSimulation } from "../simulation";
import { loadPlanAndAnalysis, type Plan } from "./plan-data";

export function CapacityPage({ ws }: { ws: string }) {
  const { data, error, reload } = useAsync(() => loadPlanAndAnalysis(ws), [ws]);
  const sim = useSimulation(ws, reload);
  const canApply = useCan("editor");
  if (!data) return <Loading error={error} />;
  const { plan, analysis } = data;
  const teamName = (id: string) => plan.teams.find((t: Plan) => t.id === id)?.name ?? id;
  const live = new Set(
    plan.priorities.filter((p: Plan) => (p.status ?? "committed") === "committed").map((p: Plan) => p.id),
  );
  const title = new Map<string, string>(plan.priorities.map((p: Plan) => [p.id, p.title]));
  const tone = new Map<string, number>(plan.priorities.map((p: Plan, i: number) => [p.id, i]));
  const liveInitiatives = (plan.initiatives ?? []).filter((i: Plan) =>
    ["active", "paused", undefined].includes(i.status),
  );
  const metricKind = new Map<string, Plan>((plan.metrics ?? []).map((m: Plan) => [m.id, m]));
  return (
    <article>
      <h1>Capacity</h1>
      <p className="muted">
        Committed FTE by priority against each team's capacity (the line). Work serving no live priority is
        orphan work.
      </p>
      <SimulationBar sim={sim} teamName={teamName} canApply={canApply} />
      {plan.teams.map((t: Plan) => {
        const byKey = new Map<string, number>();
        for (const i of liveInitiatives) {
          const fte = i.allocation?.[t.id] ?? 0;
          if (fte <= 0) continue;
          const served = (i.priorities ?? []).filter((p: string) => live.has(p));
          const key = served[0] ?? "orphan";
          byKey.set(key, (byKey.get(key) ?? 0) + fte);
        }
        const segments = [...byKey].map(([k, v]) => ({
          label: k === "orphan" ? "Orphan work" : (title.get(k) ?? k),
          value: Math.round(v * 100) / 100,
          kind: k === "orphan" ? ("orphan" as const) : ("priority" as const),
          tone: tone.get(k) ?? 0,
        }));
        const committed = segments.reduce((s, x) => s + x.value, 0);
        const card = t.scorecard ?? [];
        const total = card.reduce((s: number, e: Plan) => s + e.weight, 0);
        const aligned = card
          .filter((e: Plan) => {
            const m = metricKind.get(e.metric);
            return (
              m &&
              (m.kind === "outcome" || m.kind === "business") &&
              (m.priorities ?? []).some((p: string) => live.has(p))
            );
          })
          .reduce((s: number, e: Plan) => s + e.weight, 0);
        return (
          <section key={t.id} id={`team-${t.id}`} className="panel team">
            <h2>
              {t.name}{" "}
              <span className={t.capacity !== undefined && committed > t.capacity ? "over" : "muted"}>
                {Math.round(committed * 100) / 100} / {t.capacity ?? "unknown"} FTE
              </span>{" "}
              <span className="muted" data-testid={`team-gap-${t.id}`}>
                · gap {analysis.index.teams[t.id] ?? 0}
              </span>
            </h2>
            <StackedBar
              segments={segments}
              capacity={t.capacity ?? 0}
              label={`${t.name}: ${committed} FTE committed against ${t.capacity ?? "an unknown capacity"}`}
            />
            <ul className="legend">
              {segments.map((s) => (
                <li key={s.label} className={s.kind === "orphan" ? "orphan" : ""}>
                  <span className={`swatch seg-${s.kind} seg-${s.tone % 8}`} aria-hidden="true" />
                  {s.label}: {s.value} FTE
                </li>
              ))}
            </ul>
            <details>
              <summary>Simulate stopping work</summary>
              <ul className="simulate-list">
                {liveInitiatives
                  .filter((i: Plan) => (i.allocation?.[t.id] ?? 0) > 0)
                  .map((i: Plan) => {
                    const change = { op: "stop" as const, initiative: i.id };
                    return (
                      <li key={i.id}>
                        <label className="simulate-toggle">
                          <input
                            type="checkbox"
                            checked={sim.has(change)}
                            onChange={() => sim.toggle(change)}
                          />{" "}
                          Stop {i.title} ({i.allocation[t.id]} FTE)
                        </label>
                      </li>
                    );
                  })}
              </ul>
            </details>
            <p>
              {total > 0
                ? `${Math.round((aligned / total) * 100)}% of its scorecard is tied to live priorities.`
                : "No scorecard."}
            </p>
          </section>
        );
      })}
    </article>
  );
}
