import { examplePlan } from "./test/support/acme.js";
import { proposeMoves } from "./src/engine/moves/propose-moves.js";
import { describeChange } from "./src/domain/plan-change.js";
const r = proposeMoves(examplePlan());
console.log(r.before.overall, "->", r.after.overall);
for (const m of r.moves) console.log(m.actions.map(describeChange).join("; "), JSON.stringify(m.freed), m.closes.map((f) => f.rule + ":" + f.subject.id).join(","), "opens", m.opens.map((f) => f.rule + ":" + f.subject.id).join(","), m.indexAfter);
