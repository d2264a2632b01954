import { type FormEvent, type ReactNode, type Ref, useEffect, useMemo, useRef, useState } from "react";
import { formatPath, issuesFromZod, type PlanIssue } from "../../domain/plan-issue";
import { ApiError } from "../api";
import { Problems } from "../components";
import { createBody, patchBody } from "./entry-bodies";
import { Fields, FormContext, type FormContextValue } from "./field-controls";
import { isSection, sectionForm } from "./field-spec";
import { fromFormValues, type ObjectValue, suggestId, toFormValues } from "./form-values";
import { entryPath, type FieldTarget, fieldTargets, placeProblems } from "./problem-paths";
import { referenceOptions } from "./reference-options";

type Entry = Record<string, unknown>;

/** What the page sends: POST takes `create`, PATCH takes `patch`. */
export interface EntryBodies {
  create: Entry;
  patch: Entry;
}

export interface EntityFormProps {
  section: string;
  /** The stored entry (without its version); undefined for a new one. */
  entry?: Entry;
  /** The plan (GET /plan as JSON), for the pickers. */
  plan: Entry;
  readOnly: boolean;
  /** The last save's failure: its field problems are shown at their fields. */
  serverError?: unknown;
  /** Called with a valid entry only. */
  onSubmit: (bodies: EntryBodies) => Promise<void>;
  /** Shown above the buttons (the stale-edit notice). */
  children?: ReactNode;
  /** More buttons next to Save (Delete). */
  actions?: ReactNode;
}

/** Fields whose text suggests a new entry's id until the id is typed by hand. */
const ID_SOURCES = ["name", "title", "what", "statement", "summary"];

/**
 * An entry of any section as a form generated from its zod schema. On submit the entry is
 * checked with that same schema; a problem stops the save and is shown at its field and in a
 * summary at the top. Problems the server finds (references, dates out of order) land the same way.
 */
