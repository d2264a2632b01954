import { createRequire } from "node:module";
import type * as YamlModule from "yaml";
import type { Node } from "yaml";
import type { PlanPath } from "../domain/plan-issue.js";
import type { SourcePosition } from "./position-index.js";

/**
 * The slow, exact path: the `yaml` package's document with node ranges. Used only when a
 * plan is invalid (to place every problem) or a position is needed that the fast index did
 * not record. It costs several times a plain parse, so it is built lazily, once.
 */
// Loaded on first use: a valid plan never needs it, and it costs start-up time.
let yamlModule: typeof YamlModule | undefined;
function yaml(): typeof YamlModule {
  yamlModule ??= createRequire(import.meta.url)("yaml") as typeof YamlModule;
  return yamlModule;
}

export class SourceDocument {
  private readonly lines: YamlModule.LineCounter;
  private readonly doc: YamlModule.Document.Parsed;

  constructor(text: string) {
    const { LineCounter, parseDocument } = yaml();
    this.lines = new LineCounter();
    this.doc = parseDocument(text, {
      lineCounter: this.lines,
      version: "1.2",
      schema: "core",
      uniqueKeys: true,
      prettyErrors: false,
    });
  }

  /** Syntax errors, each with its position. */
  get errors(): { message: string; position: SourcePosition }[] {
    return this.doc.errors.map((e) => ({
      message: e.message.split("\n")[0],
      position: this.at(e.pos[0]),
    }));
  }

  /**
   * Where `path` is written. `onKey` places it on the key (for an unknown key); otherwise on
   * the value. A path that does not exist (a missing field) is placed at its nearest parent.
   */
  locate(path: PlanPath, onKey = false): SourcePosition | undefined {
    const { isMap, isPair, isSeq } = yaml();
    let node: unknown = this.doc.contents;
    let at = rangeStart(node);
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
        if (!pair) break;
        if (last && onKey) {
          at = rangeStart(pair.key) ?? at;
          break;
        }
        node = pair.value;
        at = rangeStart(node) ?? rangeStart(pair.key) ?? at;
      } else if (isSeq(node) && typeof segment === "number") {
        node = node.items[segment];
        if (node === undefined) break;
        at = rangeStart(node) ?? at;
      } else break;
    }
    return at === undefined ? undefined : this.at(at);
  }

  /** Where the first alias to a list or map is written (aliases are not expanded here). */
  firstCollectionAlias(): SourcePosition | undefined {
    const { isAlias, isCollection, visit } = yaml();
    let found: number | undefined;
    visit(this.doc, {
      Alias: (_key, node) => {
        if (!isAlias(node) || !isCollection(node.resolve(this.doc))) return undefined;
        found = node.range?.[0];
        return visit.BREAK;
      },
    });
    return found === undefined ? undefined : this.at(found);
  }

  private at(offset: number): SourcePosition {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
}

function keyText(key: unknown): string | undefined {
  if (yaml().isScalar(key)) return String((key as YamlModule.Scalar).value);
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}
