/*
 * Hostile inputs shared by the CLI, plan and API suites.
 */

/** A "billion laughs" YAML block: `levels` levels of ten aliases to the level below. */
export function aliasBomb(levels: number): string {
  const lines = [`x-l0: &l0 [${Array(10).fill('"lol"').join(", ")}]`];
  for (let i = 1; i <= levels; i++)
    lines.push(
      `x-l${i}: &l${i} [${Array(10)
        .fill(`*l${i - 1}`)
        .join(", ")}]`,
    );
  return `${lines.join("\n")}\n`;
}

/** JSON nested `depth` lists deep. */
export function deepJson(depth: number): string {
  return `${"[".repeat(depth)}${"]".repeat(depth)}`;
}
