import { useState } from "react";
import { ApiError, api, setCsrfToken } from "../api";
import { Form, Loading, TextField, useAsync } from "../components";
import { navigate } from "../router";

interface InviteOffer {
  role: string;
  email: string | null;
  expiresAt: string;
  workspace: { slug: string; name: string };
}

/**
 * Accepting an invitation (the link an admin shared or e-mailed): a newcomer chooses a
 * password; someone who already has an account gives theirs. The secret stays in the URL's
 * fragment, which browsers never send to a server.
 */
export function InvitePage({ onSignedIn }: { onSignedIn: () => void }) {
  const token = new URLSearchParams(location.hash.slice(1)).get("token") ?? "";
  const offer = useAsync(
    async () => (await api<InviteOffer>("POST", "/invites/inspect", { body: { token } })).data,
    [token],
  );
  const [email, setEmail] = useState<string>();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  if (!offer.data)
    return (
      <main className="auth-card">
        <h1>Join a workspace</h1>
        {offer.error instanceof ApiError && offer.error.status < 500 ? (
          <p role="alert">
            This invitation link is not valid any more: it was used, withdrawn or has expired. Ask the
            workspace's administrator for a new one.
          </p>
        ) : (
          <Loading error={offer.error} />
        )}
      </main>
    );
  const { workspace, role, expiresAt } = offer.data;
  const address = email ?? offer.data.email ?? "";
  return (
    <main className="auth-card">
      <h1>Join {workspace.name}</h1>
      <p>
        You are invited as <strong>{role}</strong>. The link works once, until{" "}
        {expiresAt.slice(0, 16).replace("T", " ")} UTC.
      </p>
      <p className="muted">
        New to Throughline? Choose a password. Already have an account? Use its e-mail and password.
      </p>
      <Form
        submit="Join the workspace"
        onSubmit={async () => {
          const { data } = await api<{ csrfToken?: string; workspace: { slug: string } }>(
            "POST",
            "/invites/accept",
            { body: { token, email: address, password, ...(name ? { name } : {}) } },
          );
          setCsrfToken(data.csrfToken);
          navigate(`/w/${data.workspace.slug}`);
          onSignedIn();
        }}
      >
        <TextField
          label="E-mail"
          value={address}
          onChange={setEmail}
          type="email"
          readOnly={offer.data.email !== null}
          required
          name="email"
          autoComplete="username"
        />
        <TextField
          label="Name (if you are new here)"
          value={name}
          onChange={setName}
          name="name"
          autoComplete="name"
        />
        <TextField
          label="Password (a new one has 12 characters or more)"
          value={password}
          onChange={setPassword}
          type="password"
          required
          name="password"
          autoComplete="current-password"
        />
      </Form>
    </main>
  );
}
