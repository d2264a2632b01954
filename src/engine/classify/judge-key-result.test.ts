import { describe, expect, it } from "vitest";
import { judgeKeyResult, type KeyResultKind } from "./index.js";

/*
 * Original key results in the shapes real OKR documents use ("Role KR:" prefixes,
 * "`P1` - @owner -" lines, links, "=> 80%" progress notes), and metric names as a plan
 * holds them.
 */

const CASES: Record<KeyResultKind, string[]> = {
  outcome: [
    "Grow self-serve ARR from $1.2M to $1.8M",
    "Net revenue retention above 112% for mid-market accounts",
    "VP Sales KR: Q3 enterprise pipeline at 3x target",
    "Reduce logo churn in the SMB segment to under 2% a month",
    "Increase trial-to-paid conversion rate by 15%",
    "WAU of the desktop app grows by 40%",
    "35% of new workspaces invite a second member within 7 days",
    "12 design partners adopt the new editor weekly",
    "No customer waits more than 4 hours for a first reply",
    "p95 page load time under 1.5s for EU customers",
    "99.9% availability of the public API",
    "CSAT for billing tickets > 92%",
    "NPS from admins rises from 31 to 40",
    "Drive $400k in incremental expansion revenue",
    "Deliver $150,000 of annual savings on cloud spend",
    "Generate 60 qualified opportunities from the partner channel",
    "MQL to SAO conversion rate of 18% in the Americas",
    "Reach $N in new IARR",
    "N4 active users of the mobile beta",
    "`P0` - @lee - 5+ new contributors merge a second pull request",
    "Weekly active teams",
    "Net revenue retention",
    "Time to first value",
    "Search latency",
    // Found after the first calibration, in a second batch of fresh key results.
    "Increase paid seats in existing accounts by 25%",
    "Cut cloud cost per tenant by 20%",
    "Reduce time-to-first-dashboard from 9 days to 2",
    "Customer Success KR: Gross retention at or above 92%",
    "$X in partner-sourced pipeline",
    "Support churn drops below 3%",
    "NPS above 45 among admins",
  ],
  output: [
    "Hire 2 solutions engineers for the APAC region",
    "Meet the hiring plan for platform",
    "Grow team to plan (+2 backend, +1 designer)",
    "Publish the annual state-of-the-industry report",
    "Ship the new onboarding checklist to all workspaces",
    "Launch the referral program in the partner portal",
    "Complete the SOC 2 readiness assessment",
    "Identify the 5 biggest reasons trials stall",
    "Document the incident review process in the handbook",
    "Increase merge request rate from 8 to 10 per engineer",
    "Raise frontend test coverage from 40% to 60%",
    "Cut CI pipeline duration from 38 to 20 minutes",
    "Flaky tests are quarantined within 1 day",
    "Close 150 support tickets per week",
    "Run 4 customer webinars",
    "Publish 6 blog posts on the migration guide",
    "100% of managers complete the feedback training",
    "Dashboard tracking weekly active teams is live",
    "Deliver retention tracking with daily refresh",
    "Onboarding runbook in place for every region",
    "Handbook page lists every escalation path",
    "Admins can export audit logs as CSV",
    "GA of the workflow builder",
    "Redesigned pricing page",
    "CI/CD: 3 Beta and 2 GA features for pipelines",
    "Director of Support KR: Set up a weekly triage rotation => DONE",
    "PX - @??? - Write the contributor guide for the plugin API",
    "Features shipped",
    "Campaigns launched",
    "Blog posts published",
    "Tickets closed",
    "Roll out SSO to all enterprise customers",
    "Hire a Head of Partnerships",
    "Refactor the billing service",
    "Host 3 community meetups",
    "Define the pricing for the Teams tier",
    "Launch in 2 new regions",
    "Migrate 80% of customers to the new API",
    "All squads run weekly demos",
  ],
  vague: [
    "Improve reliability of nightly imports",
    "Increase collaboration between design and engineering",
    "Make release notes clearer",
    "Ensure security reviews are properly prioritized",
    "Everyone feels ownership of quality",
    "We no longer rely on spreadsheets for planning",
    "Successful kickoff of the new partner council",
    "Better alignment across regions",
    "Improve team morale",
  ],
  placeholder: [
    "TBD",
    "$X",
    "X",
    "from X to Y",
    "[N13]",
    "XXX",
    "TBD: key result for the hiring survey",
    "N<sub>3</sub>",
    "@???",
  ],
  pointer: [
    "See the Platform reliability objective",
    "Ops - See Compete on price objective",
    "Create: Compete with the incumbent",
    "Data: AI goals",
    "Growth Section: Engineering efficiency",
    "Refer to the Security team's OKRs",
  ],
};

