import type { CliIO } from "../../src/cli/io.js";

/** An in-memory CliIO: files in a map, output captured, today fixed. */
export function fakeIO(files: Record<string, string> = {}, options: { today?: string; stdin?: string } = {}) {
  const store = new Map(Object.entries(files));
  const captured = { out: "", err: "" };
  const bytes = new Map<string, Uint8Array>();
  const io: CliIO = {
    out: (t) => {
      captured.out += t;
    },
    err: (t) => {
      captured.err += t;
    },
    readFile: async (path) => {
      const text = store.get(path);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
      return text;
    },
    writeFile: async (path, text, opts) => {
      if (opts?.exclusive && store.has(path))
        throw Object.assign(new Error(`EEXIST: ${path}`), { code: "EEXIST" });
      store.set(path, text);
    },
    writeBytes: async (path, data) => {
      bytes.set(path, data);
    },
    readStdin: async () => options.stdin ?? "",
    color: false,
    env: {},
    today: () => options.today ?? "2026-06-01",
  };
  return { io, captured, files: store, bytes };
}
