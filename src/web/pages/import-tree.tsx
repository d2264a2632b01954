import { TextField } from "../components";
import {
  type Fixes,
  METRIC_KINDS,
  type MetricKind,
  openFlags,
  type Preview,
  previewTree,
  type TreeRow,
} from "../import-preview";

/*
 * The import page's preview: the tree of objectives with the report's flags, an owner picker
 * per objective (a person of the document or a new one) and a kind picker per key result.
 */

const NEW_PERSON = "__new__";

export function PreviewTree({
  preview,
  fixes,
  onFixes,
}: {
  preview: Preview;
  fixes: Fixes;
  onFixes: (f: Fixes) => void;
}) {
  const rows = previewTree(preview);
  const left = openFlags(rows, fixes);
  return (
    <section className="panel" aria-labelledby="preview-title">
      <h2 id="preview-title">2. What it becomes</h2>
      <p>{preview.summary[0]}</p>
      <p className="muted">
        {left === 0
          ? "Nothing left to confirm."
          : `${left} thing${left === 1 ? "" : "s"} to look at before importing.`}
      </p>
      <ul className="import-tree">
        {rows.map((row) => (
          <ObjectiveRow key={row.priorityId} row={row} preview={preview} fixes={fixes} onFixes={onFixes} />
        ))}
      </ul>
      {preview.report.initiatives > 0 && (
        <p>
          {preview.report.initiatives} initiative{preview.report.initiatives === 1 ? "" : "s"}:{" "}
          {(preview.plan.initiatives ?? [])
            .slice(0, 12)
            .map((i) => i.title)
            .join(", ")}
          {preview.report.initiatives > 12 ? "…" : ""}
        </p>
      )}
      {preview.report.assumptions.length > 0 && (
        <details>
          <summary>Assumed ({preview.report.assumptions.length})</summary>
          <ul>
            {preview.report.assumptions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </details>
      )}
      {preview.report.unmapped.length > 0 && (
        <details open>
          <summary>Not mapped ({preview.report.unmapped.length})</summary>
          <ul>
            {preview.report.unmapped.map((u) => (
              <li key={`${u.line}-${u.text}`}>
                Line {u.line}: {u.text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function ObjectiveRow({
  row,
  preview,
  fixes,
  onFixes,
}: {
  row: TreeRow;
  preview: Preview;
  fixes: Fixes;
  onFixes: (f: Fixes) => void;
}) {
  const fix = fixes.owners[row.priorityId];
  const selected = fix ? ("person" in fix ? fix.person : NEW_PERSON) : (row.owner ?? "");
  const setOwner = (value: string) =>
    onFixes({
      ...fixes,
      owners: {
        ...fixes.owners,
        [row.priorityId]: value === NEW_PERSON ? { newPerson: "" } : { person: value },
      },
    });
  return (
    <li style={{ marginLeft: `${(row.level - 1) * 1.5}rem` }} data-line={row.line}>
      <strong>{row.title}</strong> <span className="muted">line {row.line}</span>{" "}
      {row.flags.map((f) => (
        <span key={f} className="flag">
          {f}
        </span>
      ))}
      <div>
        <label>
          Owner of {row.title}
          <select value={selected} onChange={(e) => setOwner(e.target.value)}>
            <option value="">
              {row.ownersAsWritten.length ? `(as written: ${row.ownersAsWritten.join(", ")})` : "Nobody yet"}
            </option>
            {preview.plan.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
            <option value={NEW_PERSON}>New person…</option>
          </select>
        </label>
        {fix && "newPerson" in fix && (
          <TextField
            label={`Name of the new owner of ${row.title}`}
            value={fix.newPerson}
            onChange={(name) =>
              onFixes({ ...fixes, owners: { ...fixes.owners, [row.priorityId]: { newPerson: name } } })
            }
          />
        )}
      </div>
      {row.keyResults.length > 0 && (
        <ul>
          {row.keyResults.map((kr) => (
            <li key={`${kr.line}-${kr.text}`}>
              {kr.text}{" "}
              {kr.kind !== "outcome" && (
                <span className="flag">{kr.kind === "output" ? "output-style" : kr.kind}</span>
              )}
              {kr.placeholder && kr.kind !== "placeholder" && <span className="flag">placeholder</span>}
              {kr.metricId && (
                <label className="inline">
                  <span className="visually-hidden">Kind of {kr.text}</span>
                  <select
                    value={fixes.kinds[kr.metricId] ?? kr.metricKind}
                    onChange={(e) =>
                      onFixes({
                        ...fixes,
                        kinds: { ...fixes.kinds, [kr.metricId as string]: e.target.value as MetricKind },
                      })
                    }
                  >
                    {METRIC_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {k}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
