import nodemailer from "nodemailer";

/** Sends a plain-text e-mail. Optional: invitations work as links without it. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** A mailer for SMTP_URL (smtp://user:pass@host:587, smtps://…), or undefined when unset. */
export function mailerFromEnv(env: Record<string, string | undefined>): Mailer | undefined {
  const url = env.SMTP_URL;
  if (!url) return undefined;
  const from = env.SMTP_FROM ?? "Throughline <no-reply@localhost>";
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}
