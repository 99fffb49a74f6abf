/**
 * Sentiment of a normalised post.
 *
 * Indonesian: the `sentiment` package with Pantau's lexicon (LEXICON_ID) registered as language
 * `id` and a scoring strategy that knows Indonesian modifiers:
 * - negators (`tidak`, `tak`, `bukan`, `belum`, `jangan`, `tanpa`; slang negators are already
 *   `tidak` after `normalise`) up to three words before a word flip it: a negated positive
 *   becomes as negative (`tidak becus`), a negated negative becomes mildly positive (`tidak buruk`);
 *   `tidak hanya …` is not a negation;
 * - `kurang` before a positive turns it negative at ¾ strength (`kurang bagus`), before a negative
 *   halves it; `agak`, `cukup`, `lumayan`, `rada` soften to 0.6;
 * - intensifiers before (`sangat`, `paling`, `terlalu`, `amat`…) or after (`banget`, `sekali`)
 *   multiply by 1.5;
 * - contrast (`tapi`, `namun`, `but`, `sayangnya`…): words before the last contrast weigh half,
 *   so the clause after it decides (`bagus sih tapi mahal banget` is negative);
 * - a word repeated right after itself (`marah marah`) counts once.
 * Before scoring, known phrases are joined into one token (`rumah sakit` → neutral, `luar biasa`
 * → positive), and a word missing from the lexicon is looked up by its stem (`dikecewakannya` →
 * `kecewa`-family, `nyusahin` → `susah`).
 *
 * English: the package's English (AFINN-165) as it is. Undetermined: both, and the one that
 * found more scored words wins. Emoji are scored on their own (table below, then the package's
 * emoji list) and are not negated.
 */
import Sentiment from 'sentiment';
import packageEmoji from 'sentiment/build/emoji.json';
import { LEXICON_ENTRIES, LEXICON_ID } from './lexicon-id';
import type { Language, NormalisedText, SentimentLabel, SentimentResult } from './types';

const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter((w) => w.length > 0));

const NEGATORS = set('tidak tak bukan belum jangan tanpa not no never');
/** After a negator these make it "not only", not a negation. */
const NOT_NEGATED_AFTER = set('hanya cuma sekadar sekedar saja only');
const INTENSIFIERS_BEFORE = set(
  'sangat amat paling terlalu sungguh teramat begitu makin semakin super benarbenar very so too really extremely',
);
const INTENSIFIERS_AFTER = set('banget sekali amat nian');
const SOFTENERS = set('agak cukup lumayan rada sedikit');
/** Contrast: the clause after one of these decides. */
const CONTRASTS = set('tapi tetapi namun but however sayangnya');
/** Words that end the reach of a negator looking forward. */
const CLAUSE_BREAKS = set('dan serta atau karena sebab sedangkan padahal sementara meskipun walaupun walau meski and or because');
/** Modifiers that are also lexicon words: they score on their own only when nothing scored follows. */
const MODIFIERS_WITH_SCORE = set('kurang lumayan');

const INTENSIFY = 1.5;
const SOFTEN = 0.6;
const KURANG_POSITIVE = -0.75;
const NEGATED_NEGATIVE = -0.5;
const NOT_VERY = 0.5;
const BEFORE_CONTRAST = 0.5;
const POSITIVE_AT = 0.5;
const NEGATIVE_AT = -0.5;

