import type { PlanPath } from "../domain/plan-issue.js";

export interface SourcePosition {
  line: number;
  column: number;
}

/** Keys of a section entry whose lists findings point into (a priority's resistance, a review's items). */
const NESTED_KEYS = new Set(["resistance", "items"]);
/** Depths with state: 0 the root map, 1 its keys and sections, 2 section entries, 3 their fields. */
const TRACKED = 4;

interface ListenerState {
  position: number;
  line: number;
  lineStart: number;
  kind: string | null;
  result: unknown;
}

/**
 * Records where the plan's top-level keys, section entries and nested list entries are
 * written, while js-yaml parses: js-yaml reports every node it opens and closes, so positions
 * cost one pass and no second parser. State is kept per depth in flat arrays (no object per
 * node: a large plan has millions of nodes). Deeper paths are left to the slow path.
 */
export class PositionIndex {
  private readonly index = new Map<string, SourcePosition>();
  private depth = 0;
  private readonly children = new Int32Array(TRACKED);
  /** Per depth: the path of a node whose children's positions are recorded, else null. */
  private readonly recordPath: (PlanPath | null)[] = new Array(TRACKED).fill(null);
  private readonly recorded: SourcePosition[][] = Array.from({ length: TRACKED }, () => []);
  /** Per depth: the path of a section entry (depth 2), whose keys are watched. */
  private readonly entryPath: (PlanPath | null)[] = new Array(TRACKED).fill(null);
  private readonly lastKey: string[] = new Array(TRACKED).fill("");
  private readonly watchValue = new Int32Array(TRACKED).fill(-1);
  private readonly rootKeys: string[] = [];

  /** The js-yaml `listener` option. */
  readonly listener = (type: "open" | "close", state: ListenerState): void => {
    if (type === "open") this.open(state);
    else this.close(state);
  };

  private open(state: ListenerState): void {
    const d = this.depth++;
    if (d >= TRACKED + 1) return;
    if (d > 0) {
      const parent = d - 1;
      const childIndex = this.children[parent]++;
      if (this.recordPath[parent] || parent === 0)
        this.recorded[parent].push({ line: state.line + 1, column: state.position - state.lineStart + 1 });
      if (d < TRACKED) {
        this.recordPath[d] = null;
        this.entryPath[d] = null;
        if (parent === 0 && childIndex % 2 === 1) this.recordPath[d] = [this.rootKeys[(childIndex - 1) / 2]];
        else if (parent === 1 && this.recordPath[1]) this.entryPath[d] = [...this.recordPath[1], childIndex];
        else if (parent === 2 && this.entryPath[2] && this.watchValue[2] === childIndex)
          this.recordPath[d] = [...this.entryPath[2], this.lastKey[2]];
      }
    }
    if (d < TRACKED) {
      this.children[d] = 0;
      this.watchValue[d] = -1;
      this.recorded[d] = [];
    }
  }

  private close(state: ListenerState): void {
    const d = --this.depth;
    if (d >= TRACKED + 1) return;
    if (d > 0 && d - 1 < TRACKED) {
      const parent = d - 1;
      const isKey = (this.children[parent] - 1) % 2 === 0 && state.kind === "scalar";
      if (isKey && parent === 0) {
        const key = String(state.result);
        this.rootKeys.push(key);
        const at = this.recorded[0][this.children[0] - 1];
        if (at) this.index.set(pathKey([key]), at);
      } else if (isKey && parent === 2 && this.entryPath[2]) {
        const key = String(state.result);
        this.lastKey[2] = key;
        if (NESTED_KEYS.has(key)) this.watchValue[2] = this.children[2];
      }
    }
    if (d < TRACKED && d > 0) {
      const path = this.recordPath[d];
      if (path && state.kind === "sequence")
        this.recorded[d].forEach((at, i) => this.index.set(pathKey([...path, i]), at));
      if (path) this.recorded[d] = [];
    }
  }

  get(path: PlanPath): SourcePosition | undefined {
    return this.index.get(pathKey(path));
  }
}

export function pathKey(path: PlanPath): string {
  return path.join("\u0000");
}
