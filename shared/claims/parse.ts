/**
 * One line of a claims file (`pantau claims import FILE.jsonl`): a JSON object with `id`, `text`,
 * `rating`, `source` and optionally `topic`. Unknown fields are dropped. Errors name the line and
 * the field, e.g. `line 7: rating must be one of salah, menyesatkan, ...`.
 */
import { z } from 'zod';
import { CLAIM_RATINGS, type ClaimRating, type ClaimRecord } from './types';

const RATINGS_LIST = CLAIM_RATINGS.join(', ');

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

const ClaimLineSchema = z.object({
  id: z.string(`must be a string`).trim().min(1, 'must not be empty').max(128, 'must be at most 128 characters'),
  text: z.string('must be a string').trim().min(10, 'must be at least 10 characters').max(2000, 'must be at most 2000 characters'),
  rating: z.string(ratingMessage).transform((value, ctx) => {
    const rating = normaliseRating(value);
    if (rating === undefined) {
      ctx.addIssue({ code: 'custom', message: `${ratingMessage} (got ${JSON.stringify(value)})` });
      return z.NEVER;
    }
    return rating;
  }),
  source: z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'must be an http(s) URL of the debunk' }),
  topic: z.string('must be a string').trim().min(1, 'must not be empty when given').max(64, 'must be at most 64 characters').optional(),
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
  const { id, text, rating, source, topic } = result.data;
  return { ok: true, claim: { id, text, rating, source, ...(topic !== undefined ? { topic } : {}) } };
}
