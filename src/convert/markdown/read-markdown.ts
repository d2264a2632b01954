import type { ConvertOptions, Draft } from "../draft.js";
import type { ReaderInput } from "../index.js";

export function readMarkdown(input: ReaderInput, _options: ConvertOptions): Draft {
  return {
    source: input.source,
    from: "markdown",
    periods: [],
    objectives: [],
    initiatives: [],
    unmapped: [],
    assumptions: [],
  };
}
