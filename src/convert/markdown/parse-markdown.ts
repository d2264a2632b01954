import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

/*
 * Markdown and MDX to a syntax tree (mdast) with source positions. MDX is read tolerantly as
 * markdown: its JSX tags (`<TeamMember name="…"/>`) arrive as inline HTML, from which the
 * reader takes the `name`; a strict MDX parser would refuse documents over one stray `{` or
 * `<`, which handbooks contain often (docs/decisions.md).
 */

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml", "toml"]);

export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}
