import { useState } from "react";
import { DecisionForm } from "../actions";
import { Dialog, Loading, useAsync } from "../components";
import { Link } from "../router";
import { useCan } from "../session";
import { loadPlanAndAnalysis, type Plan } from "./plan-data";

export function InsightsPage({ ws }: { ws: string }) {
  const { data, error, reload } = useAsync(() => loadPlanAndAnalysis(ws), [ws]);
  const [deciding, setDeciding] = useState<string>();
  const canEdit = useCan("editor");
  const canContribute = useCan("contributor");
  if (!data) return <Loading error={error} />;
  const { plan, analysis } = data;
  const unused = new Set(
    analysis.findings.filter((f) => f.rule === "insight-unused").map((f) => f.subject.id),
  );
  const cited = new Set((plan.decisions ?? []).flatMap((d: Plan) => d.evidence ?? []));
  const insights = [...(plan.insights ?? [])].sort(
    (a: Plan, b: Plan) => Number(unused.has(b.id)) - Number(unused.has(a.id)) || (a.date < b.date ? 1 : -1),
  );
  return (
    <article>
      <h1>Insights and decisions</h1>
      <section className="panel">
        <h2>Insights inbox</h2>
        {canContribute && (
          <p>
            <Link to={`/w/${ws}/edit/insights/new`} className="button">
              Add an insight
            </Link>
          </p>
        )}
        <ul className="cards">
          {insights.map((i: Plan) => (
            <li key={i.id} id={`insight-${i.id}`} className={unused.has(i.id) ? "flagged" : ""}>
              <p>
                <strong>{i.summary}</strong>
              </p>
              <p className="muted">
                {i.date} · {i.source ?? "no source"} ·{" "}
                {unused.has(i.id) ? "unused" : cited.has(i.id) ? "cited by a decision" : "recent"}
              </p>
              {canEdit && (
                <button type="button" onClick={() => setDeciding(i.id)}>
                  Record a decision from this
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel">
        <h2>Decision log</h2>
        <table>
          <thead>
            <tr>
              <th>Date</th>
              <th>Decision</th>
              <th>Kind</th>
              <th>Evidence</th>
            </tr>
          </thead>
          <tbody>
            {(plan.decisions ?? []).map((d: Plan) => (
              <tr key={d.id} id={`decision-${d.id}`}>
                <td>{d.date}</td>
                <td>{d.statement}</td>
                <td>{d.kind}</td>
                <td>
                  {(d.evidence ?? []).map((e: string) => (
                    <a key={e} href={`#insight-${e}`}>
                      {e}{" "}
                    </a>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Dialog title="Record a decision" open={deciding !== undefined} onClose={() => setDeciding(undefined)}>
        {deciding && (
          <DecisionForm
            ws={ws}
            insight={deciding}
            onDone={() => {
              setDeciding(undefined);
              reload();
            }}
          />
        )}
      </Dialog>
    </article>
  );
}
