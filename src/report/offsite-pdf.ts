import PDFDocument from "pdfkit";
import type { OffsiteReport, ReportFinding, ReportPromise } from "./offsite-model.js";

/*
 * The offsite pack as a PDF, drawn with pdfkit: text and vector charts only (no browser, no
 * images), so it prints sharply and builds on a fresh machine. The standard PDF fonts cover
 * Western European text; characters outside them are written as their nearest ASCII form.
 */

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const WIDTH = A4.width - 2 * MARGIN;
const INK = "#17202a";
const MUTED = "#5b6673";
const LINE = "#d9dee4";
const ACCENT = "#1f4e8c";
const SEVERITY_COLOUR = { error: "#b3261e", warning: "#8a5300", info: "#1f5f9e" } as const;

type Doc = PDFKit.PDFDocument;

export function offsitePdf(report: OffsiteReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: `Offsite pack — ${report.organisation}`,
      Subject: `Execution gap as of ${report.asOf}`,
      Creator: "Throughline",
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  cover(doc, report);
  moves(doc, report);
  priorities(doc, report);
  teams(doc, report);
  promises(doc, report);
  stops(doc, report);
  footers(doc, report);
  doc.end();
  return done;
}

/** Text in the standard fonts' character set: arrows, ticks and the like in ASCII. */
export function pdfSafe(text: string): string {
  return text
    .replace(/→/g, "->")
    .replace(/←/g, "<-")
    .replace(/[✔✓]/g, "")
    .replace(/[⚠]/g, "!")
    .replace(/[−]/g, "-")
    .replace(/[^\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\n]/g, "?");
}

function write(doc: Doc, text: string, options: PDFKit.Mixins.TextOptions = {}): Doc {
  return doc.text(pdfSafe(text), options);
}

/** Starts a new page when less than `height` points are left. */
function room(doc: Doc, height: number): void {
  if (doc.y + height > A4.height - MARGIN) doc.addPage();
}

function heading(doc: Doc, text: string): void {
  room(doc, 80);
  doc.moveDown(0.8);
  doc.font("Helvetica-Bold").fontSize(16).fillColor(ACCENT);
  write(doc, text, { width: WIDTH });
  const y = doc.y + 2;
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + WIDTH, y)
    .lineWidth(0.8)
    .strokeColor(LINE)
    .stroke();
  doc.moveDown(0.6);
  doc.font("Helvetica").fontSize(10).fillColor(INK);
}

