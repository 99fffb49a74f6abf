/**
 * An alarming claim about a public service, a fee, a closure or a danger (`air PAM mati 3 hari`,
 * `tarif KRL naik`, `sekolah diliburkan`, `penculikan`). Alone it is news; told by someone no one
 * can ask (hearsay, a forwarded message, a claimed insider), or with a call to share or a
 * conspiracy frame, it is what a hoax is made of, and it adds to that signal.
 */
import * as matcherModule from './matcher';
import * as phrasesModule from './phrases';
import * as wordsModule from './words';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { list, trieOf } = matcherModule;
const { registerWords, WORD } = wordsModule;
const { DANGER_ONLY, DONE_ON_PURPOSE, PHRASE_INDICATORS, RUMOUR, RUMOUR_HINT, RUMOUR_WORDS } = phrasesModule;

export const ALARMING_CLAIM_WEIGHT = 0.2;
/**
 * Signals that doubt the source (hearsay, a forwarded message, a claimed insider, conspiracy):
 * with them a claim about a service's state now counts too, and a source named beside them is
 * borrowed rather than cited (assess.ts).
 */
export const DOUBTED_SOURCES: ReadonlySet<string> = new Set(['hearsay', 'forwarded', 'pseudo_authority', 'conspiracy']);
/** The signals an alarming claim adds to: none of them is enough on its own to reach medium. */
export const ALARMING_CLAIM_PARTNERS: ReadonlySet<string> = new Set(['call_to_share', ...DOUBTED_SOURCES]);
/** A bare `katanya`: said of anything, it doubts no source enough for a claim about a service's state now. */
export const WEAK_HEARSAY_WEIGHT = PHRASE_INDICATORS.find((i) => i.name === 'hearsay')?.weak?.weight ?? 0;

/** Services, fees and places people depend on (one word each: `air PAM`, `jalan tol`, `rumah sakit` by a word of theirs). */
const SERVICES: ReadonlySet<string> = new Set(
  list(`
  air | pam | pdam | listrik | pln | gardu | krl | kereta | commuter | mrt | lrt | transjakarta | busway | halte | stasiun
  tol | sekolah | puskesmas | sakit | rsud | bank | atm | spbu | bbm | bensin | pertalite | elpiji | bansos | blt | kjp
  bpjs | ktp | sim | stnk | internet | sinyal | pasar | bandara | jembatan | tanggul | waduk | genap | tarif | iuran
  biaya | denda | pajak | retribusi | parkir | meteran | posyandu | rs | vaksin | imunisasi | obat | beras | minyak | susu
  sampah | rekening | tabungan | gas | pintu | jalan | layanan | pelayanan | subsidi | pensiun | token | kelurahan | kantor
  gedung | rusun | flyover | terowongan | underpass | jpo | apotek | klinik | kampus | lpg | pertamax | solar | gaji | upah
  tunjangan | angkot | jaklingko
  `),
);
const BEFALL_WORDS = list(`
    mati | padam | dipadamkan | dimatikan | ditutup | tutup | diliburkan | libur | dihentikan | berhenti | tidak beroperasi
    lumpuh | mogok | error | naik | dinaikkan | berbayar | dikenakan | wajib | dihapus | dicabut | dibekukan | diblokir
    dinonaktifkan | tidak berlaku | ditiadakan | tercemar | terkontaminasi | beracun | kosong | habis | langka | bangkrut
    jebol | bocor | retak | roboh | runtuh | ambruk | didenda | dikenai | diundur | dilarang | disita | dirampas
    dipotong | tolak | menolak | tidak melayani | tidak menerima | tidak diangkut | digusur | dibongkar | disegel
    kedaluwarsa | kadaluarsa | dicampur | dioplos | meledak | diputus | dibatasi | dipangkas | dikurangi | amblas | ambles | ambrol
    `);
/** What befalls them, within six words after (`air di Kebon Jeruk mati`). */
const BEFALLS = new RegExp(`\\b(?:${trieOf(BEFALL_WORDS)})\\b`, 'g');
const EVENT_WORDS = list(`
    pemadaman | penutupan | kenaikan | penghapusan | pencabutan | pemblokiran | pemutusan | kelangkaan | krisis | pencemaran
    menutup | mematikan | memadamkan | menaikkan | menghapus | mencabut | menghentikan | meliburkan
    `);
