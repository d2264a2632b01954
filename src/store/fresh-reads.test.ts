import { describe, expect, it } from "vitest";
import { FreshReads } from "./fresh-reads.js";

/** A fake database: a value that writes change, and queries the test finishes by hand. */
function fakeDatabase() {
  let value = 0;
  const queries: { snapshot: number; finish: () => void }[] = [];
  const load = (_key: string) =>
    new Promise<number>((resolve) => {
      // A query sees what was committed when it began.
      const snapshot = value;
      queries.push({ snapshot, finish: () => resolve(snapshot) });
    });
  return {
    load,
    queries,
    write: () => {
      value += 1;
    },
    async finish(index: number) {
      queries[index]?.finish();
      await new Promise((r) => setImmediate(r));
    },
  };
}

describe("FreshReads", () => {
  it("gives a read that arrives during a query the result of a later query, not the running one", async () => {
    const db = fakeDatabase();
    const reads = new FreshReads(db.load);
    const first = reads.read("acme");
    db.write(); // committed after the first query began, before the second read arrived
    const second = reads.read("acme");
    await db.finish(0);
    expect(await first).toBe(0);
    expect(db.queries).toHaveLength(2);
    await db.finish(1);
    expect(await second).toBe(1);
  });

  it("serves every read queued behind a running query with one shared query", async () => {
    const db = fakeDatabase();
    const reads = new FreshReads(db.load);
    const first = reads.read("acme");
    const waiting = Array.from({ length: 10 }, () => reads.read("acme"));
    await db.finish(0);
    await db.finish(1);
    expect(await first).toBe(0);
    expect(await Promise.all(waiting)).toEqual(Array(10).fill(0));
    expect(db.queries).toHaveLength(2);
  });

  it("keeps keys apart and queries again once nothing is running", async () => {
    const db = fakeDatabase();
    const reads = new FreshReads(db.load);
    const a = reads.read("a");
    const b = reads.read("b");
    expect(db.queries).toHaveLength(2);
    await db.finish(0);
    await db.finish(1);
    await Promise.all([a, b]);
    db.write();
    const later = reads.read("a");
    await db.finish(2);
    expect(await later).toBe(1);
  });

  it("passes a failed query's error to its readers and still runs the queued query", async () => {
    let calls = 0;
    const reads = new FreshReads(async () => {
      calls += 1;
      if (calls === 1) throw new Error("connection lost");
      return calls;
    });
    const first = reads.read("acme");
    const second = reads.read("acme");
    await expect(first).rejects.toThrow("connection lost");
    expect(await second).toBe(2);
  });
});
