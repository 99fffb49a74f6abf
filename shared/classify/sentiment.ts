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
 * - Jakarta slang intensifiers after a praise word (`keren parah`, `enak gila`) intensify it
 *   and score nothing themselves;
 * - a praise word awaited or asked for (`mohon diperbaiki`, `kapan dibenerin`) scores nothing;
 *   thanks and relief (`terima kasih`, `alhamdulillah`, `salut`) weigh double;
 * - sarcasm (see `isSarcastic`): ironic praise of a bad situation (`hebat ya, 3 jam nunggu bus`,
 *   `mantap, banjir lagi 🙃`) flips every praise word (and positive emoji) to negative, and the
 *   explanation carries a `sarcasm` entry;
 * - a when/why question with a particle, a negation or an awaited fix (`kapan sih dibenerin??`)
 *   is a complaint and scores −2 on its question word;
 * - a post in a reporting register (news verbs, attribution, agencies with counts, requests for
 *   information) with no sign of the writer's voice is damped (see `reportRegister`).
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
import { AFINN } from './afinn';
import packageNegators from 'sentiment/languages/en/negators.json';
import { EN_WORDS, ID_WORDS } from './language';
import { EN_FRAMED_PRAISE, EN_PRAISE_FRAMES, EN_SLANG } from './lexicon-en-slang';
import { LEXICON_ENTRIES, LEXICON_ID } from './lexicon-id';
import { unprefix, unsuffix } from './morphology';
import type { Language, NormalisedText, Place, SentimentLabel, SentimentResult } from './types';

const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter((w) => w.length > 0));

const NEGATORS = set('tidak tak bukan belum jangan tanpa not no never');
/** After a negator these make it "not only", not a negation. */
const NOT_NEGATED_AFTER = set('hanya cuma sekadar sekedar saja only');
const INTENSIFIERS_BEFORE = set(
  'sangat amat paling terlalu sungguh teramat begitu makin semakin super benarbenar very so too really extremely',
);
const INTENSIFIERS_AFTER = set('banget sekali amat nian');
/** Jakarta slang: after a praise word these intensify it (`keren parah`, `enak gila`) and score nothing themselves. */
const SLANG_INTENSIFIERS_AFTER = set('parah gila abis');
/**
 * A praise word asked for or awaited is not praise: `mohon diperbaiki`, `kapan dibenerin`,
 * `tolong ditindak` say the thing is broken. Such a word scores nothing.
 */
const REQUESTS = set('mohon tolong harap minta segera kapan please');
/**
 * Thanks and relief decide a post that also names the disaster or the trouble it is about
 * (`terima kasih atas bantuan selama banjir`, `ambulans datang, ayah selamat, terima kasih`):
 * they weigh double.
 */
const GRATITUDE = set('terimakasih berterimakasih makasih alhamdulillah salut apresiasi mengapresiasi diapresiasi');
const GRATITUDE_WEIGHT = 2;
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
  '🙃': -1,
  '🤡': -2,
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
const MIN_STEM = 3;
const MIN_AFFIXED_STEM = 4;

function isWordEntry(word: string): boolean {
  return LEXICON.has(word) && !MODIFIERS_WITH_SCORE.has(word);
}

