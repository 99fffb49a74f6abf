/**
 * Google Fact Check Tools `claims:search` responses, read into debunked claims for the claims
 * store that hoax matching reads. Pure: the collector (`shared/pipeline/collect-factchecks.ts`)
 * does the HTTP and the storing.
 *
 * A response lists claims, each with the ClaimReviews that fact-checkers published about it. Every
 * review whose verdict says the claim is false, misleading, made up, out of context or a scam
 * becomes one record; a review rated true, mixed, unproven, satire or in words the verdict table
 * does not know is left out and counted by reason, because whatever lands in the store labels the
 * posts that repeat it as hoaxes.
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { CLAIM_FIELD_MAX } from '../claims/parse';
import { CLAIM_RATINGS, type ClaimRating, type ClaimRecord } from '../claims/types';
import { describeIssues } from '../post';

/** A `claims:search` response that does not have the documented shape. */
export class FactCheckResponseError extends Error {
  override readonly name = 'FactCheckResponseError';
}

const ReviewSchema = z.object({
  publisher: z.object({ name: z.string().optional(), site: z.string().optional() }).optional(),
  url: z.string().optional(),
  title: z.string().optional(),
  reviewDate: z.string().optional(),
  textualRating: z.string().optional(),
  languageCode: z.string().optional(),
});

const ClaimSchema = z.object({
  text: z.string().optional(),
  claimant: z.string().optional(),
  claimDate: z.string().optional(),
  claimReview: z.array(ReviewSchema).default([]),
});

/** The API leaves out `claims` when nothing matched, and `nextPageToken` on the last page. */
const SearchResponseSchema = z.object({
  claims: z.array(ClaimSchema).default([]),
  nextPageToken: z.string().optional(),
});

export type ClaimsSearchResponse = z.infer<typeof SearchResponseSchema>;
type Review = z.infer<typeof ReviewSchema>;
type SearchClaim = z.infer<typeof ClaimSchema>;

