import { describe, expect, it } from "vitest";
import { OwnedVersions } from "./owned-versions.js";

function counter() {
  let version = 1;
  let queries = 0;
  return {
    load: async (_key: string) => {
      queries += 1;
      return version;
    },
    bump: () => {
      version += 1;
    },
    get queries() {
      return queries;
    },
  };
}

describe("OwnedVersions", () => {
  it("answers repeated reads without asking the database again", async () => {
    const db = counter();
    const versions = new OwnedVersions(db.load);
    expect(await versions.read("acme")).toBe(1);
    expect(await versions.read("acme")).toBe(1);
    expect(db.queries).toBe(1);
  });

  it("reads the new version after a write, whether it committed or failed", async () => {
    const db = counter();
    const versions = new OwnedVersions(db.load);
    await versions.read("acme");
    await versions.write(async () => db.bump());
    expect(await versions.read("acme")).toBe(2);
    await expect(
      versions.write(async () => {
        db.bump();
        throw new Error("rolled back after all");
      }),
    ).rejects.toThrow();
    expect(await versions.read("acme")).toBe(3);
  });

  it("does not remember a version read while a write was under way", async () => {
    const db = counter();
    const versions = new OwnedVersions(db.load);
    let commit!: () => void;
    const writing = versions.write(
      () =>
        new Promise<void>((resolve) => {
          commit = () => {
            db.bump();
            resolve();
          };
        }),
    );
    expect(await versions.read("acme")).toBe(1); // before the commit: the old version, rightly
    commit();
    await writing;
    expect(await versions.read("acme")).toBe(2);
  });

  it("does not remember what a read saw when a write began and ended before the read answered", async () => {
    let version = 1;
    let answer!: (v: number) => void;
    let slow = true;
    const versions = new OwnedVersions(async () => {
      if (!slow) return version;
      const seen = version; // the snapshot the query read
      return new Promise<number>((resolve) => {
        answer = () => resolve(seen);
      });
    });
    const reading = versions.read("acme");
    await versions.write(async () => {
      version = 2;
    });
    answer(1);
    expect(await reading).toBe(1); // it began before the write: the old version is right for it
    slow = false;
    expect(await versions.read("acme")).toBe(2); // and it was not remembered
  });
});