/** A root reached by removing a prefix or suffix (not just a clitic) must be a plain Indonesian lexicon word. */
function isStemTarget(word: string): boolean {
  return isWordEntry(word) && word.length >= MIN_AFFIXED_STEM && !NOT_A_STEM_TARGET.has(word);
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
  const { bases, clitics } = unsuffix(word, MIN_STEM);
  if (bases.some((b) => NO_STEM.has(b))) return undefined;
  // bases[1..clitics] only lost a clitic (`baunya` → `bau`): any lexicon word will do.
  for (let k = 1; k < bases.length; k++) {
    const b = bases[k] ?? '';
    if (k <= clitics ? isWordEntry(b) : isStemTarget(b)) return b;
  }
  for (const b of bases) {
    for (const r of unprefix(b, MIN_STEM)) {
      if (isStemTarget(r)) return r;
      for (const r2 of unprefix(r, MIN_STEM)) if (isStemTarget(r2)) return r2;
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
  if (SLANG_INTENSIFIERS_AFTER.has(token) && prev !== undefined && (LEXICON.get(prev) ?? 0) > 0) return 0;
  if (base > 0) {
    for (let j = i - 1; j >= 0 && j >= i - 6 && !breaks[j]; j--) if (REQUESTS.has(tokens[j] ?? '')) return 0;
  }

  if (AWAITED.has(token) && !LEXICON.has(token)) return awaited(tokens, breaks, i);
  let score = base > 0 && GRATITUDE.has(token) ? base * GRATITUDE_WEIGHT : base;
  const intensifiedBefore = prev !== undefined && INTENSIFIERS_BEFORE.has(prev);
  const slangIntensified = base > 0 && next !== undefined && SLANG_INTENSIFIERS_AFTER.has(next);
  if (intensifiedBefore || slangIntensified || (next !== undefined && INTENSIFIERS_AFTER.has(next))) score *= INTENSIFY;
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
      // `bukan main rapinya`: "remarkably", not a negation.
      if (t === 'bukan' && tokens[j + 1] === 'main') {
        score *= INTENSIFY;
        break;
      }
      // `gimana gak seneng`, `siapa yang gak bangga`, `gak pernah sepuas ini`: emphasis, not negation.
      if (isEmphaticNegation(tokens, j, i)) break;
      // `tidak terlalu bagus` is "not very good": a mild negative, not an intense one.
      if (intensifiedBefore) score = -base * NOT_VERY;
      else if (!NOT_NEGATED_AFTER.has(tokens[j + 1] ?? '')) score = score > 0 ? -score : score * NEGATED_NEGATIVE;
      break;
    }
    if (CONTRASTS.has(t) || CLAUSE_BREAKS.has(t) || isScored(t)) break;
    j--;
  }
  // `kasus DBD turun drastis`, `banjir mulai surut`: a problem receding is good news (the
  // problem turns mildly positive), and the receding word itself is no complaint.
  if (score < 0 && RECEDING.has(token) && recededBefore(tokens, breaks, i)) return 0;
  if (score < 0 && !NOT_RECEDING.has(token) && recedes(tokens, breaks, i)) score *= NEGATED_NEGATIVE;
  if (halve[i]) score *= BEFORE_CONTRAST;
  return score;
}

/** `gak diangkat`, `tidak ada petugas`: a negated awaited service is a complaint; otherwise nothing. */
function awaited(tokens: readonly string[], breaks: readonly Break[], i: number): number {
  const j = i - 1;
  if (j < 0 || breaks[j] || !NEGATORS.has(tokens[j] ?? '') || tokens[j] === 'jangan') return 0;
  const next = breaks[i] ? undefined : tokens[i + 1];
  // `tidak ada masalah` is the word after's business; `gak sampai 5 menit` is quick.
  if (next !== undefined && (isScored(next) || DIGIT_RE.test(next) || next === 'se')) return 0;
  return AWAITED_NEGATED;
}

/** Words that say a problem is receding, when they follow it. */
const RECEDING = set('turun menurun berkurang surut reda teratasi tertangani mereda');
/** Negative words that `turun` does not make recede (`hujan turun` is rain falling). */
const NOT_RECEDING = set('hujan gerimis badai petir salju');
const RECEDING_WINDOW = 4;

function recedes(tokens: readonly string[], breaks: readonly Break[], i: number): boolean {
  for (let k = i + 1; k <= i + RECEDING_WINDOW && k < tokens.length; k++) {
    if (breaks[k - 1]) return false;
    const t = tokens[k] ?? '';
    if (RECEDING.has(t)) return !NEGATORS.has(tokens[k - 1] ?? '');
    if (isScored(t) || NEGATORS.has(t)) return false;
  }
  return false;
}

function recededBefore(tokens: readonly string[], breaks: readonly Break[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - RECEDING_WINDOW; k--) {
    if (breaks[k]) return false;
    if ((LEXICON.get(tokens[k] ?? '') ?? 0) < 0) return !NOT_RECEDING.has(tokens[k] ?? '');
  }
  return false;
}

/** Question words that, before a negator, make it rhetorical emphasis (`gimana gak seneng`). */
const EMPHATIC_ASK = set('gimana bagaimana mana masa');

