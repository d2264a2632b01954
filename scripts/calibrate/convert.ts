import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { convertDocument } from "../../src/convert/index.js";
import { isPlaceholderOwner } from "../../src/convert/placeholders.js";
import type { ReportObjective } from "../../src/convert/report.js";

/*
 * The converter against the hand-labelled development documents (../shared/real-okrs, never
 * copied into the repository): per document, labelled objectives found, found with the right
 * level and parent, owner counts agreeing, key-result counts agreeing, theme and kind
 * agreement. Prints "skipped" when the folder is absent (a fresh clone).
 */

interface Label {
  source: string;
  id: string;
  title: string;
  ownerAsWritten: string;
  ownerCount: number;
  krCount: number;
  theme: "yes" | "no" | "n/a";
  kinds: Map<string, number>;
  level: number;
  parentId: string;
}

function readLabels(dir: string): Label[] {
  const [, ...rows] = readFileSync(join(dir, "labels.tsv"), "utf8").trimEnd().split("\n");
  return rows.map((row) => {
    const c = row.split("\t");
    const kinds = new Map<string, number>();
    for (const part of (c[8] ?? "").split(",")) {
      const m = /(\d+)\s+(outcome|output|vague|placeholder|pointer)/.exec(part);
      if (m) kinds.set(m[2] as string, Number(m[1]));
    }
    return {
      source: c[0] ?? "",
      id: c[1] ?? "",
      title: c[2] ?? "",
      ownerAsWritten: c[3] ?? "",
      ownerCount: Number(c[4]),
      krCount: Number(c[5]),
      theme: (c[7] ?? "n/a") as Label["theme"],
      kinds,
      level: Number(c[9]),
      parentId: c[10] ?? "",
    };
  });
}

const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );

function similarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.max(x.size, y.size);
}

/** The label's title without its "Owner: " prefix (labels keep it; the report strips it). */
function labelTitle(label: Label): string {
  const owner = label.ownerAsWritten.trim();
  if (owner && label.title.startsWith(`${owner}:`)) return label.title.slice(owner.length + 1).trim();
  return label.title;
}

/** Labels matched to report objectives by title (untitled person entries by owner), in order. */
function match(labels: Label[], objectives: ReportObjective[]): Map<string, number> {
  const matched = new Map<string, number>();
  const used = new Set<number>();
  for (const label of labels) {
    let best = -1;
    let bestScore = 0;
    objectives.forEach((o, i) => {
      if (used.has(i)) return;
      const score = label.title.startsWith("(no title")
        ? o.ownersAsWritten.some((w) => w === label.ownerAsWritten) &&
          o.title.startsWith("Untitled objective")
          ? 1
          : 0
        : similarity(labelTitle(label), o.title);
      if (score > bestScore + 1e-9) {
        best = i;
        bestScore = score;
      }
    });
    if (best >= 0 && bestScore >= 0.6) {
      matched.set(label.id, best);
      used.add(best);
    }
  }
  return matched;
}

const pct = (n: number, d: number) => (d === 0 ? "  n/a" : `${((100 * n) / d).toFixed(0).padStart(4)}%`);

export async function calibrateConvert(
  dir = process.env.REAL_OKRS ?? join(process.cwd(), "../shared/real-okrs"),
) {
  console.log("\n== convert: markdown documents against their labels ==");
  if (!existsSync(join(dir, "labels.tsv"))) {
    console.log(`skipped: no labelled documents at ${dir} (pass the folder: npm run calibrate -- DIR)`);
    return;
  }
  const labels = readLabels(dir);
  const files = readdirSync(dir).filter((f) => /\.mdx?$/.test(f) && f !== "README.md");
  const total = {
    labelled: 0,
    found: 0,
    placed: 0,
    owners: 0,
    krs: 0,
    themeAgree: 0,
    themeN: 0,
    kindAgree: 0,
    kindN: 0,
  };
  console.log(
    `${"document".padEnd(46)} ${"found".padStart(9)} ${"level+parent".padStart(13)} ${"owners".padStart(9)} ${"KR count".padStart(9)} ${"theme".padStart(9)} ${"KR kinds".padStart(11)}`,
  );
  for (const file of files.sort()) {
    const own = labels.filter((l) => l.source === file);
    if (own.length === 0) continue;
    const { report } = await convertDocument(file, readFileSync(join(dir, file)), "auto", {
      today: "2026-06-01",
    });
    const matched = match(own, report.objectives);
    let placed = 0;
    let owners = 0;
    let krs = 0;
    let themeAgree = 0;
    let themeN = 0;
    let kindAgree = 0;
    let kindN = 0;
    for (const label of own) {
      kindN += label.krCount;
      const i = matched.get(label.id);
      if (i === undefined) {
        if (process.env.CALIBRATE_VERBOSE)
          console.log(`  not found: ${label.id} ${label.title.slice(0, 70)}`);
        continue;
      }
      const o = report.objectives[i] as ReportObjective;
      const expectedParent = label.parentId ? matched.get(label.parentId) : null;
      if (o.level === label.level && (o.parent ?? null) === (expectedParent ?? null)) placed++;
      const named = new Set(
        o.ownersAsWritten.filter((w) => !isPlaceholderOwner(w)).map((w) => w.toLowerCase()),
      );
      if (named.size === label.ownerCount) owners++;
      if (o.keyResults.length === label.krCount) krs++;
      if (label.theme !== "n/a") {
        themeN++;
        if (o.theme === (label.theme === "yes")) themeAgree++;
      }
      const got = new Map<string, number>();
      for (const k of o.keyResults) got.set(k.kind, (got.get(k.kind) ?? 0) + 1);
      for (const [kind, n] of label.kinds) kindAgree += Math.min(n, got.get(kind) ?? 0);
    }
    const found = matched.size;
    console.log(
      `${file.padEnd(46)} ${`${found}/${own.length}`.padStart(9)} ${pct(placed, own.length).padStart(13)} ${pct(owners, own.length).padStart(9)} ${pct(krs, own.length).padStart(9)} ${pct(themeAgree, themeN).padStart(9)} ${pct(kindAgree, kindN).padStart(11)}`,
    );
    Object.assign(total, {
      labelled: total.labelled + own.length,
      found: total.found + found,
      placed: total.placed + placed,
      owners: total.owners + owners,
      krs: total.krs + krs,
      themeAgree: total.themeAgree + themeAgree,
      themeN: total.themeN + themeN,
      kindAgree: total.kindAgree + kindAgree,
      kindN: total.kindN + kindN,
    });
  }
  console.log(
    `${"all documents".padEnd(46)} ${`${total.found}/${total.labelled}`.padStart(9)} ${pct(total.placed, total.labelled).padStart(13)} ${pct(total.owners, total.labelled).padStart(9)} ${pct(total.krs, total.labelled).padStart(9)} ${pct(total.themeAgree, total.themeN).padStart(9)} ${pct(total.kindAgree, total.kindN).padStart(11)}`,
  );
  console.log(
    "found: labelled objectives found (title match); level+parent, owners, KR count: share of labelled objectives found with the right level and parent, owner count, key-result count; theme: agreement on bare themes; KR kinds: labelled key results whose kind the converter gave.",
  );
}
