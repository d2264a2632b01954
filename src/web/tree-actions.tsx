import { useState } from "react";
import { childId } from "../domain/slug";
import { api, type Finding, type Item } from "./api";
import { Form, TextField } from "./components";

/*
 * One-click actions for the rules of objective trees and key results (issue 10):
 * metric-no-target opens the metric's target field, priority-not-cascaded adds a team
 * objective beneath the priority, metric-kind-doubtful declares the metric output.
 */

/** Writes a metric's target (with its due date and baseline when missing). */
export function TargetForm({ ws, metric, onDone }: { ws: string; metric: string; onDone: () => void }) {
  const [target, setTarget] = useState("");
  const [due, setDue] = useState("");
  return (
    <Form
      submit="Set the target"
      onSubmit={async () => {
        const { etag } = await api<Item>("GET", `/workspaces/${ws}/metrics/${metric}`);
        const body: Record<string, unknown> = { target: Number(target) };
        if (due) body.due = due;
        await api("PATCH", `/workspaces/${ws}/metrics/${metric}`, { body, ifMatch: etag });
        onDone();
      }}
    >
      <p>The level that would show the priority is working, and the day to reach it by.</p>
      <TextField
        label="Target"
        value={target}
        onChange={setTarget}
        type="number"
        step="any"
        required
        name="target"
        data-autofocus
      />
      <TextField label="Due (optional)" value={due} onChange={setDue} type="date" name="due" />
    </Form>
  );
}

/** The teams a priority-not-cascaded finding lists, with the FTE each contributes. */
export function uncascadedTeams(f: Finding): { id: string; fte: number }[] {
  const teams = f.evidence.teams as { id: string; fte: number }[] | undefined;
  return Array.isArray(teams) ? teams : [];
}

/** Adds a team's objective beneath a priority, prefilled with the parent and the first team listed. */
export function TeamObjectiveForm({
  ws,
  finding,
  people,
  onDone,
}: {
  ws: string;
  finding: Finding;
  people: Item[];
  onDone: () => void;
}) {
  const teams = uncascadedTeams(finding);
  const parent = finding.subject.id;
  const [team, setTeam] = useState(teams[0]?.id ?? "");
  const [title, setTitle] = useState("");
  const [owner, setOwner] = useState("");
  const members = people.filter((p) => p.team === team);
  return (
    <Form
      submit="Add the team objective"
      onSubmit={async () => {
        const id = childId(team, title);
        await api("POST", `/workspaces/${ws}/priorities`, {
          body: { id, title, parent, team, ...(owner ? { owner } : {}) },
        });
        onDone();
      }}
    >
      <p>
        What this team will change — and stop — for <code>{parent}</code>, as its own objective beneath it.
      </p>
      <label>
        Team
        <select value={team} onChange={(e) => setTeam(e.target.value)} name="team">
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.id} ({t.fte} FTE)
            </option>
          ))}
        </select>
      </label>
      <TextField
        label="Team objective"
        value={title}
        onChange={setTitle}
        required
        name="title"
        placeholder="e.g. Support answers setup questions within the hour"
      />
      <label>
        Owner
        <select value={owner} onChange={(e) => setOwner(e.target.value)} name="owner">
          <option value="">— choose later —</option>
          {(members.length ? members : people).map((p) => (
            <option key={p.id} value={p.id}>
              {String(p.name)}
            </option>
          ))}
        </select>
      </label>
    </Form>
  );
}

/** Declares a metric output: what its name describes. */
export function DeclareOutputForm({
  ws,
  metric,
  onDone,
}: {
  ws: string;
  metric: string;
  onDone: () => void;
}) {
  return (
    <Form
      submit="Declare it output"
      onSubmit={async () => {
        const { etag } = await api<Item>("GET", `/workspaces/${ws}/metrics/${metric}`);
        await api("PATCH", `/workspaces/${ws}/metrics/${metric}`, {
          body: { kind: "output" },
          ifMatch: etag,
        });
        onDone();
      }}
    >
      <p>
        Sets <code>{metric}</code> to kind output. Then link an outcome metric to the priority, so it is
        measured by what customers or the business notice.
      </p>
    </Form>
  );
}