/** Is the negator at `j` emphasis rather than negation of the word at `i`? */
function isEmphaticNegation(tokens: readonly string[], j: number, i: number): boolean {
  const before = tokens[j - 1] ?? '';
  if (EMPHATIC_ASK.has(before)) return true;
  if (before === 'yang' && tokens[j - 2] === 'siapa') return true;
  // `tidak pernah sepuas ini`: never this satisfied before.
  return tokens[j + 1] === 'pernah' && (tokens[i + 1] === 'ini' || tokens[i + 1] === 'itu');
}

/**
 * Services a resident waits for: they score only when negated (`gak diangkat`, `belum nyala
 * juga`, `gak ada petugas`, `PAM gak masuk`), as a complaint that something did not happen.
 * Outside the lexicon, so they never count as praise or break a negation's reach.
 */
const AWAITED = set(`
  ada datang nyala menyala diangkat sampai masuk lewat muncul berfungsi dibuka dibalas dibales direspon
  direspons ditanggapi diangkut mengalir ngalir cair dicairkan bisa jalan dilayani diproses
`);
const AWAITED_SCORE = 1;
const AWAITED_NEGATED = -1.5;

const INDONESIAN = 'pantau-id';
const analyser = new Sentiment();
analyser.registerLanguage(INDONESIAN, {
  labels: { ...Object.fromEntries([...AWAITED].map((w) => [w, AWAITED_SCORE])), ...LEXICON_ID },
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
  /** The post praises ironically: its positive emoji are flipped too. */
  readonly sarcasm?: boolean;
}

function scoreIndonesian(norm: NormalisedText, affix: boolean, headline = false, question = false): Scored {
  const { keys, surfaces, breaks } = prepare(norm.tokens, breaksOf(norm), affix);
  current = { breaks, halve: beforeContrast(keys, breaks) };
  trace = [];
  const result = analyser.analyze(keys.join(' '), { language: INDONESIAN });
  const scores = keys.map((_, i) => trace[i] ?? 0);
  const sarcasm = isSarcastic(norm, keys, surfaces, breaks, scores);
  if (sarcasm) for (let i = 0; i < scores.length; i++) if ((scores[i] ?? 0) > 0) scores[i] = -(scores[i] ?? 0);
  const words: { word: string; score: number }[] = [];
  let score = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] ?? 0;
    if (s === 0) continue;
    words.push({ word: surfaces[i] ?? keys[i] ?? '', score: round(s) });
    score += s;
  }
  if (sarcasm) words.push({ word: SARCASM_MARKER, score: 0 });
  const blame = complaintQuestion(keys, breaks, scores);
  if (blame) {
    words.push({ word: blame, score: COMPLAINT_QUESTION });
    score += COMPLAINT_QUESTION;
  }
  const register = sarcasm ? 1 : headline ? HEADLINE_DAMPING : reportRegister(norm, keys, breaks, question);
  if (register !== 1) {
    score *= register;
    for (const w of words) w.score = round(w.score * register);
  }
  return { score, tokenCount: keys.length === 0 ? 0 : result.tokens.length, words, sarcasm };
}

// ---------- places and headlines ----------

/** Stands in for a place's words: not in any lexicon, so it scores nothing. */
const PLACE_TOKEN = 'tempatx';

/**
 * The post with the words of its places replaced by a placeholder, keeping `text` and `tokens`
 * aligned (clause breaks are read from `text`). A place whose words do not appear as tokens is
 * left alone.
 */
function maskPlaces(norm: NormalisedText, places: readonly Pick<Place, 'name'>[]): NormalisedText {
  const tokens = [...norm.tokens];
  let changed = false;
  for (const place of places) {
    const words = place.name.toLowerCase().split(/\s+/);
    for (let i = 0; i + words.length <= tokens.length; i++) {
      if (!words.every((w, k) => tokens[i + k] === w)) continue;
      for (let k = 0; k < words.length; k++) tokens[i + k] = PLACE_TOKEN;
      changed = true;
    }
  }
  if (!changed) return norm;
  const pieces = norm.text.split(' ');
  if (pieces.length !== tokens.length) return { ...norm, tokens };
  const text = pieces
    .map((piece, i) => {
      const token = tokens[i] ?? '';
      if (token !== PLACE_TOKEN) return piece;
      const end = piece.charAt(piece.length - 1);
      return end === ',' || end === '.' ? `${PLACE_TOKEN}${end}` : PLACE_TOKEN;
    })
    .join(' ');
  return { ...norm, text, tokens };
}

