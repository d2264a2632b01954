import type { CliIO } from "./io.js";

/*
 * A one-line progress bar on standard error for long operations (a 10,000-row spreadsheet).
 * Drawn only on a terminal (io.progress); piped or in CI it stays silent, so logs and
 * scripts see only the summary. Redrawn at most every `intervalMs`, and erased when done.
 */

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the bar (the summary that follows replaces it). */
  finish(): void;
}

const WIDTH = 24;

export function progressBar(
  io: CliIO,
  label: string,
  options: { minTotal?: number; intervalMs?: number; now?: () => number } = {},
): Progress {
  const { minTotal = 2000, intervalMs = 100, now = () => Date.now() } = options;
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;
  if (!io.progress) return { update: () => {}, finish: () => {} };
  return {
    update(done, total) {
      // Short documents finish before a bar could be read: no flicker for them.
      if (total < minTotal) return;
      const t = now();
      if (done < total && t - last < intervalMs) return;
      last = t;
      const share = Math.min(1, done / total);
      const filled = Math.round(share * WIDTH);
      io.err(
        `\r${label} [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${Math.floor(share * 100)}% ${done.toLocaleString("en")}/${total.toLocaleString("en")} rows`,
      );
      drawn = true;
    },
    finish() {
      if (drawn) io.err("\r\u001b[2K");
      drawn = false;
    },
  };
}
