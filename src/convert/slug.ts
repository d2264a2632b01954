/*
 * Plan ids from free text: lowercase ASCII words joined by hyphens, cut at a word boundary,
 * made unique within their section by a numeric suffix. Accents are folded so "Błaszkiewicz"
 * becomes "blaszkiewicz" rather than losing letters.
 */

const FOLD: Record<string, string> = { ł: "l", ø: "o", đ: "d", ß: "ss", æ: "ae", œ: "oe", ı: "i" };

export function slug(text: string, maxLength = 48): string {
  const ascii = text
    .toLowerCase()
    .replace(/[łøđßæœı]/g, (c) => FOLD[c] ?? c)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  const words = ascii.match(/[a-z0-9]+/g) ?? [];
  let out = "";
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > maxLength) {
      if (!out) out = word.slice(0, maxLength);
      break;
    }
    out = next;
  }
  return out;
}

/** Hands out ids unique within one section: "grow-acv", "grow-acv-2", … */
export class IdAllocator {
  private readonly taken = new Set<string>();

  constructor(private readonly fallback: string) {}

  next(text: string, maxLength = 48): string {
    const base = slug(text, maxLength) || this.fallback;
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base.slice(0, 64 - String(n).length - 1)}-${n}`;
    this.taken.add(id);
    return id;
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }

  reserve(id: string): void {
    this.taken.add(id);
  }
}
