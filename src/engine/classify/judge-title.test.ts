import { describe, expect, it } from "vitest";
import { isSpecBareTheme, judgeTitle } from "./index.js";

/*
 * Original titles in the shapes real OKR documents use: owner prefixes ("CMO:",
 * "Platform (Search):"), area labels before a dash, sentences with a subject, bare labels.
 */

const THEMES = [
  // Labels: a noun phrase with no direction and no who.
  "Net revenue",
  "ARR",
  "CFO: Audit readiness",
  "CEO: Dependable platform",
  "VP Sales: Partner ecosystem",
  "Observability",
  "Session replay",
  "Billing",
  "Mobile readiness",
  "Developer relations and community programs",
  "Director of Security: Zero-trust foundations and tooling",
  'Objective 3: Self-hosted parity (Owner: <TeamMember name="Ana" />)',
  "#### 2. OKR [Platform resilience and foundations](https://example.com/okrs/12) => 40%",
  // Slogans: a verb of building or of no change, praising a generic object.
  "Build a world-class support team",
  "VP Eng: Build a best in class engineering organisation.",
  "Create a great place to work",
  "Develop and nurture a high-performing product culture",
  "Efficiently deliver our product vision",
  "People Ops: Continue to foster trust and belonging",
  "Support strategic accounts",
  "Get design thinking into every review",
  // Found after the first calibration, in a second batch of fresh titles.
  "Strengthen our engineering culture",
  "Be the best place to build a career",
  "CEO: Category leadership",
  "CTO: Scalable, secure infrastructure",
  "VP Marketing: Brand",
  "Security and compliance",
  "Delightful onboarding",
  "Foster a culture of experimentation",
];

const CHOICES = [
  // Direction of change.
  "CRO: Grow enterprise pipeline in EMEA",
  "Reduce churn in self-serve accounts",
  "Reducing onboarding drop-off",
  "Lower infrastructure cost per customer",
  "Make invoices predictable",
  "Make the dashboard easier to set up",
  // A number or a placeholder.
  "Sales (Mid-market): Close $N of net new ARR through 3 new resellers",
  "Reach 40% weekly retention in the mobile app",
  "Hit NRR of 115% on the quarterly method",
  // A who.
  "Help every support engineer answer within a day",
  "Make billing self-serve for small teams",
  // A sentence with a subject.
  "The Docs working group has a maintainer for every guide",
  "Site admins can upgrade without downtime",
  "Customers trust our uptime",
  "More data engineers will try the open-source edition",
  // A command with a specific object, or with a purpose or means.
  "Director of Marketing: Launch the partner referral program",
  "Implement usage-based pricing for the API tier",
  "Build the outbound engine that supports next year's quota",
  "Scale the support team to cover three time zones",
  "Become docs-first so every answer has a link",
  "Improve release quality by automating regression tests",
  "Continue to win against the incumbent in regulated industries",
  // An area label followed by the choice.
  "Agent experience – Make agents first-class API users",
  "Deduplication – Merge duplicates once, correctly",
  "CRO: Win 20 new enterprise logos in the public sector",
  "Cut time-to-first-dashboard to under a day",
  "Customer Success: Every enterprise account has a success plan",
  "Replace the legacy billing system before renewal season",
  "Make onboarding self-serve for teams under 50 seats",
  "Enter the German market with two reseller partners",
  "Stop building custom integrations for single customers",
  "Halve support backlog",
  "Product: Users find answers without contacting support",
];