/** Named as an event, the service within three words after: `pemadaman listrik`, `kenaikan tarif`, `penutupan sekolah`. */
const EVENTS = new RegExp(`\\b(?:${trieOf(EVENT_WORDS)})\\b`, 'g');
const REACH = 6;
const NOT: ReadonlySet<string> = new Set(list('tidak | tak | belum | bukan | batal | gak | nggak | not'));
/** What makes a service dangerous now, not merely late or down: `air PAM tercemar`, `tanggul jebol`. */
const HAZARD =
  /(?:tercemar|terkontaminasi|beracun|jebol|retak|roboh|runtuh|ambruk|kedaluwarsa|kadaluarsa|dicampur|dioplos|bocor|meledak)$/u;

/** A harm said to be done on purpose: `pintu air sengaja dibuka`, `gardu sengaja dimatikan`. */
const DELIBERATE = new RegExp(`\\bsengaja\\s+(?:${DONE_ON_PURPOSE})\\b`, 'u');

/** `air di Kebon Jeruk mati`: a service word, then within six words what befalls it. */
function serviceClaim(norm: string): string | undefined {
  BEFALLS.lastIndex = 0;
  for (let m = BEFALLS.exec(norm); m !== null; m = BEFALLS.exec(norm)) {
    const before = norm.slice(Math.max(0, m.index - 80), m.index).split(/[ ,.]+/);
    // Denied, not claimed: `tarif KRL tetap, tidak jadi naik`, `sekolah tidak diliburkan`.
    if (NOT.has(before[before.length - 2] ?? '') || (before[before.length - 2] === 'jadi' && NOT.has(before[before.length - 3] ?? '')))
      continue;
    const words = before.slice(-REACH - 1, -1);
    const at = words.findIndex((w) => SERVICES.has(w));
    if (at >= 0) return `${words.slice(at).join(' ')} ${m[0]}`;
  }
  EVENTS.lastIndex = 0;
  for (let m = EVENTS.exec(norm); m !== null; m = EVENTS.exec(norm)) {
    const after = norm
      .slice(m.index + m[0].length, m.index + m[0].length + 60)
      .split(/[ ,.]+/)
      .slice(1, 4);
    const at = after.findIndex((w) => SERVICES.has(w));
    if (at >= 0) return [m[0], ...after.slice(0, at + 1)].join(' ');
  }
  return undefined;
}

const TAKE_WORDS = list(`
    pemadaman | penutupan | ditutup | menutup | dihentikan | dihapus | diundur | didenda | denda | retribusi | dikenakan biaya
    dikenai biaya | wajib bayar | tidak berlaku | dilarang | disita | dirampas
    `);
/** What an announcement takes away or charges for: in an agency's name, alarming on its own. */
const TAKES = new RegExp(`\\b(?:${trieOf(TAKE_WORDS)})\\b`, 'u');

/**
 * Words one of which any claim or announcement here needs among the post's tokens (what befalls
 * a service, an event, what is taken, an impact or a danger): a quick test that spares most posts
 * the regexes.
 */
registerWords(
  [
    ...RUMOUR_WORDS,
    'sengaja',
    ...[...BEFALL_WORDS, ...EVENT_WORDS, ...TAKE_WORDS].flatMap((p) => p.split(' ')).filter((w) => w.length >= 4 && w !== 'tidak'),
  ],
  WORD.loss,
);

/** An announcement's alarming part: the claim, or what it takes away or charges for (`pemadaman total 3 hari`). */
export function announcedLoss(norm: string): string | undefined {
  const claim = alarmingClaim(norm, false);
  if (claim) return claim;
  const takes = TAKES.exec(norm);
  return takes ? `kabar soal layanan publik: ${takes[0]}` : undefined;
}

/**
 * The claim's words in the normalised text, shown as evidence; undefined when there is none.
 * `rumourOnly`: only what is about to happen or a danger, not a service's state now (`listrik
 * padam terus, share biar PLN baca!` is a complaint, however loud).
 */
export function alarmingClaim(norm: string, rumourOnly: boolean): string | undefined {
  const service = serviceClaim(norm);
  if (service && (!rumourOnly || HAZARD.test(service))) return `kabar soal layanan publik: ${service}`;
  const deliberate = rumourOnly || !norm.includes('sengaja') ? null : DELIBERATE.exec(norm);
  if (deliberate) return `kabar soal bahaya: ${deliberate[0]}`;
  const rumour = RUMOUR_HINT.test(norm) ? RUMOUR.exec(norm) : null;
  if (!rumour) return undefined;
  return `${DANGER_ONLY.test(rumour[0]) ? 'kabar soal bahaya' : 'kabar soal yang akan terjadi'}: ${rumour[0].toLowerCase()}`;
}
