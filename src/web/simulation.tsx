import { useCallback, useEffect, useState } from "react";
import { changeKey, type PlanChange } from "../domain/plan-change";
import type { JsonWhatIf } from "../engine/json-report";
import { ApiError, api } from "./api";
import { Problems } from "./components";

/**
 * Simulate before writing: the changes toggled on a page are sent to POST /what-if (nothing is
 * written) and the index after is shown; "Apply" then writes them as one audited change
 * (POST /apply), guarded by the workspace version seen when the first change was toggled.
 */
export interface Simulation {
  changes: PlanChange[];
  has(change: PlanChange): boolean;
  toggle(change: PlanChange): void;
  clear(): void;
  result?: JsonWhatIf;
  error?: unknown;
  busy: boolean;
  apply(): Promise<void>;
}

export function useSimulation(ws: string, onApplied: () => void): Simulation {
  const [changes, setChanges] = useState<PlanChange[]>([]);
  const [result, setResult] = useState<JsonWhatIf>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [etag, setEtag] = useState<string>();

  useEffect(() => {
    if (changes.length === 0) {
      setResult(undefined);
      setError(undefined);
      return;
    }
    let live = true;
    setBusy(true);
    (async () => {
      // The version the simulation was made against: Apply refuses if the plan moved on.
      const version = etag ?? (await api("GET", `/workspaces/${ws}`)).etag;
      if (live && !etag) setEtag(version);
      const { data } = await api<JsonWhatIf>("POST", `/workspaces/${ws}/what-if`, { body: { changes } });
      if (live) {
        setResult(data);
        setError(undefined);
      }
    })()
      .catch((e) => live && setError(e))
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [ws, changes, etag]);

  const keys = new Set(changes.map(changeKey));
  const apply = useCallback(async () => {
    setBusy(true);
    try {
      await api("POST", `/workspaces/${ws}/apply`, { body: { changes }, ifMatch: etag });
      setChanges([]);
      setEtag(undefined);
      onApplied();
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 412
          ? new Error(
              "The plan changed since you simulated: your toggles were kept, simulate again and apply.",
            )
          : e,
      );
      if (e instanceof ApiError && e.status === 412) setEtag(undefined);
    } finally {
      setBusy(false);
    }
  }, [ws, changes, etag, onApplied]);

  return {
    changes,
    has: (c) => keys.has(changeKey(c)),
    toggle: (c) =>
      setChanges((list) =>
        list.some((x) => changeKey(x) === changeKey(c))
          ? list.filter((x) => changeKey(x) !== changeKey(c))
          : [...list, c],
      ),
    clear: () => setChanges([]),
    result,
    error,
    busy,
    apply,
  };
}

/** The index after the simulated changes, what they free and close, with Apply and Clear. */
export function SimulationBar({
  sim,
  teamName,
  canApply,
}: {
  sim: Simulation;
  teamName: (id: string) => string;
  canApply: boolean;
}) {
  if (sim.changes.length === 0) return null;
  const r = sim.result;
  const freed = Object.entries(r?.freed ?? {}).filter(([, n]) => n > 0);
  return (
    <section className="panel simulation" aria-live="polite" aria-label="Simulation">
      <h2>Simulated, not written</h2>
      {r ? (
        <p data-testid="simulated-index">
          Index <strong>{r.before.overall}</strong> → <strong>{r.after.overall}</strong>
          {freed.length > 0 && <> · frees {freed.map(([t, n]) => `${teamName(t)} ${n} FTE`).join(", ")}</>} ·
          closes {r.closed.length} {r.closed.length === 1 ? "finding" : "findings"}
          {r.opened.length > 0 && <> · opens {r.opened.length}</>}
        </p>
      ) : (
        <p className="muted">Simulating…</p>
      )}
      {r && r.opened.length > 0 && (
        <ul className="muted">
          {r.opened.map((f) => (
            <li key={`${f.rule}-${f.subject.id}`}>Opens: {f.message}</li>
          ))}
        </ul>
      )}
      <Problems error={sim.error} />
      <p>
        {canApply && (
          <button
            type="button"
            className="primary"
            disabled={sim.busy || !r}
            onClick={() => void sim.apply()}
          >
            Apply {sim.changes.length} {sim.changes.length === 1 ? "change" : "changes"}
          </button>
        )}{" "}
        <button type="button" onClick={sim.clear} disabled={sim.busy}>
          Clear
        </button>
      </p>
    </section>
  );
}
