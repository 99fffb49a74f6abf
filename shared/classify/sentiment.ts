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
 * English: the package's English (AFINN-165) with Pantau's English slang (lexicon-en-slang.ts)
 * registered as its own language, the package's negators plus the ones it lacks (`never`,
 * `wasnt`), `not very` as a mild negation, intensifiers, contrast as above, and `fire`/`lit` as
 * praise only after a praise frame (`is fire`). Undetermined: both, and the one that
 * found more scored words wins. Emoji are scored on their own (table below, then the package's
 * emoji list) and are not negated.
 */
import Sentiment from 'sentiment';
import packageEmoji from 'sentiment/build/emoji.json';
import afinnLabels from 'sentiment/languages/en/labels.json';
import packageNegators from 'sentiment/languages/en/negators.json';
import { EN_FRAMED_PRAISE, EN_PRAISE_FRAMES, EN_SLANG } from './lexicon-en-slang';
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
/**
 * Label thresholds on the final score (emoji included): positive at ≥ `positive`, negative at
 * ≤ `negative`, neutral between.
 *
 * Calibrated on SmSA train (../shared/data/smsa_train.tsv, 10,933 reviews; never on the dev set
 * eval/jakarta-posts.jsonl or on SmSA valid) by `npx tsx scripts/eval-sentiment.ts --calibrate`:
 * a grid of positive ≥ p and negative ≤ −n for p, n in 0.25 … 4 by 0.25, maximising macro-F1.
 * Result (lexicon of 3,143 entries): best p = n = 0.25 (macro-F1 0.750); p = n = 0.5 gives 0.746,
 * and anything from 0.75 up loses more (0.739 and below). Scores move in steps of about 0.5 (a
 * lexicon score of 1 softened or halved by a contrast), so 0.25 and 0.5 split the data almost
 * the same way; we keep 0.5, the wider neutral band, because tweets and news headlines have
 * more neutral posts than reviews do.
 */
export const SENTIMENT_THRESHOLDS = Object.freeze({ positive: 0.5, negative: -0.5 });

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
  tawaran tawarkan ditawarkan menawarkan penawaran ditawari menawar kebetulan sebetulnya melakukan
  dilakukan lakukan kelakuan perlakuan pelaku diperlakukan memperlakukan laku lakunya badan besok selagi
  kenaikan pemilu pemilih yahudi kelola dikelola mengelola pengelola pengelolaan kewalahan perkampungan
  merapi sehabis menghabiskan dihabiskan habiskan mengenakan dikenakan pengenaan nyepi pengawet lapangan
  tepatnya kegiatan tanggapan ditanggapi menanggapi sepenuhnya seenak mudahan semoga keadaan berada
  pelajaran pelajar belajar mengajar pengajar pengajaran perasaan merasakan dirasakan rasanya
  kesempatan bersama sebagai seluruh selalu sekali sekalian kemarin sedang sesuatu seseorang seperti
  berapa mereka merasa pembangunan membangun dibangun bangunan pekerjaan bekerja dikerjakan mengerjakan
  pembayaran membayar dibayar pemilik memiliki dimiliki kebijakan berjalan menjalankan dijalankan perjalanan
  pendapat mendapat mendapatkan didapat pendapatan kedatangan mendatangi pengunjung pelanggan penjual pembeli
  berawan kenaikan menaikan menaikkan dinaikkan dinaikan nampan menghilangkan dihilangkan
`);
/** Lexicon words too short or too English to be reached through Indonesian affixes (`badan` is not `bad`). */
const NOT_A_STEM_TARGET = set('bad lag bug sok tai taik bau php ott kw sad poor slow lola pilu tawar laku walah');
const PARTICLES = ['nya', 'lah', 'kah', 'pun', 'tah', 'ku', 'mu'] as const;
const SUFFIXES = ['kan', 'an', 'in', 'i'] as const;
const VOWEL_RE = /^[aeiou]/;
const MIN_STEM = 3;
const MIN_AFFIXED_STEM = 4;

function isWordEntry(word: string): boolean {
  return LEXICON.has(word) && !MODIFIERS_WITH_SCORE.has(word);
}

/** A root reached by removing a prefix or suffix (not just a clitic) must be a plain Indonesian lexicon word. */
function isStemTarget(word: string): boolean {
  return isWordEntry(word) && word.length >= MIN_AFFIXED_STEM && !NOT_A_STEM_TARGET.has(word);
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

/** The lexicon word a word derives from, if any (`kebanjiran` → `banjir`); exported for tests and the evaluation. */
export function stemToLexicon(word: string): string | undefined {
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
  const clitics = bases.length - 1;
  for (const b of [...bases]) {
    for (const s of SUFFIXES) if (b.endsWith(s) && b.length - s.length >= MIN_STEM) bases.push(b.slice(0, -s.length));
  }
  // bases[1..clitics] only lost a clitic (`baunya` → `bau`): any lexicon word will do.
  for (let k = 1; k < bases.length; k++) {
    const b = bases[k] ?? '';
    if (k <= clitics ? isWordEntry(b) : isStemTarget(b)) return b;
  }
  for (const b of bases) {
    for (const r of unprefix(b)) {
      if (isStemTarget(r)) return r;
      for (const r2 of unprefix(r)) if (isStemTarget(r2)) return r2;
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
function prepare(tokens: readonly string[], tokenBreaks: readonly Break[], affix: boolean): Prepared {
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

function scoreIndonesian(norm: NormalisedText, affix: boolean): Scored {
  const { keys, surfaces, breaks } = prepare(norm.tokens, breaksOf(norm), affix);
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
  const register = reportRegister(norm);
  if (register !== 1) {
    score *= register;
    for (const w of words) w.score = round(w.score * register);
  }
  return { score, tokenCount: keys.length === 0 ? 0 : result.tokens.length, words };
}

/** Words of reporting and asking: news, announcements, traffic updates, requests for information. */
const REPORT_MARKERS = set(`
  terkait diduga akibat imbas penyebab selidiki menyelidiki tercatat dilaporkan mengimbau imbauan pukul wib
  persen pengumuman update info informasi jadwal apakah tanya bertanya nanya menanyakan kabarnya sebaiknya
