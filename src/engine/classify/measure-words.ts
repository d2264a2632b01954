/*
 * Word lists for judging key results and metric names (shared spec rules.md "Wording";
 * the label definitions in docs/wording.md). Each list is compiled once into one regex.
 *
 * - OUTCOME: a customer or business result — revenue and pipeline, retention and churn,
 *   conversion, usage and adoption by users, satisfaction, customer-facing availability and
 *   speed, demand (leads, trials, mentions).
 * - PEOPLE: counted customers or users ("10 accounts add a stage", "no customer waits").
 * - THROUGHPUT: a function's own work rate — merge requests, test coverage, tickets, hires,
 *   posts, events, certifications. Output even with a number.
 * - DELIVERABLE: things made — a handbook page, a playbook, a dashboard, a launch, a beta.
 * - MEASURE_TOOL: the means of measuring ("tracking", "dashboard", "survey"): building one is
 *   output even when it measures an outcome.
 * - DONE_STATE: a deliverable's finished state ("is live", "in place", "up to date").
 */
import { list, phraseRegex } from "./phrase-matcher.js";

export const OUTCOME = phraseRegex(
  list(`
  seat, paid seat, cost per, cost to serve, unit cost, unit economics,
  time to, days to, days from, hours to, minutes to, time from, share of wallet, orders,
  delivery rate, crash free, error free,
  opportunity, opportunities, opps, qualified lead, new lead, leads, adopt, adopts, invite,
  invites, renew, renews, subscribe, subscribes, log in, logs in, come back, comes back, uses,
  revenue, arr, iarr, iacv, acv, mrr, bookings, pipeline, pipeline coverage, deal, closed won,
  win rate, retention, nrr, ndr, grr, churn, contraction, expansion, renewal, upsell,
  conversion, conversion rate, convert, converts, signup, sign up, trial, activation,
  activated, adoption, usage, used more, get used, gets used, active user, active team, active
  account, weekly active, monthly active, daily active, wau, mau, dau, swau, smau, spu, stages
  per user, nps, net promoter, csat, ssat, osat, satisfaction, availability, uptime, latency,
  response time, load time, page load, apdex, downtime, mql, sql, sao, lead flow, share of
  voice, sov, awareness, traffic, visitor, download, install, tweet, testimonial, mention, mentioned,
  inquiry, inquiries, referral, margin, profit, savings, cash, ltv, cac, payback, gmv,
  transaction, paying customer, paid customer, market share, accepted, acceptance, acceptance
  rate, quota, sales plan, retained, time to value, time to first value, engagement rate,
  repeat purchase, wallet share
`),
);

/** Counted customers or users: a quantity (or "no", "every") before them. */
export const PEOPLE =
  /(?:(?:\d[\d.,]*\s?%?\+?|(?<![\p{L}])(?:no|N\d*|more|fewer|all|new|active|paying|returning))\s+(?:of\s+)?(?:(?!(?:for|to|with|in|on|at|by|from|of)\s)[\p{L}\d-]+\s+){0,4}?(?:customers|users|accounts|companies|organi[sz]ations|developers|applicants|candidates|contributors|buyers|merchants|subscribers|prospects|workspaces|tenants|design partners|stores|sites|shoppers)|(?<![\p{L}])(?:no|every)\s+(?:customer|user|account|buyer|subscriber))(?![\p{L}])/iu;

export const THROUGHPUT = phraseRegex(
  list(`
  time to merge, time to review, time to deploy, time to hire, days to hire, days to close the books,
  data pipeline, pipeline success rate, pipeline duration, ci pipeline, master pipeline,
  build pipeline, deployment pipeline, merge request pipeline, release pipeline,
  mr rate, merge request, pull request, pr, test coverage, coverage, test, flaky, ci, build
  time, deploy frequency, deployment frequency, cycle time, lead time, velocity, story point,
  ticket, bug, issue closed, commit, release, sprint, edit, certification, course, session,
  meeting, call, demo call, blog post, blog, post, article, case study, case studies, webinar,
  event, campaign, video, hire, headcount, interview, compliance, throughput, backlog, tech
  debt, technical debt, on call, okr, item, deliverable, milestone, on time, changeset,
  snapshot, button, training, trained, rotation, office hour, hackathon, podcast, talk
`),
);

