import { addDays } from "../domain/primitives.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2026-12-02` → `Dec 2026`. */
function monthYear(date: string): string {
  return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** The same day a year later, less one day (`2026-12-02` → `2027-12-01`; 29 February → 28 February). */
function yearLater(date: string): string {
  const next = `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
  return addDays(next.endsWith("-02-29") ? next.replace(/29$/, "28") : next, -1);
}

/**
 * The commented starter plan `throughline init` writes. It is a valid plan (a test lints it),
 * small enough to read in a minute, and each comment says what the section is for. Its cycle
 * starts on the day it is written and runs a year, and every other date sits inside it, so a
 * plan linted the day it is written warns about nothing being overdue.
 */
export function starterPlan(today: string): string {
  const start = today;
  const end = yearLater(today);
  const d = (days: number) => addDays(start, days);
  return `# A Throughline plan: your strategy as data. Format: version 1.
# Run \`throughline lint ${"plan.yaml"}\` to see where the organisation is not set up to carry it,
# and \`throughline explain RULE\` for any rule it reports.
version: 1
organisation: Example Co

# The strategy horizon being executed. Add \`asOf: ${d(90)}\` to analyse as of a fixed day.
cycle:
  name: ${monthYear(start)} – ${monthYear(end)}
  start: ${start}
  end: ${end}

# The people who own priorities, initiatives and changes (ids: lowercase letters, digits, hyphens).
people:
  - id: ceo
    name: Chris Example
  - id: head-of-product
    name: Pat Product
    team: product

# Functions and teams, with the full-time equivalents (FTE) they have in the cycle,
# and the scorecard each is measured on (metric ids with relative weights).
teams:
  - id: product
    name: Product & Engineering
    capacity: 20
    scorecard:
      - metric: onboarding-time
        weight: 3
      - metric: releases
        weight: 1

# Few, owned, trade-off-making priorities. One owner each: a person, not a committee.
priorities:
  - id: faster-onboarding
    title: New customers productive in their first week
    owner: head-of-product
    segment: Mid-market teams of 20-200 people
    outcome: A new customer runs their first report within 5 days
    rightToWin: We already own the data connectors these customers use
    reviewEvery: 30d
    # Where will the current system resist, and what changes answer it?
    resistance:
      - id: feature-velocity-incentive
        area: incentives
        description: Product is still rewarded for the number of features shipped
        change:
          kind: performance-measurement
          description: Weight the product scorecard on onboarding time
          owner: ceo
          due: ${d(90)}
          status: planned

# Metrics: outcome (customers), business (revenue, retention), output (things produced),
# efficiency (speed or cost). Link them to the priorities they evidence.
metrics:
  - id: onboarding-time
    name: Median days to first report
    kind: outcome
    unit: days
    direction: down
    baseline: 21
    target: 5
    due: ${end}
    priorities: [faster-onboarding]
    checkins: []
  - id: releases
    name: Releases shipped
    kind: output
    direction: up

# The work, and how much of each team it takes (FTE).
initiatives:
  - id: guided-setup
    title: Guided setup wizard
    owner: head-of-product
    priorities: [faster-onboarding]
    allocation:
      product: 6

# What you formally stopped to make room. Nothing stopped means new work piles on old.
stops:
  - id: stop-custom-themes
    what: Custom report themes
    priority: faster-onboarding
    decided: ${start}
    effective: ${d(14)}
    frees:
      product: 2

# Optional sections: promises (cross-functional customer promises with milestones),
# insights (what you learn about customers), decisions (citing insights as evidence),
# reviews (the three questions asked of every initiative). See the plan format docs.
promises: []
insights: []
decisions: []
reviews: []

# Per-rule settings: turn a rule off, change its severity, or tune its thresholds.
rules:
  too-many-priorities: { max: 5 }
`;
}
