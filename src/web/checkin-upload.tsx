import { useState } from "react";
import { ApiError, csrfHeaders } from "./api";
import { Problems } from "./components";

interface SheetRow {
  row: number;
  metric: string;
  metricName: string;
  date: string;
  value: number;
  note?: string;
}
interface SheetProblem {
  row: number;
  column?: string;
  message: string;
}
interface UploadAnswer {
  dryRun: boolean;
  rows: SheetRow[];
  problems: SheetProblem[];
  recorded: number;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** POSTs the file with upload progress (fetch reports none), answering the API's JSON. */
function send(url: string, file: File, onProgress: (fraction: number) => void): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1${url}`);
    xhr.setRequestHeader("content-type", /\.xlsx$/i.test(file.name) ? XLSX : "text/csv");
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new Error("The upload failed: the server could not be reached."));
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: reported below with the status.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as unknown as UploadAnswer);
      else
        reject(
          new ApiError(
            xhr.status,
            String(body.code ?? xhr.status),
            String(body.detail ?? xhr.statusText),
            (body.errors as { path: string; message: string }[]) ?? [],
            body,
          ),
        );
    };
    xhr.send(file);
  });
}

/**
 * A sheet of check-ins (CSV or XLSX: metric id or name, date, value, note): read and checked
 * first (a preview, nothing written), then recorded — all rows, or only the valid ones if the
 * person chooses to skip the others.
 */
export function CheckinUpload({ ws, onRecorded }: { ws: string; onRecorded: () => void }) {
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<UploadAnswer>();
  const [progress, setProgress] = useState<number>();
  const [skip, setSkip] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const run = async (chosen: File, dryRun: boolean) => {
    setError(undefined);
    setDone(undefined);
    setProgress(0);
    try {
      const query = dryRun ? "?dryRun=true" : skip ? "?skipInvalid=true" : "";
      const answer = await send(`/workspaces/${ws}/checkins/upload${query}`, chosen, setProgress);
      if (dryRun) setPreview(answer);
      else {
        setPreview(undefined);
        setFile(undefined);
        setDone(
          `Recorded ${answer.recorded} check-in${answer.recorded === 1 ? "" : "s"} from ${chosen.name}.`,
        );
        onRecorded();
      }
    } catch (err) {
      setError(err);
    } finally {
      setProgress(undefined);
    }
  };
  const invalid = preview?.problems.length ?? 0;
  return (
    <section className="panel" aria-labelledby="upload-title">
      <h2 id="upload-title">Upload a sheet of check-ins</h2>
      <p className="muted">
        CSV or Excel (.xlsx) with a header row: <code>metric</code> (its id or name), <code>date</code>{" "}
        (YYYY-MM-DD), <code>value</code>, and optionally <code>note</code>. You see what will be recorded
        before anything is.
      </p>
      <label>
        Sheet
        <input
          type="file"
          accept=".csv,.xlsx,text/csv"
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            setFile(chosen);
            setPreview(undefined);
            if (chosen) void run(chosen, true);
          }}
        />
      </label>
      {progress !== undefined && (
        <progress max={1} value={progress} aria-label="Upload progress">
          {Math.round(progress * 100)}%
        </progress>
      )}
      <Problems error={error} />
      {done && <p role="status">{done}</p>}
      {preview && file && (
        <div className="upload-preview">
          <p role="status">
            {preview.rows.length} valid row{preview.rows.length === 1 ? "" : "s"}
            {invalid > 0 ? `, ${invalid} problem${invalid === 1 ? "" : "s"}` : ""} in {file.name}.
          </p>
          {invalid > 0 && (
            <ul className="problems" aria-label="Rows that cannot be recorded">
              {preview.problems.map((p) => (
                <li key={`${p.row}-${p.column ?? ""}-${p.message}`}>
                  Row {p.row}
                  {p.column ? `, ${p.column}` : ""}: {p.message}
                </li>
              ))}
            </ul>
          )}
          {preview.rows.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Metric</th>
                  <th scope="col">Date</th>
                  <th scope="col">Value</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, 200).map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>{r.metricName}</td>
                    <td>{r.date}</td>
                    <td>{r.value}</td>
                    <td>{r.note ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.rows.length > 200 && <p className="muted">…and {preview.rows.length - 200} more rows.</p>}
          {invalid > 0 && preview.rows.length > 0 && (
            <label className="check">
              <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} /> Skip the{" "}
              {invalid} invalid row{invalid === 1 ? "" : "s"} and record the rest
            </label>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="primary"
              disabled={preview.rows.length === 0 || (invalid > 0 && !skip) || progress !== undefined}
              onClick={() => void run(file, false)}
            >
              Record {preview.rows.length} check-in{preview.rows.length === 1 ? "" : "s"}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
