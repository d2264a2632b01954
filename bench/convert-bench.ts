import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { convertDocument } from "../src/convert/index.js";

/*
 * Conversion throughput in rows per second on generated 10,000-row documents, against a
 * floor measured in the same run on the same bytes: csv-parse alone for CSV (OKR sheet and
 * Jira export), exceljs loading the workbook for XLSX. Reported as ratios; never pass/fail.
 */

const ROWS = 10_000;
const RUNS = 5;

function okrSheet(): string[][] {
  const rows = [["Objective", "Key result", "Owner", "Team", "Baseline", "Target", "Current", "Due"]];
  for (let i = 0; i < ROWS; i++)
    rows.push([
      `Objective ${Math.floor(i / 4)} for the clinics in region ${Math.floor(i / 400)}`,
      `Raise measure ${i} across sites`,
      `Person ${i % 60}`,
      `Team ${Math.floor(i / 4) % 12}`,
      `${i % 80}%`,
      `${(i % 80) + 10}%`,
      `${(i % 80) + 3}%`,
      "2026-06-30",
    ]);
  return rows;
}

function jiraExport(): string[][] {
  const rows = [
    [
      "Summary",
      "Issue key",
      "Issue Type",
      "Status",
      "Assignee",
      "Created",
      "Due date",
      "Labels",
      "Custom field (Epic Link)",
    ],
  ];
  for (let i = 0; i < ROWS; i++) {
    const epic = i % 25 === 0;
    rows.push([
      `${epic ? "Epic" : "Story"} ${i}: improve booking flow step ${i}`,
      `CLN-${i + 1}`,
      epic ? "Epic" : "Story",
      ["To Do", "In Progress", "Done", "Blocked"][i % 4] as string,
      `Person ${i % 60}`,
      "02/Mar/26 9:12 AM",
      "30/Jun/26",
      `label-${i % 9}`,
      epic ? "" : `CLN-${Math.floor(i / 25) * 25 + 1}`,
    ]);
  }
  return rows;
}

const csv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n");

async function median(fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push((performance.now() - start) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number;
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

export async function run(): Promise<Record<string, unknown>[]> {
  const okr = new TextEncoder().encode(csv(okrSheet()));
  const jira = new TextEncoder().encode(csv(jiraExport()));
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("OKRs");
  for (const row of okrSheet()) sheet.addRow(row);
  const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
  const options = { today: "2026-05-01" };

  const cases: {
    name: string;
    bytes: Uint8Array;
    convert: () => Promise<unknown>;
    floor: () => Promise<unknown>;
  }[] = [
    {
      name: "okr csv",
      bytes: okr,
      convert: () => convertDocument("okrs.csv", okr, "csv", options),
      floor: async () => parse(new TextDecoder().decode(okr), { relax_column_count: true }),
    },
    {
      name: "jira csv",
      bytes: jira,
      convert: () => convertDocument("jira.csv", jira, "jira-csv", { ...options, linkColumn: "Labels" }),
      floor: async () => parse(new TextDecoder().decode(jira), { relax_column_count: true }),
    },
    {
      name: "okr xlsx",
      bytes: xlsx,
      convert: () => convertDocument("okrs.xlsx", xlsx, "xlsx", options),
      floor: () => new ExcelJS.Workbook().xlsx.load(Buffer.from(xlsx) as never),
    },
  ];
  const results: Record<string, unknown>[] = [];
  for (const c of cases) {
    await c.convert(); // warm up
    const seconds = await median(c.convert);
    const floor = await median(c.floor);
    results.push({
      document: c.name,
      rows: ROWS,
      mb: round(c.bytes.byteLength / 1e6),
      convertRowsPerSecond: Math.round(ROWS / seconds),
      floorRowsPerSecond: Math.round(ROWS / floor),
      timeRatio: round(seconds / floor),
    });
  }
  console.table(results);
  console.log(
    "timeRatio: convert time / floor time on the same bytes (floor: csv-parse alone for CSV, exceljs load for XLSX)",
  );
  return results;
}
