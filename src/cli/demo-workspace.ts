import { readFileSync } from "node:fs";
import { join } from "node:path";
import { todayUtc } from "../domain/primitives.js";
import { loadPlan } from "../plan/load-plan.js";
import { redateToToday } from "../plan/shift-dates.js";
import type { Store } from "../store/index.js";
import { PACKAGE_ROOT } from "./package-root.js";

export const DEMO_PLAN = join(PACKAGE_ROOT, "examples", "acme.yaml");

/**
 * Loads the Acme example as the `demo` workspace, re-dated so that the day it was written as of
 * is today (docs/decisions.md): the actions the app stamps with today's date then count.
 */
export async function loadDemoWorkspace(store: Store, today: string = todayUtc()): Promise<boolean> {
  if (await store.workspaces.findWorkspace("demo")) return false;
  const loaded = loadPlan(readFileSync(DEMO_PLAN, "utf8"), { fileName: DEMO_PLAN });
  if (!loaded.ok) return false;
  await store.workspaces.replacePlan("demo", redateToToday(loaded.plan, today), { actor: "demo" });
  return true;
}