`);
/** Words of a person's own voice: pronouns, particles, exclamations. Any one of them keeps the full score. */
const VOICE_MARKERS = set(`
  saya aku kami kita kamu sih dong deh kok banget lah kan nih tuh mah parah tolong mohon astaga anjir
  ya_ampun aduh duh waduh wkwk haha hehe kesal kecewa capek sebal benci senang suka puas bangga
`);
/**
 * A post in a reporting register (a headline, an announcement, a question asking for information)
 * with no sign of the writer's own voice mentions problems without judging them: `Kebakaran di
 * Kemayoran, Polisi Selidiki Penyebab` is neutral news, not a complaint. Its score is damped.
 */
const REPORT_DAMPING = 0.2;
function reportRegister(norm: NormalisedText): number {
  if (norm.emojis.length > 0) return 1;
  let report = false;
  for (const t of norm.tokens) {
    if (VOICE_MARKERS.has(t)) return 1;
    if (REPORT_MARKERS.has(t)) report = true;
  }
  return report ? REPORT_DAMPING : 1;
}

// ---------- the English scoring strategy ----------

/** The package's English negators (apostrophes dropped, as `normalise` does) and the ones it lacks. */
const EN_NEGATORS = new Set([
  ...Object.keys(packageNegators as Record<string, number>).map((w) => w.replace(/'/g, '')),
  ...'no never not aint wasnt werent didnt arent hasnt havent hadnt shouldnt wouldnt couldnt nobody nothing hardly barely'.split(' '),
]);
const EN_INTENSIFIERS = set('very so really super extremely too totally absolutely highkey incredibly insanely hella mad');
const EN_SCORES: Readonly<Record<string, number>> = { ...(afinnLabels as Record<string, number>), ...EN_SLANG };

function adjustEnglish(tokens: readonly string[], i: number, base: number): number {
  const { breaks, halve } = current;
  const token = tokens[i] ?? '';
  const prev = breaks[i - 1] ? undefined : tokens[i - 1];
  let score = base;
  const praise = EN_FRAMED_PRAISE[token];
  if (praise !== undefined && prev !== undefined && (EN_PRAISE_FRAMES.has(prev) || EN_INTENSIFIERS.has(prev))) score = praise;
  const intensified = prev !== undefined && EN_INTENSIFIERS.has(prev);
  if (intensified) score *= INTENSIFY;
  // `not good`, `not very good` (mild), `never clean`.
  const negatorAt = intensified ? i - 2 : i - 1;
  if (negatorAt >= 0 && !breaks[negatorAt] && (negatorAt === i - 1 || !breaks[i - 1]) && EN_NEGATORS.has(tokens[negatorAt] ?? '')) {
    score = intensified ? -base * NOT_VERY : score > 0 ? -score : score * NEGATED_NEGATIVE;
  }
  if (halve[i]) score *= BEFORE_CONTRAST;
  return score;
}

const ENGLISH = 'pantau-en';
analyser.registerLanguage(ENGLISH, {
  labels: EN_SCORES,
  scoringStrategy: {
    apply(tokens, cursor, tokenScore) {
      const score = adjustEnglish(tokens, cursor, tokenScore);
      trace[cursor] = score;
      return score;
    },
  },
});

function scoreEnglish(norm: NormalisedText): Scored {
  if (norm.tokens.length === 0) return { score: 0, tokenCount: 0, words: [] };
  const breaks = breaksOf(norm);
  current = { breaks, halve: beforeContrast(norm.tokens, breaks) };
  trace = [];
  const result = analyser.analyze(norm.tokens.join(' '), { language: ENGLISH });
  const words: { word: string; score: number }[] = [];
  let score = 0;
  for (let i = 0; i < trace.length; i++) {
    const s = trace[i];
    if (s === undefined || s === 0) continue;
    words.push({ word: norm.tokens[i] ?? '', score: round(s) });
    score += s;
  }
  return { score, tokenCount: result.tokens.length, words };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function labelOf(score: number): SentimentLabel {
  if (score >= SENTIMENT_THRESHOLDS.positive) return 'positive';
  if (score <= SENTIMENT_THRESHOLDS.negative) return 'negative';
  return 'neutral';
}

export interface SentimentOptions {
  /**
   * Look up a word missing from the lexicon by its stem (`kebanjiran` → `banjir`). On by
   * default; the evaluation turns it off to measure what it adds.
   */
  readonly affixFallback?: boolean;
}

export function analyseSentiment(norm: NormalisedText, lang: Language, options: SentimentOptions = {}): SentimentResult {
  const affix = options.affixFallback ?? true;
  let scored: Scored;
  if (lang === 'id') scored = scoreIndonesian(norm, affix);
  else if (lang === 'en') scored = scoreEnglish(norm);
  else {
    const id = scoreIndonesian(norm, affix);
    const en = scoreEnglish(norm);
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
