/*
 * What the stop list can honestly say about a stop on the analysis day (pure, tested in node).
 * "Yes" only when the stop has taken effect and the initiative it names is no longer live and
 * holds no allocation; otherwise say what is actually known.
 */

interface StopLike {
  initiative?: string | null;
  decided: string;
  effective: string;
}
interface InitiativeLike {
  id: string;
  title?: string;
  status?: string | null;
  allocation?: Record<string, number | undefined> | null;
}

export type StopStatus =
  | { kind: "not-enforced" }
  | { kind: "not-decided"; decided: string }
  | { kind: "not-yet"; effective: string; initiative?: string }
  | { kind: "no-initiative"; effective: string }
  | { kind: "stopped"; initiative: string; status: string };

const LIVE = new Set(["active", "paused"]);

export function stopStatus(
  stop: StopLike,
  initiatives: readonly InitiativeLike[],
  asOf: string,
  notEnforced: boolean,
): StopStatus {
  if (notEnforced) return { kind: "not-enforced" };
  const initiative = stop.initiative ? initiatives.find((i) => i.id === stop.initiative) : undefined;
  const name = initiative?.title ?? stop.initiative ?? undefined;
  if (stop.decided > asOf) return { kind: "not-decided", decided: stop.decided };
  if (stop.effective > asOf)
    return { kind: "not-yet", effective: stop.effective, ...(name ? { initiative: name } : {}) };
  if (!initiative || !name) return { kind: "no-initiative", effective: stop.effective };
  const status = initiative.status ?? "active";
  const holds = Object.values(initiative.allocation ?? {}).some((fte) => (fte ?? 0) > 0);
  // The analysis reports a live or still-staffed initiative (stop-not-enforced); this is a fallback.
  if (LIVE.has(status) || holds) return { kind: "not-enforced" };
  return { kind: "stopped", initiative: name, status };
}

/** The words the stop list shows for a status (the not-enforced case shows its finding instead). */
export function stopStatusText(status: StopStatus): string {
  switch (status.kind) {
    case "not-enforced":
      return "No — still staffed";
    case "not-decided":
      return `Not decided yet on the analysis day (decided ${status.decided})`;
    case "not-yet":
      return status.initiative
        ? `Not yet — takes effect ${status.effective}; ${status.initiative} runs until then`
        : `Not yet — takes effect ${status.effective}`;
    case "no-initiative":
      return `In effect since ${status.effective}; it names no initiative, so there is nothing to check`;
    case "stopped":
      return `Yes — ${status.initiative} is ${status.status} and holds no allocation`;
  }
}
