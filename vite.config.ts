import { defineConfig } from "vite";

// The web app: src/web, built into dist/web, which `throughline serve` serves.
export default defineConfig({
  root: "src/web",
  base: "/",
  build: { outDir: "../../dist/web", emptyOutDir: true, sourcemap: false },
  oxc: { jsx: { runtime: "automatic" } },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
