/*
 * Word lists for judging objective titles (shared spec rules.md "Wording"). A title is a bare
 * theme when it names an area without a direction of change or a who. These lists hold the
 * words that make a title a choice (comparatives, the people it is for) and the words a slogan
 * is made of (praise and generic nouns).
 */
import { list, phraseRegex } from "./phrase-matcher.js";

/** Words of praise: "world class", "better", "great". A slogan's adjectives. */
export const PRAISE: ReadonlySet<string> = new Set(
  list(`
  world, class, better, best, great, greatest, amazing, awesome, excellent, exceptional,
  outstanding, effective, effectively, efficient, efficiently, high, performing, quality,
  next, generation, aspirational, popular, standard, well, oiled, strategic, modern, seamless,
  delightful, innovative, leading, premier, enterprise, grade, first, top, successful,
  healthy, strong, robust, sustainable, winning, stellar, incredible, industry, cutting, edge,
  state, art, trusted, reliable, empowered, engaged, happy, positive, inclusive, diverse,
  scalable, solid, awesome, remarkable, superior, lean, agile, bold
`),
);

/** Nouns a slogan is about, and abstract nouns that name no result. */
export const GENERIC: ReadonlySet<string> = new Set(
  list(`
  team, teams, product, products, culture, company, organisation, organization, org, vision,
  platform, machine, engine, business, function, department, group, people, talent, workforce,
  place, workplace, brand, experience, foundation, foundations, future, world, employer,
  service, services, solution, solutions, system, systems, capability, capabilities,
  engineering, operations, ops, connections, connection, belonging, thinking, communication,
  collaboration, engagement, ownership, accountability, transparency, trust, excellence,
  innovation, growth, success, impact, alignment, values, agility, execution, focus, momentum,
  learning, craft, efficiency, productivity, performance, wellbeing, inclusion, diversity,
  community, teamwork, discipline, rigor, rigour, shape, order, mindset, spirit, ways, work,
  working, home, everything, everyone, it, things, way, org's, company's, environment,
  support, sales, marketing, design, data, security, finance, legal, research, recruiting,
  analytics, qa, devops, sre, infrastructure, customer, customers, partner, partners
`),
);

/** Function words skipped when reading a title's object. */
export const STOP: ReadonlySet<string> = new Set(
  list(`
  a, an, the, our, its, their, your, my, we, us, of, and, or, to, in, into, for, with, on, at,
  by, from, as, all, that, this, be, is, are, more, truly, very, really, up, out, off, across,
  through
`),
);

/** The people a choice is for: "for mid-market retailers", "every CSM". */
const WHO_WORDS = list(`
  customer, user, developer, buyer, admin, administrator, retailer, merchant, shopper, client,
  partner, enterprise, smb, mid market, startup, agency, student, teacher, patient, doctor,
  member, contributor, maintainer, agent, csm, ae, seller, engineer, leader, executive,
  account, logo, company, companies, organisation, organization, prospect, visitor,
  subscriber, creator, host, guest, driver, rider, owner, operator, household, family,
  families, consumer, citizen, investor, donor, volunteer, segment, market, region, country,
  countries, vertical, industry, industries, sme, smes, team member
,
  manager, analyst, designer, marketer, planner, recruiter, clinician, nurse, accountant,
  founder, teams, store, shop, developer team, data team, newcomer`);
const WHO_LIST = phraseRegex(WHO_WORDS).source;
/** "for (the) (new) mid-market retailers", "every CSM", "each customer". */
export const WHO = new RegExp(
  `(?<![\\p{L}])(?:(?:for|to)\\s+(?:(?:the|our|all|every|each|new|existing|more|[\\p{L}-]+)\\s+){0,2}${WHO_LIST}|every\\s+(?:[\\p{L}-]+\\s+)?${WHO_LIST})`,
  "iu",
);

/** Comparatives and words of change inside a noun phrase: "faster onboarding". */
export const COMPARATIVE = phraseRegex(
  list(`
  faster, quicker, cheaper, easier, simpler, fewer, less, lower, higher, smaller, larger,
  bigger, shorter, sooner, no longer, instead of, rather than, more than, from planned
  to, ahead of plan, above plan, to plan, on plan, at or above, at or below, no more than, at
  least, at most, first time, self serve, self service
`),
);

/** Purpose and means clauses make a title a choice: "… to win", "… so we can", "… by …ing". */
export const CLAUSE =
  /(?<![\p{L}])(?:so that|so we|so they|so it|in order to|which will|that will|that ensures?|that supports?|that prepares?|that have|that has|while|whereby|by (?:\p{L}+ing))(?![\p{L}])/iu;

/** Set phrases whose "to" is no purpose: "a great place to work". */
export const IDIOM =
  /(?<![\p{L}])(?:place|places|way|ways) to (?:work|be|grow|learn|build a career)(?![\p{L}])/giu;

/** "to <verb>": checked word by word against the verb lists. */
export const TO_WORD = /(?<![\p{L}])to\s+(?:\p{L}+ly\s+)?(\p{L}+)/giu;
