import { type FormEvent, type InputHTMLAttributes, type ReactNode, useEffect, useRef, useState } from "react";
import { ApiError, type ProblemError } from "./api";

/** A modal dialog on the native <dialog> element: focus is trapped and Escape closes it. */
export function Dialog({
  title,
  open,
  onClose,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      // showModal focuses the first control; an action made for one field asks for that one.
      d.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="dialog-title">
      <h2 id="dialog-title">{title}</h2>
      {open && children}
    </dialog>
  );
}

/** Problems from the API, shown next to the form they belong to. */
export function Problems({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError)
    return (
      <div className="problems" role="alert">
        <p>{error.message}</p>
        {error.errors.length > 0 && (
          <ul>
            {error.errors.map((e: ProblemError) => (
              <li key={`${e.path}-${e.message}`}>
                {e.line ? `Line ${e.line}, column ${e.column}: ` : ""}
                {e.path && <code>{e.path}</code>} {e.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  return (
    <div className="problems" role="alert">
      {String((error as Error).message ?? error)}
    </div>
  );
}

export function useAsync<T>(
  load: () => Promise<T>,
  deps: unknown[],
): { data?: T; error?: unknown; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown }>({});
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: callers list what the load depends on
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data }),
      (error) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

export function Form({
  onSubmit,
  children,
  submit,
}: {
  onSubmit: () => Promise<void>;
  children: ReactNode;
  submit: string;
}) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const handle = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={handle}>
      {children}
      <Problems error={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Saving…" : submit}
        </button>
      </div>
    </form>
  );
}

export function Loading({ error }: { error?: unknown }) {
  return error ? (
    <Problems error={error} />
  ) : (
    <p className="muted" aria-live="polite">
      Loading…
    </p>
  );
}

/** A labelled input holding a string: the common field of the small forms (sign-in, invite…). */
export function TextField({
  label,
  value,
  onChange,
  ...input
}: { label: string; value: string; onChange: (value: string) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "value" | "onChange"
>) {
  return (
    <label>
      {label}
      <input {...input} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
