import { describe, expect, it } from "vitest";
import { judgeKeyResult } from "./index.js";

/*
 * Metric names as plans hold them: short noun phrases. `metric-kind-doubtful` fires when a
 * metric declared outcome or business reads as output, so a customer or business result must
 * never read as output (a false accusation), while a function's own work must.
 */

const RESULTS = [
  "Median days from contract to first dashboard",
  "New customers with a live dashboard in week one",
  "Activation rate",
  "Time to first value",
  "Weekly active teams",
  "Gross margin",
  "Customer lifetime value",
  "Churned accounts",
  "Net dollar retention",
  "Checkout conversion",
  "Support satisfaction",
  "On-time delivery rate for customer orders",
  "Days to first report",
  "Self-serve signups",
  "Share of wallet",
  "Average order value",
  "Repeat purchase rate",
  "Trial starts",
  "Expansion revenue",
  "Uptime of the checkout API",
  "Apps installed from the marketplace",
  "Customer tickets per 1,000 users",
  "Crash-free sessions",
  "Students completing the course",
  "Patients seen within 48 hours",
  "Dashboard views per active user",
  "Reports viewed by store managers",
  "Renewal rate",
  "Qualified pipeline",
  "Win rate against the incumbent",
  "Deals closed",
  "Page load time p95",
  "Monthly recurring revenue",
  "Product-qualified leads",
  "Time to resolve customer incidents",
  "Partner-sourced new ARR",
  "Mid-market retail NPS",
];

const WORK = [
  "Features shipped",
  "Blog posts published",
  "Campaigns launched",
  "Tickets closed",
  "Story points completed",
  "Releases per month",
  "Engineers hired",
  "Webinars held",
  "Case studies published",
  "Integrations built",
  "Merge requests per engineer",
  "Test coverage",
  "Training sessions delivered",
  "Onboarding tasks completed",
  "Playbooks written",
  "Sales calls made",
  "Pull requests merged",
  "Documentation pages updated",
  "Bugs fixed",
  "Headcount hired against plan",
  "Mean time to merge",
];

describe("judgeKeyResult on metric names", () => {
  it.each(RESULTS)("never reads the result %j as output", (name) => {
    expect(judgeKeyResult(name).kind).not.toBe("output");
  });

  it.each(WORK)("reads the work measure %j as output", (name) => {
    expect(judgeKeyResult(name).kind).toBe("output");
  });
});
