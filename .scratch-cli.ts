import { main } from "./src/cli/main.js";
import { processIO } from "./src/cli/io.js";
process.exitCode = await main(process.argv.slice(2), processIO());
