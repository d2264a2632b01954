export const DIMENSION_TITLE: Record<string, string> = {
  ownership: "Ownership",
  focus: "Focus",
  capacity: "Capacity",
  measurement: "Measurement",
  timelines: "Timelines",
  learning: "Learning",
  reviews: "Reviews",
  "operating-model": "Operating model",
};

export const SEVERITY_LABEL: Record<string, string> = { error: "Error", warning: "Warning", info: "Info" };

/** A priority as the web app holds it: enough to find which one a resistance item belongs to. */
interface PriorityRef {
  id: string;
  resistance?: unknown;
}

function holdsResistance(priority: PriorityRef, id: string): boolean {
  return (
    Array.isArray(priority.resistance) &&
    priority.resistance.some((r: { id?: unknown } | null) => r?.id === id)
  );
}

/**
 * Where a finding's subject lives in the app, for every subject type the engine reports
 * (test/web-subject-links.test.ts checks each against the app's routes). A resistance item
 * lives on its priority's page; `priorities` finds which.
 */
export function subjectHref(
  ws: string,
  subject: { type: string; id: string },
  priorities: readonly PriorityRef[] = [],
): string {
  const id = encodeURIComponent(subject.id);
  switch (subject.type) {
    case "plan":
      return `/w/${ws}/map`;
    case "priority":
      return `/w/${ws}/priorities/${id}`;
    case "team":
      return `/w/${ws}/capacity#team-${id}`;
    case "promise":
      return `/w/${ws}/promises#promise-${id}`;
    case "insight":
    case "decision":
      return `/w/${ws}/insights#${subject.type}-${id}`;
    case "stop":
      return `/w/${ws}/stops#stop-${id}`;
    case "resistance": {
      const owner = priorities.find((p) => holdsResistance(p, subject.id));
      return owner
        ? `/w/${ws}/priorities/${encodeURIComponent(owner.id)}#resistance-${id}`
        : `/w/${ws}/entries/priorities`;
    }
    default:
      return `/w/${ws}/edit/${sectionOf(subject.type)}/${id}`;
  }
}

/** How a link to a finding's subject reads ("Open priority", "Open the strategy map"). */
export function subjectLinkLabel(type: string): string {
  if (type === "plan") return "Open the strategy map";
  if (type === "resistance") return "Open its priority";
  return `Open ${type}`;
}

export function sectionOf(type: string): string {
  const map: Record<string, string> = {
    person: "people",
    team: "teams",
    priority: "priorities",
    metric: "metrics",
    initiative: "initiatives",
    stop: "stops",
    promise: "promises",
    insight: "insights",
    decision: "decisions",
    review: "reviews",
  };
  return map[type] ?? "priorities";
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Who an owner picker starts on: the person the finding suggests when they are in the list,
 * else nobody (the reader chooses; the first name in the list is no suggestion).
 */
export function initialOwner(people: readonly { id: string }[], suggested: unknown): string {
  return typeof suggested === "string" && people.some((p) => p.id === suggested) ? suggested : "";
}
