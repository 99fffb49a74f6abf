/**
 * One line of a claims file (`pantau claims import FILE.jsonl`): a JSON object with `id`, `text`,
 * `rating`, `source` and optionally `topic`, `claimant`, `publisher`, `reviewedAt` and `ratingText`
 * (what the fact-check collector keeps, so its output imports as is). Unknown fields are dropped.
 * Errors name the line and the field, e.g. `line 7: rating must be one of salah, menyesatkan, ...`.
 */
import * as z from 'zod';
import { CLAIM_RATINGS, type ClaimRating, type ClaimRecord } from './types';

const RATINGS_LIST = CLAIM_RATINGS.join(', ');

/** The longest value each text field of a claim may hold; producers of claims clip to these. */
export const CLAIM_FIELD_MAX = { id: 128, text: 2000, topic: 64, claimant: 200, publisher: 200, ratingText: 500 } as const;

/**
 * Other spellings of the ratings that fact-checkers' lists commonly use, after case, brackets,
 * spaces and hyphens are normalised (`[KONTEN PALSU]` → `konten_palsu`). Only unambiguous ones:
 * a label that could mean two ratings (`disinformasi`, `dimanipulasi`) is rejected, not guessed.
 */
const RATING_ALIASES: Readonly<Record<string, ClaimRating>> = {
  hoaks: 'salah',
  hoax: 'salah',
  false: 'salah',
  konten_menyesatkan: 'menyesatkan',
  misleading: 'menyesatkan',
  fabricated: 'konten_palsu',
  fabricated_content: 'konten_palsu',
  konten_tiruan: 'konten_palsu',
  impostor: 'konten_palsu',
  impostor_content: 'konten_palsu',
  false_context: 'konteks_keliru',
  scam: 'penipuan',
  fraud: 'penipuan',
};

/** The canonical rating for a spelling, or `undefined` when it names none. */
export function normaliseRating(value: string): ClaimRating | undefined {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .trim()
    .replace(/[\s-]+/g, '_');
  if ((CLAIM_RATINGS as readonly string[]).includes(key)) return key as ClaimRating;
  return RATING_ALIASES[key];
}

const ratingMessage = `must be one of ${RATINGS_LIST}`;

/** An optional text field: trimmed, not empty when given, at most `max` characters. */
const optionalText = (max: number) =>
  z.string('must be a string').trim().min(1, 'must not be empty when given').max(max, `must be at most ${max} characters`).optional();

const ClaimLineSchema = z.object({
  id: z
    .string(`must be a string`)
    .trim()
    .min(1, 'must not be empty')
    .max(CLAIM_FIELD_MAX.id, `must be at most ${CLAIM_FIELD_MAX.id} characters`),
  text: z
    .string('must be a string')
    .trim()
    .min(10, 'must be at least 10 characters')
    .max(CLAIM_FIELD_MAX.text, `must be at most ${CLAIM_FIELD_MAX.text} characters`),
  rating: z.string(ratingMessage).transform((value, ctx) => {
    const rating = normaliseRating(value);
    if (rating === undefined) {
      ctx.addIssue({ code: 'custom', message: `${ratingMessage} (got ${JSON.stringify(value)})` });
      return z.NEVER;
    }
    return rating;
  }),
  source: z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'must be an http(s) URL of the debunk' }),
  topic: optionalText(CLAIM_FIELD_MAX.topic),
  claimant: optionalText(CLAIM_FIELD_MAX.claimant),
  publisher: optionalText(CLAIM_FIELD_MAX.publisher),
  reviewedAt: z.iso
    .datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-11-21T03:00:00Z' })
    .optional(),
  ratingText: optionalText(CLAIM_FIELD_MAX.ratingText),
});

export type ClaimLineResult = { ok: true; claim: ClaimRecord } | { ok: false; error: string };

/** `field must ...; field must ...` for every schema issue; a field absent from the line `is required`. */
function describe(error: z.ZodError, value: object): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join('.') || '(claim)';
      // Zod leaves the input out of its issues, so absence is read from the line itself.
      const missing = issue.code === 'invalid_type' && (value as Record<string, unknown>)[field] === undefined;
      return `${field} ${missing ? 'is required' : issue.message}`;
    })
    .join('; ');
}

/**
 * Decodes and checks one line of a claims file. `lineNo` (1-based) goes into the error.
 * Returns `undefined` for a blank line, which is skipped rather than rejected.
 */
export function parseClaimLine(line: string, lineNo: number): ClaimLineResult | undefined {
  const trimmed = line.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (err) {
    return { ok: false, error: `line ${lineNo}: not JSON (${(err as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: `line ${lineNo}: expected a JSON object with id, text, rating and source` };
  }
  const result = ClaimLineSchema.safeParse(value);
  if (!result.success) return { ok: false, error: `line ${lineNo}: ${describe(result.error, value)}` };
  // Zod leaves absent optional fields absent, so the claim holds exactly the fields the line gave.
  return { ok: true, claim: result.data };
}
