import { useState } from "react";
import { childId } from "../domain/slug";
import { api, type Finding, type Item } from "./api";
import { Dialog, Form, TextField } from "./components";
import { initialOwner, today } from "./format";
import type { Owns } from "./owned-by-me";
import { Link } from "./router";
import { useCan } from "./session";
import { DeclareOutputForm, TargetForm, TeamObjectiveForm } from "./tree-actions";

type Kind =
  | "owner"
  | "initiative-owner"
  | "stop"
  | "enforce"
  | "metric"
  | "decision"
  | "target"
  | "team-objective"
  | "declare-output";

/** The action that closes a finding, one click away. */
export function actionFor(f: Finding): { kind: Kind; label: string } | undefined {
  switch (f.rule) {
    case "priority-no-owner":
    case "priority-shared-owner":
      return { kind: "owner", label: "Make one owner" };
    case "initiative-no-owner":
      return { kind: "initiative-owner", label: "Assign an owner" };
    case "initiative-shared-owner":
      return { kind: "initiative-owner", label: "Make one owner" };
    case "metric-no-target":
      return { kind: "target", label: "Set the target" };
    case "priority-not-cascaded":
      return { kind: "team-objective", label: "Add a team objective beneath" };
    case "metric-kind-doubtful":
      return { kind: "declare-output", label: "Declare it output" };
    case "orphan-initiative":
    case "review-not-acted-on":
    case "priority-no-stops":
    case "team-over-capacity":
    case "work-spread-thin":
      return { kind: "stop", label: "Record a stop" };
    case "stop-not-enforced":
      return { kind: "enforce", label: "Stop the initiative now" };
    case "priority-unmeasured":
      return { kind: "metric", label: "Add an outcome metric" };
    case "insight-unused":
      return { kind: "decision", label: "Record a decision" };
    default:
      return undefined;
  }
}

/** For a shared owner, the choice is among the people sharing it; otherwise anyone. */
function sharedOwners(f: Finding, people: Item[]): Item[] {
  const owners = f.evidence.owners as string[] | undefined;
  const among = Array.isArray(owners) ? people.filter((p) => owners.includes(p.id)) : [];
  return among.length ? among : people;
}

/** Which initiative a stop for this finding would name. */
function initiativeToStop(f: Finding): string | undefined {
  if (f.subject.type === "initiative") return f.subject.id;
  const list = (f.evidence.toStop ?? f.evidence.consolidate) as string[] | undefined;
  return list?.[0];
}

export function FindingAction({
  ws,
  finding,
  people,
  initiatives,
  onDone,
  owns,
}: {
  ws: string;
  finding: Finding;
  people: Item[];
  initiatives: Item[];
  onDone: () => void;
  /** What the reader owns: a contributor may act on their own priority or initiative. */
  owns?: Owns;
}) {
  const [open, setOpen] = useState(false);
  const isEditor = useCan("editor");
  const isContributor = useCan("contributor");
  // A stale metric is closed by a check-in: the check-in page holds the form for it.
  if (finding.rule === "metric-stale" && isContributor)
    return (
      <Link to={`/w/${ws}/checkin`} className="button">
        Record a check-in
      </Link>
    );
  const action = actionFor(finding);
  const ownTarget =
    action?.kind === "owner"
      ? owns?.("priorities", finding.subject.id)
      : action?.kind === "enforce"
        ? owns?.("initiatives", String(finding.evidence.initiative ?? ""))
        : false;
  if (!action || !(isEditor || (isContributor && ownTarget))) return null;
  const close = () => setOpen(false);
  const done = () => {
    setOpen(false);
    onDone();
  };
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {action.label}
      </button>
      <Dialog title={action.label} open={open} onClose={close}>
        {action.kind === "owner" && (
          <OwnerForm
            ws={ws}
            section="priorities"
            id={finding.subject.id}
            people={people}
            suggested={finding.evidence.suggestedOwner}
            onDone={done}
          />
        )}
        {action.kind === "initiative-owner" && (
          <OwnerForm
            ws={ws}
            section="initiatives"
            id={finding.subject.id}
            people={sharedOwners(finding, people)}
            suggested={finding.evidence.suggestedOwner}
            onDone={done}
          />
        )}
        {action.kind === "stop" && (
          <StopForm
            ws={ws}
            initiatives={initiatives}
            initiative={initiativeToStop(finding)}
            priority={finding.subject.type === "priority" ? finding.subject.id : undefined}
            onDone={done}
          />
        )}
        {action.kind === "enforce" && (
          <EnforceForm ws={ws} initiative={String(finding.evidence.initiative ?? "")} onDone={done} />
        )}
        {action.kind === "metric" && <MetricForm ws={ws} priority={finding.subject.id} onDone={done} />}
        {action.kind === "decision" && <DecisionForm ws={ws} insight={finding.subject.id} onDone={done} />}
        {action.kind === "target" && <TargetForm ws={ws} metric={finding.subject.id} onDone={done} />}
        {action.kind === "team-objective" && (
          <TeamObjectiveForm ws={ws} finding={finding} people={people} onDone={done} />
        )}
        {action.kind === "declare-output" && (
          <DeclareOutputForm ws={ws} metric={finding.subject.id} onDone={done} />
        )}
        <button type="button" className="link" onClick={close}>
          Cancel
        </button>
      </Dialog>
    </>
  );
}

