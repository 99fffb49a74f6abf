/**
 * A practical notice, as a resident relays a real one from a neighbourhood board, a school or a
 * utility: bounded in time (a clock time or a window, `jam 10.00-13.00`, `pkl 14.00`, `mulai jam
 * 04.30 sampai 10.00`) or temporary with its end in view (`sementara`, `akan dinyalakan
 * kembali`), and with no sweeping scope (`total`, `seluruh`, `permanen`, `5 hari`, `sebulan`).
 * Hoaxes borrow a notice's form but rarely its bounds: they close a whole market for ten days,
 * cut the water of a whole city, charge everyone. Since the form can be borrowed, assess.ts lets
 * it offset only the softer signals (a call to share, alarm, an agency's voice), never a doubted
 * source, a panic order, a scam or a danger.
 */
import * as languageModule from '../language';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { wordSet } = languageModule;

export const PRACTICAL_NOTICE_WEIGHT = 0.2;

/** A clock time (`jam 10.00`, `pukul 8`, `pkl 14.00`) or a window (`10.00-13.00 WIB`). */
const CLOCK =
  /(?<![\p{L}])(?:(?:jam|pukul|pkl)\.?\s*\d{1,2}(?:[.:]\d{2})?(?!\s*(?:hari|jam|x|kali))|\d{1,2}[.:]\d{2}\s*(?:wib|-|–|s\.?\s?d\.?|sampai|hingga))/iu;
/** Temporary, with its end in view. */
const TEMPORARY =
  /(?<![\p{L}])(?:dinyalakan kembali|normal kembali|kembali normal|dibuka kembali|beroperasi kembali|akan disampaikan menyusul|info selanjutnya)(?![\p{L}])/iu;
/** A sweeping scope: the whole of something (`se-DKI`), for good, again and again (`tiap malam`, `bergilir`). */
const SWEEPING = wordSet('total seluruh permanen selamanya penuh sejakarta sejabodetabek semuanya se tiap setiap bergilir');
/** A danger: what no bounds make routine. */
const DANGER = wordSet(
  'tercemar terkontaminasi beracun racun bakteri virus wabah kolera radiasi meledak jebol roboh runtuh ambruk culik penculikan diculik',
);
const LONG_SPAN = wordSet('minggu pekan bulan tahun');
const ONE_LONG_SPAN = wordSet('seminggu sepekan sebulan setahun berhari berminggu berbulan');
const DAY = wordSet('hari');

/** Whether a length of two days or more is named: `3 hari`, `dua minggu`, `sebulan`. */
function longSpan(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (ONE_LONG_SPAN.has(t) || (t === 'akhir' && LONG_SPAN.has(tokens[i + 1] ?? ''))) return true;
    const n = tokens[i - 1] ?? '';
    const counted = /^\d+$/u.test(n) ? Number(n) : COUNT.get(n);
    if (counted === undefined) continue;
    if (LONG_SPAN.has(t) || (DAY.has(t) && counted >= 2)) return true;
  }
  return false;
}
const COUNT = new Map(
  ['satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh'].map((w, i): [string, number] => [w, i + 1]),
);

/** The notice's bounds as evidence (`waktu jelas: jam 10.00`), or undefined when it has none or sweeps. */
export function practicalNotice(text: string, tokens: readonly string[]): string | undefined {
  const bound = CLOCK.exec(text) ?? TEMPORARY.exec(text);
  if (!bound) return undefined;
  if (tokens.some((t) => SWEEPING.has(t) || DANGER.has(t)) || longSpan(tokens)) return undefined;
  return `waktu jelas: ${bound[0].toLowerCase().trim()}`;
}
