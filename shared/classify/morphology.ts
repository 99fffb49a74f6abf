/**
 * Indonesian affixes: the roots a word may come from. One set of rules for every part that reads
 * words by their roots: watch topics (`banjir` matches `kebanjiran`), claims matching (through
 * `candidateRoots`) and sentiment's lexicon fallback (`dikecewakannya` → `kecewa`).
 *
 * The rules over-generate on purpose: a root counts only when the caller knows it (a configured
 * keyword, a stored claim's key, a lexicon word), so a wrong candidate costs nothing unless it
 * equals a known word. Callers differ only in how short a root they accept (`minRoot`): the
 * topic matcher, which compares against any keyword, wants four letters; sentiment, which keeps
 * a root only when it is a lexicon word of four letters or more, tries roots from three.
 */
import { remember } from './memo';

/** Shortest root derivational affixes may leave, unless the caller says otherwise. */
export const MIN_ROOT = 4;
/** Shortest base a particle (`-nya`, `-lah`) may leave: `robnya` → `rob`. */
const MIN_PARTICLE_BASE = 3;
/** A one-syllable root after menge-/penge- (`mengebom` → `bom`, `pengecat` → `cat`). */
const MIN_MONOSYLLABLE = 3;
const PARTICLES = ['nya', 'lah', 'kah', 'pun', 'ku', 'mu'] as const;
/** `-in` is the Jakarta informal `-kan`/`-i` (`dibanjirin`). */
const SUFFIXES = ['kan', 'an', 'in', 'i'] as const;
/**
 * Words that look affixed but are their own words: `kalian` (you all) is not `kali` + `-an`,
 * `sekali` (very) is not `se-` + `kali`.
 */
const LEXICALISED: ReadonlySet<string> = new Set(['kalian', 'sekali', 'sekalian', 'kenapa', 'semua', 'sedang', 'selalu', 'seperti']);

const VOWEL = /^[aeiou]/;
const MONOSYLLABIC_PREFIX = /^(?:menge|penge)/;

/**
 * Roots left by one prefix, with the nasal rules of me(N)-/pe(N)- (`menulis` → `tulis`,
 * `memompa` → `pompa`, `menyapu` → `sapu`, `mengkritik` → `kritik`), agent pe- (`pecinta` →
 * `cinta`), be-/te- before r (`berenang` ← `renang`, `terasa` ← `rasa`) and the Jakarta
 * informal nge-, ng-, ny-, n- (`ngerusak`, `ngangkut`, `nyusahin`, `nangis` ← `tangis`).
 */
export function unprefix(w: string, minRoot = MIN_ROOT): string[] {
  const out: string[] = [];
  const rest = (n: number): string => w.slice(n);
  for (const p of ['meng', 'peng']) {
    if (!w.startsWith(p)) continue;
    const r = rest(p.length);
    if (r.startsWith('e') && r.length <= 5) out.push(r.slice(1)); // menge-/penge- before one syllable: mengebom → bom
    if (VOWEL.test(r)) out.push(`k${r}`, r);
    else if (/^(?:g|h|kh|k[^aeiou])/.test(r)) out.push(r);
  }
  for (const p of ['meny', 'peny']) if (w.startsWith(p) && VOWEL.test(rest(p.length))) out.push(`s${rest(p.length)}`);
  for (const p of ['mem', 'pem']) {
    if (!w.startsWith(p)) continue;
    const r = rest(p.length);
    if (VOWEL.test(r)) out.push(`p${r}`);
    else if (/^[bfvp]/.test(r)) out.push(r);
  }
  for (const p of ['men', 'pen']) {
    if (!w.startsWith(p)) continue;
    const r = rest(p.length);
    if (VOWEL.test(r)) out.push(`t${r}`);
    else if (/^(?:d|c|j|z|sy)/.test(r)) out.push(r);
  }
  for (const p of ['me', 'pe'])
    if (w.startsWith(p) && (/^[lmnrwy]/.test(rest(2)) || (p === 'pe' && !VOWEL.test(rest(2))))) out.push(rest(2));
  for (const p of ['ber', 'ter', 'per']) if (w.startsWith(p)) out.push(rest(3));
  for (const p of ['be', 'te']) if (w.startsWith(p) && rest(2).startsWith('r')) out.push(rest(2));
  if (w === 'belajar') out.push('ajar');
  for (const p of ['di', 'ke', 'se']) if (w.startsWith(p)) out.push(rest(2));
  if (w.startsWith('nge')) out.push(rest(3));
  if (w.startsWith('ng') && VOWEL.test(rest(2))) out.push(`k${rest(2)}`, rest(2));
  if (w.startsWith('ny') && VOWEL.test(rest(2))) out.push(`s${rest(2)}`, `c${rest(2)}`);
  if (w.startsWith('n') && VOWEL.test(rest(1))) out.push(`t${rest(1)}`);
  return out.filter((r) => r.length >= minRoot || (r.length >= MIN_MONOSYLLABLE && MONOSYLLABIC_PREFIX.test(w)));
}

/**
 * The word, then the word without a particle (`banjirnya` → `banjir`: `clitics` of these), then
 * each of those without a suffix (`genangannya` → `genangan`, `genang`). A lexicalised word keeps
 * its suffix (`kalian`).
 */
export function unsuffix(w: string, minRoot = MIN_ROOT): { readonly bases: string[]; readonly clitics: number } {
  const bases = [w];
  for (const p of PARTICLES) if (w.endsWith(p) && w.length - p.length >= MIN_PARTICLE_BASE) bases.push(w.slice(0, -p.length));
  const clitics = bases.length - 1;
  for (const b of bases.slice()) {
    if (LEXICALISED.has(b)) continue;
    for (const s of SUFFIXES) if (b.endsWith(s) && b.length - s.length >= minRoot) bases.push(b.slice(0, -s.length));
  }
  return { bases, clitics };
}

const rootMemo = new Map<string, readonly string[]>();

/**
 * The word and every root it may come from by Indonesian affixation (at most two prefixes and
 * two suffixes). Over-generates on purpose: a root counts only when the caller knows it.
 */
export function candidateRoots(word: string): readonly string[] {
  const cached = rootMemo.get(word);
  if (cached) return cached;
  const out = new Set<string>([word]);
  const bases = word.length >= 5 && word.length <= 40 ? unsuffix(word).bases : [];
  if (bases.length > 0 && !bases.some((b) => LEXICALISED.has(b))) {
    for (const base of bases) {
      out.add(base);
      for (const r of unprefix(base)) {
        out.add(r);
        for (const r2 of unprefix(r)) out.add(r2);
      }
    }
    // A suffix only after a prefix came off (`ke-banjir-an`): strip suffixes from each prefixed root too.
    for (const r of unprefix(word)) for (const b of unsuffix(r).bases) if (b.length >= MIN_ROOT) out.add(b);
  }
  const roots = [...out];
  if (word.length > 40) return roots;
  return remember(rootMemo, word, roots);
}