/** Short words headlines keep in lower case (`Banjir Rob di Pesisir`). */
const HEADLINE_LOWER = set(
  'di ke dari dan yang untuk pada dengan atau oleh bagi dalam hingga sampai jadi saat usai the of in on at to and for a an as',
);
const HEADLINE_MIN_WORDS = 4;
const HEADLINE_SHARE = 0.8;
const LETTER_RE = /\p{L}/u;
const UPPER_START_RE = /^[^\p{L}]*\p{Lu}/u;

/**
 * A headline in title case (`Pohon Tumbang di Jalan Gatot Subroto, Lalu Lintas Dialihkan`): most
 * words start with a capital, not all of them are shouted, and it does not exclaim. A headline
 * reports events; it does not judge them, so its score is damped like a report's.
 */
export function isHeadline(text: string): boolean {
  if (/[!?]|[\p{Extended_Pictographic}]/u.test(text) || /\n/.test(text.trim())) return false;
  const words = text.split(/\s+/).filter((w) => LETTER_RE.test(w) && !w.startsWith('@') && !w.startsWith('#') && !/^https?:/i.test(w));
  let considered = 0;
  let capitalised = 0;
  let shouted = 0;
  for (const w of words) {
    const bare = w.replace(/[^\p{L}\p{N}]/gu, '');
    if (bare.length < 2 || HEADLINE_LOWER.has(bare.toLowerCase())) continue;
    considered++;
    if (UPPER_START_RE.test(w)) capitalised++;
    if (bare.length > 3 && bare === bare.toUpperCase() && /\p{L}/u.test(bare)) shouted++;
  }
  if (considered < HEADLINE_MIN_WORDS) return false;
  if (shouted > considered / 2) return false;
  return capitalised / considered >= HEADLINE_SHARE;
}

// ---------- sarcasm ----------

/**
 * The explanation entry (score 0) added when a post's praise is read as ironic; the praise
 * words themselves appear with their flipped, negative score.
 */
export const SARCASM_MARKER = 'sarcasm';
/** Emoji that mark praise beside them as ironic (`keren 🙃`, `cepet bgt kok 🤡`). */
const SARCASM_EMOJI = new Set(['🙃', '🙄', '🤡', '😒', '😏', '🤦', '😑']);
/** Praise that thanks or congratulates: ironic when a gift word wraps a bad thing (`hadiah mati lampu`). */
const IRONIC_GIFTS = set('hadiah bonus gratis kado rekor oleh_oleh');
/** Particles that, right after an opening praise word, make it an exclamation (`hebat ya`, `mantap jiwa`). */
const IRONY_PARTICLES = set('ya yah nih sekali benar bener jiwa deh loh lho kok');
/** Interjections and intensifiers allowed before an opening praise word (`wah baik banget`, `sungguh beruntung`). */
const OPENER_SKIP = set('wah wow waw wih widih duh beh sungguh sangat amat paling pelayanan pelayanannya layanan sistem');
/** Duration, repetition and waiting: the situation the praise is about went on and on. */
const ENDURANCE = set('lagi terus terusan melulu mulu tiap setiap berjam seharian semalaman kali');
/** Repetition without numbers: the closing-praise rule ignores durations (`damkar datang 10 menit. Mantap`). */
const REPETITION = set('lagi terus terusan melulu mulu tiap setiap');
/** Praise that closes a complaint ironically; thanks are left out (`… Terima kasih` closes sincerely too). */
const CLOSING_PRAISE = set('mantap mantul keren hebat top bagus luarbiasa prestasi juara sempurna');
const ENDURANCE_UNITS = set('jam menit bulan tahun hari minggu kali');
const ENDURANCE_PHRASES: readonly (readonly string[])[] = [
  ['belum', 'juga'],
  ['tidak', 'pernah'],
  ['tidak', 'kunjung'],
  ['dari', 'subuh'],
  ['dari', 'pagi'],
  ['dari', 'tadi'],
  ['dari', 'kemarin'],
  ['cuma', 'butuh'],
];
/** A fix or relief after the praise makes it sincere (`mantap, banjir udah surut`). */
const SINCERE = set('sudah udah telah akhirnya sekarang alhamdulillah');
/** Praise conceded before a complaint (`ramah, namun lama`) is sincere praise of one part. */
const CONCESSIONS = new Set([...CONTRASTS, 'sayang', 'padahal']);
/** Warm emoji are not used ironically: a post carrying one is sincere. */
const WARM_EMOJI = new Set(['❤', '😍', '🥰', '🤗', '💕', '💖', '💗', '💙', '💚', '🥹', '😇', '🙏']);
const DIGIT_RE = /^\d+$/;

