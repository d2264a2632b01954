import { useState } from "react";
import { api } from "../api";
import { Problems } from "../components";
import { Link } from "../router";
import { useCan } from "../session";

export function PlanFilePage({ ws }: { ws: string }) {
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const canEdit = useCan("editor");
  const upload = async (file: File) => {
    setError(undefined);
    setMessage(undefined);
    try {
      const text = await file.text();
      await api("PUT", `/workspaces/${ws}/plan`, {
        text,
        contentType: file.name.endsWith(".json") ? "application/json" : "application/yaml",
      });
      setMessage(`Imported ${file.name}: the workspace now holds this plan.`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <article>
      <h1>Plan file</h1>
      <section className="panel">
        <h2>Export</h2>
        <p>The whole workspace as a plan file, in a stable order that diffs cleanly.</p>
        <p>
          <a className="button" href={`/api/v1/workspaces/${ws}/plan`} download={`${ws}.yaml`}>
            Download YAML
          </a>
        </p>
      </section>
      {canEdit && (
        <section className="panel">
          <h2>Import</h2>
          <p>
            Replaces everything in the workspace in one step. A plan with problems changes nothing; each
            problem is listed with its line.
          </p>
          <label>
            Plan file (YAML or JSON)
            <input
              type="file"
              accept=".yaml,.yml,.json"
              name="plan"
              onChange={(e) => e.target.files?.[0] && upload(e.target.files[0])}
            />
          </label>
          {message && (
            <p className="ok" role="status">
              {message}
            </p>
          )}
          <Problems error={error} />
          <p>
            No plan file yet? <Link to={`/w/${ws}/import`}>Import a strategy document</Link>: an OKR page, an
            OKR spreadsheet or a tracker export, previewed before anything is written.
          </p>
        </section>
      )}
    </article>
  );
}
