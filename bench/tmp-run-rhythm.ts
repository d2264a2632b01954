import { run } from "./rhythm-bench.js";
await run();
process.exit(0);
