import { createContext, type ReactNode, useContext } from "react";
import { formatPath, type PlanPath } from "../../domain/plan-issue";
import type { FieldSpec } from "./field-spec";
import { type FormValue, type MapRow, type ObjectValue, toFormValues } from "./form-values";
import { fieldId } from "./problem-paths";
import { type Option, optionLabel, type ReferenceOptions } from "./reference-options";

/*
 * One control per kind of field. Every input has a visible label; a field's hint and its
 * problems are tied to the input with aria-describedby, and a field with a problem is
 * aria-invalid, so a screen reader hears what is wrong where it is.
 */

export interface FormContextValue {
  errors: Record<string, string[]>;
  readOnly: boolean;
  /** Editing an existing entry: its id is shown but cannot change. */
  lockId: boolean;
  options: ReferenceOptions;
  /** Moves focus to an element once it has rendered (a row just added, the add button after a removal). */
  focusLater: (id: string) => void;
}

export const FormContext = createContext<FormContextValue>({
  errors: {},
  readOnly: true,
  lockId: true,
  options: { people: [], teams: [], priorities: [], metrics: [], initiatives: [], insights: [] },
  focusLater: () => {},
});

/** The fields of one object: the entry itself, one row, or a group such as a resistance's change. */
export function Fields({
  fields,
  value,
  onChange,
  path = [],
}: {
  fields: FieldSpec[];
  value: ObjectValue;
  onChange: (value: ObjectValue) => void;
  path?: PlanPath;
}) {
  return (
    <>
      {fields.map((field) => (
        <Field
          key={field.key}
          field={field}
          path={[...path, field.key]}
          value={value.values[field.key]}
          onChange={(v) => onChange({ ...value, values: { ...value.values, [field.key]: v } })}
        />
      ))}
    </>
  );
}

interface FieldProps<V extends FormValue | undefined = FormValue | undefined> {
  field: FieldSpec;
  path: PlanPath;
  value: V;
  onChange: (value: FormValue) => void;
}

function Field(props: FieldProps) {
  const { field, value } = props;
  switch (field.control.kind) {
    case "boolean":
      return <CheckboxField {...props} value={value === true} />;
    case "choice":
    case "reference":
      return <SelectField {...props} value={String(value ?? "")} />;
    case "reference-list":
      return <ReferenceListField {...props} value={(value ?? []) as string[]} />;
    case "reference-or-list":
      return <OwnerField {...props} value={(value ?? "") as string | string[]} />;
    case "reference-map":
      return <ReferenceMapField {...props} value={(value ?? []) as MapRow[]} />;
    case "rows":
      return <RowsField {...props} value={(value ?? []) as ObjectValue[]} />;
    case "group":
      return <GroupField {...props} value={value as ObjectValue} />;
    case "json":
      return <JsonField {...props} value={String(value ?? "")} />;
    default:
      return <InputField {...props} value={String(value ?? "")} />;
  }
}

/** The id, hint and problems of a field, and the aria attributes that tie them to its input. */
function useFieldState(path: PlanPath) {
  const ctx = useContext(FormContext);
  const key = formatPath(path);
  const id = fieldId(key);
  const errors = ctx.errors[key];
  return { ctx, key, id, errors, invalid: errors !== undefined && errors.length > 0 };
}

function describedBy(id: string, hint: string | undefined, invalid: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : "", invalid ? `${id}-error` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Label({ htmlFor, field }: { htmlFor: string; field: FieldSpec }) {
  return (
    <label htmlFor={htmlFor}>
      {field.label}
      {field.optional && field.defaultValue === undefined && <span className="optional"> (optional)</span>}
    </label>
  );
}

function HintAndErrors({ id, hint, errors }: { id: string; hint?: string; errors?: string[] }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {errors && errors.length > 0 && (
        <p id={`${id}-error`} className="field-error">
          {errors.join("; ")}
        </p>
      )}
    </>
  );
}

function isWide(field: FieldSpec): boolean {
  const c = field.control;
  return (c.kind === "text" && c.long) || ["reference-list", "rows", "group", "json"].includes(c.kind);
}

