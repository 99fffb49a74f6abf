/** What Pantau says about one post (the `pantau classify` output and the posts table's fields). */
import type { ClaimMatch, ClaimRecord } from '../claims/types';

export type Language = 'id' | 'en' | 'und';
export type SentimentLabel = 'positive' | 'neutral' | 'negative';
export type HoaxLevel = 'none' | 'low' | 'medium' | 'high';

/** A post's text prepared for matching. The original text is kept elsewhere, never replaced. */
export interface NormalisedText {
  /** Lower-case, slang expanded, repeated letters squeezed, `anak2` → `anak anak`, hashtags split into words. */
  readonly text: string;
  /** Word tokens of `text`, in order. */
  readonly tokens: readonly string[];
  readonly urls: readonly string[];
  readonly mentions: readonly string[];
  /** Hashtags as written, without `#`. */
  readonly hashtags: readonly string[];
  readonly emojis: readonly string[];
}

export interface SentimentResult {
  readonly label: SentimentLabel;
  /** Sum of word scores after negation, intensifiers and contrast. */
  readonly score: number;
  /** Score per token, the sentiment package's `comparative`. */
  readonly comparative: number;
  /** Words that carried the score, signed, for explanations (e.g. `{"word": "becus", "score": -3}`). */
  readonly words: readonly { readonly word: string; readonly score: number }[];
}

export interface HoaxIndicator {
  readonly name: string;
  readonly weight: number;
  /** The text pieces that made it fire. */
  readonly evidence: readonly string[];
}

export interface HoaxResult {
  /** 0..1 */
  readonly score: number;
  readonly level: HoaxLevel;
  readonly indicators: readonly HoaxIndicator[];
}

export interface Place {
  /** The name as Pantau knows it, e.g. `Kemang`. */
  readonly name: string;
  readonly kelurahan?: string;
  readonly kecamatan?: string;
  /** Kota administrasi, e.g. `Jakarta Selatan`. */
  readonly city: string;
}

/** A watch topic a post matched, and the post's words that matched it (`kebanjiran`, `air naik`, `#jakartabanjir`). */
export interface TopicMatch {
  readonly name: string;
  readonly matched: readonly string[];
}

export interface Classification {
  readonly lang: Language;
  readonly sentiment: SentimentResult;
  readonly hoax: HoaxResult;
  readonly topics: readonly TopicMatch[];
  readonly places: readonly Place[];
  /** The debunked claim the post repeats (the `known_claim` indicator), if any. */
  readonly knownClaim?: ClaimRecord;
}

/**
 * Finds the stored claim a post repeats, if any (an index, never a scan of every claim). The
 * classifier's port to the claims store: `shared/claims` implements it.
 */
export interface ClaimMatcher {
  match(norm: NormalisedText): ClaimMatch | undefined;
}
