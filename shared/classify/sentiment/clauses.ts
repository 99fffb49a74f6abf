/**
 * A post's tokens as the keys the strategies score: known phrases joined into one token (`rumah
 * sakit`, `luar biasa`), unknown words mapped to their lexicon stem, and where clauses end.
 */
import * as lexiconIdModule from '../lexicon-id';
import type { NormalisedText } from '../types';
import * as stemsModule from './stems';
import * as wordsModule from './words';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { LEXICON_ENTRIES } = lexiconIdModule;
const { stemToLexicon } = stemsModule;
const { CONTRASTS, LEXICON, NEGATORS } = wordsModule;

/** First word of a phrase → the phrases starting with it (as word lists), longest first. */
const PHRASES = new Map<string, (readonly string[])[]>();
for (const entry of LEXICON_ENTRIES) {
  if (entry.words.length < 2) continue;
  const first = entry.words[0] ?? '';
  const list = PHRASES.get(first) ?? [];
  list.push(entry.words);
  list.sort((a, b) => b.length - a.length);
  PHRASES.set(first, list);
}

/** No break, a clause break (`,` `;`) or a sentence end (`.` `!` `?`) after a token. */
export const enum Break {
  None = 0,
  Clause = 1,
  Sentence = 2,
}

/**
 * Where clauses end, read from `norm.text` (which keeps `,` and `.` between words). If the text
 * does not match the tokens (a hand-made NormalisedText), no breaks are assumed.
 */
export function breaksOf(norm: NormalisedText): Break[] {
  const breaks = new Array<Break>(norm.tokens.length).fill(Break.None);
  if (!norm.text.includes(',') && !norm.text.includes('.')) return breaks;
  const pieces = norm.text.split(' ');
  if (pieces.length !== norm.tokens.length) return breaks;
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k] ?? '';
    const end = piece.charAt(piece.length - 1);
    const word = end === ',' || end === '.' ? piece.slice(0, -1) : piece;
    if (word !== norm.tokens[k]) return breaks.fill(Break.None);
    if (end === ',') breaks[k] = Break.Clause;
    else if (end === '.') breaks[k] = Break.Sentence;
  }
  return breaks;
}

export interface Prepared {
  /** Lexicon keys (a phrase joined, a word or its stem) to score. */
  readonly keys: string[];
  /** What the post said at each key, for explanations. */
  readonly surfaces: string[];
  readonly breaks: Break[];
}

/** The longest known phrase starting at `i` and staying inside one clause. */
function matchPhrase(tokens: readonly string[], breaks: readonly Break[], i: number): readonly string[] | undefined {
  const candidates = PHRASES.get(tokens[i] ?? '');
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    let k = 1;
    while (k < phrase.length && tokens[i + k] === phrase[k] && breaks[i + k - 1] === Break.None) k++;
    if (k === phrase.length) return phrase;
  }
  return undefined;
}

/** Joins known phrases (within a clause) and maps unknown words to their lexicon stem. */
export function prepare(tokens: readonly string[], tokenBreaks: readonly Break[], affix: boolean): Prepared {
  const keys: string[] = [];
  const surfaces: string[] = [];
  const breaks: Break[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const phrase = matchPhrase(tokens, tokenBreaks, i);
    if (phrase) {
      keys.push(phrase.join(''));
      surfaces.push(phrase.join(' '));
      i += phrase.length - 1;
    } else {
      keys.push(LEXICON.has(token) || NEGATORS.has(token) || !affix ? token : (stemToLexicon(token) ?? token));
      surfaces.push(token);
    }
    breaks.push(tokenBreaks[i] ?? Break.None);
  }
  return { keys, surfaces, breaks };
}

/**
 * Which keys sit before a contrast in their sentence (`bagus sih, tapi mahal`). A contrast that
 * opens a sentence (`Enak. Tapi mahal.`) reaches back into the sentence before.
 */
export function beforeContrast(keys: readonly string[], breaks: readonly Break[]): boolean[] {
  const halve = new Array<boolean>(keys.length).fill(false);
  let active = false;
  let reachesBack = false;
  for (let i = keys.length - 1; i >= 0; i--) {
    if (breaks[i] === Break.Sentence) {
      if (reachesBack) reachesBack = false;
      else active = false;
    }
    halve[i] = active;
    // `tidak hanya … tetapi juga …` adds, it does not contrast.
    if (CONTRASTS.has(keys[i] ?? '') && keys[i + 1] !== 'juga') {
      active = true;
      reachesBack = i === 0 || breaks[i - 1] === Break.Sentence;
    }
  }
  return halve;
}
