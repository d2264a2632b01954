import { useState } from "react";
import { api } from "../api";
import { Form, TextField } from "../components";
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
        <TextField
          label="E-mail"
          value={email}
          onChange={setEmail}
          type="email"
          autoComplete="username"
          required
          name="email"
        />
        <TextField
          label="Password"
          value={password}
          onChange={setPassword}
          type="password"
          autoComplete="current-password"
          required
          name="password"
        />
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
        <TextField label="Name" value={name} onChange={setName} required name="name" autoComplete="name" />
        <TextField
          label="E-mail"
          value={email}
          onChange={setEmail}
          type="email"
          required
          name="email"
          autoComplete="username"
        />
        <TextField
          label="Password (12 characters or more)"
          value={password}
          onChange={setPassword}
          type="password"
          required
          minLength={12}
          name="password"
          autoComplete="new-password"
        />
      </Form>
    </main>
  );
}
