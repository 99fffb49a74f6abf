/** The English scoring strategy: AFINN-165 and Pantau's English slang, negators, intensifiers and contrast. */
import packageNegators from 'sentiment/languages/en/negators.json';
import * as afinnModule from '../afinn';
import * as lexiconEnSlangModule from '../lexicon-en-slang';
import { wordSet } from '../language';
import type { NormalisedText } from '../types';
import * as analyserModule from './analyser';
import type { Scored } from './analyser';
import * as clausesModule from './clauses';
import * as registerModule from './register';
import type { PostRegister } from './register';
import * as sarcasmModule from './sarcasm';
import * as wordsModule from './words';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { AFINN } = afinnModule;
const { EN_FRAMED_PRAISE, EN_PRAISE_FRAMES, EN_SLANG } = lexiconEnSlangModule;
const { round, scoreTokens, state } = analyserModule;
const { beforeContrast, breaksOf } = clausesModule;
const { registerDamping } = registerModule;
const { isSarcasticEnglish, SARCASM_MARKER } = sarcasmModule;
const { BEFORE_CONTRAST, INTENSIFY, NEGATED_NEGATIVE, NOT_VERY } = wordsModule;

// ---------- the English scoring strategy ----------

/** The package's English negators (apostrophes dropped, as `normalise` does) and the ones it lacks. */
const EN_NEGATORS = new Set([
  ...Object.keys(packageNegators as Record<string, number>).map((w) => w.replace(/'/g, '')),
  ...'no never not aint wasnt werent didnt arent hasnt havent hadnt shouldnt wouldnt couldnt nobody nothing hardly barely'.split(' '),
]);
const EN_INTENSIFIERS = wordSet('very so really super extremely too totally absolutely highkey incredibly insanely hella mad');
export const EN_SCORES: Readonly<Record<string, number>> = { ...AFINN, ...EN_SLANG };

function adjustEnglish(tokens: readonly string[], i: number, base: number): number {
  const { breaks, halve } = state;
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

const ENGLISH = { labels: new Map(Object.entries(EN_SCORES)), adjust: adjustEnglish };

/**
 * The English score of a post. With `register` (the post as written and whether it asks), a
 * headline, a report, an announcement or a request for information with no voice of its
 * writer is damped as Indonesian ones are (see `reportRegister`).
 */
export function scoreEnglish(norm: NormalisedText, register?: PostRegister): Scored {
  if (norm.tokens.length === 0) return { score: 0, tokenCount: 0, words: [] };
  const breaks = breaksOf(norm);
  state.breaks = breaks;
  state.halve = beforeContrast(norm.tokens, breaks);
  scoreTokens(ENGLISH, norm.tokens);
  const trace = state.trace;
  // `Oh great, another update that moves every button`: ironic praise counts against.
  const sarcasm = isSarcasticEnglish(norm, register?.text, trace);
  const words: { word: string; score: number }[] = [];
  let score = 0;
  for (let i = 0; i < trace.length; i++) {
    let s = trace[i];
    if (s === undefined || s === 0) continue;
    if (sarcasm && s > 0) s = -s;
    words.push({ word: norm.tokens[i] ?? '', score: round(s) });
    score += s;
  }
  if (sarcasm) words.push({ word: SARCASM_MARKER, score: 0 });
  const damping = register === undefined ? 1 : registerDamping(norm, norm.tokens, breaks, register, sarcasm);
  if (damping !== 1) {
    score *= damping;
    for (const w of words) w.score = round(w.score * damping);
  }
  return { score, tokenCount: norm.tokens.length, words, sarcasm };
}
