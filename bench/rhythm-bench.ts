import { randomUUID } from "node:crypto";
import type { Plan } from "../src/domain/plan-schema.js";
import { JobRunner } from "../src/jobs/job-runner.js";
import { buildServer } from "../src/server/app.js";
import type { Store } from "../src/store/index.js";
import { TEST_DATABASES } from "../test/support/databases.js";

/*
 * The operating rhythm against floors measured in the same run, on PGlite and PostgreSQL:
 * - check-ins for 1,000 metrics in one POST /checkins, as a ratio to the same 1,000 rows
 *   inserted with one plain INSERT;
 * - the weekly digest run for 1,000 people (the job claimed, each person's work computed, each
 *   mail claimed, logged and "sent" by the log transport), as a ratio to inserting the same
 *   1,000 mail-log rows with one plain INSERT.
 */

const N = 1_000;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

function planWith(n: number): Plan {
  return {
    version: 1,
    organisation: "Bench",
    cycle: { name: "2026", start: "2026-01-01", end: "2026-12-31" },
    people: Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      name: `Person ${i}`,
      email: `p${i}@bench.example`,
    })),
    teams: [],
    priorities: Array.from({ length: 10 }, (_, i) => ({
      id: `priority-${i}`,
      title: `Priority ${i}`,
      owner: `p${i}`,
      status: "committed" as const,
      reviewEvery: "30d",
    })),
    metrics: Array.from({ length: n }, (_, i) => ({
      id: `m${i}`,
      name: `Metric ${i}`,
      kind: "outcome" as const,
      direction: "up" as const,
      target: 100,
      due: "2026-12-31",
      priorities: [`priority-${i % 10}`],
      owner: `p${i}`,
    })),
  } as Plan;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function checkinBench(store: Store, round_: number): Promise<{ ours: number; floor: number }> {
  const slug = `bench-checkins-${round_}`;
  const { workspace } = await store.workspaces.replacePlan(slug, planWith(N), { actor: "bench" });
  const app = await buildServer({ store, auth: false });
  const rows = Array.from({ length: N }, (_, i) => ({
    metric: `m${i}`,
    date: "2026-09-14",
    value: i,
    note: "weekly",
  }));
  const ours = await timed(async () => {
    const res = await app.inject({
      method: "POST",
      url: `/api/v1/workspaces/${slug}/checkins`,
      payload: { checkins: rows },
    });
    if (res.statusCode !== 201) throw new Error(`check-ins: ${res.statusCode} ${res.body.slice(0, 200)}`);
  });
  await app.close();
  const floor = await timed(() =>
    store.db
      .insertInto("checkins")
      .values(
        rows.map((r) => ({
          workspace_id: workspace.id,
          metric_id: r.metric,
          date: "2026-09-15",
          value: r.value,
          note: r.note,
        })),
      )
      .execute(),
  );
  return { ours, floor };
}

async function digestBench(
  store: Store,
  round_: number,
): Promise<{ ours: number; floor: number; sent: number }> {
  const slug = `bench-digest-${round_}`;
  const { workspace } = await store.workspaces.replacePlan(slug, planWith(N), { actor: "bench" });
  const users = Array.from({ length: N }, (_, i) => ({
    id: randomUUID(),
    email: `p${i}-${round_}@bench.example`,
    name: `Person ${i}`,
    password_hash: "not-a-real-hash",
    is_admin: false,
    created_at: new Date(),
    updated_at: new Date(),
  }));
  // The plan's people carry the users' e-mails, so every digest has its person's work in it.
  await store.workspaces.change(slug, { actor: "bench" }, (draft) => {
    draft.people.forEach((p, i) => {
      p.email = users[i]?.email;
    });
  });
  await store.db.insertInto("users").values(users).execute();
  await store.db
    .insertInto("memberships")
    .values(
      users.map((u) => ({
        workspace_id: workspace.id,
        user_id: u.id,
        role: "contributor",
        created_at: new Date(),
      })),
    )
    .execute();
  let now = new Date("2026-11-25T12:00:00Z");
  const runner = new JobRunner({
    store,
    clock: { now: () => now },
    transport: { kind: "log", send: async () => undefined },
    publicUrl: "https://bench.example",
  });
  await runner.tick(); // settings created; nothing due yet
  now = new Date("2026-11-30T08:05:00Z");
  const ours = await timed(() => runner.tick());
  const sent = Number(
    (
      await store.db
        .selectFrom("mail_log")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("workspace_id", "=", workspace.id)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const floor = await timed(() =>
    store.db
      .insertInto("mail_log")
      .values(
        users.map((u) => ({
          workspace_id: workspace.id,
          user_id: u.id,
          kind: "floor",
          period: "2026-11-30",
          recipient: u.email,
          subject: "Bench: weekly digest",
          body: "x".repeat(600),
          transport: "log",
        })),
      )
      .execute(),
  );
  return { ours, floor, sent };
}

export async function run(): Promise<void> {
  for (const database of TEST_DATABASES) {
    const store = await database.open({ today: () => "2026-09-15" });
    try {
      const results: Record<string, unknown>[] = [];
      // Three rounds each; the median is reported.
      const checkins: { ours: number; floor: number }[] = [];
      const digests: { ours: number; floor: number; sent: number }[] = [];
      for (let i = 0; i < 3; i++) checkins.push(await checkinBench(store, i));
      for (let i = 0; i < 3; i++) digests.push(await digestBench(store, i));
      const median = <T extends { ours: number; floor: number }>(xs: T[]) =>
        [...xs].sort((a, b) => a.ours / a.floor - b.ours / b.floor)[1] as T;
      const c = median(checkins);
      const d = median(digests);
      results.push({
        what: `check-ins for ${N} metrics, one request`,
        ms: round(c.ours, 0),
        floorMs: round(c.floor, 1),
        ratio: round(c.ours / c.floor, 1),
      });
      results.push({
        what: `digest run for ${N} people (${d.sent} mails)`,
        ms: round(d.ours, 0),
        floorMs: round(d.floor, 1),
        ratio: round(d.ours / d.floor, 1),
      });
      console.log(
        `${database.name}: the operating rhythm vs one plain INSERT of the same rows (ratio = ours / floor)`,
      );
      console.table(results);
    } finally {
      await store.close();
      await database.cleanup();
    }
  }
}