function isEndurance(keys: readonly string[], i: number): boolean {
  const k = keys[i] ?? '';
  // `lagi` opening a clause is "currently" (`lagi di KRL`), not "again".
  if (ENDURANCE.has(k) && !(k === 'lagi' && (i === 0 || keys[i - 1] === undefined)))
    return k !== 'kali' || DIGIT_RE.test(keys[i - 1] ?? '');
  if (DIGIT_RE.test(k) && ENDURANCE_UNITS.has(keys[i + 1] ?? '')) return true;
  return ENDURANCE_PHRASES.some((p) => p[0] === k && p[1] === keys[i + 1]);
}

/** Index of a praise word alone in the post's last clause (at most three words), or −1. */
function closingPraise(keys: readonly string[], breaks: readonly Break[], scores: readonly number[]): number {
  let start = keys.length - 1;
  while (start > 0 && breaks[start - 1] === Break.None) start--;
  if (keys.length - start > 3 || start === 0) return -1;
  for (let i = start; i < keys.length; i++) if ((scores[i] ?? 0) > 0 && CLOSING_PRAISE.has(keys[i] ?? '')) return i;
  return -1;
}

/**
 * Ironic praise of a bad situation (`mantap, banjir lagi 🙃`, `hebat ya, 3 jam nunggu bus`,
 * `terima kasih PLN atas hadiah mati lampu`). Fires on any of:
 * - a sarcasm emoji with a praise word in the post;
 * - a gift word (`hadiah`, `bonus`, `gratis`) within three words of a negative word;
 * - praise opening the post (the first scored word, within its first three words after
 *   interjections) followed by a bad situation: later words that weigh negative overall, or
 *   negative words with duration/repetition (`lagi`, `terus`, `3 jam`, `belum juga`), or, when
 *   the praise is an exclamation (`hebat ya`, `mantap jiwa`), duration/repetition alone.
 * - praise reported as a claim (`katanya kota maju`) in a post with a negative word;
 * - praise closing the post in a short last clause (`mantap pemprov`) after negative words
 *   and repetition (`lagi`, `terus`, `tiap`, `belum juga`).
 * A fix after the praise (`udah`, `sekarang`, `alhamdulillah` before a positive word), a
 * concession (`tapi`, `namun`) or a warm emoji (❤️) keeps it sincere.
 */
