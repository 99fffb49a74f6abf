/** Debunked claims: what a fact-checker rated, and a post's match against them. */

/** A fact-checker's verdict: false, misleading, fabricated or impersonating, false context, scam. */
export const CLAIM_RATINGS = ['salah', 'menyesatkan', 'konten_palsu', 'konteks_keliru', 'penipuan'] as const;
export type ClaimRating = (typeof CLAIM_RATINGS)[number];

/** One debunked claim: the seed list, a team's import and the fact-check collectors all give these. */
export interface ClaimRecord {
  /** Unique within the store (`seed-001`, `turnbackhoax-12345`, a team's own ids). */
  readonly id: string;
  /** The claim as the hoax states it, in one or two sentences. */
  readonly text: string;
  readonly rating: ClaimRating;
  /** Where the debunk can be read: an article or a search link on the fact-checker's site. */
  readonly source: string;
  readonly topic?: string;
  /** Who made the claim, as the fact-checker names them (a person, a page, `Unggahan media sosial`). */
  readonly claimant?: string;
  /** The fact-checker that rated it (`turnbackhoax.id`, `Tempo`), so an analyst can cite them. */
  readonly publisher?: string;
  /** When the debunk was published (ISO 8601). */
  readonly reviewedAt?: string;
  /** The fact-checker's own verdict in their words (`Konten yang Dimanipulasi`); `rating` is its canonical form. */
  readonly ratingText?: string;
}

/** The best stored claim a post repeats, with how close it is and the words they share. */
export interface ClaimMatch {
  readonly claim: ClaimRecord;
  /** 0..1: the share of the claim's weighted words found in the post. */
  readonly similarity: number;
  readonly matched: readonly string[];
}
