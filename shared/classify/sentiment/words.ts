/** The words that modify a scored word (negators, intensifiers, softeners, contrasts), their factors, and the lexicon as a Map. */
import { wordSet } from '../language';
import { LEXICON_ID } from '../lexicon-id';

export const NEGATORS = wordSet('tidak tak bukan belum jangan tanpa not no never');
/** After a negator these make it "not only", not a negation. */
export const NOT_NEGATED_AFTER = wordSet('hanya cuma sekadar sekedar saja only');
export const INTENSIFIERS_BEFORE = wordSet(
  'sangat amat paling terlalu sungguh teramat begitu makin semakin super benarbenar very so too really extremely',
);
export const INTENSIFIERS_AFTER = wordSet('banget sekali amat nian');
/** Jakarta slang: after a praise word these intensify it (`keren parah`, `enak gila`) and score nothing themselves. */
export const SLANG_INTENSIFIERS_AFTER = wordSet('parah gila abis');
/**
 * A praise word asked for or awaited is not praise: `mohon diperbaiki`, `kapan dibenerin`,
 * `tolong ditindak` say the thing is broken. Such a word scores nothing.
 */
export const REQUESTS = wordSet('mohon tolong harap minta segera kapan please');
/**
 * Thanks and relief decide a post that also names the disaster or the trouble it is about
 * (`terima kasih atas bantuan selama banjir`, `ambulans datang, ayah selamat, terima kasih`):
 * they weigh double.
 */
export const GRATITUDE = wordSet('terimakasih berterimakasih makasih alhamdulillah salut apresiasi mengapresiasi diapresiasi');
export const GRATITUDE_WEIGHT = 2;
export const SOFTENERS = wordSet('agak cukup lumayan rada sedikit');
/** Contrast: the clause after one of these decides. */
export const CONTRASTS = wordSet('tapi tetapi namun but however sayangnya');
/** Words that end the reach of a negator looking forward. */
export const CLAUSE_BREAKS = wordSet(
  'dan serta atau karena sebab sedangkan padahal sementara meskipun walaupun walau meski and or because',
);
/** Modifiers that are also lexicon words: they score on their own only when nothing scored follows. */
export const MODIFIERS_WITH_SCORE = wordSet('kurang lumayan');

export const INTENSIFY = 1.5;
export const SOFTEN = 0.6;
export const KURANG_POSITIVE = -0.75;
export const NEGATED_NEGATIVE = -0.5;
export const NOT_VERY = 0.5;
export const BEFORE_CONTRAST = 0.5;

export const has = (o: Readonly<Record<string, number>>, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
/** The lexicon as a Map, for the per-token lookups of the strategies. */
export const LEXICON = new Map<string, number>(Object.entries(LEXICON_ID));

export function isScored(token: string | undefined): boolean {
  if (token === undefined) return false;
  const score = LEXICON.get(token);
  return score !== undefined && score !== 0;
}

/** A token of digits (`3`, `2024`). */
export const DIGIT_RE = /^\d+$/;
/** A token with a digit in it (`3`, `2-day`, `$18`): a figure. */
export const HAS_DIGIT_RE = /\d/;
