/**
 * Bundles the command line (dist/cli/main.js, compiled by tsc) into dist/cli-bundle/, which
 * bin/throughline.js runs. Node 20 has no module compile cache, so loading the many small
 * modules of our code, zod, js-yaml and commander one by one was a large share of a `lint` of
 * a small plan (docs/decisions.md quotes the benchmark before and after). Code only `serve`, `import`, `users` and
 * `tokens` need (the store, the server) stays in chunks loaded on demand, and the packages
 * they use stay external. See docs/decisions.md, "Build".
 */
import { readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

const ROOT = new URL("../", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", ROOT), "utf8"));
// What lint, explain and init load is bundled; every other dependency stays a package.
const BUNDLED = new Set(["zod", "js-yaml", "commander"]);
const outdir = new URL("dist/cli-bundle/", ROOT).pathname;

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [new URL("dist/cli/main.js", ROOT).pathname],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: Object.keys(manifest.dependencies).filter((name) => !BUNDLED.has(name)),
  // commander is CommonJS: its require() of node built-ins needs a real require.
  banner: {
    js: "import { createRequire as __tlRequire } from 'node:module'; const require = __tlRequire(import.meta.url);",
  },
  logLevel: "warning",
});
