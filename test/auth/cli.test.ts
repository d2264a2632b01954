import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { verifyPassword } from "../../src/server/auth/passwords.js";
import { hashSecret } from "../../src/server/auth/secrets.js";
import { findLiveApiToken } from "../../src/store/auth/api-tokens.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import { findUserByEmail } from "../../src/store/auth/users.js";
import { openStore } from "../../src/store/index.js";
import { fakeIO } from "../support/fake-io.js";

const dir = mkdtempSync(join(tmpdir(), "throughline-auth-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withStore<T>(work: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir: dir });
  try {
    await store.migrate();
    return await work(store);
  } finally {
    await store.close();
  }
}

describe("throughline users add", () => {
  it("creates an instance administrator with the password from stdin, hashed", async () => {
    const { io, captured } = fakeIO({}, { stdin: "a long admin password\n" });
    const code = await main(
      ["users", "add", "Root@Example.com", "--name", "Root", "--admin", "--password-stdin", "--data", dir],
      io,
    );
    expect(captured.err).toBe("");
    expect(code).toBe(0);
    expect(captured.out).toContain("Added root@example.com (Root) as an instance administrator");
    await withStore(async (store) => {
      const user = await findUserByEmail(authDb(store.db), "root@example.com");
      expect(user?.isAdmin).toBe(true);
      expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verifyPassword(user?.passwordHash ?? "", "a long admin password")).toBe(true);
    });
  });

  it("refuses a password on the command line, a short password, and a duplicate e-mail", async () => {
    const noStdin = fakeIO();
    expect(await main(["users", "add", "x@example.com", "--data", dir], noStdin.io)).toBe(2);
    expect(noStdin.captured.err).toContain("--password-stdin");
    const short = fakeIO({}, { stdin: "short" });
    expect(await main(["users", "add", "x@example.com", "--password-stdin", "--data", dir], short.io)).toBe(
      2,
    );
    expect(short.captured.err).toContain("12 to 256 characters");
    const twice = fakeIO({}, { stdin: "another long password" });
    expect(
      await main(["users", "add", "root@example.com", "--password-stdin", "--data", dir], twice.io),
    ).toBe(1);
    expect(twice.captured.err).toContain("already exists");
  });
});

describe("throughline tokens create", () => {
  it("prints a token once; only its hash is stored", async () => {
    await withStore((store) =>
      store.workspaces.createWorkspace({ slug: "acme", name: "Acme" }, { actor: "test" }),
    );
    const { io, captured } = fakeIO();
    const code = await main(
      ["tokens", "create", "--workspace", "acme", "--role", "editor", "--name", "ci", "--data", dir],
      io,
    );
    expect(code).toBe(0);
    const token = captured.out.trim();
    expect(token).toMatch(/^tl_[A-Za-z0-9_-]{43}$/);
    expect(captured.err).toContain("shown only once");
    await withStore(async (store) => {
      const stored = await findLiveApiToken(authDb(store.db), hashSecret(token));
      expect(stored).toMatchObject({ name: "ci", role: "editor" });
      const raw = await store.db.selectFrom("api_tokens").selectAll().execute();
      expect(JSON.stringify(raw)).not.toContain(token);
    });
  });

  it("refuses an unknown role or workspace", async () => {
    const badRole = fakeIO();
    expect(
      await main(["tokens", "create", "--workspace", "acme", "--role", "owner", "--data", dir], badRole.io),
    ).toBe(2);
    expect(badRole.captured.err).toContain("viewer, contributor, editor or admin");
    const noWs = fakeIO();
    expect(
      await main(["tokens", "create", "--workspace", "nowhere", "--role", "viewer", "--data", dir], noWs.io),
    ).toBe(1);
    expect(noWs.captured.err).toContain("No workspace nowhere");
  });
});
