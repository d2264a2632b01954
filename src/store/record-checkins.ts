import type { CheckinRow } from "../domain/checkins.js";
import { AppError, type Problem } from "../domain/errors.js";
import type { Checkin } from "../domain/plan-schema.js";
import type { WorkspaceStore } from "./workspace-store.js";

export interface RecordedCheckins {
  recorded: number;
  /** The metrics that received check-ins, in the order first named. */
  metrics: string[];
  workspaceVersion: number;
}

/**
 * Records many check-ins in one transaction (the check-in form, an uploaded sheet): all of
 * them or none. A row naming a metric the workspace does not have is a 422 naming the row;
 * the whole plan is validated as for every write, so a bad row changes nothing.
 */
export async function recordCheckins(
  workspaces: WorkspaceStore,
  slug: string,
  rows: readonly CheckinRow[],
  options: { actor: string },
): Promise<RecordedCheckins> {
  const touched = new Set<string>();
  await workspaces.change(slug, { actor: options.actor }, (draft) => {
    const metrics = new Map((draft.metrics ?? []).map((m) => [m.id, m]));
    const problems: Problem[] = [];
    rows.forEach((row, i) => {
      if (!metrics.has(row.metric))
        problems.push({
          path: ["checkins", i, "metric"],
          message: `no metric "${row.metric}" in this workspace`,
        });
    });
    if (problems.length)
      throw new AppError("invalid_request", "Some check-ins name no metric; nothing was recorded", {
        problems,
      });
    for (const row of rows) {
      const metric = metrics.get(row.metric);
      if (!metric) continue;
      const checkin: Checkin = { date: row.date, value: row.value };
      if (row.note !== undefined && row.note.trim() !== "") checkin.note = row.note;
      metric.checkins ??= [];
      metric.checkins.push(checkin);
      touched.add(row.metric);
    }
  });
  const ws = await workspaces.workspaceVersion(slug);
  return { recorded: rows.length, metrics: [...touched], workspaceVersion: ws.version };
}
