import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/** Dependencies point inward: the engine and the domain import nothing from the outer layers. */
const ROOT = join(import.meta.dirname, "..");
const OUTER = ["plan", "store", "server", "cli", "web"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [
    ...text.matchAll(/(?:import|export)[^"']*from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1] ?? m[2]);
}

describe("layering", () => {
  for (const layer of ["domain", "engine"]) {
    it(`src/${layer} imports nothing outward and does no I/O`, () => {
      const offenders: string[] = [];
      for (const file of sourceFiles(join(ROOT, "src", layer))) {
        for (const spec of importsOf(file)) {
          const outward = OUTER.some((o) => new RegExp(`(^|/)\\.\\./(\\.\\./)*${o}(/|$)`).test(spec));
          const io = /^(node:)?(fs|fs\/promises|net|http|https|child_process|worker_threads)$/.test(spec);
          const allowedPackage = spec.startsWith(".") || spec === "zod";
          if (outward || io || !allowedPackage) offenders.push(`${relative(ROOT, file)} imports ${spec}`);
        }
      }
      expect(offenders).toEqual([]);
    });
  }
});

describe("the store's boundary", () => {
  it("the server and the command line reach the store through its index, never store/* internals", () => {
    const offenders: string[] = [];
    for (const layer of ["server", "cli"])
      for (const file of sourceFiles(join(ROOT, "src", layer)))
        for (const spec of importsOf(file))
          if (/(^|\/)store\/(?!index\.js$)/.test(spec))
            offenders.push(`${relative(ROOT, file)} imports ${spec}`);
    expect(offenders).toEqual([]);
  });
});
