/** The judgements the wording classifiers return (shared spec rules.md, "Wording"). */

export type KeyResultKind = "outcome" | "output" | "vague" | "placeholder" | "pointer";

export interface ThemeJudgement {
  theme: boolean;
  /** The words (or pattern) that decided it, as written in the title. */
  words: string[];
}

export interface KindJudgement {
  kind: KeyResultKind;
  /** The words (or pattern) that decided it, as written in the text. */
  words: string[];
}

/** Optional context for a key result: the objective it sits under. */
export interface KeyResultContext {
  /** The title of the objective the key result belongs to (helps recognise pointers). */
  objective?: string;
}
