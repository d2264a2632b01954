import { useState } from "react";
import { StopForm } from "../actions";
import { api } from "../api";
import { Form, Loading, useAsync } from "../components";
import { today } from "../format";
import { Link, navigate } from "../router";
import { loadPlanAndAnalysis, type Plan } from "./plan-data";

interface Answer {
  connection: string;
  learning: string;
  stillInvest: "yes" | "no" | "unsure" | "";
}

/** Review mode: one initiative at a time, the same three questions every time. */
export function ReviewPage({ ws, priority }: { ws: string; priority?: string }) {
  const { data, error, reload } = useAsync(() => loadPlanAndAnalysis(ws), [ws]);
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [saved, setSaved] = useState(false);
  const [stopFor, setStopFor] = useState<string>();
  if (!data) return <Loading error={error} />;
  const { plan } = data;
  const live = plan.priorities.filter((p: Plan) => (p.status ?? "committed") === "committed");
  if (!priority)
    return (
      <article>
        <h1>Review</h1>
        <p>Pick a priority to review. Each of its initiatives gets the same three questions.</p>
        <ul className="cards">
          {live.map((p: Plan) => (
            <li key={p.id}>
              <Link to={`/w/${ws}/review?priority=${p.id}`}>{p.title}</Link>
            </li>
          ))}
        </ul>
      </article>
    );
  const p = plan.priorities.find((x: Plan) => x.id === priority);
  const initiatives = (plan.initiatives ?? []).filter(
    (i: Plan) =>
      (i.priorities ?? []).includes(priority) && ["active", "paused", undefined].includes(i.status),
  );
  const current = initiatives[step];
  const answer = current
    ? (answers[current.id] ?? { connection: "", learning: "", stillInvest: "" })
    : undefined;
  const set = (patch: Partial<Answer>) =>
    current && setAnswers({ ...answers, [current.id]: { ...(answer as Answer), ...patch } });
  const initiativesAll = plan.initiatives ?? [];

  if (saved)
    return (
      <article>
        <h1>Review of {p?.title} recorded</h1>
        {stopFor ? (
          <section className="panel">
            <h2>You answered “no” — record the stop now?</h2>
            <StopForm
              ws={ws}
              initiatives={initiativesAll}
              initiative={stopFor}
              priority={priority}
              onDone={() => {
                setStopFor(undefined);
                reload();
              }}
            />
          </section>
        ) : (
          <p>
            <Link to={`/w/${ws}`}>Back to the dashboard</Link>
          </p>
        )}
        {Object.entries(answers)
          .filter(([id, a]) => a.stillInvest === "no" && id !== stopFor)
          .map(([id]) => (
            <button key={id} type="button" onClick={() => setStopFor(id)}>
              Record the stop for {initiativesAll.find((i: Plan) => i.id === id)?.title}
            </button>
          ))}
      </article>
    );

  return (
    <article>
      <p className="breadcrumb">
        <Link to={`/w/${ws}/review`}>Review</Link> / {p?.title}
      </p>
      <h1>Reviewing {p?.title}</h1>
      {initiatives.length === 0 ? (
        <p className="empty">No live initiative serves this priority.</p>
      ) : current && answer ? (
        <section className="panel review-step" aria-live="polite">
          <p className="muted">
            Initiative {step + 1} of {initiatives.length}
          </p>
          <h2>{current.title}</h2>
          <label>
            How does this connect to our priorities?
            <textarea
              value={answer.connection}
              onChange={(e) => set({ connection: e.target.value })}
              name="connection"
            />
          </label>
          <label>
            What are we learning about this customer segment?
            <textarea
              value={answer.learning}
              onChange={(e) => set({ learning: e.target.value })}
              name="learning"
            />
          </label>
          <fieldset>
            <legend>Do we still believe we should invest here?</legend>
            {(["yes", "no", "unsure"] as const).map((v) => (
              <label key={v} className="check">
                <input
                  type="radio"
                  name="stillInvest"
                  value={v}
                  checked={answer.stillInvest === v}
                  onChange={() => set({ stillInvest: v })}
                />{" "}
                {v}
              </label>
            ))}
          </fieldset>
          <div className="form-actions">
            <button type="button" disabled={step === 0} onClick={() => setStep(step - 1)}>
              Previous
            </button>
            {step < initiatives.length - 1 ? (
              <button type="button" className="primary" onClick={() => setStep(step + 1)}>
                Next initiative
              </button>
            ) : (
              <Form
                submit="Record the review"
                onSubmit={async () => {
                  const items = initiatives.map((i: Plan) => {
                    const a = answers[i.id] ?? { connection: "", learning: "", stillInvest: "" };
                    return {
                      initiative: i.id,
                      connection: a.connection || undefined,
                      learning: a.learning || undefined,
                      stillInvest: a.stillInvest || undefined,
                    };
                  });
                  await api("POST", `/workspaces/${ws}/reviews`, {
                    body: {
                      id: `review-${priority}-${Date.now().toString(36)}`.slice(0, 64),
                      date: today(),
                      priority,
                      items,
                    },
                  });
                  const no = items.find((i: { stillInvest?: string }) => i.stillInvest === "no");
                  setStopFor(no?.initiative);
                  setSaved(true);
                }}
              >
                {null}
              </Form>
            )}
          </div>
        </section>
      ) : null}
      <button type="button" className="link" onClick={() => navigate(`/w/${ws}/priorities/${priority}`)}>
        Open the priority
      </button>
    </article>
  );
}