const EMOJI_SCORES: Readonly<Record<string, number>> = {
  '😍': 3,
  '🥰': 3,
  '😘': 2,
  '😊': 2,
  '🙂': 1,
  '😀': 2,
  '😁': 2,
  '😃': 2,
  '😄': 2,
  '😆': 1,
  '😂': 1,
  '🤣': 1,
  '🥲': -1,
  '😇': 2,
  '🤗': 2,
  '🤩': 3,
  '😎': 2,
  '🥳': 2,
  '🎉': 2,
  '✨': 1,
  '👍': 2,
  '👏': 2,
  '👌': 2,
  '💪': 2,
  '🙏': 1,
  '🤝': 1,
  '✅': 1,
  '💯': 2,
  '❤': 3,
  '💕': 3,
  '💖': 3,
  '💗': 3,
  '💙': 2,
  '💚': 2,
  '😌': 1,
  '😭': -2,
  '😢': -2,
  '😞': -2,
  '😔': -2,
  '😩': -2,
  '😫': -2,
  '😒': -2,
  '🙄': -2,
  '😑': -1,
  '😓': -1,
  '😥': -1,
  '😰': -2,
  '😱': -2,
  '😨': -2,
  '😡': -3,
  '🤬': -4,
  '😠': -3,
  '😤': -2,
  '🤮': -3,
  '🤢': -2,
  '💩': -2,
  '👎': -2,
  '💔': -3,
  '🤦': -2,
  '😬': -1,
  '😏': -1,
  '😴': -1,
  '🥵': -1,
  '😷': -1,
  '🤒': -2,
  '🤕': -2,
  '⚠': -1,
  '❌': -1,
  '😪': -1,
  '😖': -2,
  '😣': -2,
  '😟': -2,
  '🙁': -1,
  '☹': -2,
  ':)': 2,
  ':-)': 2,
  '=)': 2,
  ':d': 2,
  ':-d': 2,
  ';)': 1,
  ':p': 1,
  '<3': 3,
  ':(': -2,
  ':-(': -2,
  '=(': -2,
  ":'(": -2,
};
const PACKAGE_EMOJI: Readonly<Record<string, number>> = packageEmoji as Record<string, number>;
const EMOJI_KEY_RE = /\uFE0F|[\u{1F3FB}-\u{1F3FF}]/gu;

