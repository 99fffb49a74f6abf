/**
 * The one `sentiment` analyser both languages are registered on, and the per-call state their
 * scoring strategies read and write; analysis is synchronous, so one slot is enough.
 */
import Sentiment from 'sentiment';
import type { Break } from './clauses';

export const analyser = new Sentiment();

export const state: { breaks: readonly Break[]; halve: readonly boolean[]; trace: (number | undefined)[] } = {
  breaks: [],
  halve: [],
  trace: [],
};

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
