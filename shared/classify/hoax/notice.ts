/**
 * A notice bounded in time, as a resident relays a real one from a neighbourhood board, a school
 * or a utility: a clock time or a window (`jam 10.00-13.00`, `pkl 14.00`, `mulai jam 04.30
 * sampai 10.00`) or its end in view (`akan dinyalakan kembali`), with no sweeping scope
 * (`total`, `seluruh`, `permanen`, `tiap malam`, `5 hari`, `sebulan`, `tidak lagi`) and no danger. Passed on
 * with `mohon diteruskan`, what it tells (`besok jam 09.00-12.00 air mati`) is no alarm to
 * spread: assess.ts does not read it as an alarming claim beside a call to share. It is not a
 * counter-signal on its own: hoaxes borrow a notice's form, clock times included.
 */
import * as languageModule from '../language';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { wordSet } = languageModule;

/** A clock time (`jam 10.00`, `pukul 8`, `pkl 14.00`) or a window (`10.00-13.00 WIB`). */
const CLOCK =
  /(?<![\p{L}])(?:(?:jam|pukul|pkl)\.?\s*\d{1,2}(?:[.:]\d{2})?(?!\s*(?:hari|jam|x|kali))|\d{1,2}[.:]\d{2}\s*(?:wib|-|–|s\.?\s?d\.?|sampai|hingga))/iu;
/** Temporary, with its end in view. */
const TEMPORARY =
  /(?<![\p{L}])(?:dinyalakan kembali|normal kembali|kembali normal|dibuka kembali|beroperasi kembali|akan disampaikan menyusul|info selanjutnya)(?![\p{L}])/iu;
/** A sweeping scope: the whole of something (`se-DKI`), for good, again and again (`tiap malam`, `bergilir`). */
const SWEEPING = wordSet(
  'total seluruh permanen selamanya penuh sejakarta sejabodetabek semuanya se tiap setiap bergilir every daily whole entire rolling',
);
/** A danger: what no bounds make routine. */
const DANGER = wordSet(
  'tercemar terkontaminasi beracun racun bakteri virus wabah kolera radiasi meledak jebol roboh runtuh ambruk culik penculikan diculik',
);
/** `tidak … lagi` right before `lagi`: no longer given, a change for good. */
const NO_MORE = wordSet('tidak tak');
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

/** Whether the post is a notice bounded in time, with no sweeping scope or danger. `tokens`: its normalised words. */
export function boundedNotice(text: string, tokens: readonly string[]): boolean {
  if (!CLOCK.test(text) && !TEMPORARY.test(text)) return false;
  return (
    !tokens.some((t, i) => SWEEPING.has(t) || DANGER.has(t) || (t === 'lagi' && NO_MORE.has(tokens[i - 1] ?? ''))) && !longSpan(tokens)
  );
}