export const DELIVERABLE = phraseRegex(
  list(`
  handbook, documentation, doc, docs, guide, guideline, policy, policies, process, playbook,
  plan, roadmap, template, landing page, page, website, integration, tool, toolkit, prototype,
  mock, demo, program, programme, framework, list, strategy, model, module, architecture,
  feature, capability, mvc, mvp, poc, ga, beta, alpha, launch, delivery, rfc, spec,
  specification, repo, repository, protocol, matrix, matrices, toolkit, workflow, automation,
  system, announcement, newsletter, curriculum, portal, review, audit, analysis, assessment,
  proposal, iteration, version, v1, v2, update, chart, cfp, agreement, contract, partnership,
  sponsorship, swag, report, enhancement, plumbing, refactor, upgrade, structure
`),
);

export const MEASURE_TOOL = phraseRegex(
  list(`
  measured, tracked, reported, being measured,
  measure, measurement, tracking, dashboard, report, reporting, instrumentation, telemetry,
  survey, tracker
`),
);

/** A deliverable's finished state, or a capability someone now has. */
export const DONE_STATE =
  /(?<![\p{L}])(?:in place|is live|are live|goes live|go live|up to date|up-to-date|available (?:in|on|to|for)|(?:is|are|get|gets) notified|(?:can|could)(?: be)? (?:\p{L}+ly )?\p{L}+|outlines?|contains?|includes?|documents|lists|describes|covers|explains)(?![\p{L}])/iu;

/** Hiring: output whatever the number ("Hire 3 AEs", "Meet the hiring plan", "Grow team to plan"). */
export const HIRING =
  /(?<![\p{L}])(?:hire|hiring|recruit|recruiting|headcount|grow (?:the )?(?:\p{L}+ )?team|team to plan|open (?:roles|positions))(?![\p{L}])/iu;

/** Pointers: a key result that only sends the reader to another objective. */
export const SEE_OTHER =
  /(?<![\p{L}])(?:see|refer to|per|covered (?:by|in|under)|tracked (?:in|under)|rolls? up (?:to|into)|same as)\s+(?:[^.]{0,60}?\s)?(?:objective|okr|okrs|goals?|epic|kr)(?![\p{L}])/iu;

/** Verbs that change a level: with no measure after them, the key result is vague. */
export const LEVEL_VERBS: ReadonlySet<string> = new Set(
  list(`
  increase, reduce, decrease, grow, expand, improve, raise, lower, double, triple, halve, cut,
  accelerate, boost, lift, shorten, eliminate, minimise, minimize, maximise, maximize,
  strengthen, deepen, widen, broaden, simplify, maintain, sustain, stabilise, stabilize,
  speed, scale, drive, keep, ramp
`),
);

/** The people a business serves, and their use of it: in a noun phrase, a result of theirs. */
export const SERVED = phraseRegex(
  list(`
  customer, user, client, buyer, shopper, patient, student, visitor, subscriber, merchant,
  retailer, store manager, consumer, guest, rider, driver, tenant, learner, reader, viewer,
  player, crash free, error free, per user, per customer, per account, owner, household,
  commuter, passenger, resident, homeowner, cyclist, traveller, traveler, diner, caller
`),
);

/**
 * Problems the people served run into, or their things being mended: counted, timed or
 * reported, a result of theirs ("Faults per 1000 bikes", "Repairs returned the same day").
 */
export const CUSTOMER_PROBLEM = phraseRegex(
  list(`
  fault, faults, cut out, cut outs, cutout, cutouts, breakdown, breakdowns,
  failure, failures, complaint, complaints, defect, defects, repair, repairs, outage, outages,
  stoppage, stoppages, recall, recalls, breakage, breakages, missed delivery, missed deliveries,
  late delivery, late deliveries, no show, no shows, refund, refunds
`),
);

/** A rate, time or frequency: "four days a week", "the same day", "within 48 hours", "per 1000". */
export const TIMING =
  /(?<![\p{L}])(?:(?:a|per|each|every) (?:day|week|month|quarter|year|visit|trip|ride)|same day|next day|within|per \S+|on time|first time)(?![\p{L}])/iu;

/** Use of what was built, by the people served: "Reports viewed", "Apps installed". */
export const USAGE = phraseRegex(
  list(`viewed, views, used by, installed, opened, downloaded, adopted, activated, visited`),
);

/** Prepositions a key result may open with before its verb ("In collaboration with PS, migrate …"). */
export const PREPOSITIONS: ReadonlySet<string> = new Set(
  list(`
  in, with, by, during, after, before, through, across, for, as, at, on, from, within, per
`),
);

/** Subjects that open a command-like key result ("We ship …", "The team will …"). */
export const SUBJECT_OPENER = /^(?:we|i|you|they|the team)\s+(?:will\s+|shall\s+|need to\s+)?/i;
