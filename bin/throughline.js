#!/usr/bin/env node
// The command line, compiled and bundled into dist/ by `npm run build` (which `npm install` runs).
import { main } from "../dist/cli-bundle/main.js";

process.exitCode = await main(process.argv.slice(2));