describe("judgeKeyResult", () => {
  for (const [kind, texts] of Object.entries(CASES)) {
    it.each(texts)(`reads %j as ${kind}`, (text) => {
      expect(judgeKeyResult(text).kind).toBe(kind);
    });
  }

  it("says which words decided it", () => {
    expect(judgeKeyResult("Hire 2 solutions engineers").words).toEqual(["Hire"]);
    expect(judgeKeyResult("Publish the annual report").words).toEqual(["Publish"]);
    expect(judgeKeyResult("Increase trial-to-paid conversion rate by 15%").words).toEqual([
      "Increase",
      "trial",
    ]);
    expect(judgeKeyResult("99.9% availability of the public API").words).toEqual(["availability", "99.9%"]);
    expect(judgeKeyResult("Raise frontend test coverage from 40% to 60%").words).toEqual([
      "Raise",
      "test coverage",
    ]);
    expect(judgeKeyResult("Features shipped").words).toEqual(["Features"]);
    expect(judgeKeyResult("Improve reliability of nightly imports").words).toEqual(["Improve"]);
    expect(judgeKeyResult("from X to Y").words).toEqual(["from X to Y"]);
    expect(judgeKeyResult("TBD: key result for the hiring survey").words).toEqual(["TBD"]);
    expect(judgeKeyResult("Data: AI goals").words).toEqual(["Data", "AI goals"]);
  });

  it("hiring is output even when a business result is named", () => {
    expect(judgeKeyResult("Grow the sales team to support $2M of new ARR").kind).toBe("output");
    expect(judgeKeyResult("Grow the sales team to support $2M of new ARR").words).toEqual([
      "Grow the sales team",
    ]);
    expect(judgeKeyResult("Grow new ARR to $2M").kind).toBe("outcome");
  });

  it("a placeholder number does not hide what is measured", () => {
    expect(judgeKeyResult("Reach $X in expansion ARR").kind).toBe("outcome");
    expect(judgeKeyResult("XXX new design partners sign up").kind).toBe("outcome");
    expect(judgeKeyResult("Publish X case studies").kind).toBe("output");
  });

  it("leans to outcome when a result verb moves a business result", () => {
    // The boundary: the same verb with a deliverable, or with no number, is output.
    expect(judgeKeyResult("Deliver $150,000 of annual savings").kind).toBe("outcome");
    expect(judgeKeyResult("Deliver the savings report").kind).toBe("output");
    expect(judgeKeyResult("Deliver savings").kind).toBe("output");
    expect(judgeKeyResult("Create 40 qualified opportunities").kind).toBe("output");
  });

  it("a data pipeline is not a sales pipeline; pipeline coverage is", () => {
    expect(judgeKeyResult("Reduce data pipeline failures to 2 a week").kind).toBe("output");
    expect(judgeKeyResult("Reach pipeline coverage of 4x").kind).toBe("outcome");
  });

  it("recognises a key result that restates its objective as a pointer", () => {
    const objective = "Win against the incumbent with AI";
    expect(judgeKeyResult("Win against the incumbent with AI", { objective }).kind).toBe("pointer");
    expect(judgeKeyResult("Win against the incumbent with AI").kind).not.toBe("pointer");
    expect(judgeKeyResult("Increase AI feature adoption to 30%", { objective }).kind).toBe("outcome");
  });

  it("reads only the first 400 characters: a line, not a page, however long the input", () => {
    expect(judgeKeyResult(`Improve reliability of imports${" ".repeat(400)} to 20% more revenue`).kind).toBe(
      "vague",
    );
    expect(judgeKeyResult(`Improve reliability of imports to 20% more revenue`).kind).toBe("outcome");
    expect(judgeKeyResult("[".repeat(100_000)).kind).toBe("vague");
  });

  it("reads an empty text as vague", () => {
    expect(judgeKeyResult("")).toEqual({ kind: "vague", words: [] });
    expect(judgeKeyResult("KR:")).toEqual({ kind: "vague", words: [] });
  });
});

describe("judgeKeyResult: customer-side metric names are outcomes, not output", () => {
  // Each of these was judged output (a false metric-kind-doubtful accusation) before: the
  // count word, the plural noun read as a command, or "reported" decided it.
  it.each([
    ["Tenants paying rent on the first of the month three months in a row", "three"],
    ["Commuters catching the early train five days a week", "five"],
    ["Passengers travelling with us twice a month or more", "twice"],
  ])("people served with a rate or a count: %s", (text) => {
    expect(judgeKeyResult(text).kind).toBe("outcome");
  });

  it.each([
    "Boiler breakdowns per 500 homes from X to Y",
    "Dishwasher faults per 1000 machines",
    "Refunds issued within 24 hours",
    "Washing-machine repairs returned within two days",
    "Frozen-pipe complaints reported",
    "Missed deliveries reported by households",
  ])("customer problems counted, timed or reported: %s", (text) => {
    expect(judgeKeyResult(text).kind).toBe("outcome");
  });

  it("says which words decided it", () => {
    expect(judgeKeyResult("Heating faults reported").words).toEqual(["faults", "reported"]);
    expect(judgeKeyResult("Customers returning four times a year").words).toContain("Customers");
  });

  it("still reads the team's work as output", () => {
    expect(judgeKeyResult("Launch the landlord self-service portal").kind).toBe("output");
    expect(judgeKeyResult("Repair 40 returned bikes").kind).toBe("output");
    expect(judgeKeyResult("Fixes shipped to staging").kind).toBe("output");
    expect(judgeKeyResult("Publish 12 blog posts about winter cycling").kind).toBe("output");
    expect(judgeKeyResult("Complaints dashboard shipped").kind).toBe("output");
  });
});
