import { useState } from "react";
import { api, get } from "./api";
import { Form, Problems, useAsync } from "./components";
import { useCan, useSession } from "./session";

interface Settings {
  enabled: boolean;
  day: number;
  hour: number;
  timeZone: string;
  lastPeriod: string | null;
}
interface Mail {
  seq: number;
  kind: string;
  period: string;
  recipient: string;
  subject: string;
  body: string;
  transport: string;
  createdAt: string;
}

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * The weekly digest on My work: your subscription, the last digest you were sent (also how it
 * is read when the server has no SMTP_URL), and for admins the day, hour and time zone.
 */
export function DigestPanel({ ws }: { ws: string }) {
  const session = useSession();
  const isAdmin = useCan("admin");
  const { data, error, reload } = useAsync(async () => {
    const [settings, subscription, mail] = await Promise.all([
      get<Settings>(`/workspaces/${ws}/digest/settings`),
      get<{ optedOut: boolean }>(`/workspaces/${ws}/digest/subscription`),
      get<{ items: Mail[] }>(`/workspaces/${ws}/digest/mail`),
    ]);
    return { settings, subscription, mail: mail.items };
  }, [ws]);
  const [saveError, setSaveError] = useState<unknown>();
  if (!session.user || !data) return error ? <Problems error={error} /> : null;
  const { settings, subscription } = data;
  const mine = data.mail.find((m) => m.recipient === session.user?.email);
  return (
    <section className="panel" aria-labelledby={`digest-${ws}`}>
      <h3 id={`digest-${ws}`}>Weekly digest</h3>
      <p className="muted">
        {settings.enabled
          ? `Sent on ${DAYS[settings.day - 1]}s at ${String(settings.hour).padStart(2, "0")}:00 (${settings.timeZone}).`
          : "The weekly digest is turned off for this workspace."}
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={!subscription.optedOut}
          disabled={session.readOnly}
          onChange={async (e) => {
            setSaveError(undefined);
            try {
              await api("PUT", `/workspaces/${ws}/digest/subscription`, {
                body: { optedOut: !e.target.checked },
              });
              reload();
            } catch (err) {
              setSaveError(err);
            }
          }}
        />{" "}
        Send me this workspace's weekly digest
      </label>
      <Problems error={saveError} />
      {mine && (
        <details>
          <summary>
            Your last digest ({mine.period}
            {mine.transport === "log" ? ", kept here: the server sends no e-mail" : ""})
          </summary>
          <pre className="mail">{`${mine.subject}\n\n${mine.body}`}</pre>
        </details>
      )}
      {isAdmin && <DigestSettingsForm ws={ws} settings={settings} onSaved={reload} />}
    </section>
  );
}

function DigestSettingsForm({
  ws,
  settings,
  onSaved,
}: {
  ws: string;
  settings: Settings;
  onSaved: () => void;
}) {
  const [enabled, setEnabled] = useState(settings.enabled);
  const [day, setDay] = useState(settings.day);
  const [hour, setHour] = useState(settings.hour);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  return (
    <Form
      submit="Save the digest schedule"
      onSubmit={async () => {
        await api("PUT", `/workspaces/${ws}/digest/settings`, { body: { enabled, day, hour, timeZone } });
        onSaved();
      }}
    >
      <label className="check">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Send the
        weekly digest
      </label>
      <label>
        Day
        <select value={day} onChange={(e) => setDay(Number(e.target.value))}>
          {DAYS.map((d, i) => (
            <option key={d} value={i + 1}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label>
        Hour
        <input
          type="number"
          min={0}
          max={23}
          value={hour}
          onChange={(e) => setHour(Number(e.target.value))}
        />
      </label>
      <label>
        Time zone
        <input value={timeZone} onChange={(e) => setTimeZone(e.target.value)} placeholder="Europe/Berlin" />
      </label>
    </Form>
  );
}