function isSarcastic(
  norm: NormalisedText,
  keys: readonly string[],
  surfaces: readonly string[],
  breaks: readonly Break[],
  scores: readonly number[],
): boolean {
  const praise = scores.some((s) => s > 0);
  if (!praise || keys.includes('alhamdulillah')) return false;
  const emojis = norm.emojis.map((e) => e.replace(EMOJI_KEY_RE, ''));
  if (emojis.some((e) => SARCASM_EMOJI.has(e))) return true;
  if (emojis.some((e) => WARM_EMOJI.has(e))) return false;

  for (let i = 0; i < keys.length; i++) {
    const words = (surfaces[i] ?? '').split(' ');
    if (!words.some((w) => IRONIC_GIFTS.has(w)) && !IRONIC_GIFTS.has(keys[i] ?? '')) continue;
    for (let j = Math.max(0, i - 3); j <= Math.min(keys.length - 1, i + 3); j++) if ((scores[j] ?? 0) <= -1) return true;
  }

  const negativeTotal = scores.reduce((sum, v) => (v < 0 ? sum + v : sum), 0);
  // `katanya kota maju, banjir tiap tahun`: praise reported as a claim, next to a bad situation.
  for (let i = 0; i < keys.length; i++) {
    if ((scores[i] ?? 0) > 0 && (keys[i - 1] === 'katanya' || keys[i - 2] === 'katanya') && negativeTotal <= -1) return true;
  }
  // `banjir lagi, 3 hari gak surut. mantap pemprov`: a complaint that keeps happening, closed by praise.
  const closing = closingPraise(keys, breaks, scores);
  if (closing >= 0) {
    let before = 0;
    let repeated = false;
    for (let i = 0; i < closing; i++) {
      before += scores[i] ?? 0;
      if (REPETITION.has(keys[i] ?? '') && i > 0) repeated = true;
      if (ENDURANCE_PHRASES.some((p) => p[0] === keys[i] && p[1] === keys[i + 1])) repeated = true;
      if (CONCESSIONS.has(keys[i] ?? '') || SINCERE.has(keys[i] ?? '')) return false;
    }
    if (before <= -2 && repeated) return true;
  }

  let opener = -1;
  for (let i = 0; i < keys.length && i < 4; i++) {
    const s = scores[i] ?? 0;
    if (s > 0) {
      opener = i;
      break;
    }
    if (s < 0 || !OPENER_SKIP.has(keys[i] ?? '')) {
      if (i >= 2) break;
    }
  }
  if (opener < 0) return false;
  // `bagus sih, tapi mahal`: a concession, not irony.
  if (keys[opener + 1] === 'sih' || keys.some((k, i) => i > opener && CONCESSIONS.has(k))) return false;
  const exclaimed = IRONY_PARTICLES.has(keys[opener + 1] ?? '') || breaks[opener] !== Break.None;
  let negative = 0;
  let positive = 0;
  let endurance = false;
  for (let i = opener + 1; i < keys.length; i++) {
    const s = scores[i] ?? 0;
    if (s > 0 && (SINCERE.has(keys[i - 1] ?? '') || SINCERE.has(keys[i - 2] ?? ''))) return false;
    if (keys[i] === 'alhamdulillah') return false;
    if (s < 0) negative += s;
    else positive += s;
    if (isEndurance(keys, i)) endurance = true;
  }
  const net = negative + positive;
  if (net <= -1) return true;
  if (net <= 0 && negative <= -1 && endurance) return true;
  // `hebat ya, 3 jam nunggu bus`: an exclaimed praise, then only waiting.
  return exclaimed && IRONY_PARTICLES.has(keys[opener + 1] ?? '') && endurance && positive === 0;
}

// ---------- complaints asked as questions ----------

/** `kapan`, `kenapa`: a question about when or why, which may be a complaint. */
const WHY_WHEN = set('kapan kenapa mengapa');
/** Inside such a question these make it a complaint: an emotive particle, a negation. */
const BLAME_CUES = set('sih tidak belum');
const COMPLAINT_QUESTION = -2;

/**
 * `kapan sih dibenerin??`, `kenapa gak pernah diperbaiki?`, `kapan kampung kami dapet
 * perhatian?`: a when/why question carrying an emotive particle, a negation, or a fix that is
 * awaited (a praise word zeroed by the question) complains. Returns the question word, scored
 * on its own, or undefined.
 */
function complaintQuestion(keys: readonly string[], breaks: readonly Break[], scores: readonly number[]): string | undefined {
  for (let i = 0; i < keys.length; i++) {
    if (!WHY_WHEN.has(keys[i] ?? '')) continue;
    for (let j = i + 1; j < keys.length && j <= i + 8; j++) {
      const k = keys[j] ?? '';
      if (BLAME_CUES.has(k) || ((LEXICON.get(k) ?? 0) > 0 && (scores[j] ?? 0) === 0)) return keys[i];
      if (breaks[j] === Break.Sentence) break;
    }
  }
  return undefined;
}

// ---------- reports and questions ----------

/** Words of reporting and asking: news verbs, attribution, time stamps, requests for information. */
const REPORT_MARKERS = set(`
  terkait diduga akibat imbas penyebab selidiki menyelidiki tercatat dilaporkan mengimbau imbauan pukul wib
  persen pengumuman update info informasi jadwal apakah tanya bertanya nanya menanyakan kabarnya sebaiknya
  imbau diimbau mengumumkan umumkan terbitkan menerbitkan tinjau meninjau pastikan memastikan alami mengalami
  perpanjang memperpanjang uji pengalihan pendaftaran berlaku sebanyak puluhan ratusan ribuan
  sejumlah menurut ujar ungkap jelasnya
`);
/**
 * Weaker signs of a report: official agencies and officials, areas. Praise and complaints name
 * them too, so two of these (or one with a count such as `12 RT`) are needed.
 */
