/*
 * Verb lists for the wording classifiers, in base form; `verbClass` also recognises their
 * inflections ("reducing", "shipped", "publishes", "re-launched"). The classes:
 *
 * - direction: a change in a level (increase, reduce, grow, win, retain…). In a title it is a
 *   choice; in a key result it makes an outcome when the thing changed is a customer or
 *   business result.
 * - output (strict): work whose product is a document, an analysis, a hire or an activity
 *   (hire, publish, document, identify, train…). A key result led by one is output even when a
 *   business word follows ("Identify the top 3 reasons customers churn").
 * - output (general): building and shipping (ship, launch, deliver, build, implement…). Output
 *   unless the object is a business result with a number ("Deliver $250k of savings").
 * - weak: verbs that name no change (support, foster, continue, get…): a short title led by
 *   one, with no who and no number, is still a slogan.
 * - slogan: verbs whose object decides ("Build a world class team" vs "Build the lead engine
 *   that supports 4x growth").
 */
import { list } from "./phrase-matcher.js";

export type VerbClass = "direction" | "strict" | "general" | "weak";

const DIRECTION = list(`
  increase, reduce, decrease, grow, expand, improve, raise, lower, double, triple, quadruple,
  halve, cut, accelerate, boost, lift, shorten, eliminate, minimise, minimize, maximise,
  maximize, drive, reach, hit, achieve, exceed, beat, win, gain, retain, convert, save, speed,
  scale, strengthen, deepen, widen, broaden, simplify, maintain, sustain, stabilise,
  stabilize, protect, capture, close, generate, attract, acquire, land, enter, dominate,
  outperform, compete, move, ramp, earn, sell, renew, upsell, monetise, monetize, recover,
  prevent, avoid, shrink, limit, halt, keep, meet, surpass, doubling, tripling, lead,
  overtake, turn, return
`);

const STRICT = list(`
  hire, recruit, publish, write, author, document, identify, assess, analyse, analyze, review,
  plan, define, design, research, survey, interview, train, certify, hold, host, attend,
  organise, organize, compile, collect, present, communicate, share, refine, formalise,
  formalize, standardise, standardize, audit, test, pilot, prototype, draft, propose,
  evaluate, investigate, explore, track, measure, report, dogfood, migrate, refactor, upgrade,
  instrument, onboard, map, scope, benchmark, baseline, outline, sponsor, announce, schedule,
  conduct, perform, educate, facilitate, coordinate, consolidate, update, revamp, reboot,
  assign, determine, validate, verify, study, prepare, run, finalise, finalize, select,
  interview, recruit, enroll, enrol, rebuild, redesign, rewrite, deprecate, remove, retire,
  archive, clean, triage, label, tag, translate, record, film, speak, submit, file, negotiate,
  sign, contract, budget, forecast, model, price, mentor, coach, teach, distribute, send,
  email, post, tweet, blog, attribute, calculate, estimate, list, inventory, catalog,
  catalogue, gather, dogfood, localise, certify, graduate
`);

const GENERAL = list(`
  ship, launch, deliver, complete, create, build, implement, establish, develop, release,
  roll, rollout, deploy, enable, introduce, add, start, begin, execute, finish, make, provide,
  produce, install, integrate, automate, configure, fix, resolve, set, setup, open, activate,
  offer, expose, extend, port, support, adopt, initiate, kick, stand, spin, streamline,
  diversify, evolve, optimise, optimize, rework, replace, upstream, merge, split, unify,
  connect, surface, allow, let, give, bring, put, invest, hand, transition, localise,
  localize, secure, harden, modernise, modernize, repair, address, deflect, tackle, handle,
  operationalise, operationalize, productise, productize, package, pay, group, work, take,
  help, use, try, ensure, go, pick
`);

const WEAK = list(`
  support, foster, nurture, cultivate, embrace, champion, promote, evangelise, evangelize,
  continue, kick, get, become, be, have, focus, prioritise, prioritize, align, encourage,
  inspire, empower, celebrate, pursue, leverage, invest, strive, aim, aspire, embody, nurture,
  uphold, unlock, enhance, ensure, help
`);

/** Verbs a title's object decides about: "Build a better product" is a slogan. */
export const SLOGAN_VERBS: ReadonlySet<string> = new Set(
  list(`
  build, develop, create, become, be, make, establish, deliver, evangelize, evangelise,
  foster, nurture, cultivate, get, have, drive, enable, strengthen, enhance, improve, continue
`),
);

/**
 * Words that are nouns as often as verbs: as the first word of a two-word title they are read
 * as nouns ("Release context", "Issue enrichment"), never as a command.
 */