describe("judgeTitle", () => {
  it.each(THEMES)("reads %j as a bare theme", (title) => {
    expect(judgeTitle(title).theme).toBe(true);
  });

  it.each(CHOICES)("reads %j as a choice", (title) => {
    expect(judgeTitle(title).theme).toBe(false);
  });

  it("keeps every title the spec's word list calls a bare theme", () => {
    for (const title of [
      "Customer Experience",
      "Growth",
      "Digital transformation",
      "Quality & efficiency",
      "Operational excellence",
    ]) {
      expect(isSpecBareTheme(title)).toBe(true);
      expect(judgeTitle(title)).toEqual({ theme: true, words: expect.any(Array) });
    }
    // Whatever the limits, the spec's reading holds.
    expect(judgeTitle("Customer experience quality", { maxLabelWords: 1, maxWeakWords: 1 }).theme).toBe(true);
    expect(judgeTitle("CEO: Growth", { maxLabelWords: 0, maxWeakWords: 0 }).theme).toBe(true);
    // Four words is beyond the spec's reading, but still a label here.
    expect(isSpecBareTheme("Customer experience and growth")).toBe(false);
    expect(judgeTitle("Customer experience and growth").theme).toBe(true);
  });

  it("says which words decided it", () => {
    expect(judgeTitle("CEO: Dependable platform").words).toEqual(["Dependable", "platform"]);
    expect(judgeTitle("Build a world-class support team").words).toEqual(["Build", "world", "class"]);
    expect(judgeTitle("Reach 40% weekly retention").words).toEqual(["40%"]);
    expect(judgeTitle("Make the dashboard easier to set up").words).toEqual(["easier"]);
    expect(judgeTitle("Make billing self-serve for small teams").words).toEqual(["self-serve"]);
    expect(judgeTitle("Help every support engineer answer").words).toEqual(["every support engineer"]);
    expect(judgeTitle("Customers trust our uptime").words).toEqual(["Customers", "trust"]);
    expect(judgeTitle("Launch the partner referral program").words).toEqual(["Launch"]);
  });

  it("reads time words as no quantity, and strips owner prefixes, links and progress", () => {
    expect(judgeTitle("Platform goals for Q3").theme).toBe(true);
    expect(judgeTitle("FY26 hiring plan").theme).toBe(true);
    expect(judgeTitle("Hiring plan for 12 engineers").theme).toBe(false);
    expect(
      judgeTitle("1. **VP Product: [Onboarding](https://example.com/epics/4)** [gitlab-com&99]").theme,
    ).toBe(true);
  });

  it("at the word limits: a long noun phrase is no longer a label, a long weak command no slogan", () => {
    expect(
      judgeTitle("Shared platform services data model and access foundations", {
        maxLabelWords: 8,
        maxWeakWords: 8,
      }).theme,
    ).toBe(true);
    expect(
      judgeTitle("Shared platform services data model and access foundations work", {
        maxLabelWords: 8,
        maxWeakWords: 8,
      }).theme,
    ).toBe(false);
    expect(judgeTitle("Support the field teams", { maxLabelWords: 10, maxWeakWords: 4 }).theme).toBe(true);
    expect(
      judgeTitle("Support the field and partner teams", { maxLabelWords: 10, maxWeakWords: 4 }).theme,
    ).toBe(false);
  });

  it("treats a noun-or-verb first word of a two-word title as a noun", () => {
    expect(judgeTitle("Release notes").theme).toBe(true);
    expect(judgeTitle("Release the notes editor").theme).toBe(false);
  });

  it("is not a theme when empty", () => {
    expect(judgeTitle("")).toEqual({ theme: false, words: [] });
    expect(judgeTitle("CEO:")).toEqual({ theme: false, words: [] });
  });
});

describe("judgeTitle: a subject with a finite verb of change and an object is a choice", () => {
  it.each([
    "Checkout removes the surprise delivery fees",
    "The thermostat app ends the cold-bedroom mornings",
    "Dispatch stops missed pickups on rural routes",
    "Support desk resolves billing questions on the first call",
    "Warehouse halves the wrong-size returns",
  ])("%s", (title) => {
    expect(judgeTitle(title).theme).toBe(false);
  });

  it("names the subject and verb, not every word", () => {
    expect(judgeTitle("Boiler firmware prevents the night-time lockouts").words).toEqual([
      "firmware",
      "prevents",
    ]);
  });

  it("keeps labels with plural nouns, and the spec's bare themes, themes", () => {
    expect(judgeTitle("Platform services").theme).toBe(true);
    expect(judgeTitle("Partner programs and operations").theme).toBe(true);
    expect(judgeTitle("Operational excellence").theme).toBe(true);
    expect(judgeTitle("Customer experience").theme).toBe(true);
  });
});
