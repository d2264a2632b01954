import { describe, expect, it } from "vitest";
import { stopStatus, stopStatusText } from "../src/web/stop-status.js";

const initiatives = [
  { id: "themes", title: "Custom themes", status: "stopped", allocation: {} },
  { id: "live", title: "Brand refresh", status: "active", allocation: { mkt: 2 } },
  { id: "zeroed", title: "Old reports", status: "done", allocation: { eng: 0 } },
];
const asOf = "2026-06-01";

describe("stop list: really stopped?", () => {
  it("says yes only for a stop in effect whose initiative is over and unstaffed", () => {
    const s = stopStatus(
      { initiative: "themes", decided: "2026-01-01", effective: asOf },
      initiatives,
      asOf,
      false,
    );
    expect(stopStatusText(s)).toBe("Yes — Custom themes is stopped and holds no allocation");
    expect(
      stopStatus(
        { initiative: "zeroed", decided: "2026-01-01", effective: "2026-02-01" },
        initiatives,
        asOf,
        false,
      ).kind,
    ).toBe("stopped");
  });

  it("a stop not yet effective is not yet stopped, whatever the initiative's state", () => {
    const s = stopStatus(
      { initiative: "themes", decided: "2026-05-01", effective: "2026-06-02" },
      initiatives,
      asOf,
      false,
    );
    expect(stopStatusText(s)).toBe("Not yet — takes effect 2026-06-02; Custom themes runs until then");
  });

  it("a stop decided after the analysis day is not decided yet", () => {
    const s = stopStatus(
      { initiative: "themes", decided: "2026-06-02", effective: "2026-06-03" },
      initiatives,
      asOf,
      false,
    );
    expect(s.kind).toBe("not-decided");
  });

  it("a stop naming no initiative cannot be checked, and says so", () => {
    const s = stopStatus({ decided: "2026-01-01", effective: "2026-02-01" }, initiatives, asOf, false);
    expect(stopStatusText(s)).toBe(
      "In effect since 2026-02-01; it names no initiative, so there is nothing to check",
    );
  });

  it("a still-live or still-staffed initiative is not stopped", () => {
    expect(
      stopStatus(
        { initiative: "live", decided: "2026-01-01", effective: "2026-02-01" },
        initiatives,
        asOf,
        true,
      ).kind,
    ).toBe("not-enforced");
    expect(
      stopStatus(
        { initiative: "live", decided: "2026-01-01", effective: "2026-02-01" },
        initiatives,
        asOf,
        false,
      ).kind,
    ).toBe("not-enforced");
  });
});
