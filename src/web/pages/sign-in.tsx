import { useState } from "react";
import { api } from "../api";
import { Form } from "../components";
import { navigate } from "../router";

export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  return (
    <main className="auth-card">
      <h1>Sign in to Throughline</h1>
      <Form
        submit="Sign in"
        onSubmit={async () => {
          await api("POST", "/session", { body: { email, password } });
          onSignedIn();
        }}
      >
        <label>
          E-mail
          <input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            name="email"
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            name="password"
          />
        </label>
      </Form>
    </main>
  );
}

export function SetupPage({ onSignedIn }: { onSignedIn: () => void }) {
  const token = new URLSearchParams(location.hash.slice(1)).get("token") ?? "";
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  return (
    <main className="auth-card">
      <h1>Set up Throughline</h1>
      <p>Create the first administrator. This link works once.</p>
      <Form
        submit="Create the administrator"
        onSubmit={async () => {
          await api("POST", "/setup", { body: { token, email, name, password } });
          navigate("/");
          onSignedIn();
        }}
      >
        <label>
          Name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            name="name"
            autoComplete="name"
          />
        </label>
        <label>
          E-mail
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            name="email"
            autoComplete="username"
          />
        </label>
        <label>
          Password (12 characters or more)
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            minLength={12}
            name="password"
            autoComplete="new-password"
          />
        </label>
      </Form>
    </main>
  );
}
