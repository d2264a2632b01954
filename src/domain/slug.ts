/*
 * Plan ids from free text: lowercase ASCII words joined by hyphens, cut at a word boundary.
 * Accents are folded so "Błaszkiewicz" becomes "blaszkiewicz" rather than losing letters.
 * One reading for the converter and the web app's one-click forms.
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

/** An id for a new entry under another: `<prefix>-<words of text>`, within the 64-character limit. */
export function childId(prefix: string, text: string): string {
  const words = slug(text, Math.max(1, 63 - prefix.length));
  return words ? `${prefix}-${words}` : prefix;
}
