/** Sarcasm: ironic praise of a bad situation. */
import { wordSet } from '../language';
import type { NormalisedText } from '../types';
import { Break } from './clauses';
import * as emojiModule from './emoji';
import * as wordsModule from './words';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { EMOJI_KEY_RE } = emojiModule;
const { CONTRASTS, DIGIT_RE, HAS_DIGIT_RE } = wordsModule;

// ---------- sarcasm ----------

/**
 * The explanation entry (score 0) added when a post's praise is read as ironic; the praise
 * words themselves appear with their flipped, negative score.
 */
export const SARCASM_MARKER = 'sarcasm';
/** Emoji that mark praise beside them as ironic (`keren 🙃`, `cepet bgt kok 🤡`). */
const SARCASM_EMOJI = new Set(['🙃', '🙄', '🤡', '😒', '😏', '🤦', '😑']);
/** Praise that thanks or congratulates: ironic when a gift word wraps a bad thing (`hadiah mati lampu`). */
const IRONIC_GIFTS = wordSet('hadiah bonus gratis kado rekor oleh_oleh');
/** Particles that, right after an opening praise word, make it an exclamation (`hebat ya`, `mantap jiwa`). */
const IRONY_PARTICLES = wordSet('ya yah nih sekali benar bener jiwa deh loh lho kok');
/** Interjections and intensifiers allowed before an opening praise word (`wah baik banget`, `sungguh beruntung`). */
const OPENER_SKIP = wordSet('wah wow waw wih widih duh beh sungguh sangat amat paling pelayanan pelayanannya layanan sistem');
/** Duration, repetition and waiting: the situation the praise is about went on and on. */
const ENDURANCE = wordSet('lagi terus terusan melulu mulu tiap setiap berjam seharian semalaman kali');
/** Repetition without numbers: the closing-praise rule ignores durations (`damkar datang 10 menit. Mantap`). */
const REPETITION = wordSet('lagi terus terusan melulu mulu tiap setiap');
/** Praise that closes a complaint ironically; thanks are left out (`… Terima kasih` closes sincerely too). */
const CLOSING_PRAISE = wordSet('mantap mantul keren hebat top bagus luarbiasa prestasi juara sempurna');
const ENDURANCE_UNITS = wordSet('jam menit bulan tahun hari minggu kali');
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
const SINCERE = wordSet('sudah udah telah akhirnya sekarang alhamdulillah');
/** Praise conceded before a complaint (`ramah, namun lama`) is sincere praise of one part. */
const CONCESSIONS = new Set([...CONTRASTS, 'sayang', 'padahal']);
/** Warm emoji are not used ironically: a post carrying one is sincere. */
const WARM_EMOJI = new Set(['❤', '😍', '🥰', '🤗', '💕', '💖', '💗', '💙', '💚', '🥹', '😇', '🙏']);

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
export function isSarcastic(
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
    const surface = surfaces[i] ?? '';
    // Split only a phrase (`oleh oleh`): most surfaces are one word.
    const gift =
      IRONIC_GIFTS.has(keys[i] ?? '') ||
      IRONIC_GIFTS.has(surface) ||
      (surface.includes(' ') && surface.split(' ').some((w) => IRONIC_GIFTS.has(w)));
    if (!gift) continue;
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

// ---------- English sarcasm ----------

/** Phrases that say the praise around them is ironic, in any post with praise (`oh great, another update`). */
const EN_IRONY_PHRASES: readonly (readonly string[])[] = [
  ['oh', 'great'],
  ['oh', 'wonderful'],
  ['oh', 'joy'],
  ['yeah', 'sure'],
  ['yeah', 'right'],
  ['thanks', 'a', 'lot'],
  ['thanks', 'for', 'nothing'],
  ['just', 'what', 'i', 'needed'],
  ['love', 'that', 'for', 'me'],
  ['nothing', 'says'],
  ['said', 'no', 'one', 'ever'],
  ['what', 'a', 'time', 'to', 'be', 'alive'],
];
/**
 * Phrases also said sincerely (`love how friendly they are`): ironic only beside a bad
 * situation, a negative word or a figure (`day 9`, `$18`, `3 hours`).
 */
const EN_IRONY_FRAMES: readonly (readonly string[])[] = [
  ['love', 'how'],
  ['love', 'when'],
  ['love', 'it', 'when'],
  ['so', 'glad', 'i'],
  ['favorite', 'part'],
  ['favourite', 'part'],
  ['totally', 'worth'],
];
const EN_IRONY_FIRST = new Set([...EN_IRONY_PHRASES, ...EN_IRONY_FRAMES].map((p) => p[0] ?? ''));

function startsAt(tokens: readonly string[], i: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (tokens[i + k] !== phrase[k]) return false;
  return true;
}

/**
 * Ironic praise in English (`Oh great, another update that moves every button`, `love how my
 * 2-day shipping is on day 9 🙃`, `great job on the update /s`). Fires when the post has
 * praise and one of: a sarcasm emoji (🙃 🙄 🤡), a closing `/s`, an irony phrase (`oh great`,
 * `yeah sure`, `thanks a lot`, `just what I needed`, `love that for me`, `nothing says`), or a
 * frame also said sincerely (`love how`, `so glad I`, `my favorite part`, `totally worth it`)
 * beside a negative word or a figure. A warm emoji (❤️) keeps it sincere.
 */
export function isSarcasticEnglish(norm: NormalisedText, text: string | undefined, scores: readonly (number | undefined)[]): boolean {
  let praise = false;
  let negative = false;
  for (const s of scores) {
    if (s === undefined) continue;
    if (s > 0) praise = true;
    else if (s < 0) negative = true;
  }
  if (!praise) return false;
  for (const e of norm.emojis) {
    const key = e.replace(EMOJI_KEY_RE, '');
    if (WARM_EMOJI.has(key)) return false;
    if (SARCASM_EMOJI.has(key)) return true;
  }
  if (text !== undefined && text.trimEnd().endsWith('/s')) return true;
  const tokens = norm.tokens;
  let framed = false;
  let figure = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (!figure && HAS_DIGIT_RE.test(t)) figure = true;
    if (!EN_IRONY_FIRST.has(t)) continue;
    for (const p of EN_IRONY_PHRASES) if (p[0] === t && startsAt(tokens, i, p)) return true;
    if (!framed) for (const p of EN_IRONY_FRAMES) if (p[0] === t && startsAt(tokens, i, p)) framed = true;
  }
  return framed && (negative || figure);
}
