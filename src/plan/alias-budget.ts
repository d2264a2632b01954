/*
 * YAML aliases are shared references after parsing: `&a [..]` used ten times is one list,
 * but every walk afterwards (null-dropping, validation, storage) visits it ten times, and
 * eight nested levels of ten make a 1 KB file a hundred million nodes ("billion laughs").
 * Before any walk, the size the document would have with every alias written out is counted
 * in one pass over the distinct nodes (each node's size is remembered), and a document whose
 * aliases would add more than a small budget of nodes — or that contains itself — is refused.
 */

/** Nodes that aliases may add to a plan: generous for anchors used as shorthand, tiny next to a bomb. */
export const ALIAS_NODE_BUDGET = 10_000;

export type AliasVerdict = { ok: true } | { ok: false; reason: "budget" | "cycle" };

/**
 * Whether `root` (a js-yaml result) stays within `budget` extra nodes when its shared
 * references are expanded. Iterative, so depth cannot overflow the stack; linear in the
 * distinct nodes however much aliases would multiply them.
 */
export function checkAliasExpansion(root: unknown, budget = ALIAS_NODE_BUDGET): AliasVerdict {
  if (root === null || typeof root !== "object") return { ok: true };
  const size = new Map<object, number>(); // finished nodes: their expanded size
  const open = new Set<object>(); // on the current path (a node seen again here is a cycle)
  let distinct = 0; // nodes written in the file so far (lists, maps and scalars)
  const stack: { node: object; children: unknown[] | undefined }[] = [{ node: root, children: undefined }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.children === undefined) {
      if (size.has(top.node)) {
        stack.pop(); // pushed twice by one parent ([*a, *a]) and finished meanwhile
        continue;
      }
      open.add(top.node);
      distinct++;
      top.children = Array.isArray(top.node) ? top.node : Object.values(top.node);
      for (const child of top.children) {
        if (child === null || typeof child !== "object") {
          distinct++;
          continue;
        }
        if (open.has(child)) return { ok: false, reason: "cycle" };
        if (!size.has(child)) stack.push({ node: child, children: undefined });
      }
      continue;
    }
    stack.pop();
    open.delete(top.node);
    let total = 1;
    for (const child of top.children)
      total += child !== null && typeof child === "object" ? (size.get(child) ?? 0) : 1;
    size.set(top.node, total);
    if (total - distinct > budget) return { ok: false, reason: "budget" };
  }
  return { ok: true };
}
