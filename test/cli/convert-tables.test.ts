import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

const fixtures = join(import.meta.dirname, "../fixtures/convert");

function diskIO() {
  const captured = { out: "", err: "" };
  const io: CliIO = {
    out: (t) => {
      captured.out += t;
    },
    err: (t) => {
      captured.err += t;
    },
    readFile: (path) => readFile(path, "utf8"),
    readBytes: async (path) => new Uint8Array(await readFile(path)),
    writeFile: (path, text) => writeFile(path, text),
    readStdin: async () => "",
    color: false,
    env: {},
    today: () => "2026-05-01",
  };
  return { io, captured };
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe("throughline convert on spreadsheets and tracker exports", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "convert-tables-"));
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Q2");
    sheet.addRow(["Objective", "Key result", "DRI", "Target"]);
    sheet.addRow(["Make renewals effortless", "Gross retention", "Jo Hart", "94%"]);
    sheet.addRow([null, "Renewal tickets per account", "Sam Oduya", 2]);
    await wb.xlsx.writeFile(join(dir, "okrs.xlsx"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const [file, extra] of [
    [join(fixtures, "okrs.csv"), []],
    [join(fixtures, "jira-export.csv"), ["--link", "Labels"]],
    [join(fixtures, "linear-export.csv"), ["--link", "Project"]],
    ["okrs.xlsx", []],
  ] as const) {
    it(`${file.split("/").pop()} converts to a plan that lints with exit 0 or 1`, async () => {
      const source = file.startsWith("/") ? file : join(dir, file);
      const plan = join(dir, `${source.split("/").pop()}.yaml`);
      const { io, captured } = diskIO();
      expect(await main(["convert", source, "-o", plan, ...extra], io), captured.err).toBe(0);
      expect([0, 1]).toContain(await main(["lint", plan], diskIO().io));
    });
  }

  it("refuses a CSV with no recognisable header, naming what it looked for, and writes nothing", async () => {
    const source = join(dir, "budget.csv");
    await writeFile(source, "Line,Amount\nRent,1200\n");
    const plan = join(dir, "budget.yaml");
    const { io, captured } = diskIO();
    expect(await main(["convert", source, "-o", plan, "--report", join(dir, "r.json")], io)).toBe(2);
    expect(captured.err).toMatch(
      /no recognisable OKR header.*"Objective" or "Key result".*Row 1 has: Line, Amount/,
    );
    expect(captured.err).toMatch(/--map COLUMN=FIELD/);
    expect(await exists(plan)).toBe(false);
    expect(await exists(join(dir, "r.json"))).toBe(false);
  });

  it("reads --map on the command line", async () => {
    const source = join(dir, "aims.csv");
    await writeFile(
      source,
      "Aim,Measure of success,Person\nBecome the default for rural clinics,Rural clinics signed: 40,Ola Berg\n",
    );
    const plan = join(dir, "aims.yaml");
    const { io, captured } = diskIO();
    const code = await main(
      [
        "convert",
        source,
        "-o",
        plan,
        "--map",
        "Aim=objective",
        "--map",
        "Measure of success=KR",
        "--map",
        "Person=owner",
      ],
      io,
    );
    expect(code, captured.err).toBe(0);
    expect(await readFile(plan, "utf8")).toContain("Rural clinics signed: 40");
  });
});