/** Decodes and checks a response body; the error names what is wrong (`claims.2.claimReview.0.url: ...`). */
export function parseClaimsSearch(body: string): ClaimsSearchResponse {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    throw new FactCheckResponseError(`claims:search response is not JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FactCheckResponseError('claims:search response is not a JSON object');
  }
  const result = SearchResponseSchema.safeParse(value);
  if (!result.success) throw new FactCheckResponseError(`claims:search response is malformed: ${describeIssues(result.error, value)}`);
  return result.data;
}

/** Verdicts that say a claim is not a hoax, or not proven to be one. */
type NotAHoax = 'rated_true' | 'mixed_verdict' | 'unproven' | 'satire';

/**
 * Why a review was not stored: its verdict, a verdict the table does not know, no usable review
 * URL or claim text, or its review URL came earlier in the same response (`repeated`).
 */
export type SkipReason = NotAHoax | 'unknown_rating' | 'no_review_url' | 'no_claim_text' | 'repeated';

/** What a fact-checker's verdict means here: a rating worth storing, or why the review is left out. */
export type Verdict = { readonly rating: ClaimRating } | { readonly skip: SkipReason };

/**
 * Verdict words of Indonesian and English fact-checkers (Mafindo/turnbackhoax.id, Tempo, Kompas,
 * Kominfo, AFP, PolitiFact-style scales) after `verdictKey`. The labels of the seven kinds of
 * mis- and disinformation that Indonesian fact-checkers use are mapped to the nearest rating:
 * manipulated and impostor content are made-up content, a false connection misleads. Mixed and
 * unproven verdicts are left out: storing them would call the true part of a claim a hoax.
 */
const VERDICTS: Readonly<Record<string, ClaimRating | NotAHoax>> = {
  salah: 'salah',
  hoaks: 'salah',
  hoax: 'salah',
  keliru: 'salah',
  bohong: 'salah',
  'tidak benar': 'salah',
  disinformasi: 'salah',
  misinformasi: 'salah',
  false: 'salah',
  'not true': 'salah',
  incorrect: 'salah',
  'mostly false': 'salah',
  'pants on fire': 'salah',
  'fake news': 'salah',
  disinformation: 'salah',
  misinformation: 'salah',

  menyesatkan: 'menyesatkan',
  'konten menyesatkan': 'menyesatkan',
  'koneksi yang salah': 'menyesatkan',
  'koneksi salah': 'menyesatkan',
  'kurang konteks': 'menyesatkan',
  misleading: 'menyesatkan',
  'misleading content': 'menyesatkan',
  'false connection': 'menyesatkan',
  'missing context': 'menyesatkan',

  'konten palsu': 'konten_palsu',
  palsu: 'konten_palsu',
  'konten yang dimanipulasi': 'konten_palsu',
  'konten dimanipulasi': 'konten_palsu',
  'konten tiruan': 'konten_palsu',
  fabricated: 'konten_palsu',
  'fabricated content': 'konten_palsu',
  fake: 'konten_palsu',
  manipulated: 'konten_palsu',
  'manipulated content': 'konten_palsu',
  altered: 'konten_palsu',
  'altered photo': 'konten_palsu',
  'altered video': 'konten_palsu',
  impostor: 'konten_palsu',
  imposter: 'konten_palsu',
  'impostor content': 'konten_palsu',
  'imposter content': 'konten_palsu',

  'konteks keliru': 'konteks_keliru',
  'konteks yang keliru': 'konteks_keliru',
  'konteks yang salah': 'konteks_keliru',
  'konteks salah': 'konteks_keliru',
  'salah konteks': 'konteks_keliru',
  'false context': 'konteks_keliru',
  'out of context': 'konteks_keliru',
  'wrong context': 'konteks_keliru',

  penipuan: 'penipuan',
  scam: 'penipuan',
  fraud: 'penipuan',
  phishing: 'penipuan',

  benar: 'rated_true',
  fakta: 'rated_true',
  akurat: 'rated_true',
  'bukan hoaks': 'rated_true',
  true: 'rated_true',
  'mostly true': 'rated_true',
  correct: 'rated_true',
  accurate: 'rated_true',
  'not a hoax': 'rated_true',

  'sebagian benar': 'mixed_verdict',
  'sebagian salah': 'mixed_verdict',
  'half true': 'mixed_verdict',
  'partly true': 'mixed_verdict',
  'partly false': 'mixed_verdict',
  'partially true': 'mixed_verdict',
  'partially false': 'mixed_verdict',
  mixture: 'mixed_verdict',

  'tidak terbukti': 'unproven',
  'belum terbukti': 'unproven',
  'belum terverifikasi': 'unproven',
  unproven: 'unproven',
  unverified: 'unproven',
  unsubstantiated: 'unproven',
  'no evidence': 'unproven',

  satire: 'satire',
  satir: 'satire',
  parodi: 'satire',
  parody: 'satire',
  'satire parodi': 'satire',
};

/** Lower case, every run of punctuation, brackets, hyphens and spaces one space: `[KONTEN-PALSU]!` → `konten palsu`. */
function verdictKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Where a rating that goes on to explain itself stops: `Salah. Video itu ...`, `[SALAH] ...`, `Keliru - ...`. */
const SEGMENT_END = /\s[-–—]\s|[.,:;!?()[\]{}"“”/|–—]/;

/**
 * The verdict of a review's `textualRating`: the whole label when the table knows it, else its
 * first segment (`[HOAKS] Video lama` reads `hoaks`). Only the start is read, never a word from
 * the middle, so `Bukan hoaks` is not taken for `hoaks`.
 */
export function readVerdict(textualRating: string): Verdict {
  const firstSegment = textualRating.replace(/^[\s[({"“']+/, '').split(SEGMENT_END)[0] ?? '';
  const found = VERDICTS[verdictKey(textualRating)] ?? VERDICTS[verdictKey(firstSegment)];
  if (found === undefined) return { skip: 'unknown_rating' };
  return isRating(found) ? { rating: found } : { skip: found };
}

function isRating(value: string): value is ClaimRating {
  return (CLAIM_RATINGS as readonly string[]).includes(value);
}

/** `factcheck-` and the first 16 hex digits of the review URL's SHA-256: the same review always gets the same id. */
export function factCheckId(reviewUrl: string): string {
  return `factcheck-${createHash('sha256').update(reviewUrl).digest('hex').slice(0, 16)}`;
}

/** What one response gave: the claims to store, and the reviews left out, by reason. */
export interface FactCheckPage {
  readonly claims: ClaimRecord[];
  /** ClaimReviews in the response, stored or not. */
  readonly reviews: number;
  readonly skipped: Partial<Record<SkipReason, number>>;
  /** Distinct `textualRating`s the verdict table does not know, so that it can learn them. */
  readonly unknownRatings: string[];
}

/**
 * One record per ClaimReview whose verdict is a hoax rating, for the watch topic whose query found
 * it; the review URL is the record's source and identity, so a review seen again replaces itself.
 */
export function claimsFromSearch(response: ClaimsSearchResponse, topic: string): FactCheckPage {
  const claims: ClaimRecord[] = [];
  const ids = new Set<string>();
  const skipped: Partial<Record<SkipReason, number>> = {};
  const unknownRatings = new Set<string>();
  let reviews = 0;
  for (const claim of response.claims) {
    for (const review of claim.claimReview) {
      reviews += 1;
      const read = readReview(claim, review, topic);
      if ('claim' in read && !ids.has(read.claim.id)) {
        ids.add(read.claim.id);
        claims.push(read.claim);
        continue;
      }
      const reason = 'skip' in read ? read.skip : 'repeated';
      skipped[reason] = (skipped[reason] ?? 0) + 1;
      const label = oneLine(review.textualRating);
      if (reason === 'unknown_rating' && label !== undefined) unknownRatings.add(label);
    }
  }
  return { claims, reviews, skipped, unknownRatings: [...unknownRatings] };
}

type ReviewReading = { readonly claim: ClaimRecord } | { readonly skip: SkipReason };

function readReview(claim: SearchClaim, review: Review, topic: string): ReviewReading {
  const ratingText = oneLine(review.textualRating);
  if (ratingText === undefined) return { skip: 'unknown_rating' };
  const verdict = readVerdict(ratingText);
  if ('skip' in verdict) return verdict;
  const source = reviewUrl(review.url);
  if (source === undefined) return { skip: 'no_review_url' };
  const text = claimText(claim, review);
  if (text === undefined) return { skip: 'no_claim_text' };
  const claimant = oneLine(claim.claimant);
  const publisher = oneLine(review.publisher?.name) ?? oneLine(review.publisher?.site);
  const reviewedAt = isoDate(review.reviewDate);
  const record: ClaimRecord = {
    id: factCheckId(source),
    text,
    rating: verdict.rating,
    source,
    topic,
    ...(claimant !== undefined ? { claimant: clip(claimant, CLAIM_FIELD_MAX.claimant) } : {}),
    ...(publisher !== undefined ? { publisher: clip(publisher, CLAIM_FIELD_MAX.publisher) } : {}),
    ...(reviewedAt !== undefined ? { reviewedAt } : {}),
    ratingText: clip(ratingText, CLAIM_FIELD_MAX.ratingText),
  };
  return { claim: record };
}

/** The review URL in its canonical form, when it is an http(s) address with a domain. */
function reviewUrl(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url.trim())) return undefined;
  const parsed = new URL(url.trim());
  return /^https?:$/.test(parsed.protocol) && parsed.hostname.includes('.') ? parsed.href : undefined;
}

/** A leading `[SALAH]`, `[HOAKS]`, `[CEK FAKTA]` tag or several, as review titles start. */
const TITLE_TAGS = /^(\s*\[[^\]]*\])+\s*/;

/** The claim as stated; else the review's title without its verdict tags. Too short to match on: none. */
function claimText(claim: SearchClaim, review: Review): string | undefined {
  const text = oneLine(claim.text) ?? oneLine(review.title?.replace(TITLE_TAGS, ''));
  return text !== undefined && text.length >= 10 ? clip(text, CLAIM_FIELD_MAX.text) : undefined;
}

/** Spaces and line breaks collapsed; undefined when nothing is left. */
function oneLine(value: string | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

/** At most `max` characters, an ellipsis marking a cut. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function isoDate(value: string | undefined): string | undefined {
  const ms = value === undefined ? NaN : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}
