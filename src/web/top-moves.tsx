import { useState } from "react";
import type { JsonMove } from "../engine/json-report";
import { ApiError, api, get, type Item } from "./api";
import { Loading, Problems, useAsync } from "./components";
import { useCan } from "./session";

interface MovesAnswer {
  moves: JsonMove[];
  before: { overall: number };
  after: { overall: number };
}

/**
 * The few moves that close most of the gap, in the order to take them: each with what it
 * frees, the findings it closes and the index after. Applying one writes it and re-plans the rest.
 */
export function TopMoves({ ws, onApplied }: { ws: string; onApplied: () => void }) {
  const { data, error, reload } = useAsync(async () => {
    const [moves, teams] = await Promise.all([
      api<MovesAnswer>("GET", `/workspaces/${ws}/analysis/moves`),
      get<{ items: Item[] }>(`/workspaces/${ws}/teams?limit=500`),
    ]);
    return { ...moves.data, etag: moves.etag, teams: teams.items };
  }, [ws]);
  const canApply = useCan("editor");
  const [busy, setBusy] = useState<number>();
  const [failure, setFailure] = useState<unknown>();
  if (!data) return <Loading error={error} />;
  const teamName = (id: string) => String(data.teams.find((t) => t.id === id)?.name ?? id);
  const apply = async (i: number) => {
    setBusy(i);
    setFailure(undefined);
    try {
      await api("POST", `/workspaces/${ws}/apply`, {
        body: { changes: data.moves[i].actions },
        ifMatch: data.etag,
      });
      reload();
      onApplied();
    } catch (e) {
      setFailure(
        e instanceof ApiError && e.status === 412
          ? new Error("The plan changed meanwhile: the moves were planned again.")
          : e,
      );
      reload();
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section aria-labelledby="moves-title" className="panel top-moves">
      <h2 id="moves-title">Top moves</h2>
      <p className="muted">
        The few decisions that close most of the gap, chosen by simulating them together: no initiative
        stopped twice, nobody handed work while overloaded.{" "}
        <a href={`/api/v1/workspaces/${ws}/offsite-pack`} download>
          Download the offsite pack (PDF)
        </a>
      </p>
      <Problems error={failure} />
      {data.moves.length === 0 && <p className="empty">No move found that lowers the index.</p>}
      <ol className="moves">
        {data.moves.map((m, i) => {
          const freed = Object.entries(m.freed).filter(([, n]) => n > 0);
          return (
            <li key={m.summary} className="move" data-testid="move">
              <p className="move-summary">{m.summary}</p>
              <p className="move-effect">
                Index after: <strong>{m.indexAfter}</strong>
                {freed.length > 0 && (
                  <> · frees {freed.map(([t, n]) => `${teamName(t)} ${n} FTE`).join(", ")}</>
                )}
              </p>
              <MoveFindings move={m} />
              {canApply && (
                <button type="button" disabled={busy !== undefined} onClick={() => void apply(i)}>
                  {busy === i ? "Applying…" : "Apply this move"}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {data.moves.length > 0 && (
        <p className="muted">
          Taking them all: index {data.before.overall} → {data.after.overall}.
        </p>
      )}
    </section>
  );
}

/** The findings a move closes and opens, rendered only once opened (the dashboard lists them too). */
function MoveFindings({ move }: { move: JsonMove }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>
        Closes {move.closes.length} {move.closes.length === 1 ? "finding" : "findings"}
        {move.opens.length > 0 && `, opens ${move.opens.length}`}
      </summary>
      {open && (
        <ul>
          {move.closes.map((f) => (
            <li key={`${f.rule}-${f.subject.id}`}>{f.message}</li>
          ))}
          {move.opens.map((f) => (
            <li key={`open-${f.rule}-${f.subject.id}`} className="opens">
              Opens: {f.message}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