export function EntityForm({
  section,
  entry,
  plan,
  readOnly,
  serverError,
  onSubmit,
  children,
  actions,
}: EntityFormProps) {
  const spec = useMemo(() => (isSection(section) ? sectionForm(section) : undefined), [section]);
  const [form, setForm] = useState<ObjectValue>(() =>
    spec ? toFormValues(spec.fields, entry, spec.excluded) : { values: {}, extras: {} },
  );
  const [idTouched, setIdTouched] = useState(false);
  const [clientProblems, setClientProblems] = useState<PlanIssue[]>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [focusId, setFocusId] = useState<string>();
  const summary = useRef<HTMLDivElement>(null);
  const options = useMemo(() => referenceOptions(plan), [plan]);

  useEffect(() => {
    if (focusId === undefined) return;
    focusWithin(document.getElementById(focusId));
    setFocusId(undefined);
  }, [focusId]);
  // A failed save takes the reader to the summary of what to fix.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each failed attempt and each server answer
  useEffect(() => {
    summary.current?.focus();
  }, [attempt, serverError]);

  if (!spec) return <p>No such collection.</p>;

  const targets = fieldTargets(spec.fields, form);
  const apiError = serverError instanceof ApiError && serverError.errors.length > 0 ? serverError : undefined;
  const serverProblems = (apiError?.errors ?? []).map((e) => ({
    path: entryPath(e.path, section),
    message: e.message,
  }));
  const client = placeProblems(clientProblems ?? [], targets);
  const server = placeProblems(serverProblems, targets);
  const errors: Record<string, string[]> = { ...client.byField };
  for (const [key, messages] of Object.entries(server.byField))
    errors[key] = [...(errors[key] ?? []), ...messages];

  const source = ID_SOURCES.find((k) => spec.fields.some((f) => f.key === k));
  const update = (next: ObjectValue) => {
    let values = next.values;
    if (entry === undefined && source) {
      if (values.id !== form.values.id) setIdTouched(true);
      else if (!idTouched && values[source] !== form.values[source])
        values = { ...values, id: suggestId(String(values[source] ?? "")) };
    }
    const changed = { ...next, values };
    setForm(changed);
    // After a failed save, the list of what to fix follows the edits: fixed problems go away.
    if (clientProblems) {
      const problems = check(changed).problems;
      setClientProblems(problems.length > 0 ? problems : undefined);
    }
  };

  /** The entry the form holds, and every problem the domain schema finds with it. */
  const check = (value: ObjectValue) => {
    const read = fromFormValues(spec.fields, value);
    const parsed = spec.schema.safeParse(read.entry, { reportInput: true });
    return { read, problems: [...read.problems, ...(parsed.success ? [] : issuesFromZod(parsed.error))] };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (readOnly || busy) return;
    const { read, problems } = check(form);
    setClientProblems(problems.length > 0 ? problems : undefined);
    setAttempt((n) => n + 1);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      await onSubmit({
        create: createBody(read.entry),
        patch: patchBody(
          entry ?? {},
          read.entry,
          spec.fields.map((f) => f.key),
          spec.excluded,
        ),
      });
    } finally {
      setBusy(false);
    }
  };

  const context: FormContextValue = {
    errors,
    readOnly,
    lockId: entry !== undefined,
    options,
    focusLater: setFocusId,
  };
  return (
    <form className="entity-form" noValidate onSubmit={submit}>
      {clientProblems && (
        <Summary
          ref={summary}
          heading={`Nothing was saved: ${count(clientProblems.length)} to fix.`}
          placed={client.byField}
          unplaced={client.unplaced}
          targets={targets}
        />
      )}
      {!clientProblems && apiError && (
        <Summary
          ref={summary}
          heading={apiError.message}
          placed={server.byField}
          unplaced={server.unplaced}
          targets={targets}
        />
      )}
      {!clientProblems && serverError !== undefined && !apiError && <Problems error={serverError} />}
      <FormContext.Provider value={context}>
        <Fields fields={spec.fields} value={form} onChange={update} />
      </FormContext.Provider>
      {Object.keys(form.extras).length > 0 && (
        <details className="extensions">
          <summary>Extension keys (kept as they are)</summary>
          <pre>{JSON.stringify(form.extras, null, 2)}</pre>
        </details>
      )}
      {children}
      <div className="form-actions">
        {!readOnly && (
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Saving…" : "Save"}
          </button>
        )}
        {actions}
      </div>
    </form>
  );
}

function count(n: number): string {
  return n === 1 ? "1 problem" : `${n} problems`;
}

/** Every problem at the top, each a link to its field. */
function Summary({
  ref,
  heading,
  placed,
  unplaced,
  targets,
}: {
  ref: Ref<HTMLDivElement>;
  heading: string;
  placed: Record<string, string[]>;
  unplaced: PlanIssue[];
  targets: ReadonlyMap<string, FieldTarget>;
}) {
  return (
    <div ref={ref} className="problems summary" role="alert" tabIndex={-1}>
      <p>
        <strong>{heading}</strong>
      </p>
      <ul>
        {Object.entries(placed).map(([key, messages]) => {
          const target = targets.get(key);
          return (
            <li key={key}>
              <a
                href={`#${target?.inputId}`}
                onClick={(e) => {
                  // The app routes by path: move focus to the field without touching the URL.
                  e.preventDefault();
                  focusWithin(document.getElementById(target?.inputId ?? ""));
                }}
              >
                {target?.label ?? key}
              </a>{" "}
              {messages.join("; ")}
            </li>
          );
        })}
        {unplaced.map((p) => (
          <li key={`${formatPath(p.path)} ${p.message}`}>
            {p.path.length > 0 && <code>{formatPath(p.path)}</code>} {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Focuses an input, or the first input inside a group of them. */
function focusWithin(element: HTMLElement | null): void {
  if (!element) return;
  const target = element.matches("input, select, textarea, button")
    ? element
    : element.querySelector<HTMLElement>("input, select, textarea, button, summary");
  (target ?? element).focus();
}