const AGENCY_MARKERS = set(`
  bpbd dinas dinkes dishub sudin pemprov pemkot pemda pln pam pamjaya bmkg polda polres polsek satpol damkar
  bapenda dprd rsud kadis kapolda kapolres walikota kawasan wilayah kelurahan kecamatan pemeliharaan
  sebagian tambah menambah dapat selama mulai beroperasi operasional tersedia dihubungi melalui
  lajur jalur besok
`);
/** Units that, after a number, count things (`12 RT`, `35 gardu`): the register of reports. */
const COUNT_UNITS = set('rt rw unit orang rumah kk jiwa gardu titik lokasi ruas km meter cm persen pohon kendaraan');
/** `ada yang tau …?`, `ada yang pernah …?`: asking around. */
const ASKING_AROUND = set('tau tahu pernah punya bisa');
/** Asking for information: question words with a softening `ya` (`di mana ya`, `apa ya`). */
const QUESTION_WORDS = set('apa mana dimana berapa gimana bagaimana caranya syaratnya');
/**
 * Words of a person's own voice: pronouns, particles, exclamations, thanks, blame, waiting,
 * informal verbs. Any one of them keeps the full score.
 */
const VOICE_MARKERS = set(`
  saya aku kami kita kamu kalian sih deh kok banget lah kan nih tuh mah parah tolong mohon astaga anjir
  aduh duh waduh wkwk haha hehe kesal kecewa capek sebal benci senang suka puas bangga masa pak bu
  terima makasih salut mantap keren hebat alhamdulillah semoga lega adem bikin padahal menunggu nunggu
  sering katanya doang kayak terus melulu mulu terusan
`);
/** Informal Jakarta verbs (`dibatalin`, `ngebantu`, `nertibin`) are a person talking, not a report. */
const INFORMAL_VERB_RE = /^(?:di|nge|ng|ny|n)[a-z]{3,}in$|^nge[a-z]{3,}$/;
/**
 * A post in a reporting register (a headline, an announcement, an agency's notice, a question
 * asking for information) with no sign of the writer's own voice mentions problems without
 * judging them: `Kebakaran di Kemayoran, Polisi Selidiki Penyebab` is neutral news, not a
 * complaint. Its score is damped. Complaints phrased as questions keep their voice through
 * particles (`kapan sih`), blame (`pak`, `kalian`, `masa`) or `gimana mau`.
 */
const REPORT_DAMPING = 0.15;
/** Headlines are damped harder: they pile up event words (`Banjir Rob Rendam …`) without judging. */
const HEADLINE_DAMPING = 0.08;
/** In a question, these ask for information (`syaratnya apa aja?`, `lewat JAKI atau kelurahan?`). */
const INFO_QUESTION = set('atau nanya bertanya');
const WEAK_NEEDED = 2;
function reportRegister(norm: NormalisedText, keys: readonly string[], breaks: readonly Break[], question: boolean): number {
  if (norm.emojis.length > 0) return 1;
  let report = false;
  let weak = 0;
  const tokens = norm.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (VOICE_MARKERS.has(t) || INFORMAL_VERB_RE.test(t)) return 1;
    if (t === 'gimana' && tokens[i + 1] === 'mau') return 1;
    if (REPORT_MARKERS.has(t)) {
      // `tanpa info` complains about missing information.
      if (!NEGATORS.has(tokens[i - 1] ?? '')) report = true;
    } else if (AGENCY_MARKERS.has(t)) weak++;
    else if (DIGIT_RE.test(t) && COUNT_UNITS.has(tokens[i + 1] ?? '')) weak += 2;
    else if (t === 'ada' && tokens[i + 1] === 'yang' && ASKING_AROUND.has(tokens[i + 2] ?? '')) report = true;
    else if (QUESTION_WORDS.has(t) && (tokens[i + 1] === 'ya' || question)) report = true;
    else if (question && INFO_QUESTION.has(t)) report = true;
  }
  // A yes/no question closing on `gak?` (`macet gak?`, `berlaku gak?`): normalised to a final `tidak`.
  for (let i = 1; i < keys.length; i++) if (keys[i] === 'tidak' && (breaks[i] === Break.Sentence || i === keys.length - 1)) report = true;
  return report || weak >= WEAK_NEEDED ? REPORT_DAMPING : 1;
}

