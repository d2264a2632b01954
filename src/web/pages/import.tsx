import { useEffect, useState } from "react";
import type { WorkspaceInfo } from "../api";
import { get } from "../api";
import { Problems, TextField, useAsync } from "../components";
import { applyFixes, type Fixes, type Preview } from "../import-preview";
import { navigate } from "../router";
import { useSession } from "../session";
import { postWithProgress, type UploadProgress } from "../upload";
import { PreviewTree } from "./import-tree";

/*
 * "Import a strategy document": upload or paste → a preview of the tree with the report's
 * flags, where a person fixes owners and kinds → create a workspace or merge into one.
 * Nothing is written until the last step.
 */

const FORMATS = ["auto", "markdown", "csv", "xlsx", "jira-csv", "linear-csv"] as const;
type Format = (typeof FORMATS)[number];

interface Source {
  source: string;
  format: Format;
  text?: string;
  base64?: string;
  options: { linkColumn?: string; cycleStart?: string; cycleEnd?: string };
}

export function ImportPage({ ws }: { ws?: string }) {
  const [source, setSource] = useState<Source>();
  const [preview, setPreview] = useState<Preview>();
  const [fixes, setFixes] = useState<Fixes>({ owners: {}, kinds: {} });
  const [error, setError] = useState<unknown>();
  const { progress, run } = useSlowProgress();

  const previewIt = async (next: Source) => {
    setError(undefined);
    setSource(next);
    try {
      const { options, ...doc } = next;
      const clean = Object.fromEntries(Object.entries(options).filter(([, v]) => v));
      const url = ws ? `/workspaces/${ws}/convert/preview` : "/convert/preview";
      const answer = await run((onProgress) =>
        postWithProgress<Preview>(url, { ...doc, options: clean }, onProgress),
      );
      setPreview(answer);
      setFixes({ owners: {}, kinds: {} });
    } catch (e) {
      setPreview(undefined);
      setError(e);
    }
  };

  return (
    <article>
      <h1>Import a strategy document</h1>
      <p className="muted">
        An OKR page in markdown, an OKR spreadsheet (CSV or XLSX), or a Jira or Linear export. You see what it
        becomes, fix owners and kinds, and only then write it to a workspace.
      </p>
      <SourceForm onPreview={previewIt} busy={progress !== undefined} />
      {progress && <ProgressBar progress={progress} />}
      <Problems error={error} />
      {preview && source && (
        <>
          <PreviewTree preview={preview} fixes={fixes} onFixes={setFixes} />
          <Destination ws={ws} preview={preview} fixes={fixes} source={source} run={run} />
        </>
      )}
    </article>
  );
}

/** Runs a request and exposes its progress only once it has taken more than a second. */
function useSlowProgress() {
  const [progress, setProgress] = useState<UploadProgress>();
  const run = async <T,>(request: (onProgress: (p: UploadProgress) => void) => Promise<T>): Promise<T> => {
    let latest: UploadProgress = { loaded: 0, total: 0, phase: "upload" };
    let shown = false;
    const timer = setTimeout(() => {
      shown = true;
      setProgress(latest);
    }, 1000);
    try {
      return await request((p) => {
        latest = p;
        if (shown) setProgress(p);
      });
    } finally {
      clearTimeout(timer);
      setProgress(undefined);
    }
  };
  return { progress, run };
}

function ProgressBar({ progress }: { progress: UploadProgress }) {
  const uploading = progress.phase === "upload" && progress.total > 0;
  return (
    <p role="status">
      {uploading ? "Uploading…" : "Converting…"}{" "}
      <progress
        aria-label={uploading ? "Upload progress" : "Converting"}
        {...(uploading ? { value: progress.loaded, max: progress.total } : {})}
      />
    </p>
  );
}

