/**
 * The phrase indicators (call to share, alarm, hearsay, forwarded, pseudo-authority, conspiracy,
 * absolute claim) as a post's evidence and weights, with the rumour bonus; and the debunk list.
 */
import type { HoaxIndicator } from '../types';
import * as matcherModule from './matcher';
import type { Haystacks } from './matcher';
import * as phrasesModule from './phrases';
import type { PhraseIndicator, Tier } from './phrases';
import * as scoreModule from './score';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { compileList, dedupe, inNormalForm, matches } = matcherModule;
const {
  DANGER_ONLY,
  DEBUNK_NOT_AFTER,
  DEBUNK_PATTERNS,
  DEBUNK_PHRASES,
  PHRASE_INDICATORS,
  RELATION_LED,
  RUMOUR,
  RUMOUR_BONUS,
  RUMOUR_SOURCES,
} = phrasesModule;
const { round3 } = scoreModule;

/** Each phrase indicator's tiers (strong, plain, weak) compiled, with their weights. */
export const COMPILED = PHRASE_INDICATORS.map((indicator) => ({
  indicator,
  tiers: [indicator.strong, indicator, indicator.weak]
    .filter((t): t is Tier => t !== undefined)
    .map((t) => ({ weight: t.weight, matcher: compileList(t.phrases ?? [], indicator.notAfter, t.patterns, t.rawPatterns) })),
}));
export const DEBUNK = compileList(DEBUNK_PHRASES, DEBUNK_NOT_AFTER, DEBUNK_PATTERNS);

interface Piece {
  readonly text: string;
  /** The weight of the tier that found it. */
  readonly weight: number;
}

function weighed(indicator: PhraseIndicator, pieces: readonly Piece[]): HoaxIndicator {
  const base = Math.max(...pieces.map((p) => p.weight));
  const more = Math.min(indicator.max ?? base, base + (indicator.step ?? 0) * (pieces.length - 1));
  return { name: indicator.name, weight: round3(Math.max(base, more)), evidence: pieces.map((p) => p.text) };
}

/** The first two words of a piece of evidence, normalised: `teman saya` of `temen gw yang kerja di`. */
const leadOf = (e: string): string => inNormalForm(e).split(' ').slice(0, 2).join(' ');
const lettersOf = (x: string): string => x.replace(/[^\p{L}\p{N}]+/gu, '');

export function phraseIndicators(haystacks: Haystacks): HoaxIndicator[] {
  const found = new Map<string, { indicator: PhraseIndicator; pieces: Piece[] }>();
  for (const { indicator, tiers } of COMPILED) {
    let all: Piece[] | undefined;
    for (const tier of tiers) for (const text of matches(tier.matcher, haystacks)) (all ??= []).push({ text, weight: tier.weight });
    if (all === undefined) continue;
    const kept = new Set(dedupe(all.map((p) => p.text)));
    const pieces = all.filter((p) => kept.delete(p.text));
    if (pieces.length > 0) found.set(indicator.name, { indicator, pieces });
  }
  // "Teman saya yang kerja di X bilang" is one attribution: pseudo-authority, not hearsay as well.
  const hearsay = found.get('hearsay');
  const insider = found.get('pseudo_authority');
  if (hearsay && insider) {
    const leads = new Set(insider.pieces.map((p) => leadOf(p.text)));
    hearsay.pieces = hearsay.pieces.filter((p) => !(RELATION_LED.test(inNormalForm(p.text)) && leads.has(leadOf(p.text))));
    if (hearsay.pieces.length === 0) found.delete('hearsay');
  }
  // "Dapat info dari grup RT" is one attribution too: a forwarded message, not hearsay as well.
  const forwarded = found.get('forwarded');
  const told = found.get('hearsay');
  if (told && forwarded) {
    const passedOn = forwarded.pieces.map((p) => lettersOf(p.text));
    told.pieces = told.pieces.filter((p) => !passedOn.some((f) => f.includes(lettersOf(p.text))));
    if (told.pieces.length === 0) found.delete('hearsay');
  }
  const out = [...found.values()].map(({ indicator, pieces }) => weighed(indicator, pieces));
  // An unverifiable source telling, in the same sentence, of something about to happen or of a
  // danger is a rumour (not `katanya mau dicek … nunggu roboh dulu?`).
  const sources = out.filter((i) => RUMOUR_SOURCES.has(i.name));
  const holder = sources[0];
  if (holder) {
    // A forwarded message is second-hand as a whole; hearsay vouches for its own sentence.
    const whole = sources.some((i) => i.name === 'forwarded');
    const named = sources.flatMap((i) => i.evidence).map(lettersOf);
    let rumour: RegExpExecArray | null = null;
    for (const sentence of haystacks.norm.split('. ')) {
      const letters = whole ? '' : lettersOf(sentence);
      if (whole || named.some((e) => letters.includes(e))) rumour = RUMOUR.exec(sentence);
      if (rumour) break;
    }
    if (rumour) {
      const what = DANGER_ONLY.test(rumour[0]) ? 'kabar soal bahaya' : 'kabar soal yang akan terjadi';
      out[out.indexOf(holder)] = {
        ...holder,
        weight: round3(holder.weight + RUMOUR_BONUS),
        evidence: [...holder.evidence, `${what}: ${rumour[0].toLowerCase()}`],
      };
    }
  }
  return out;
}
