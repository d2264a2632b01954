import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeJson } from "../../src/cli/format/json-output.js";

describe("writeJson", () => {
  it("writes exactly what JSON.stringify(value, null, 2) writes, in pieces", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        let out = "";
        writeJson(value, (chunk) => {
          out += chunk;
        });
        expect(out).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 500 },
    );
    let out = "";
    writeJson(
      { index: { overall: 1 }, findings: [{ a: [1, { b: [] }] }, {}], empty: [], none: undefined },
      (c) => {
        out += c;
      },
    );
    expect(out).toBe(
      JSON.stringify({ index: { overall: 1 }, findings: [{ a: [1, { b: [] }] }, {}], empty: [] }, null, 2),
    );
  });
});
