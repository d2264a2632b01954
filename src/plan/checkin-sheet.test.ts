import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkinRowsFromSheet, readSheet, sheetKind } from "./checkin-sheet.js";

const metrics = [
  { id: "nps", name: "Net promoter score" },
  { id: "churn", name: "Monthly churn" },
  { id: "churn-eu", name: "Monthly churn" },
];

async function rowsOf(text: string) {
  return checkinRowsFromSheet(await readSheet(Buffer.from(text), "csv"), metrics);
}

describe("a check-in sheet", () => {
  it("reads a CSV by id or by name, with notes, numbering rows as a spreadsheet does", async () => {
    const { rows, problems } = await rowsOf(
      "Metric,Date,Value,Note\nnps,2026-09-01,41,after the launch\nNet promoter score,2026-09-08,43.5,\n",
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        metric: "nps",
        metricName: "Net promoter score",
        date: "2026-09-01",
        value: 41,
        note: "after the launch",
      },
      { row: 3, metric: "nps", metricName: "Net promoter score", date: "2026-09-08", value: 43.5 },
    ]);
  });

  it("names the row and column of every invalid cell and keeps the valid rows", async () => {
    const { rows, problems } = await rowsOf(
      "metric;date;value\nnps;2026-02-30;40\nrevenue;2026-09-01;1\nMonthly churn;2026-09-01;2\nnps;2026-09-01;forty\nnps;2026-09-02;7\n",
    );
    expect(problems).toEqual([
      { row: 2, column: "date", message: '"2026-02-30" is not a date (YYYY-MM-DD)' },
      { row: 3, column: "metric", message: 'no metric with the id or name "revenue"' },
      { row: 4, column: "metric", message: '"Monthly churn" names 2 metrics; use the metric\'s id' },
      { row: 5, column: "value", message: '"forty" is not a number' },
    ]);
    expect(rows.map((r) => r.row)).toEqual([6]);
  });

  it("says which columns the header lacks", async () => {
    const { problems } = await rowsOf("metric,when,amount\nnps,2026-09-01,1\n");
    expect(problems).toEqual([
      {
        row: 1,
        message: "the header row has no date, value column (expected columns: metric, date, value, note)",
      },
    ]);
  });

  it("reads the first worksheet of an XLSX file, with date cells as days", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Check-ins");
    sheet.addRow(["Metric", "Date", "Value", "Note"]);
    sheet.addRow(["churn-eu", new Date(Date.UTC(2026, 8, 14)), 2.4, "steady"]);
    sheet.addRow(["nps", "2026-09-15", { formula: "40+2", result: 42 }]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { rows, problems } = checkinRowsFromSheet(await readSheet(bytes, "xlsx"), metrics);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        metric: "churn-eu",
        metricName: "Monthly churn",
        date: "2026-09-14",
        value: 2.4,
        note: "steady",
      },
      { row: 3, metric: "nps", metricName: "Net promoter score", date: "2026-09-15", value: 42 },
    ]);
  });

  it("knows a sheet's kind from its content type or file name", () => {
    expect(sheetKind("text/csv")).toBe("csv");
    expect(sheetKind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).toBe("xlsx");
    expect(sheetKind("application/octet-stream", "week.xlsx")).toBe("xlsx");
    expect(sheetKind("application/pdf")).toBeUndefined();
  });
});