export const NOUN_FIRST: ReadonlySet<string> = new Set(
  list(`
  share, time, day, cost, order, sale, view, visit, return,
  release, issue, support, report, plan, process, design, test, change, review, launch,
  record, focus, scale, experience, market, contact, access, control, service, update,
  upgrade, survey, finance, fund, partner, price, budget, model, trust, value, group, pilot,
  map, document, track, measure, benchmark, audit, interview, sponsor, host, post, blog,
  train, drive, cut, lift, project, program, target, forecast, hire, file, list, label, tag,
  contract, sign, return, turn, lead, land, open, offer, stand, spin, split, package, catalog,
  inventory, email, setup, rollout, research, study, outline, baseline, schedule, transition,
  address, handle, surface, security, quality, growth, search, alert, alerting, billing,
  pricing, grouping, onboarding, hiring, training, marketing, engineering, reporting,
  planning, testing, tracking, monitoring, logging, routing, scaling, branding, sales,
  mentoring, recruiting
`),
);

/** Finite verbs after a subject ("Customers renew", "The roadmap is public"): a sentence. */
export const FINITE: ReadonlySet<string> = new Set(
  list(`
  is, are, was, were, has, have, had, will, would, can, could, should, must, shall, does, do,
  gets, feel, feels, know, knows, understand, understands, love, loves, use, uses, trust,
  trusts, goes, go, see, sees, find, finds, becomes, reaches, grows, scales, adopt, adopts,
  choose, chooses, prefer, prefers, rely, relies, renew, renews, return, returns, buy, buys,
  pay, pays, stay, stays, recommend, recommends, get, take, takes, contribute, contributes,
  add, adds, begin, begins, outlines, contains, documents, allows, enables, lets, supports,
  increases, decreases, improves, drops, falls, rises, moves, ships, runs, works, live, lives
`),
);

const CLASS = new Map<string, VerbClass>();
// Later lists do not overwrite earlier ones: direction wins over output, output over weak.
for (const [list, cls] of [
  [DIRECTION, "direction"],
  [STRICT, "strict"],
  [GENERAL, "general"],
  [WEAK, "weak"],
] as const) {
  for (const v of list) if (!CLASS.has(v)) CLASS.set(v, cls);
}
// "support", "invest" and "kick off" name no change: weak first, whatever list also holds them.
for (const v of ["support", "invest", "kick", "continue", "get", "enhance", "ensure", "help"])
  CLASS.set(v, "weak");

/** Irregular past forms of listed verbs. */
const IRREGULAR = new Map([
  ["built", "build"],
  ["held", "hold"],
  ["written", "write"],
  ["wrote", "write"],
  ["sent", "send"],
  ["won", "win"],
  ["made", "make"],
  ["sold", "sell"],
  ["kept", "keep"],
  ["met", "meet"],
  ["led", "lead"],
  ["begun", "begin"],
  ["began", "begin"],
  ["given", "give"],
  ["brought", "bring"],
  ["rebuilt", "rebuild"],
  ["rewritten", "rewrite"],
  ["grown", "grow"],
  ["grew", "grow"],
  ["done", "complete"],
  ["shipped", "ship"],
  ["planned", "plan"],
]);

/** The base form of `word` if it is an inflection of a listed verb, else undefined. */
export function verbBase(word: string): string | undefined {
  const w = word.toLowerCase();
  if (CLASS.has(w)) return w;
  const irregular = IRREGULAR.get(w);
  if (irregular) return irregular;
  const tries: string[] = [];
  if (w.endsWith("ies")) tries.push(`${w.slice(0, -3)}y`);
  if (w.endsWith("es")) tries.push(w.slice(0, -2));
  if (w.endsWith("s")) tries.push(w.slice(0, -1));
  if (w.endsWith("ied")) tries.push(`${w.slice(0, -3)}y`);
  if (w.endsWith("ed")) tries.push(w.slice(0, -2), w.slice(0, -1), w.slice(0, -3));
  if (w.endsWith("ing")) tries.push(w.slice(0, -3), `${w.slice(0, -3)}e`, w.slice(0, -4));
  for (const t of tries) if (CLASS.has(t)) return t;
  if (w.startsWith("re") && w.length > 4) return verbBase(w.slice(w[2] === "-" ? 3 : 2));
  return undefined;
}

/** The class of `word` as a verb, if it is one of the listed verbs (in any inflection). */
export function verbClass(word: string): VerbClass | undefined {
  const base = verbBase(word);
  return base ? CLASS.get(base) : undefined;
}

/** Is `word` a past participle or gerund form ("shipped", "launching")? */
export function isParticiple(word: string): boolean {
  const w = word.toLowerCase();
  if (IRREGULAR.has(w)) return true;
  if (!w.endsWith("ed") && !w.endsWith("ing")) return false;
  const base = verbBase(w);
  return base !== undefined && base !== w;
}

/** Auxiliaries: after any word they make a sentence ("requirements for the audit are met"). */
export const AUXILIARY: ReadonlySet<string> = new Set(
  list(`is, are, was, were, has, have, had, will, would, can, could, should, must, shall, does`),
);
