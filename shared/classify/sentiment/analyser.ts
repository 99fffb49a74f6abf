/**
 * The scoring loop both languages share, and the per-call state their scoring strategies read
 * and write; analysis is synchronous, so one slot is enough.
 */
import type { Break } from './clauses';

export const state: { breaks: readonly Break[]; halve: readonly boolean[]; trace: (number | undefined)[] } = {
  breaks: [],
  halve: [],
  trace: [],
};

/** A language's word scores and the strategy that adjusts a word's score in its context. */
interface Scorer {
  readonly labels: ReadonlyMap<string, number>;
  readonly adjust: (tokens: readonly string[], i: number, base: number) => number;
}

/**
 * Scores the post's tokens (already lower case, one word or joined phrase each), last to first
 * as the `sentiment` package does, writing each scored word's adjusted score to `state.trace`.
 * The tokens are the strategies' keys as they are: the package's `analyze` would join them and
 * split them again, which costs a third of the step and changes nothing.
 */
export function scoreTokens(scorer: Scorer, tokens: readonly string[]): void {
  const { labels, adjust } = scorer;
  const trace: (number | undefined)[] = [];
  state.trace = trace;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const base = labels.get(tokens[i] ?? '');
    if (base !== undefined) trace[i] = adjust(tokens, i, base);
  }
}

/** A language's score of a post, with the words that carried it. */
export interface Scored {
  readonly score: number;
  readonly tokenCount: number;
  readonly words: { word: string; score: number }[];
  /** The post praises ironically: its positive emoji are flipped too. */
  readonly sarcasm?: boolean;
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}
