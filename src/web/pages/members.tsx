import { useState } from "react";
import { api, get } from "../api";
import { Form, Loading, Problems, TextField, useAsync } from "../components";

const ROLES = ["viewer", "contributor", "editor", "admin"] as const;
const ROLE_HELP: Record<(typeof ROLES)[number], string> = {
  viewer: "reads everything",
  contributor: "also edits what they own, posts check-ins, insights and review answers",
  editor: "edits the whole plan",
  admin: "also manages members, invitations and API tokens",
};

interface Member {
  userId: string;
  email: string;
  name: string;
  role: string;
  isInstanceAdmin: boolean;
  since: string;
}
interface Invite {
  id: string;
  role: string;
  email: string | null;
  createdBy: string | null;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}
interface Token {
  id: string;
  name: string;
  role: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Runs a change, then reloads the list it changed; its error is shown next to that list. */
function useChange(reload: () => void): {
  error: unknown;
  run: (change: () => Promise<unknown>) => Promise<void>;
} {
  const [error, setError] = useState<unknown>();
  const run = async (change: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await change();
      reload();
    } catch (e) {
      setError(e);
    }
  };
  return { error, run };
}

/** A value shown once (an invitation link, a token's secret): the server keeps only its hash. */
function ShownOnce({ testId, children, value }: { testId: string; children: string; value: string }) {
  return (
    <div className="secret" role="status">
      <p>{children}</p>
      <code data-testid={testId}>{value}</code>
    </div>
  );
}

function DeleteButton({ label, onDelete }: { label: string; onDelete: () => void }) {
  return (
    <button type="button" className="danger" onClick={onDelete}>
      {label}
    </button>
  );
}

const day = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") : "—");

/** Who belongs to the workspace and with which role; invitations and API tokens (admins only). */
export function MembersPage({ ws }: { ws: string }) {
  return (
    <article>
      <h1>Members and access</h1>
      <p className="muted">
        Roles: {ROLES.map((r) => `${r} ${ROLE_HELP[r]}`).join("; ")}. Every change here is in the audit log.
      </p>
      <MembersSection ws={ws} />
      <InvitesSection ws={ws} />
      <TokensSection ws={ws} />
    </article>
  );
}

/** A role picker: named by `label` in a table row, or by a <label htmlFor={id}> in a form. */
function RoleSelect({
  value,
  onChange,
  label,
  id,
}: {
  value: string;
  onChange: (role: string) => void;
  label?: string;
  id?: string;
}) {
  return (
    <select id={id} aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  );
}

function MembersSection({ ws }: { ws: string }) {
  const members = useAsync(() => get<{ items: Member[] }>(`/workspaces/${ws}/members`), [ws]);
  const { error, run: act } = useChange(members.reload);
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <Problems error={error} />
      {!members.data ? (
        <Loading error={members.error} />
      ) : (
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>E-mail</th>
              <th>Role</th>
              <th>Since</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.data.items.map((m) => (
              <tr key={m.userId}>
                <td>
                  {m.name}
                  {m.isInstanceAdmin ? <span className="muted"> (instance administrator)</span> : null}
                </td>
                <td>{m.email}</td>
                <td>
                  <RoleSelect
                    label={`Role of ${m.name}`}
                    value={m.role}
                    onChange={(role) =>
                      act(() => api("PATCH", `/workspaces/${ws}/members/${m.userId}`, { body: { role } }))
                    }
                  />
                </td>
                <td>{m.since.slice(0, 10)}</td>
                <td>
                  <DeleteButton
                    label={`Remove ${m.name}`}
                    onDelete={() => act(() => api("DELETE", `/workspaces/${ws}/members/${m.userId}`))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function InvitesSection({ ws }: { ws: string }) {
  const invites = useAsync(() => get<{ items: Invite[] }>(`/workspaces/${ws}/invites`), [ws]);
  const [role, setRole] = useState("contributor");
  const [email, setEmail] = useState("");
  const [created, setCreated] = useState<{ url: string; emailed: boolean }>();
  const { error, run } = useChange(invites.reload);
  const open = (invites.data?.items ?? []).filter(
    (i) => !i.acceptedAt && !i.revokedAt && i.expiresAt > new Date().toISOString(),
  );
  return (
    <section aria-labelledby="invites-heading">
      <h2 id="invites-heading">Invitations</h2>
      <Form
        submit="Create an invitation link"
        onSubmit={async () => {
          setCreated(undefined);
          const { data } = await api<{ url: string; emailed: boolean }>("POST", `/workspaces/${ws}/invites`, {
            body: { role, email },
          });
          setCreated(data);
          setEmail("");
          invites.reload();
        }}
      >
        <label htmlFor="invite-role">Role for the invitee</label>
        <RoleSelect id="invite-role" value={role} onChange={setRole} />
        <TextField
          label="E-mail (only this address may accept; e-mailed when the server has SMTP)"
          value={email}
          onChange={setEmail}
          type="email"
          name="email"
          required
        />
      </Form>
      {created && (
        <ShownOnce testId="invite-link" value={created.url}>
          {`${created.emailed ? "Sent by e-mail. " : ""}Share this link with the person you invite; it works once and is shown only now:`}
        </ShownOnce>
      )}
      <Problems error={error} />
      {open.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>For</th>
              <th>Role</th>
              <th>By</th>
              <th>Expires (UTC)</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {open.map((i) => (
              <tr key={i.id}>
                <td>{i.email ?? "an existing account with the link"}</td>
                <td>{i.role}</td>
                <td>{i.createdBy ?? "—"}</td>
                <td>{day(i.expiresAt)}</td>
                <td>
                  <DeleteButton
                    label="Withdraw"
                    onDelete={() => run(() => api("DELETE", `/workspaces/${ws}/invites/${i.id}`))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function TokensSection({ ws }: { ws: string }) {
  const tokens = useAsync(() => get<{ items: Token[] }>(`/workspaces/${ws}/tokens`), [ws]);
  const [name, setName] = useState("");
  const [role, setRole] = useState("viewer");
  const [secret, setSecret] = useState<string>();
  const { error, run } = useChange(tokens.reload);
  const live = (tokens.data?.items ?? []).filter((t) => !t.revokedAt);
  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="muted">For scripts and integrations: send as "Authorization: Bearer …".</p>
      <Form
        submit="Create a token"
        onSubmit={async () => {
          setSecret(undefined);
          const { data } = await api<{ token: string }>("POST", `/workspaces/${ws}/tokens`, {
            body: { role, ...(name ? { name } : {}) },
          });
          setSecret(data.token);
          setName("");
          tokens.reload();
        }}
      >
        <TextField label="Token name" value={name} onChange={setName} name="token-name" />
        <label htmlFor="token-role">Token role</label>
        <RoleSelect id="token-role" value={role} onChange={setRole} />
      </Form>
      {secret && (
        <ShownOnce testId="token-secret" value={secret}>
          Copy the token now; it is stored hashed and will not be shown again:
        </ShownOnce>
      )}
      <Problems error={error} />
      {live.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Created</th>
              <th>Last used (UTC)</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {live.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{t.role}</td>
                <td>{t.createdAt.slice(0, 10)}</td>
                <td>{day(t.lastUsedAt)}</td>
                <td>
                  <DeleteButton
                    label={`Revoke ${t.name}`}
                    onDelete={() => run(() => api("DELETE", `/workspaces/${ws}/tokens/${t.id}`))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