function cover(doc: Doc, r: OffsiteReport): void {
  doc.font("Helvetica").fontSize(10).fillColor(MUTED);
  write(doc, "OFFSITE PACK");
  doc.font("Helvetica-Bold").fontSize(24).fillColor(INK);
  write(doc, r.organisation, { width: WIDTH });
  doc.font("Helvetica").fontSize(11).fillColor(MUTED);
  write(doc, `As of ${r.asOf} · cycle ${r.cycle.name} (${r.cycle.start} to ${r.cycle.end})`);
  doc.moveDown(1.2);

  const top = doc.y;
  doc.font("Helvetica-Bold").fontSize(48).fillColor(INK);
  write(doc, String(r.overall), { width: 150 });
  doc.font("Helvetica").fontSize(10).fillColor(MUTED);
  write(doc, "Execution Gap Index, of 100", { width: 150 });
  write(doc, "0: set up to carry the strategy", { width: 150 });
  doc.moveDown(0.5);
  doc.fillColor(SEVERITY_COLOUR.error);
  write(doc, `${r.counts.error} errors`, { width: 150 });
  doc.fillColor(SEVERITY_COLOUR.warning);
  write(doc, `${r.counts.warning} warnings`, { width: 150 });
  doc.fillColor(SEVERITY_COLOUR.info);
  write(doc, `${r.counts.info} info`, { width: 150 });
  const leftBottom = doc.y;

  // Dimension bars: one row each, the gap as a filled share of 100; not assessed is hatched.
  const x0 = MARGIN + 170;
  const labelWidth = 150;
  const barX = x0 + labelWidth;
  const barWidth = WIDTH - 170 - labelWidth - 40;
  let y = top + 4;
  for (const d of r.dimensions) {
    doc
      .font("Helvetica")
      .fontSize(9.5)
      .fillColor(d.assessed ? INK : MUTED);
    doc.text(pdfSafe(d.title), x0, y, { width: labelWidth - 8 });
    doc.rect(barX, y, barWidth, 10).fillColor("#eef1f4").fill();
    if (d.assessed) {
      const colour =
        d.score >= 60 ? SEVERITY_COLOUR.error : d.score >= 30 ? SEVERITY_COLOUR.warning : "#1e6b3a";
      doc
        .rect(barX, y, (barWidth * Math.min(100, d.score)) / 100, 10)
        .fillColor(colour)
        .fill();
      doc.fillColor(INK).text(String(d.score), barX + barWidth + 6, y, { width: 40 });
    } else {
      doc.save();
      doc.rect(barX, y, barWidth, 10).clip();
      for (let hx = barX - 10; hx < barX + barWidth; hx += 6)
        doc
          .moveTo(hx, y + 10)
          .lineTo(hx + 10, y)
          .lineWidth(0.6)
          .strokeColor("#b8c0c8")
          .stroke();
      doc.restore();
      doc.fillColor(MUTED).text("not assessed", barX + barWidth + 6, y, { width: 60 });
    }
    y += 22;
  }
  doc.x = MARGIN;
  doc.y = Math.max(leftBottom, y) + 8;
  const notAssessed = r.dimensions.filter((d) => !d.assessed);
  if (notAssessed.length) {
    doc.font("Helvetica-Oblique").fontSize(9).fillColor(MUTED);
    write(
      doc,
      `Not assessed: ${notAssessed.map((d) => d.title).join(", ")} — the plan holds nothing to judge them by; the index is computed over the other dimensions.`,
      { width: WIDTH },
    );
  }
}

function moves(doc: Doc, r: OffsiteReport): void {
  heading(doc, "Top moves");
  if (r.moves.length === 0) {
    write(doc.fillColor(MUTED), "No move found that lowers the index.");
    return;
  }
  write(
    doc.fillColor(MUTED),
    `In the order to take them, each simulated on the plan the earlier ones leave: the index goes from ${r.overall} to ${r.moves.at(-1)?.indexAfter}.`,
    { width: WIDTH },
  );
  doc.moveDown(0.5);
  r.moves.forEach((m, i) => {
    room(doc, 50);
    doc.font("Helvetica-Bold").fontSize(11).fillColor(INK);
    write(doc, `${i + 1}. ${m.summary}`, { width: WIDTH });
    doc.font("Helvetica").fontSize(9.5).fillColor(MUTED);
    write(
      doc,
      `Index after: ${m.indexAfter} · closes ${m.closes} ${m.closes === 1 ? "finding" : "findings"}${m.freed ? ` · frees ${m.freed}` : ""}`,
      { width: WIDTH, indent: 14 },
    );
    doc.moveDown(0.4);
  });
}

function finding(doc: Doc, f: ReportFinding): void {
  room(doc, 44);
  const y = doc.y + 3;
  doc
    .circle(MARGIN + 4, y + 1.5, 3)
    .fillColor(SEVERITY_COLOUR[f.severity])
    .fill();
  doc.font("Helvetica-Bold").fontSize(9.5).fillColor(SEVERITY_COLOUR[f.severity]);
  doc.text(`${f.severity}`, MARGIN + 12, doc.y, { continued: true });
  doc.font("Helvetica").fillColor(MUTED).text(`  ${f.rule}`);
  doc.font("Helvetica").fontSize(9.5).fillColor(INK);
  write(doc, f.message, { width: WIDTH - 12, indent: 0 });
  doc.x = MARGIN + 12;
  doc.fillColor(MUTED);
  write(doc, `Action: ${f.suggestion}`, { width: WIDTH - 12 });
  if (f.actions.length)
    write(doc.fillColor(ACCENT), `As changes: ${f.actions.join("; ")}`, { width: WIDTH - 12 });
  doc.x = MARGIN;
  doc.moveDown(0.5);
}

/** A printed pack stays readable on a large plan: the worst findings first, then a count. */
const FINDINGS_PER_SECTION = 15;

