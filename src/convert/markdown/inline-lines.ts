import type { Nodes, PhrasingContent } from "mdast";

/*
 * The text of a paragraph or heading as the lines a person sees: soft and hard line breaks
 * end a line (documents join several key results in one paragraph with hard breaks, and a
 * stray "+1. KR:" becomes a lazy continuation of the item above). Each line keeps its source
 * line number and whether it opens with bold text (how many documents mark objectives).
 */

export interface InlineLine {
  text: string;
  line: number;
  /** The bold text the line opens with, when it does. */
  bold?: string;
  /** True when the line's words are all inside links (a link-only key result). */
  linkOnly: boolean;
  /** The text of the links on the line. */
  links: string[];
}

/** Names from JSX/HTML tags such as `<TeamMember name="Ana Lima" photo />`. */
export function tagNames(html: string): string[] {
  return [...html.matchAll(/\bname\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/g)].map((m) =>
    (m[1] ?? m[2] ?? m[3] ?? "").trim(),
  );
}

/** Inline HTML as text: person tags become their name, <sub> is kept (placeholders use it), <br> breaks. */
function htmlText(value: string): string {
  if (/^<br\s*\/?>$/i.test(value)) return "\n";
  if (/^<\/?sub>$/i.test(value)) return value;
  const names = tagNames(value);
  if (names.length > 0) return names.join(", ");
  return "";
}

/** Plain text of any node (links keep their text, images their alt). */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "html":
      return htmlText(node.value.trim());
    case "break":
      return "\n";
    case "image":
      return node.alt ?? "";
    case "footnoteReference":
      return "";
    default:
      return "children" in node ? (node.children as Nodes[]).map(plainText).join("") : "";
  }
}

export function inlineLines(children: PhrasingContent[], firstLine: number): InlineLine[] {
  const lines: { parts: { text: string; node: PhrasingContent }[]; line: number }[] = [
    { parts: [], line: firstLine },
  ];
  const current = () => lines[lines.length - 1] as (typeof lines)[number];
  for (const node of children) {
    const startLine = node.position?.start.line ?? current().line;
    const text = plainText(node);
    const pieces = text.split("\n");
    pieces.forEach((piece, i) => {
      if (i > 0) lines.push({ parts: [], line: startLine + i });
      if (piece) current().parts.push({ text: piece, node });
    });
    if (node.type === "break") current().line = (node.position?.end.line ?? current().line) || current().line;
  }
  return lines
    .map(({ parts, line }) => {
      const text = parts
        .map((p) => p.text)
        .join("")
        .replace(/\s+/g, " ")
        .replace(/\s*\\$/, "")
        .trim();
      const meaningful = parts.filter((p) => p.text.trim() && !/^[\s.,;:!\\]*$/.test(p.text));
      const first = meaningful[0];
      const bold =
        first && first.node.type === "strong" ? plainText(first.node).replace(/\s+/g, " ").trim() : undefined;
      const linkOnly =
        meaningful.length > 0 &&
        meaningful.every((p) => p.node.type === "link" || p.node.type === "linkReference");
      const links = parts
        .filter((p) => p.node.type === "link" || p.node.type === "linkReference")
        .map((p) => p.text.replace(/\s+/g, " ").trim());
      return { text, line, bold, linkOnly, links };
    })
    .filter((l) => l.text.length > 0);
}