// ---------- the English scoring strategy ----------

/** The package's English negators (apostrophes dropped, as `normalise` does) and the ones it lacks. */
const EN_NEGATORS = new Set([
  ...Object.keys(packageNegators as Record<string, number>).map((w) => w.replace(/'/g, '')),
  ...'no never not aint wasnt werent didnt arent hasnt havent hadnt shouldnt wouldnt couldnt nobody nothing hardly barely'.split(' '),
]);
const EN_INTENSIFIERS = set('very so really super extremely too totally absolutely highkey incredibly insanely hella mad');
const EN_SCORES: Readonly<Record<string, number>> = { ...AFINN, ...EN_SLANG };

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

/** Function words of the other language needed before its clauses are scored too. */
const MIXED_EVIDENCE = 2;

/**
 * Code-mixed posts (`ugh, air PAM is brown again`, `… game changer. Terima kasih Pemprov!`): the
 * words of the other language, where the post has a clause of it, are scored by that language's
 * lexicon too, unless they are also words of the post's own language.
 */
function withOtherLanguage(own: Scored, norm: NormalisedText, other: 'id' | 'en', affix: boolean): Scored {
  const evidence = other === 'en' ? EN_WORDS : ID_WORDS;
  let hits = 0;
  for (const t of norm.tokens) if (evidence.has(t)) hits++;
  if (hits < MIXED_EVIDENCE) return own;
  const theirs = other === 'en' ? scoreEnglish(norm) : scoreIndonesian(norm, affix);
  const ownWords = other === 'en' ? (w: string) => LEXICON.has(w) || ID_WORDS.has(w) : (w: string) => has(EN_SCORES, w) || EN_WORDS.has(w);
  const seen = new Set(own.words.map((w) => w.word));
  const added = theirs.words.filter((w) => w.word !== SARCASM_MARKER && !seen.has(w.word) && !w.word.split(' ').some(ownWords));
  if (added.length === 0) return own;
  const sign = own.sarcasm ? -1 : 1;
  const words = [...own.words, ...added.map((w) => ({ word: w.word, score: w.score > 0 ? sign * w.score : w.score }))];
  return { ...own, score: words.reduce((sum, w) => sum + w.score, 0), words };
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
   * The post as written. Its casing tells a headline (`Banjir Rob Rendam Jalan RE Martadinata`)
   * from a person's post; without it, no headline is recognised.
   */
  readonly text?: string;
  /**
   * Places found in the post: their names score nothing (`Pondok Indah`, `Harmoni`, `Cempaka
   * Putih` are places, not praise).
   */
  readonly places?: readonly Pick<Place, 'name'>[];
  /**
   * Look up a word missing from the lexicon by its stem (`kebanjiran` → `banjir`). On by
   * default; the evaluation turns it off to measure what it adds.
   */
  readonly affixFallback?: boolean;
}

export function analyseSentiment(norm: NormalisedText, lang: Language, options: SentimentOptions = {}): SentimentResult {
  const affix = options.affixFallback ?? true;
  const headline = options.text !== undefined && isHeadline(options.text);
  const masked = options.places && options.places.length > 0 ? maskPlaces(norm, options.places) : norm;
  let scored: Scored;
  const question = options.text?.includes('?') ?? false;
  if (lang === 'id') scored = withOtherLanguage(scoreIndonesian(masked, affix, headline, question), masked, 'en', affix);
  else if (lang === 'en') scored = withOtherLanguage(scoreEnglish(masked), masked, 'id', affix);
  else {
    const id = scoreIndonesian(masked, affix, headline, question);
    const en = scoreEnglish(masked);
    scored = en.words.length > id.words.length ? en : id;
  }
  const words = [...scored.words];
  let score = scored.score;
  for (const emoji of norm.emojis) {
    const raw = emojiScore(emoji);
    // Applause and smiles beside ironic praise are part of the irony (`rekor baru nih 👏`).
    const s = scored.sarcasm && raw > 0 ? -raw : raw;
    if (s === 0) continue;
    words.push({ word: emoji, score: s });
    score += s;
  }
  const count = scored.tokenCount + norm.emojis.length;
  score = round(score);
  return { label: labelOf(score), score, comparative: count > 0 ? round(score / count) : 0, words };
}
