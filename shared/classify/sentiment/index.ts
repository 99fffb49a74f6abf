/**
 * Sentiment of a normalised post.
 *
 * Indonesian: Pantau's lexicon (LEXICON_ID) scored the way the `sentiment` package scores (see
 * `scoreTokens`), with a scoring strategy that knows Indonesian modifiers:
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
 * - a post in a reporting register (news verbs, attribution, agencies with counts, datelines,
 *   links, promotions, health-campaign calls (`ayo`, `yuk`, `gratis`, `digelar`, `sasaran`),
 *   `cek di …`, requests for information, in either language) with no sign of the writer's
 *   voice is damped (see `reportRegister`); a contrast (`tapi`, `but`) is the writer weighing
 *   things and keeps the full score;
 * - a post whose only bad news is events (`kecelakaan`, `korban tewas`, `flood`, diseases such as
 *   `DBD`, `stunting`, `TBC`), with no voice of the writer (pronoun, particle, `!`, `?`, emoji)
 *   and no judgement of theirs beside them, describes rather than complains: its score is
 *   damped (see `isEvent`); a disease brought to zero (`DBD di RW kami nol`) is good news;
 * - in a post of eight words or more that carries figures, a link, a hashtag or a label colon,
 *   with no voice, negation or contrast of its writer, a single word of weight up to 2 (or two
 *   adding up to 1) is part of the information: the post is neutral (see `isSlight`).
 * Before scoring, known phrases are joined into one token (`rumah sakit` → neutral, `luar biasa`
 * → positive), and a word missing from the lexicon is looked up by its stem (`dikecewakannya` →
 * `kecewa`-family, `nyusahin` → `susah`).
 *
 * English: the `sentiment` package's English (AFINN-165) with Pantau's English slang
 * (lexicon-en-slang.ts), scored the same way, the package's negators plus the ones it lacks (`never`,
 * `wasnt`), `not very` as a mild negation, intensifiers, contrast as above, `fire`/`lit` as
 * praise only after a praise frame (`is fire`), the same headline and report damping (with
 * attributions: `said`, `told`, `according to`), and sarcasm (see `isSarcasticEnglish`: `oh
 * great`, `thanks a lot`, `/s`, 🙄, `love how …` beside a bad situation) flipping praise.
 * Undetermined: both, and the one that found more scored words wins. Emoji are scored on their
 * own (emoji.ts's table, then the package's emoji list) and are not negated.
 */
import * as languageModule from '../language';
import type { Language, NormalisedText, Place, SentimentLabel, SentimentResult } from '../types';
import * as analyserModule from './analyser';
import type { Scored } from './analyser';
import * as emojiModule from './emoji';
import * as englishModule from './english';
import * as indonesianModule from './indonesian';
import * as registerModule from './register';
import * as sarcasmModule from './sarcasm';
import * as wordsModule from './words';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { EN_WORDS, ID_WORDS } = languageModule;
const { round } = analyserModule;
const { emojiScore } = emojiModule;
const { EN_SCORES, scoreEnglish } = englishModule;
const { scoreIndonesian } = indonesianModule;
const { EVENT_WEIGHT, hasVoice, isEvent, isHeadline, isSlight, maskPlaces } = registerModule;
const { SARCASM_MARKER } = sarcasmModule;
const { has, LEXICON } = wordsModule;

export { isHeadline } from './register';

export { SARCASM_MARKER } from './sarcasm';

export { stemToLexicon } from './stems';

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

/** Bad news in the post is only events (`banjir`, `korban tewas`), no judgement (`payah`, `kecewa`). */
function describesEvents(words: readonly { word: string; score: number }[]): boolean {
  let event = false;
  for (const w of words) {
    if (w.score >= 0) continue;
    if (!isEvent(w.word)) return false;
    event = true;
  }
  return event;
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
  const register = { headline, question, ...(options.text === undefined ? {} : { text: options.text }) };
  if (lang === 'id') scored = withOtherLanguage(scoreIndonesian(masked, affix, register), masked, 'en', affix);
  else if (lang === 'en') scored = withOtherLanguage(scoreEnglish(masked, register), masked, 'id', affix);
  else {
    const id = scoreIndonesian(masked, affix, register);
    const en = scoreEnglish(masked, register);
    scored = en.words.length > id.words.length ? en : id;
  }
  let words = [...scored.words];
  let score = scored.score;
  // Asked at most once, and only when a rule below needs it.
  let voice: boolean | undefined;
  // `Kecelakaan di tol, 3 korban tewas`: a post that names events, with no voice of its writer
  // and no judgement of theirs (`payah`, `kecewa`) beside them, describes; it does not judge.
  if (!scored.sarcasm && describesEvents(words) && !(voice ??= hasVoice(masked, options.text))) {
    words = words.map((w) => ({ word: w.word, score: round(w.score * EVENT_WEIGHT) }));
    score = words.reduce((sum, w) => sum + w.score, 0);
  }
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
  let label = labelOf(score);
  // `Free entry for kids under 12 this Sunday, sign up at the desk`: one mild word in a long,
  // informational post with no voice of its writer is not their stance.
  if (label !== 'neutral' && !scored.sarcasm && isSlight(words, score, masked, options.text) && !(voice ?? hasVoice(masked, options.text)))
    label = 'neutral';
  return { label, score, comparative: count > 0 ? round(score / count) : 0, words };
}