export function OwnerForm({
  ws,
  section,
  id,
  people,
  suggested,
  onDone,
}: {
  ws: string;
  section: "priorities" | "initiatives";
  id: string;
  people: Item[];
  /** The person the finding's suggestion names (its evidence's `suggestedOwner`). */
  suggested?: unknown;
  onDone: () => void;
}) {
  const [owner, setOwner] = useState(initialOwner(people, suggested));
  return (
    <Form
      submit="Make owner"
      onSubmit={async () => {
        const { etag } = await api<Item>("GET", `/workspaces/${ws}/${section}/${id}`);
        await api("PATCH", `/workspaces/${ws}/${section}/${id}`, { body: { owner }, ifMatch: etag });
        onDone();
      }}
    >
      <p>One person who answers for it and can say no to other work.</p>
      <label>
        Owner
        <select value={owner} onChange={(e) => setOwner(e.target.value)} name="owner" required>
          {owner === "" && (
            <option value="" disabled>
              Choose a person…
            </option>
          )}
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {String(p.name)}
            </option>
          ))}
        </select>
      </label>
    </Form>
  );
}

export function StopForm({
  ws,
  initiatives,
  initiative,
  priority,
  onDone,
}: {
  ws: string;
  initiatives: Item[];
  initiative?: string;
  priority?: string;
  onDone: () => void;
}) {
  const chosen = initiatives.find((i) => i.id === initiative);
  const [what, setWhat] = useState(String(chosen?.title ?? ""));
  const [init, setInit] = useState(initiative ?? "");
  const [effective, setEffective] = useState(today());
  const [alsoStop, setAlsoStop] = useState(true);
  return (
    <Form
      submit="Record the stop"
      onSubmit={async () => {
        const target = initiatives.find((i) => i.id === init);
        const frees = (target?.allocation as Record<string, number> | undefined) ?? undefined;
        const id = `${childId("stop", init || what)
          .slice(0, 55)
          .replace(/-+$/, "")}-${Date.now().toString(36).slice(-4)}`;
        await api("POST", `/workspaces/${ws}/stops`, {
          body: { id, what, initiative: init || undefined, priority, decided: today(), effective, frees },
        });
        if (alsoStop && target) {
          const { etag } = await api<Item>("GET", `/workspaces/${ws}/initiatives/${init}`);
          await api("PATCH", `/workspaces/${ws}/initiatives/${init}`, {
            body: { status: "stopped", allocation: null },
            ifMatch: etag,
          });
        }
        onDone();
      }}
    >
      <TextField label="What is stopped" value={what} onChange={setWhat} required name="what" />
      <label>
        Initiative
        <select value={init} onChange={(e) => setInit(e.target.value)} name="initiative">
          <option value="">— none (a meeting, a report, a campaign…) —</option>
          {initiatives.map((i) => (
            <option key={i.id} value={i.id}>
              {String(i.title)}
            </option>
          ))}
        </select>
      </label>
      <TextField label="Effective" value={effective} onChange={setEffective} type="date" name="effective" />
      <label className="check">
        <input type="checkbox" checked={alsoStop} onChange={(e) => setAlsoStop(e.target.checked)} /> Also set
        the initiative to stopped and release its capacity
      </label>
    </Form>
  );
}

function EnforceForm({ ws, initiative, onDone }: { ws: string; initiative: string; onDone: () => void }) {
  return (
    <Form
      submit="Stop it and release its capacity"
      onSubmit={async () => {
        const { etag } = await api<Item>("GET", `/workspaces/${ws}/initiatives/${initiative}`);
        await api("PATCH", `/workspaces/${ws}/initiatives/${initiative}`, {
          body: { status: "stopped", allocation: null },
          ifMatch: etag,
        });
        onDone();
      }}
    >
      <p>
        Sets <code>{initiative}</code> to stopped and removes its allocation, as the stop decided.
      </p>
    </Form>
  );
}

function MetricForm({ ws, priority, onDone }: { ws: string; priority: string; onDone: () => void }) {
  const [name, setName] = useState("");
  const [direction, setDirection] = useState("up");
  return (
    <Form
      submit="Add the metric"
      onSubmit={async () => {
        const id = childId(priority, name);
        await api("POST", `/workspaces/${ws}/metrics`, {
          body: { id, name, kind: "outcome", direction, priorities: [priority] },
        });
        onDone();
      }}
    >
      <TextField
        label="What customers would notice"
        value={name}
        onChange={setName}
        required
        name="name"
        placeholder="e.g. Median days to first dashboard"
      />
      <label>
        Better is
        <select value={direction} onChange={(e) => setDirection(e.target.value)}>
          <option value="up">up</option>
          <option value="down">down</option>
        </select>
      </label>
    </Form>
  );
}

export function DecisionForm({ ws, insight, onDone }: { ws: string; insight: string; onDone: () => void }) {
  const [statement, setStatement] = useState("");
  const [kind, setKind] = useState("continue");
  return (
    <Form
      submit="Record the decision"
      onSubmit={async () => {
        const id = `decision-${Date.now().toString(36)}`;
        await api("POST", `/workspaces/${ws}/decisions`, {
          body: { id, date: today(), statement, kind, evidence: [insight] },
        });
        onDone();
      }}
    >
      <TextField label="Decision" value={statement} onChange={setStatement} required name="statement" />
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(e.target.value)}>
          {["continue", "invest", "cut", "deprioritise", "stop", "pivot"].map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
    </Form>
  );
}
