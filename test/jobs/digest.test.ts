import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/jobs/clock.js";
import { JobRunner } from "../../src/jobs/job-runner.js";
import { mailTransport } from "../../src/jobs/mail-transport.js";
import { buildServer } from "../../src/server/app.js";
import { addUser } from "../../src/server/auth/accounts.js";
import { authConfig } from "../../src/server/auth/auth-config.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import { addMember } from "../../src/store/auth/memberships.js";
import { openStore, type Store } from "../../src/store/index.js";
import { examplePlan } from "../support/acme.js";
import { ADMIN_URL } from "../support/databases.js";
import { type ReceivedMail, smtpSink } from "./smtp-sink.js";

const PEOPLE = [
  { email: "raj@acme.example", name: "Raj", password: "a long password 1" },
  { email: "maya@acme.example", name: "Maya", password: "a long password 2" },
];

/** A clock the test moves: the servers' digests fall due without anyone waiting. */
function testClock(start: string): Clock & { set(iso: string): void } {
  let now = new Date(start);
  return { now: () => now, set: (iso) => (now = new Date(iso)) };
}

/**
 * Two servers on one PostgreSQL database, each with its own connection pool and job runner (as
 * two `serve` processes have), sending the weekly digest to a real SMTP server.
 */
describe("the weekly digest from two servers on one PostgreSQL", () => {
  const name = `throughline_test_${randomBytes(6).toString("hex")}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  let stores: Store[] = [];
  let smtp: Awaited<ReturnType<typeof smtpSink>>;
  const clock = testClock("2026-11-25T12:00:00Z"); // a Wednesday
  const runner = (store: Store) =>
    new JobRunner({
      store,
      clock,
      transport: mailTransport({ SMTP_URL: smtp.url }, () => undefined),
      publicUrl: "https://throughline.example",
    });
  // Digests carry the one-click unsubscribe headers; reminders are the other mails.
  const digests = (to: string) =>
    smtp.received.filter((m) => m.to.includes(to) && m.header("List-Unsubscribe-Post") !== undefined);
  const reminders = (to: string) =>
    smtp.received.filter((m) => m.to.includes(to) && m.header("List-Unsubscribe-Post") === undefined);

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    smtp = await smtpSink();
    stores = [
      await openStore({ databaseUrl: url.toString() }),
      await openStore({ databaseUrl: url.toString() }),
    ];
    await stores[0].migrate();
    const plan = examplePlan();
    delete plan.asOf;
    const { workspace } = await stores[0].workspaces.replacePlan("acme", plan, { actor: "test" });
    const db = authDb(stores[0].db);
    for (const person of PEOPLE) {
      const user = await addUser(db, { ...person, isAdmin: false }, authConfig());
      await addMember(db, {
        workspaceId: workspace.id,
        userId: user.id,
        role: "contributor",
        now: new Date(),
      });
    }
  }, 120_000);
  afterAll(async () => {
    for (const store of stores) await store.close();
    await smtp?.close();
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("sends nothing for a period that passed before the workspace had digests", async () => {
    await Promise.all(stores.map((s) => runner(s).tick()));
    expect(smtp.received).toEqual([]);
  });

  it("with the digest due, two servers send exactly one digest to each person", async () => {
    clock.set("2026-11-30T08:05:00Z"); // Monday, just after 08:00 UTC
    const [a, b] = stores.map(runner);
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    await Promise.all([a.tick(), b.tick()]);
    expect(digests("raj@acme.example")).toHaveLength(1);
    expect(digests("maya@acme.example")).toHaveLength(1);
    expect(smtp.received.filter((m) => m.header("List-Unsubscribe-Post") !== undefined)).toHaveLength(2);
    const raj = digests("raj@acme.example")[0] as ReceivedMail;
    expect(raj.raw).toContain("Check-ins due:");
    expect(raj.raw).toContain("Onboarding tasks completed");
    // RFC 8058 one-click unsubscribe.
    expect(raj.header("List-Unsubscribe")).toMatch(
      /^<https:\/\/throughline\.example\/api\/v1\/unsubscribe\?token=tlunsub_[\w-]+>$/,
    );
    expect(raj.header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  });

  it("a server stopped for two periods sends one catch-up digest, not two", async () => {
    clock.set("2026-12-14T09:00:00Z"); // the periods of 7 and 14 December have both passed
    await runner(stores[0]).tick();
    await runner(stores[1]).tick();
    expect(digests("raj@acme.example")).toHaveLength(2);
    expect(digests("maya@acme.example")).toHaveLength(2);
    expect(digests("raj@acme.example")[1]?.raw).toContain("your week starting 2026-12-14");
  });

  it("owners of stale metrics get one reminder per check-in that fell due, not one a day", async () => {
    // Raj owns "live-in-days", whose metrics are stale; the reminders went out with the first run.
    expect(reminders("raj@acme.example")).toHaveLength(1);
    expect(reminders("raj@acme.example")[0]?.raw).toContain("Onboarding tasks completed");
    clock.set("2026-12-15T09:00:00Z");
    await Promise.all(stores.map((s) => runner(s).tick()));
    expect(reminders("raj@acme.example")).toHaveLength(1);
    // A check-in, then the metric falls due again: one more reminder.
    await stores[0].workspaces.addCheckin(
      "acme",
      "activation",
      { date: "2026-12-15", value: 4 },
      { actor: "raj@acme.example" },
    );
    clock.set("2027-02-15T09:00:00Z");
    await Promise.all(stores.map((s) => runner(s).tick()));
    expect(reminders("raj@acme.example")).toHaveLength(2);
  });

  it("the unsubscribe link opts its person out with one POST; the next digest skips them", async () => {
    const app = await buildServer({ store: stores[1] });
    const link = digests("maya@acme.example")[1]?.header("List-Unsubscribe")?.slice(1, -1) ?? "";
    const path = new URL(link).pathname + new URL(link).search;
    const page = await app.inject({ method: "GET", url: path });
    expect(page.body).toContain('<form method="post"');
    const done = await app.inject({
      method: "POST",
      url: path,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(done.statusCode).toBe(200);
    await app.close();
    clock.set("2027-02-22T08:30:00Z");
    await runner(stores[0]).tick();
    // Raj: 30 Nov, the catch-up of 14 Dec, 15 Feb, 22 Feb; Maya stopped after 15 Feb.
    expect(digests("raj@acme.example")).toHaveLength(4);
    expect(digests("maya@acme.example")).toHaveLength(3);
  });
});
