import nodemailer from "nodemailer";

/*
 * How the jobs send mail: over SMTP when SMTP_URL is set (nodemailer), else nowhere — the mail
 * is kept in the mail log, shown in the app, and written to the server's log.
 */

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

export interface MailTransport {
  kind: "smtp" | "log";
  send(mail: OutgoingMail): Promise<void>;
  close?(): void;
}

export function mailTransport(
  env: Record<string, string | undefined>,
  log: (message: string, fields: Record<string, unknown>) => void,
): MailTransport {
  const url = env.SMTP_URL;
  if (!url)
    return {
      kind: "log",
      async send(mail) {
        log("mail not sent (no SMTP_URL): kept in the mail log and shown in the app", {
          to: mail.to,
          subject: mail.subject,
        });
      },
    };
  const from = env.SMTP_FROM ?? "Throughline <no-reply@localhost>";
  // Bounded: a stuck SMTP server must not hold a job's lease forever.
  const transport = nodemailer.createTransport(url, {
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  } as object);
  return {
    kind: "smtp",
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: mail.headers,
      });
    },
    close: () => transport.close(),
  };
}
