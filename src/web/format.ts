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

/** Where a finding's subject lives in the app. */
export function subjectHref(ws: string, subject: { type: string; id: string }): string {
  switch (subject.type) {
    case "priority":
      return `/w/${ws}/priorities/${subject.id}`;
    case "team":
      return `/w/${ws}/capacity#team-${subject.id}`;
    case "promise":
      return `/w/${ws}/promises#promise-${subject.id}`;
    case "insight":
    case "decision":
      return `/w/${ws}/insights#${subject.type}-${subject.id}`;
    case "stop":
      return `/w/${ws}/stops#stop-${subject.id}`;
    default:
      return `/w/${ws}/edit/${sectionOf(subject.type)}/${subject.id}`;
  }
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