function findingList(doc: Doc, findings: readonly ReportFinding[]): void {
  for (const f of findings.slice(0, FINDINGS_PER_SECTION)) finding(doc, f);
  if (findings.length > FINDINGS_PER_SECTION) {
    doc.font("Helvetica-Oblique").fontSize(9).fillColor(MUTED);
    write(
      doc,
      `… and ${findings.length - FINDINGS_PER_SECTION} more findings: see the dashboard or \`throughline lint\`.`,
      {
        width: WIDTH,
      },
    );
    doc.moveDown(0.4);
  }
}

function priorities(doc: Doc, r: OffsiteReport): void {
  heading(doc, "Findings by priority");
  for (const p of r.priorities) {
    room(doc, 70);
    doc.font("Helvetica-Bold").fontSize(12).fillColor(INK);
    write(doc, `${p.title} — gap ${p.gap}`, { width: WIDTH });
    doc.font("Helvetica").fontSize(9.5).fillColor(MUTED);
    write(doc, `Owner: ${p.owner}${p.segment ? ` · Segment: ${p.segment}` : ""}`, { width: WIDTH });
    doc.moveDown(0.3);
    if (p.findings.length === 0)
      write(doc.fillColor(MUTED), "No findings: this priority is set up to be carried.");
    findingList(doc, p.findings);
    doc.moveDown(0.4);
  }
  if (r.planWide.length) {
    heading(doc, "Across the whole plan");
    findingList(doc, r.planWide);
  }
}

function teams(doc: Doc, r: OffsiteReport): void {
  heading(doc, "Capacity by team");
  write(
    doc.fillColor(MUTED),
    "FTE committed to live initiatives against capacity (the line), and each team's gap score.",
    {
      width: WIDTH,
    },
  );
  doc.moveDown(0.5);
  const labelWidth = 140;
  const barX = MARGIN + labelWidth;
  const barWidth = WIDTH - labelWidth - 110;
  const scale = Math.max(1, ...r.teams.map((t) => Math.max(t.committed, t.capacity ?? 0)));
  for (const t of r.teams) {
    room(doc, 26);
    const y = doc.y;
    doc
      .font("Helvetica")
      .fontSize(9.5)
      .fillColor(INK)
      .text(pdfSafe(t.name), MARGIN, y, { width: labelWidth - 8 });
    const over = t.capacity !== undefined && t.committed > t.capacity;
    doc.rect(barX, y, barWidth, 11).fillColor("#eef1f4").fill();
    doc
      .rect(barX, y, (barWidth * t.committed) / scale, 11)
      .fillColor(over ? SEVERITY_COLOUR.error : ACCENT)
      .fill();
    if (t.capacity !== undefined) {
      const cx = barX + (barWidth * t.capacity) / scale;
      doc
        .moveTo(cx, y - 3)
        .lineTo(cx, y + 14)
        .lineWidth(1.5)
        .strokeColor(INK)
        .stroke();
    }
    doc
      .fillColor(over ? SEVERITY_COLOUR.error : INK)
      .text(`${t.committed} / ${t.capacity ?? "?"} FTE · gap ${t.gap}`, barX + barWidth + 8, y, {
        width: 110,
      });
    doc.x = MARGIN;
    doc.y = y + 22;
  }
  if (r.teams.some((t) => t.capacity === undefined)) {
    doc.font("Helvetica-Oblique").fontSize(9).fillColor(MUTED);
    write(doc, "? : the plan does not say the team's capacity (unknown, not zero).", { width: WIDTH });
  }
}

function promises(doc: Doc, r: OffsiteReport): void {
  if (r.promises.length === 0) return;
  heading(doc, "Promise timelines");
  for (const p of r.promises) timeline(doc, p);
}