function SourceForm({ onPreview, busy }: { onPreview: (s: Source) => void; busy: boolean }) {
  const [pasted, setPasted] = useState("");
  const [name, setName] = useState("pasted.md");
  const [format, setFormat] = useState<Format>("auto");
  const [file, setFile] = useState<File>();
  const [linkColumn, setLinkColumn] = useState("");
  const [cycleStart, setCycleStart] = useState("");
  const [cycleEnd, setCycleEnd] = useState("");
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const options = { linkColumn, cycleStart, cycleEnd };
    if (file) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      onPreview({ source: file.name, format, base64: toBase64(bytes), options });
    } else onPreview({ source: name || "pasted.md", format, text: pasted, options });
  };
  return (
    <form onSubmit={submit} className="panel">
      <h2>1. The document</h2>
      <label>
        Upload a file
        <input
          type="file"
          name="document"
          accept=".md,.mdx,.markdown,.csv,.tsv,.xlsx"
          onChange={(e) => setFile(e.target.files?.[0])}
        />
      </label>
      <label>
        …or paste it here
        <textarea
          name="pasted"
          rows={8}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          disabled={file !== undefined}
        />
      </label>
      {!file && (
        <TextField
          label="File name of the pasted text (its extension tells the format)"
          value={name}
          onChange={setName}
          name="source"
        />
      )}
      <label>
        Format
        <select value={format} onChange={(e) => setFormat(e.target.value as Format)} name="format">
          {FORMATS.map((f) => (
            <option key={f} value={f}>
              {f === "auto" ? "Tell from the file" : f}
            </option>
          ))}
        </select>
      </label>
      <details>
        <summary>Options</summary>
        <TextField
          label="Tracker exports: the column that links an initiative to a priority (e.g. Epic Link, Labels, Project)"
          value={linkColumn}
          onChange={setLinkColumn}
          name="linkColumn"
        />
        <TextField
          label="Cycle start"
          type="date"
          value={cycleStart}
          onChange={setCycleStart}
          name="cycleStart"
        />
        <TextField label="Cycle end" type="date" value={cycleEnd} onChange={setCycleEnd} name="cycleEnd" />
      </details>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || (!file && pasted.trim() === "")}>
          Preview
        </button>
      </div>
    </form>
  );
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function Destination({
  ws,
  preview,
  fixes,
  source,
  run,
}: {
  ws?: string;
  preview: Preview;
  fixes: Fixes;
  source: Source;
  run: ReturnType<typeof useSlowProgress>["run"];
}) {
  const session = useSession();
  const canCreate = !session.auth || session.user?.isAdmin === true;
  const workspaces = useAsync(() => get<{ items: WorkspaceInfo[] }>("/workspaces"), []);
  const [target, setTarget] = useState<string>(ws ?? (canCreate ? "" : ""));
  const [mode, setMode] = useState<"merge" | "replace">("merge");
  const [name, setName] = useState(preview.plan.organisation);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!ws && !canCreate && workspaces.data?.items[0]) setTarget(workspaces.data.items[0].slug);
  }, [ws, canCreate, workspaces.data]);
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const plan = applyFixes(preview.plan, fixes);
      const into = target || slug;
      if (target)
        await run((p) =>
          postWithProgress(`/workspaces/${target}/convert/import`, { source: source.source, plan, mode }, p),
        );
      else
        await run((p) =>
          postWithProgress("/convert/workspaces", { source: source.source, plan, slug, name }, p),
        );
      navigate(`/w/${into}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="destination-title">
      <h2 id="destination-title">3. Where it goes</h2>
      <label>
        Workspace
        <select value={target} onChange={(e) => setTarget(e.target.value)} name="target">
          {canCreate && <option value="">A new workspace</option>}
          {workspaces.data?.items.map((w) => (
            <option key={w.slug} value={w.slug}>
              Merge into {w.name}
            </option>
          ))}
        </select>
      </label>
      {target === "" ? (
        <TextField label="Name of the new workspace" value={name} onChange={setName} name="name" required />
      ) : (
        <fieldset>
          <legend>How</legend>
          <label className="inline">
            <input type="radio" name="mode" checked={mode === "merge"} onChange={() => setMode("merge")} />{" "}
            Merge: add and update entries by id, keep everything else
          </label>
          <label className="inline">
            <input
              type="radio"
              name="mode"
              checked={mode === "replace"}
              onChange={() => setMode("replace")}
            />{" "}
            Replace the workspace's whole plan
          </label>
          {preview.merge && target === ws && (
            <p className="muted">
              Merging adds {Object.values(preview.merge).reduce((n, c) => n + c.added, 0)} entries and updates{" "}
              {Object.values(preview.merge).reduce((n, c) => n + c.updated, 0)}.
            </p>
          )}
        </fieldset>
      )}
      <Problems error={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Importing…" : target ? "Import into the workspace" : "Create the workspace"}
        </button>
      </div>
    </form>
  );
}
