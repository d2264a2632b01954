import { slug } from "../domain/slug.js";

export { slug };

/*
 * Plan ids from free text: lowercase ASCII words joined by hyphens, cut at a word boundary,
 * made unique within their section by a numeric suffix. Accents are folded so "Błaszkiewicz"
 * becomes "blaszkiewicz" rather than losing letters.
 */

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
