/** The Indonesian scoring strategy: Pantau's lexicon with negation, modifiers, contrast, awaited services and receding problems. */
import * as lexiconIdModule from '../lexicon-id';
import { wordSet } from '../language';
import type { NormalisedText } from '../types';
import * as analyserModule from './analyser';
import type { Scored } from './analyser';
import * as clausesModule from './clauses';
import type { Break } from './clauses';
import * as registerModule from './register';
import type { PostRegister } from './register';
import * as sarcasmModule from './sarcasm';
import * as wordsModule from './words';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { LEXICON_ID } = lexiconIdModule;
const { round, scoreTokens, state } = analyserModule;
const { beforeContrast, breaksOf, prepare } = clausesModule;
const { COMPLAINT_QUESTION, complaintQuestion, registerDamping } = registerModule;
const { isSarcastic, SARCASM_MARKER } = sarcasmModule;
const {
  BEFORE_CONTRAST,
  CLAUSE_BREAKS,
  CONTRASTS,
  DIGIT_RE,
  GRATITUDE,
  GRATITUDE_WEIGHT,
  INTENSIFIERS_AFTER,
  INTENSIFIERS_BEFORE,
  INTENSIFY,
  isScored,
  KURANG_POSITIVE,
  LEXICON,
  MODIFIERS_WITH_SCORE,
  NEGATED_NEGATIVE,
  NEGATORS,
  NOT_NEGATED_AFTER,
  NOT_VERY,
  REQUESTS,
  SLANG_INTENSIFIERS_AFTER,
  SOFTEN,
  SOFTENERS,
} = wordsModule;

function adjust(tokens: readonly string[], i: number, base: number): number {
  const token = tokens[i] ?? '';
  const { breaks, halve } = state;
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

/** Words that say a problem is receding (or gone: `DBD di RW kami nol`), when they follow it. */
const RECEDING = wordSet('turun menurun berkurang surut reda teratasi tertangani mereda nol nihil');
/** Negative words that `turun` does not make recede (`hujan turun` is rain falling). */
const NOT_RECEDING = wordSet('hujan gerimis badai petir salju');
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
const EMPHATIC_ASK = wordSet('gimana bagaimana mana masa');

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
const AWAITED = wordSet(`
  ada datang nyala menyala diangkat sampai masuk lewat muncul berfungsi dibuka dibalas dibales direspon
  direspons ditanggapi diangkut mengalir ngalir cair dicairkan bisa jalan dilayani diproses
`);
const AWAITED_SCORE = 1;
const AWAITED_NEGATED = -1.5;

const INDONESIAN = {
  labels: new Map<string, number>([...[...AWAITED].map((w): [string, number] => [w, AWAITED_SCORE]), ...Object.entries(LEXICON_ID)]),
  adjust,
};

/** A post said plainly: neither a headline nor a question. Reports are still damped. */
const PLAIN: PostRegister = { headline: false, question: false };

export function scoreIndonesian(norm: NormalisedText, affix: boolean, register: PostRegister = PLAIN): Scored {
  const { keys, surfaces, breaks } = prepare(norm.tokens, breaksOf(norm), affix);
  state.breaks = breaks;
  state.halve = beforeContrast(keys, breaks);
  scoreTokens(INDONESIAN, keys);
  const scores = keys.map((_, i) => state.trace[i] ?? 0);
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
  const damping = registerDamping(norm, keys, breaks, register, sarcasm);
  if (damping !== 1) {
    score *= damping;
    for (const w of words) w.score = round(w.score * damping);
  }
  return { score, tokenCount: keys.length, words, sarcasm };
}