function InputField({ field, path, value, onChange }: FieldProps<string>) {
  const { ctx, key, id, errors, invalid } = useFieldState(path);
  const c = field.control;
  const locked = ctx.lockId && path.length === 1 && field.key === "id";
  const hint = locked ? "Other entries refer to it by this id, so it cannot change." : field.hint;
  const common = {
    id,
    name: key,
    value,
    disabled: ctx.readOnly,
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy(id, hint, invalid),
  };
  let input: ReactNode;
  if (c.kind === "text" && c.long)
    input = <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />;
  else
    input = (
      <input
        {...common}
        readOnly={locked}
        type={c.kind === "date" ? "date" : c.kind === "number" ? "number" : "text"}
        step={c.kind === "number" ? "any" : undefined}
        inputMode={c.kind === "text" && c.format === "email" ? "email" : undefined}
        autoComplete="off"
        placeholder={
          c.kind === "text" && c.format === "duration" ? String(field.defaultValue ?? "30d") : undefined
        }
        onChange={(e) => onChange(e.target.value)}
      />
    );
  return (
    <div className={isWide(field) ? "field wide" : "field"}>
      <Label htmlFor={id} field={field} />
      <HintAndErrors id={id} hint={hint} errors={errors} />
      {input}
    </div>
  );
}

function CheckboxField({ field, path, value, onChange }: FieldProps<boolean>) {
  const { ctx, key, id, errors, invalid } = useFieldState(path);
  return (
    <div className="field">
      <label className="check">
        <input
          type="checkbox"
          id={id}
          name={key}
          checked={value}
          disabled={ctx.readOnly}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy(id, field.hint, invalid)}
          onChange={(e) => onChange(e.target.checked)}
        />{" "}
        {field.label}
      </label>
      <HintAndErrors id={id} hint={field.hint} errors={errors} />
    </div>
  );
}

/** The choices of a select: those of the field, and the current value even when it names nothing. */
function choicesOf(field: FieldSpec, options: ReferenceOptions): Option[] {
  const c = field.control;
  if (c.kind === "choice") return [...c.options];
  if (c.kind === "reference" || c.kind === "reference-list" || c.kind === "reference-or-list")
    return options[c.to];
  return [];
}

function withCurrent(choices: Option[], value: string): Option[] {
  return value === "" || choices.some((o) => o.value === value)
    ? choices
    : [...choices, { value, label: `${value} (not in the plan)` }];
}

function SelectField({ field, path, value, onChange }: FieldProps<string>) {
  const { ctx } = useFieldState(path);
  const choices = withCurrent(choicesOf(field, ctx.options), value);
  // "None" only where absent is allowed and means absent (a default would fill it in anyway).
  const none = field.optional && field.defaultValue === undefined;
  return (
    <SelectBox
      field={field}
      path={path}
      value={value}
      onChange={onChange}
      empty={none || value === "" ? (none ? "— none —" : "Choose…") : undefined}
      choices={choices}
    />
  );
}

