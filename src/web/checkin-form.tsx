import { useEffect, useRef, useState } from "react";
import { api } from "./api";
import { projectAt } from "./chart-scales";
import { Problems } from "./components";
import { today } from "./format";
import type { Plan } from "./pages/plan-data";
import { useCan } from "./session";

/** What a row of the check-in form shows about a metric before this week's value. */
export function metricStanding(metric: Plan, cycleStart: string) {
  const start = Date.parse(cycleStart);
  const day = (d: string) => Math.round((Date.parse(d) - start) / 86_400_000);
  const checkins: { date: string; value: number }[] = [...(metric.checkins ?? [])].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  const last = checkins[checkins.length - 1];
  const points = [
    ...(metric.baseline !== undefined ? [{ x: 0, y: metric.baseline as number }] : []),
    ...checkins.map((c) => ({ x: day(c.date), y: c.value })),
  ];
  const projected = metric.due ? projectAt(points, day(metric.due)) : undefined;
  return { last, projected };
}

/**
 * This week's check-ins for a set of metrics, in one form and one request. Keyboard-first:
 * the first value has focus, Tab walks value → note → next value, Enter saves all of them.
 * Rows left empty are not recorded.
 */
export function CheckinForm({
  ws,
  metrics,
  cycleStart,
  onSaved,
  autoFocus = false,
}: {
  ws: string;
  metrics: Plan[];
  cycleStart: string;
  onSaved: (recorded: number) => void;
  autoFocus?: boolean;
}) {
  const [date, setDate] = useState(today());
  const [values, setValues] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string>();
  const canCheckIn = useCan("contributor");
  const first = useRef<HTMLInputElement>(null);
  // Focus once the inputs are enabled: the reader's role arrives after the page's first render.
  useEffect(() => {
    if (autoFocus && canCheckIn) first.current?.focus();
  }, [autoFocus, canCheckIn]);
  if (metrics.length === 0) return <p className="empty">No metric to check in on.</p>;
  const filled = metrics.filter((m) => (values[m.id] ?? "").trim() !== "");
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(undefined);
    if (filled.length === 0) {
      setError(new Error("Enter at least one value."));
      return;
    }
    setBusy(true);
    try {
      const checkins = filled.map((m) => ({
        metric: m.id,
        date,
        value: Number(values[m.id]),
        ...(notes[m.id]?.trim() ? { note: notes[m.id].trim() } : {}),
      }));
      await api("POST", `/workspaces/${ws}/checkins`, { body: { checkins } });
      setValues({});
      setNotes({});
      setSaved(`Recorded ${checkins.length} check-in${checkins.length === 1 ? "" : "s"} for ${date}.`);
      onSaved(checkins.length);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="checkin-form" aria-label="This week's check-ins">
      <label className="checkin-date">
        Date of these check-ins
        <input type="date" value={date} max={today()} required onChange={(e) => setDate(e.target.value)} />
      </label>
      <table>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Last value</th>
            <th scope="col">Target</th>
            <th scope="col">Projected by due</th>
            <th scope="col">This week</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {metrics.map((m, i) => {
            const { last, projected } = metricStanding(m, cycleStart);
            const unit = m.unit ? ` ${m.unit}` : "";
            return (
              <tr key={m.id}>
                {/* Plain text, not a link: Tab goes value → note → next value. */}
                <th scope="row">{m.name}</th>
                <td>{last ? `${last.value}${unit} on ${last.date}` : <em>none yet</em>}</td>
                <td>{m.target !== undefined ? `${m.target}${unit}${m.due ? ` by ${m.due}` : ""}` : "—"}</td>
                <td>{projected !== undefined ? `${Math.round(projected * 100) / 100}${unit}` : "—"}</td>
                <td>
                  <input
                    type="number"
                    step="any"
                    inputMode="decimal"
                    aria-label={`${m.name}: value for ${date}`}
                    value={values[m.id] ?? ""}
                    disabled={!canCheckIn}
                    ref={i === 0 ? first : undefined}
                    onChange={(e) => setValues({ ...values, [m.id]: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={`${m.name}: note`}
                    value={notes[m.id] ?? ""}
                    disabled={!canCheckIn}
                    onChange={(e) => setNotes({ ...notes, [m.id]: e.target.value })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Problems error={error} />
      {saved && (
        <p role="status" className="saved">
          {saved}
        </p>
      )}
      {canCheckIn && (
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy
              ? "Saving…"
              : `Record ${filled.length || ""} check-in${filled.length === 1 ? "" : "s"}`.replace("  ", " ")}
          </button>
        </div>
      )}
    </form>
  );
}
