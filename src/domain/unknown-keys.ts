import { z } from "zod";

/** Edit distance between two short strings (keys), for "did you mean". */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The closest known name, when it is close enough to be a likely typo. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = name.toLowerCase();
  for (const candidate of known) {
    const d = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(name.length / 3));
  return bestDistance <= limit ? best : undefined;
}

export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const guess = closestName(key, known);
  return guess
    ? `unknown key "${key}" — did you mean "${guess}"?`
    : `unknown key "${key}" — expected one of ${known.map((k) => `"${k}"`).join(", ")} (or an "x-" extension key)`;
}

/**
 * An object schema that rejects unknown keys with a helpful message, except `x-` extension
 * keys, which pass through untouched. The check runs even when fields are invalid, so a file
 * with a typo and a wrong type reports both at once.
 */
export function entity<S extends z.ZodRawShape>(
  shape: S,
): z.ZodType<z.output<z.ZodObject<S>>, z.input<z.ZodObject<S>>> {
  const known = Object.keys(shape);
  // The catch-all keeps x- keys in the output; the declared type hides them from callers,
  // who read only the documented fields.
  return z
    .object(shape)
    .catchall(z.unknown())
    .superRefine(
      (value, ctx) => {
        if (typeof value !== "object" || value === null) return;
        for (const key of Object.keys(value)) {
          if (Object.hasOwn(shape, key) || key.startsWith("x-")) continue;
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: unknownKeyMessage(key, known),
            params: { unknownKey: key },
          });
        }
      },
      { when: () => true },
    );
}
