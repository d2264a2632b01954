import { useState } from "react";
import { ApiError, api, type Item } from "../api";
import { Loading, Problems, useAsync } from "../components";
import { navigate } from "../router";
import { useCan } from "../session";

const SECTIONS = [
  "people",
  "teams",
  "priorities",
  "metrics",
  "initiatives",
  "stops",
  "promises",
  "insights",
  "decisions",
  "reviews",
];

/** Edit any entry as its plan-format fields; a stale edit offers to reload or overwrite. */
export function EditPage({ ws, section, id }: { ws: string; section: string; id: string }) {
  const isNew = id === "new";
  const { data, error, reload } = useAsync(
    async () =>
      isNew
        ? { data: { id: "" } as unknown as Item, etag: undefined }
        : api<Item>("GET", `/workspaces/${ws}/${section}/${id}`),
    [ws, section, id],
  );
  const canEdit = useCan("editor");
  const [text, setText] = useState<string>();
  const [saveError, setSaveError] = useState<unknown>();
  const [stale, setStale] = useState<Item>();
  if (!SECTIONS.includes(section)) return <p>No such collection.</p>;
  if (!data) return <Loading error={error} />;
  const {
    version: _v,
    checkins: _c,
    history: _h,
    ...fields
  } = data.data as Item & { checkins?: unknown; history?: unknown };
  const editable = section === "metrics" ? fields : { ...fields };
  const shown = text ?? JSON.stringify(editable, null, 2);
  const save = async (ifMatch?: string) => {
    setSaveError(undefined);
    setStale(undefined);
    try {
      const body = JSON.parse(shown);
      if (isNew) await api("POST", `/workspaces/${ws}/${section}`, { body });
      else {
        const patch: Record<string, unknown> = { ...body };
        delete patch.id;
        for (const key of Object.keys(editable)) if (!(key in body) && key !== "id") patch[key] = null;
        await api("PATCH", `/workspaces/${ws}/${section}/${id}`, {
          body: patch,
          ifMatch: ifMatch ?? data.etag,
        });
      }
      navigate(`/w/${ws}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) setStale(e.body.current as Item);
      setSaveError(e instanceof SyntaxError ? new Error(`Not valid JSON: ${e.message}`) : e);
    }
  };
  const remove = async () => {
    try {
      await api("DELETE", `/workspaces/${ws}/${section}/${id}`, { ifMatch: data.etag });
      navigate(`/w/${ws}`);
    } catch (e) {
      setSaveError(e);
    }
  };
  return (
    <article>
      <h1>
        {isNew ? "New" : "Edit"} {section.replace(/s$/, "")} {isNew ? "" : <code>{id}</code>}
      </h1>
      <p className="muted">
        Fields as in the plan file. The server checks them with the same rules as `lint`; problems show below.
      </p>
      <label>
        Fields (JSON)
        <textarea
          className="code"
          rows={18}
          value={shown}
          readOnly={!canEdit}
          onChange={(e) => setText(e.target.value)}
          name="fields"
        />
      </label>
      <Problems error={saveError} />
      {stale && (
        <div className="problems" role="alert">
          <p>
            {stale.changedBy ? `${String(stale.changedBy)} changed this` : "Someone changed this"} since you
            opened it
            {stale.changedAt ? ` (${String(stale.changedAt).slice(0, 16).replace("T", " ")} UTC)` : ""}; it is
            now version {stale.version}.
          </p>
          <button
            type="button"
            onClick={() => {
              setText(undefined);
              setStale(undefined);
              reload();
            }}
          >
            Reload their version
          </button>{" "}
          <button type="button" onClick={() => save(`"${stale.version}"`)}>
            Overwrite with mine
          </button>
        </div>
      )}
      {canEdit && (
        <div className="form-actions">
          <button type="button" className="primary" onClick={() => save()}>
            Save
          </button>
          {!isNew && (
            <button type="button" className="danger" onClick={remove}>
              Delete
            </button>
          )}
        </div>
      )}
    </article>
  );
}