/** One promise on a date axis: readiness milestones as circles, customer-facing as diamonds. */
function timeline(doc: Doc, p: ReportPromise): void {
  const rows = p.milestones.length;
  room(doc, 60 + rows * 14);
  doc.font("Helvetica-Bold").fontSize(10.5).fillColor(INK);
  write(doc, p.statement, { width: WIDTH });
  doc
    .font("Helvetica")
    .fontSize(9)
    .fillColor(p.state === "broken" || p.state === "out of step" ? SEVERITY_COLOUR.error : MUTED);
  write(doc, `${p.state}${p.priority ? ` · for ${p.priority}` : ""}`, { width: WIDTH });
  const days = p.milestones.map((m) => Date.parse(`${m.date}T00:00:00Z`));
  const min = Math.min(...days);
  const max = Math.max(...days, min + 86_400_000);
  const axisY = doc.y + 14;
  const x = (t: number) => MARGIN + 10 + ((WIDTH - 20) * (t - min)) / (max - min);
  doc
    .moveTo(MARGIN, axisY)
    .lineTo(MARGIN + WIDTH, axisY)
    .lineWidth(1)
    .strokeColor(LINE)
    .stroke();
  const firstFacing = Math.min(
    ...p.milestones.filter((m) => m.customerFacing).map((m) => Date.parse(`${m.date}T00:00:00Z`)),
  );
  p.milestones.forEach((m, i) => {
    const t = days[i];
    // A readiness milestone not done is late when dated after the launch, or the launch has passed.
    const late = !m.customerFacing && !m.done && (t > firstFacing || p.state === "broken");
    const colour = m.done ? "#1e6b3a" : late ? SEVERITY_COLOUR.error : m.customerFacing ? ACCENT : MUTED;
    const cx = x(t);
    if (m.customerFacing)
      doc
        .polygon([cx, axisY - 5], [cx + 5, axisY], [cx, axisY + 5], [cx - 5, axisY])
        .fillColor(colour)
        .fill();
    else doc.circle(cx, axisY, 4).fillColor(colour).fill();
  });
  doc.font("Helvetica").fontSize(7.5).fillColor(MUTED);
  doc.text(new Date(min).toISOString().slice(0, 10), MARGIN, axisY + 7, { width: 80 });
  doc.text(new Date(max).toISOString().slice(0, 10), MARGIN + WIDTH - 80, axisY + 7, {
    width: 80,
    align: "right",
  });
  doc.x = MARGIN;
  doc.y = axisY + 20;
  doc.font("Helvetica").fontSize(8.5);
  for (const m of p.milestones) {
    doc.fillColor(m.done ? "#1e6b3a" : INK);
    write(
      doc,
      `${m.date}  ${m.customerFacing ? "[customer-facing] " : ""}${m.team}: ${m.what}${m.done ? " (done)" : ""}`,
      { width: WIDTH },
    );
  }
  doc.moveDown(0.8);
}

function stops(doc: Doc, r: OffsiteReport): void {
  if (r.stops.length === 0) return;
  heading(doc, "Stop list");
  const cols = [
    { title: "Stopped", width: 140 },
    { title: "For", width: 120 },
    { title: "Effective", width: 60 },
    { title: "Frees", width: 85 },
    { title: "State", width: WIDTH - 405 },
  ];
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8.5);
    const heights = cells.map((c, i) => doc.heightOfString(pdfSafe(c), { width: cols[i].width - 6 }));
    const h = Math.max(...heights) + 6;
    room(doc, h + 4);
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc.fillColor(bold ? INK : i === 4 && c.startsWith("not carried out") ? SEVERITY_COLOUR.error : INK);
      doc.text(pdfSafe(c), x, y + 3, { width: cols[i].width - 6 });
      x += cols[i].width;
    });
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + WIDTH, y + h)
      .lineWidth(0.5)
      .strokeColor(LINE)
      .stroke();
    doc.x = MARGIN;
    doc.y = y + h;
  };
  row(
    cols.map((c) => c.title),
    true,
  );
  for (const s of r.stops) row([s.what, s.priority ?? "—", s.effective, s.frees || "—", s.state], false);
}

function footers(doc: Doc, r: OffsiteReport): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin: lifted for the footer so pdfkit does not start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("Helvetica").fontSize(8).fillColor(MUTED);
    doc.text(
      pdfSafe(`${r.organisation} · offsite pack as of ${r.asOf} · page ${i + 1} of ${range.count}`),
      MARGIN,
      A4.height - 32,
      { width: WIDTH, align: "center", lineBreak: false },
    );
    doc.page.margins.bottom = bottom;
  }
}
