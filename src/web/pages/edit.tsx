import { useEffect, useRef, useState } from "react";
import { ENTITY_SINGULAR } from "../../domain/entity-sections";
import {
  OWNABLE,
  type OwnableCollection,
  ownsInitiative,
  ownsMetric,
  ownsPriority,
  personIdsFor,
} from "../../domain/ownership";
import { ApiError, api, type Item } from "../api";
import { Loading, useAsync } from "../components";
import type { EntryBodies } from "../forms/entity-form";
import { navigate, previousPath } from "../router";
import { useCan, useSession } from "../session";

/** Contributors may add these (interfaces.md, "Roles"); editors and admins may add anything. */
const CONTRIBUTOR_CREATES = ["insights", "reviews"];

/** Whether a contributor with this e-mail owns the entry (the rule the server enforces). */
function contributorOwns(
  section: string,
  entry: Record<string, unknown> | undefined,
  plan: Record<string, unknown>,
  email: string | undefined,
): boolean {
  if (!entry || !email || !OWNABLE.includes(section as OwnableCollection)) return false;
  const people = (plan.people ?? []) as { id: string; email?: string }[];
  const personIds = personIdsFor(email, people);
  if (section === "priorities") return ownsPriority(entry as { id: string; owner?: string }, personIds);
  if (section === "initiatives") return ownsInitiative(entry as { owner?: string }, personIds);
  const priorities = (plan.priorities ?? []) as { id: string; owner?: string | string[] }[];
  return ownsMetric(entry as { priorities?: string[] }, priorities, personIds);
}

/**
 * The form and the domain schemas it is generated from (zod) load with this page only: most
 * visits never edit, and the dashboard's first load stays small.
 */
const loadForms = () => import("../forms/entity-form");

/** Create, edit or delete one entry through a form; a stale edit offers to reload or overwrite. */
export function EditPage({ ws, section, id }: { ws: string; section: string; id: string }) {
  const isNew = id === "new";
  const singular = (ENTITY_SINGULAR as Record<string, string>)[section];
  const item = useAsync(
    async () => (isNew || !singular ? undefined : api<Item>("GET", `/workspaces/${ws}/${section}/${id}`)),
    [ws, section, id],
  );
  // The pickers' lists, loaded once with the form's code.
  const kit = useAsync(async () => {
    const [plan, forms] = await Promise.all([
      api<Record<string, unknown>>("GET", `/workspaces/${ws}/plan`, { accept: "application/json" }),
      loadForms(),
    ]);
    return { plan: plan.data, EntityForm: forms.EntityForm };
  }, [ws]);
  const session = useSession();
  const isEditor = useCan("editor");
  const isContributor = useCan("contributor");
  const [saveError, setSaveError] = useState<unknown>();
  const [stale, setStale] = useState<Item>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Set by "Overwrite with mine": the next save answers the version the server reported.
  const overwriteVersion = useRef<string>(undefined);
  // The Delete button gives way to the question; focus goes to its safe answer.
  useEffect(() => {
    if (confirmDelete) document.getElementById("keep-entry")?.focus();
  }, [confirmDelete]);

  if (!singular) return <p>No such collection.</p>;
  // Until this id's entry arrives (the previous one's may still be held), there is nothing to edit.
  if (!kit.data || (!isNew && item.data?.data.id !== id)) return <Loading error={kit.error ?? item.error} />;
  const { EntityForm, plan } = kit.data;
  const stored = item.data?.data;
  const entry = stored ? withoutVersion(stored) : undefined;
  // Saving follows the server's rules; deleting always needs an editor.
  const canEdit =
    isEditor ||
    (isContributor &&
      (isNew
        ? CONTRIBUTOR_CREATES.includes(section)
        : contributorOwns(section, entry, plan, session.user?.email)));

  // After a save or a delete: back to the page that led here (the map, a list…), else the dashboard.
  const back = () => {
    const from = previousPath();
    navigate(from?.startsWith(`/w/${ws}/`) && !from.includes("/edit/") ? from : `/w/${ws}`);
  };
  const save = async (bodies: EntryBodies) => {
    const ifMatch = overwriteVersion.current ?? item.data?.etag;
    overwriteVersion.current = undefined;
    setSaveError(undefined);
    setStale(undefined);
    try {
      if (isNew) await api("POST", `/workspaces/${ws}/${section}`, { body: bodies.create });
      else await api("PATCH", `/workspaces/${ws}/${section}/${id}`, { body: bodies.patch, ifMatch });
      back();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) setStale(e.body.current as Item);
      else setSaveError(e);
    }
  };
  const remove = async () => {
    setSaveError(undefined);
    try {
      await api("DELETE", `/workspaces/${ws}/${section}/${id}`, { ifMatch: item.data?.etag });
      back();
    } catch (e) {
      setConfirmDelete(false);
      setSaveError(e);
    }
  };

  return (
    <article>
      <h1>
        {isNew ? (
          `New ${singular}`
        ) : (
          <>
            Edit {singular} <code>{id}</code>
          </>
        )}
      </h1>
      <p className="muted">
        {canEdit
          ? "Checked with the same rules as the plan file when you save; problems show at their fields."
          : isContributor
            ? "You can read this entry; contributors edit the priorities, initiatives and metrics they own."
            : "You can read this entry; editing needs the editor role."}
        {section === "metrics" && " Check-ins and the metric's history are not edited here."}
      </p>
      <EntityForm
        // A reloaded version starts the form afresh.
        key={`${section}/${id}/${stored?.version ?? "new"}`}
        section={section}
        entry={entry}
        plan={plan}
        readOnly={!canEdit}
        serverError={saveError}
        onSubmit={save}
        actions={
          isEditor &&
          !isNew &&
          (confirmDelete ? (
            <span className="confirm-delete">
              Delete this {singular} for good?{" "}
              <button type="button" className="danger" onClick={remove}>
                Yes, delete
              </button>{" "}
              <button type="button" id="keep-entry" onClick={() => setConfirmDelete(false)}>
                Keep it
              </button>
            </span>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
              Delete
            </button>
          ))
        }
      >
        {stale && (
          <div className="problems" role="alert">
            <p>
              {stale.changedBy ? `${String(stale.changedBy)} changed this` : "Someone changed this"} since you
              opened it
              {stale.changedAt ? ` (${String(stale.changedAt).slice(0, 16).replace("T", " ")} UTC)` : ""}; it
              is now version {stale.version}.
            </p>
            <button
              type="button"
              onClick={() => {
                setStale(undefined);
                item.reload();
              }}
            >
              Reload their version
            </button>{" "}
            <button
              type="submit"
              onClick={() => {
                overwriteVersion.current = `"${stale.version}"`;
              }}
            >
              Overwrite with mine
            </button>
          </div>
        )}
      </EntityForm>
    </article>
  );
}

/** The entry as the plan file has it: its version travels in the ETag. */
function withoutVersion({ version: _version, ...fields }: Item): Record<string, unknown> {
  return fields;
}
