import type { PlanPath } from "../domain/plan-issue.js";

export interface SourcePosition {
  line: number;
  column: number;
}

/** Sections whose entries hold nested lists that findings point into. */
const NESTED_KEYS = new Set(["resistance", "items"]);

interface Frame {
  depth: number;
  line: number;
  column: number;
  children: number;
  /** Positions of this node's children, kept only where findings may point. */
  childPositions?: SourcePosition[];
  /** Key names of a mapping's children (even children are keys), kept where needed. */
  keys?: string[];
  /** Index of the child that is the value of a nested list key ("resistance", "items"). */
  watchValue?: number;
  kind?: string;
  /** Path of this node when it is one of the tracked ones. */
  path?: PlanPath;
  record: boolean;
}

interface ListenerState {
  position: number;
  line: number;
  lineStart: number;
  kind: string | null;
  result: unknown;
}

/**
 * Records where the plan's top-level keys, section entries and nested list entries
 * (a priority's resistance, a review's items) are written, while js-yaml parses: js-yaml
 * reports every node it opens and closes, so positions cost one pass and no second parser.
 * Paths deeper than that are located by the slow path (the `yaml` package) on demand.
 */
export class PositionIndex {
  private readonly stack: Frame[] = [];
  private readonly index = new Map<string, SourcePosition>();
  private rootKeys: string[] = [];

  /** The js-yaml `listener` option. */
  readonly listener = (type: "open" | "close", state: ListenerState): void => {
    if (type === "open") this.open(state);
    else this.close(state);
  };

  private open(state: ListenerState): void {
    const parent = this.stack[this.stack.length - 1];
    const depth = this.stack.length;
    const frame: Frame = {
      depth,
      line: state.line + 1,
      column: state.position - state.lineStart + 1,
      children: 0,
      record: depth <= 1,
    };
    if (parent) {
      const childIndex = parent.children++;
      if (parent.record) parent.childPositions?.push({ line: frame.line, column: frame.column });
      // The value of a root key (a section) records its entries.
      if (parent.depth === 0 && childIndex % 2 === 1) {
        frame.record = true;
        frame.path = [this.rootKeys[(childIndex - 1) / 2]];
      }
      // A section entry's "resistance:" or "items:" value records its entries too.
      if (parent.depth === 2 && parent.watchValue === childIndex && parent.path) {
        frame.record = true;
        frame.path = [...parent.path, this.lastKey(parent)];
      }
      // Section entries need their path and key names, to find nested lists.
      if (parent.depth === 1 && parent.path) {
        frame.path = [...parent.path, childIndex];
        frame.keys = [];
      }
    }
    if (frame.record) frame.childPositions = [];
    if (depth === 0) frame.keys = this.rootKeys;
    this.stack.push(frame);
  }

  private lastKey(frame: Frame): string {
    return frame.keys?.[frame.keys.length - 1] ?? "";
  }

  private close(state: ListenerState): void {
    const frame = this.stack.pop();
    if (!frame) return;
    frame.kind = state.kind ?? undefined;
    const parent = this.stack[this.stack.length - 1];
    if (parent?.keys && (parent.children - 1) % 2 === 0 && frame.kind === "scalar") {
      // A key of a tracked mapping.
      const key = String(state.result);
      parent.keys.push(key);
      if (parent.depth === 0) {
        const at = parent.childPositions?.[parent.children - 1];
        if (at) this.index.set(pathKey([key]), at);
      }
      if (parent.depth === 2 && NESTED_KEYS.has(key)) parent.watchValue = parent.children;
    }
    if (frame.path && frame.kind === "sequence" && frame.childPositions) {
      frame.childPositions.forEach((at, i) => this.index.set(pathKey([...(frame.path ?? []), i]), at));
    }
  }

  get(path: PlanPath): SourcePosition | undefined {
    return this.index.get(pathKey(path));
  }
}

export function pathKey(path: PlanPath): string {
  return path.join("\u0000");
}
