/**
 * The post's words read once for every cheap gate: each module names the words its long regexes
 * cannot match without, under a kind of its own, and `kindsOf` says, with one lookup per token,
 * which kinds the post has. A kind that is absent spares that module its regexes.
 */

/** The kinds of words the gates ask about. */
export const WORD = {
  /** A verb a panic directive can be built on, or `jangan`. */
  directive: 1,
  /** What can make a verb an order: an urging or hurrying word, an addressee, `jangan`, `sebelum`. */
  urging: 2,
  /** `segera`, `buruan`: an order on its own. */
  hurry: 4,
  /** A reason to fear. */
  fear: 8,
  /** What befalls a service, an impact, a danger: an alarming claim's words. */
  loss: 16,
  /** What an agency's notice charges, forbids or closes. */
  announce: 32,
  /** The first word of an office's name. */
  office: 64,
  /** The first word of a news outlet's name. */
  outlet: 128,
  /** `diimbau`: the agencies' own advice. */
  advised: 256,
} as const;

const KINDS = new Map<string, number>();

/** Adds words of a kind (at module load). */
export function registerWords(words: Iterable<string>, kind: number): void {
  for (const w of words) KINDS.set(w, (KINDS.get(w) ?? 0) | kind);
}

/** A word's kinds that a lookup cannot give: prefixes (`kemensos`, `detikNews`, `kompascom`). */
function prefixKinds(t: string): number {
  const c = t.charCodeAt(0);
  // Only words opening with k, d, t or l can be the prefixed names.
  if (c !== 0x6b && c !== 0x64 && c !== 0x74 && c !== 0x6c) return 0;
  if (t.startsWith('kemen')) return WORD.office;
  return /^(?:kompas|detik|tribun|liputan)/u.test(t) ? WORD.outlet : 0;
}

/** The kinds the post's tokens have, together; pairs too (`yang tidak` announces a condition, `media indonesia` is an outlet). */
export function kindsOf(tokens: readonly string[]): number {
  let kinds = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const k = KINDS.get(t);
    if (k !== undefined) kinds |= k;
    else if (t.length >= 5) kinds |= prefixKinds(t);
    if ((t === 'tidak' || t === 'belum') && i > 0 && CONDITION.has(tokens[i - 1] ?? '')) kinds |= WORD.announce;
    else if (t === 'indonesia' && tokens[i - 1] === 'media') kinds |= WORD.outlet;
  }
  return kinds;
}
const CONDITION: ReadonlySet<string> = new Set(['yang', 'kalau', 'jika', 'apabila']);