const has = (o: Readonly<Record<string, number>>, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
/** The lexicon as a Map, for the per-token lookups of this module. */
const LEXICON = new Map<string, number>(Object.entries(LEXICON_ID));

function emojiScore(emoji: string): number {
  const key = (emoji.replace(EMOJI_KEY_RE, '').split('\u200D')[0] ?? '').toLowerCase();
  if (has(EMOJI_SCORES, key)) return EMOJI_SCORES[key] ?? 0;
  return has(PACKAGE_EMOJI, key) ? (PACKAGE_EMOJI[key] ?? 0) : 0;
}

// ---------- phrases and stems ----------

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

/** Words whose stem means something else: `kebijakan` (policy) is not `bijak` (wise). */
const NO_STEM = set(`
  kebijakan kesehatan keamanan pengamanan mengamankan diamankan pengaman keselamatan kebersihan kecepatan
  kekuatan sebaiknya sebenarnya selama pengadilan menjelaskan dijelaskan penjelasan menyerukan diserukan
  seruan menyeru kesenian perhatikan sesama bersama terakhir sebagian kebanyakan pemerintah pemerintahan
  perbaikan perbaiki kepala menerangkan diterangkan keterangan penerangan meninggalkan ditinggalkan ditinggal
  andalkan mengandalkan terhormat meluas diketawain ditertawakan menertawakan
`);
const PARTICLES = ['nya', 'lah', 'kah', 'pun', 'tah', 'ku', 'mu'] as const;
const SUFFIXES = ['kan', 'an', 'in', 'i'] as const;
const VOWEL_RE = /^[aeiou]/;
const MIN_STEM = 3;

function isWordEntry(word: string): boolean {
  return LEXICON.has(word) && !MODIFIERS_WITH_SCORE.has(word);
}

/** Candidate roots after removing one prefix (with Indonesian nasal assimilation). */
function unprefix(w: string): string[] {
  const out: string[] = [];
  const rest = (n: number): string => w.slice(n);
  for (const p of ['meng', 'peng']) {
    if (w.startsWith(p)) {
      const r = rest(p.length);
      if (VOWEL_RE.test(r)) out.push(`k${r}`, r);
      else out.push(r);
    }
  }
  for (const p of ['meny', 'peny']) if (w.startsWith(p)) out.push(`s${rest(p.length)}`);
  for (const p of ['mem', 'pem']) {
    if (w.startsWith(p)) {
      const r = rest(p.length);
      out.push(VOWEL_RE.test(r) ? `p${r}` : r);
    }
  }
  for (const p of ['men', 'pen']) {
    if (w.startsWith(p) && !w.startsWith(`${p}g`) && !w.startsWith(`${p}y`)) {
      const r = rest(p.length);
      out.push(VOWEL_RE.test(r) ? `t${r}` : r);
    }
  }
  for (const p of ['ter', 'ber', 'per', 'me', 'pe', 'be', 'di', 'ke', 'se']) if (w.startsWith(p)) out.push(rest(p.length));
  // Jakarta informal verbs: nge-, ng-, ny-, n- (`ngerusak`, `nyusahin`, `nipu`).
  if (w.startsWith('nge')) out.push(rest(3));
  if (w.startsWith('ng')) {
    const r = rest(2);
    if (VOWEL_RE.test(r)) out.push(`k${r}`, r);
  }
  if (w.startsWith('ny')) out.push(`s${rest(2)}`, `c${rest(2)}`);
  if (w.startsWith('n') && VOWEL_RE.test(rest(1))) out.push(`t${rest(1)}`);
  return out.filter((r) => r.length >= MIN_STEM);
}

const stemMemo = new Map<string, string | null>();

/** The lexicon word a word derives from, if any. */
function stemToLexicon(word: string): string | undefined {
  const cached = stemMemo.get(word);
  if (cached !== undefined) return cached ?? undefined;
  const found = findStem(word) ?? null;
  if (stemMemo.size >= 50_000) stemMemo.clear();
  stemMemo.set(word, found);
  return found ?? undefined;
}

function findStem(word: string): string | undefined {
  if (word.length < MIN_STEM + 2 || NO_STEM.has(word)) return undefined;
  const bases = [word];
  for (const p of PARTICLES) if (word.endsWith(p) && word.length - p.length >= MIN_STEM) bases.push(word.slice(0, -p.length));
  if (bases.some((b) => NO_STEM.has(b))) return undefined;
  for (const b of [...bases]) {
    for (const s of SUFFIXES) if (b.endsWith(s) && b.length - s.length >= MIN_STEM) bases.push(b.slice(0, -s.length));
  }
  for (const b of bases) if (b !== word && isWordEntry(b)) return b;
  for (const b of bases) {
    for (const r of unprefix(b)) {
      if (isWordEntry(r)) return r;
      for (const r2 of unprefix(r)) if (isWordEntry(r2)) return r2;
    }
  }
  return undefined;
}

/** No break, a clause break (`,` `;`) or a sentence end (`.` `!` `?`) after a token. */
const enum Break {
  None = 0,
  Clause = 1,
  Sentence = 2,
}

/**
 * Where clauses end, read from `norm.text` (which keeps `,` and `.` between words). If the text
 * does not match the tokens (a hand-made NormalisedText), no breaks are assumed.
 */
function breaksOf(norm: NormalisedText): Break[] {
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

interface Prepared {
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
function prepare(tokens: readonly string[], tokenBreaks: readonly Break[]): Prepared {
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
      keys.push(LEXICON.has(token) || NEGATORS.has(token) ? token : (stemToLexicon(token) ?? token));
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
function beforeContrast(keys: readonly string[], breaks: readonly Break[]): boolean[] {
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

// ---------- the Indonesian scoring strategy ----------

/** Per-call state the strategy reads and writes; analysis is synchronous, so one slot is enough. */
let current: { breaks: readonly Break[]; halve: readonly boolean[] } = { breaks: [], halve: [] };
let trace: (number | undefined)[] = [];

function isScored(token: string | undefined): boolean {
  if (token === undefined) return false;
  const score = LEXICON.get(token);
  return score !== undefined && score !== 0;
}

function adjust(tokens: readonly string[], i: number, base: number): number {
  const token = tokens[i] ?? '';
  const { breaks, halve } = current;
  const prev = breaks[i - 1] ? undefined : tokens[i - 1];
  const next = breaks[i] ? undefined : tokens[i + 1];
  if (prev === token) return 0;
  if (MODIFIERS_WITH_SCORE.has(token) && isScored(next)) return 0;

  let score = base;
  const intensifiedBefore = prev !== undefined && INTENSIFIERS_BEFORE.has(prev);
  if (intensifiedBefore || (next !== undefined && INTENSIFIERS_AFTER.has(next))) score *= INTENSIFY;
  let j = i - 1;
  // Skip modifiers between the word and a possible negator: `tidak terlalu bagus`, `tidak begitu enak`.
  while (j >= 0 && j >= i - 3 && !breaks[j]) {
    const t = tokens[j] ?? '';
    if (t === 'kurang') {
      score = score > 0 ? score * KURANG_POSITIVE : score * 0.5;
      break;
    }
    if (SOFTENERS.has(t)) {
      score *= SOFTEN;
      j--;
      continue;
    }
    if (NEGATORS.has(t)) {
      // `tidak terlalu bagus` is "not very good": a mild negative, not an intense one.
      if (intensifiedBefore) score = -base * NOT_VERY;
      else if (!NOT_NEGATED_AFTER.has(tokens[j + 1] ?? '')) score = score > 0 ? -score : score * NEGATED_NEGATIVE;
      break;
    }
    if (CONTRASTS.has(t) || CLAUSE_BREAKS.has(t) || isScored(t)) break;
    j--;
  }
  if (halve[i]) score *= BEFORE_CONTRAST;
  return score;
}

const INDONESIAN = 'pantau-id';
const analyser = new Sentiment();
analyser.registerLanguage(INDONESIAN, {
  labels: { ...LEXICON_ID },
  scoringStrategy: {
    apply(tokens, cursor, tokenScore) {
      const score = adjust(tokens, cursor, tokenScore);
      trace[cursor] = score;
      return score;
    },
  },
});

interface Scored {
  readonly score: number;
  readonly tokenCount: number;
  readonly words: { word: string; score: number }[];
}

function scoreIndonesian(norm: NormalisedText): Scored {
  const { keys, surfaces, breaks } = prepare(norm.tokens, breaksOf(norm));
  current = { breaks, halve: beforeContrast(keys, breaks) };
  trace = [];
  const result = analyser.analyze(keys.join(' '), { language: INDONESIAN });
  const words: { word: string; score: number }[] = [];
  let score = 0;
  for (let i = 0; i < trace.length; i++) {
    const s = trace[i];
    if (s === undefined || s === 0) continue;
    words.push({ word: surfaces[i] ?? keys[i] ?? '', score: round(s) });
    score += s;
  }
  return { score, tokenCount: keys.length === 0 ? 0 : result.tokens.length, words };
}

function scoreEnglish(tokens: readonly string[]): Scored {
  if (tokens.length === 0) return { score: 0, tokenCount: 0, words: [] };
  const result = analyser.analyze(tokens.join(' '));
  const words = result.calculation
    .flatMap((c) => Object.entries(c))
    .filter(([, s]) => s !== 0)
    .map(([word, s]) => ({ word, score: s }))
    .reverse();
  return { score: result.score, tokenCount: result.tokens.length, words };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function labelOf(score: number): SentimentLabel {
  if (score >= POSITIVE_AT) return 'positive';
  if (score <= NEGATIVE_AT) return 'negative';
  return 'neutral';
}

export function analyseSentiment(norm: NormalisedText, lang: Language): SentimentResult {
  let scored: Scored;
  if (lang === 'id') scored = scoreIndonesian(norm);
  else if (lang === 'en') scored = scoreEnglish(norm.tokens);
  else {
    const id = scoreIndonesian(norm);
    const en = scoreEnglish(norm.tokens);
    scored = en.words.length > id.words.length ? en : id;
  }
  const words = [...scored.words];
  let score = scored.score;
  for (const emoji of norm.emojis) {
    const s = emojiScore(emoji);
    if (s === 0) continue;
    words.push({ word: emoji, score: s });
    score += s;
  }
  const count = scored.tokenCount + norm.emojis.length;
  score = round(score);
  return { label: labelOf(score), score, comparative: count > 0 ? round(score / count) : 0, words };
}