/** A labelled select with its hint and errors; `empty` is the label of a leading "" option. */
function SelectBox({
  field,
  path,
  value,
  onChange,
  empty,
  choices,
}: FieldProps<string> & { empty?: string; choices: Option[] }) {
  const { ctx, key, id, errors, invalid } = useFieldState(path);
  return (
    <div className="field">
      <Label htmlFor={id} field={field} />
      <HintAndErrors id={id} hint={field.hint} errors={errors} />
      <select
        id={id}
        name={key}
        value={value}
        disabled={ctx.readOnly}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, field.hint, invalid)}
        onChange={(e) => onChange(e.target.value)}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {choices.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function ReferenceListField({ field, path, value, onChange }: FieldProps<string[]>) {
  const { ctx, key, id, errors, invalid } = useFieldState(path);
  const choices = value.reduce(withCurrent, choicesOf(field, ctx.options));
  const toggle = (v: string, on: boolean) =>
    onChange(
      on
        ? choices.map((o) => o.value).filter((x) => x === v || value.includes(x))
        : value.filter((x) => x !== v),
    );
  return (
    <fieldset id={id} className="field wide choices" aria-describedby={describedBy(id, field.hint, invalid)}>
      <legend>
        {field.label}
        {field.optional && <span className="optional"> (optional)</span>}
      </legend>
      <HintAndErrors id={id} hint={field.hint} errors={errors} />
      {choices.length === 0 ? (
        <p className="empty">None in the plan yet.</p>
      ) : (
        <div className="checks">
          {choices.map((o) => (
            <label key={o.value} className="check">
              <input
                type="checkbox"
                id={`${id}-${o.value}`}
                name={key}
                value={o.value}
                checked={value.includes(o.value)}
                disabled={ctx.readOnly}
                aria-invalid={invalid || undefined}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />{" "}
              {o.label}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

const SHARED = "__shared__";

/**
 * A priority's owner: one person. The plan may hold a team or several people (the rules report
 * both), so the picker shows what is there in words and replaces it with the person chosen.
 */
function OwnerField({ field, path, value, onChange }: FieldProps<string | string[]>) {
  const { ctx } = useFieldState(path);
  const people = ctx.options.people;
  let current: Option | undefined;
  if (Array.isArray(value))
    current = {
      value: SHARED,
      label: `Shared: ${value.map((v) => optionLabel(people, v)).join(", ")} (choose one person)`,
    };
  else if (value !== "" && !people.some((p) => p.value === value)) {
    const team = ctx.options.teams.find((t) => t.value === value);
    current = {
      value,
      label: team ? `Team: ${team.label} (choose one person)` : `${value} (not in the plan)`,
    };
  }
  return (
    <SelectBox
      field={field}
      path={path}
      value={Array.isArray(value) ? SHARED : value}
      onChange={(v) => v !== SHARED && onChange(v)}
      empty="— none —"
      choices={current ? [current, ...people] : people}
    />
  );
}

/** A map of id → number (FTE per team): one row per team, each with its own picker and number. */
function ReferenceMapField({ field, path, value, onChange }: FieldProps<MapRow[]>) {
  const { ctx, key, id, errors, invalid } = useFieldState(path);
  const c = field.control;
  const all = c.kind === "reference-map" ? ctx.options[c.to] : [];
  const set = (i: number, row: MapRow) => onChange(value.map((r, j) => (j === i ? row : r)));
  const rowId = (row: MapRow, i: number) => fieldId(row.key ? `${key}.${row.key}` : `${key}.new-${i}`);
  return (
    <fieldset id={id} className="field wide rows" aria-describedby={describedBy(id, field.hint, invalid)}>
      <legend>
        {field.label}
        {field.optional && <span className="optional"> (optional)</span>}
      </legend>
      <HintAndErrors id={id} hint={field.hint} errors={errors} />
      {value.length === 0 && <p className="empty">None.</p>}
      {value.map((row, i) => {
        const base = rowId(row, i);
        const rowErrors = row.key ? ctx.errors[`${key}.${row.key}`] : undefined;
        const rowInvalid = rowErrors !== undefined;
        const taken = new Set(value.filter((_, j) => j !== i).map((r) => r.key));
        const choices = withCurrent(
          all.filter((o) => !taken.has(o.value)),
          row.key,
        );
        const name = row.key ? optionLabel(all, row.key) : `row ${i + 1}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place; a key typed anew must keep its inputs
          <div key={i} className="map-row">
            <div className="field">
              <label htmlFor={`${base}-key`}>Team</label>
              <select
                id={`${base}-key`}
                value={row.key}
                disabled={ctx.readOnly}
                onChange={(e) => set(i, { ...row, key: e.target.value })}
              >
                {row.key === "" && <option value="">Choose…</option>}
                {choices.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={base}>FTE</label>
              {rowErrors && (
                <p id={`${base}-error`} className="field-error">
                  {rowErrors.join("; ")}
                </p>
              )}
              <input
                id={base}
                type="number"
                step="any"
                min={0}
                value={row.value}
                disabled={ctx.readOnly}
                aria-invalid={rowInvalid || undefined}
                aria-describedby={rowInvalid ? `${base}-error` : undefined}
                onChange={(e) => set(i, { ...row, value: e.target.value })}
              />
            </div>
            {!ctx.readOnly && (
              <button
                type="button"
                className="link"
                onClick={() => {
                  onChange(value.filter((_, j) => j !== i));
                  ctx.focusLater(`${id}-add`);
                }}
              >
                Remove {name}
              </button>
            )}
          </div>
        );
      })}
      {!ctx.readOnly && (
        <button
          type="button"
          id={`${id}-add`}
          onClick={() => {
            onChange([...value, { key: "", value: "" }]);
            ctx.focusLater(`${fieldId(`${key}.new-${value.length}`)}-key`);
          }}
        >
          Add a team
        </button>
      )}
    </fieldset>
  );
}

/** A list of objects (milestones, review items…): one group of fields per row, added and removed in place. */
function RowsField({ field, path, value, onChange }: FieldProps<ObjectValue[]>) {
  const { ctx, id, errors, invalid } = useFieldState(path);
  const c = field.control;
  if (c.kind !== "rows") return null;
  const noun = c.noun;
  const title = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <fieldset id={id} className="field wide rows" aria-describedby={describedBy(id, field.hint, invalid)}>
      <legend>
        {field.label}
        {field.optional && <span className="optional"> (optional)</span>}
      </legend>
      <HintAndErrors id={id} hint={field.hint} errors={errors} />
      {value.length === 0 && <p className="empty">None yet.</p>}
      {value.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a row is known by its place, as in the plan file
        <fieldset key={i} id={fieldId(formatPath([...path, i]))} className="row">
          <legend>
            {title} {i + 1}
          </legend>
          <div className="row-fields">
            <Fields
              fields={c.fields}
              value={row}
              path={[...path, i]}
              onChange={(next) => onChange(value.map((r, j) => (j === i ? next : r)))}
            />
          </div>
          {!ctx.readOnly && (
            <button
              type="button"
              className="danger"
              onClick={() => {
                onChange(value.filter((_, j) => j !== i));
                ctx.focusLater(`${id}-add`);
              }}
            >
              Remove {noun} {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      {!ctx.readOnly && (
        <button
          type="button"
          id={`${id}-add`}
          onClick={() => {
            onChange([...value, toFormValues(c.fields, undefined)]);
            ctx.focusLater(fieldId(formatPath([...path, value.length])));
          }}
        >
          Add {noun}
        </button>
      )}
    </fieldset>
  );
}

/** An optional nested object (a resistance's change): its fields together; all empty means absent. */
function GroupField({ field, path, value, onChange }: FieldProps<ObjectValue>) {
  const { id, errors, invalid } = useFieldState(path);
  const c = field.control;
  if (c.kind !== "group") return null;
  return (
    <fieldset id={id} className="field wide group" aria-describedby={describedBy(id, field.hint, invalid)}>
      <legend>
        {field.label}
        {field.optional && <span className="optional"> (optional)</span>}
      </legend>
      <HintAndErrors id={id} hint={field.hint} errors={errors} />
      <div className="row-fields">
        <Fields fields={c.fields} value={value} path={path} onChange={onChange} />
      </div>
    </fieldset>
  );
}

/** The fallback for a field too irregular for a control: its value as JSON, behind a disclosure. */
function JsonField({ field, path, value, onChange }: FieldProps<string>) {
  const { ctx, key, id, errors, invalid } = useFieldState(path);
  return (
    <details className="field wide advanced" open={invalid || value !== ""}>
      <summary>{field.label} — Advanced (JSON)</summary>
      <Label htmlFor={id} field={{ ...field, label: `${field.label} (JSON)` }} />
      <HintAndErrors id={id} hint={field.hint} errors={errors} />
      <textarea
        id={id}
        name={key}
        className="code"
        rows={6}
        value={value}
        disabled={ctx.readOnly}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, field.hint, invalid)}
        onChange={(e) => onChange(e.target.value)}
      />
    </details>
  );
}
