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

export const ALARMING_CLAIM_WEIGHT = 0.22;
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
  air | pam | pdam | listrik | pln | gardu | krl | kereta | commuter | mrt | lrt | transjakarta | busway | halte
  stasiun | tol | sekolah | puskesmas | sakit | rsud | bank | atm | spbu | bbm | bensin | pertalite | elpiji | bansos
  blt | kjp | bpjs | ktp | sim | stnk | internet | sinyal | pasar | bandara | jembatan | tanggul | waduk | genap
  tarif | iuran | biaya | denda | pajak | retribusi | parkir | meteran | posyandu | rs | vaksin | imunisasi | obat
  beras | minyak | susu | sampah | rekening | tabungan | gas | pintu | jalan | layanan | pelayanan | subsidi | pensiun
  token | kelurahan | kantor | gedung | rusun | flyover | terowongan | underpass | jpo | apotek | klinik | kampus
  lpg | pertamax | solar | gaji | upah | tunjangan | angkot | jaklingko | ukt | erp | potongan | bus | koridor
  eskalator | lift | ambulans | ambulan | pasien | operasi | persalinan | ojol | motor | kendaraan | plat | pangkalan
  tabung | telur | daging | bakso | sate | jajanan | jajan | makanan | minuman | permen | sayur | seragam | uang
  saldo | akun | tagihan | kartu | pbb | ppdb | ijazah | rapor | akta | kk | nik | sd | smp | sma | smk | sdn | smpn
  sman | smkn | madrasah | paud | tk | posko | masjid | pelabuhan | kapal | pompa | dana | jht | pkh | kis | sembako
  qris | ewallet | deposito | pinjaman | kredit | kontrakan | kos | tanah | sertifikat | imb | pbg | izin | pedagang
  lapak | kios | toilet | sungai | kali | fogging | cabai | cabe
  `),
);
const BEFALL_WORDS = list(`
    mati | padam | dipadamkan | dimatikan | ditutup | tutup | diliburkan | libur | dihentikan | berhenti | tidak beroperasi
    lumpuh | mogok | error | naik | dinaikkan | berbayar | dikenakan | wajib | dihapus | dicabut | dibekukan | diblokir
    dinonaktifkan | tidak berlaku | ditiadakan | tercemar | terkontaminasi | beracun | kosong | habis | langka | bangkrut
    jebol | bocor | retak | roboh | runtuh | ambruk | didenda | dikenai | diundur | dilarang | disita | dirampas
    dipotong | tolak | menolak | tidak melayani | tidak menerima | tidak diangkut | digusur | dibongkar | disegel
    kedaluwarsa | kadaluarsa | dicampur | dioplos | meledak | diputus | dibatasi | dipangkas | dikurangi | amblas | ambles | ambrol
    miring | digembok
    gangguan | dibuka | rusak | ditimbun | busuk | bau | penuh | ditahan | nolak | abis | suspended | down | tercampur | kecampur
    bankrupt | collapsing
    `);
/** Befalls a service by someone's decision (`dihapus`, `wajib`, `ditunda`): what a false announcement tells of. */
const DECIDED_WORDS = list(`
    dihentikan | naik | dinaikkan | dinaikin | naikin | berbayar | dikenakan | wajib | dihapus | dicabut | dibekukan | diblokir
    dinonaktifkan | tidak berlaku | ditiadakan | didenda | dikenai | diundur | dilarang | disita | dirampas | dipotong
    digusur | dibongkar | disegel | diputus | dibatasi | dipangkas | dikurangi | ditutup | diliburkan | dimatikan | dipadamkan
    ditunda | ditarik | ditolak | dibubarkan | dipungut | memungut | mungut | dipatok | hangus | dicoret | diganti | dibatalkan
    dipulangkan | dialihkan | diprivatisasi | dijual | dihapuskan | diswastakan | dipindah | dipindahkan | diwajibkan
    disetop | distop | dimajukan | dimundurkan | dikosongkan | narik | ditagih
    `);
/** The Jakarta informal forms too: `dibekukan` and `dibekuin`, `dinonaktifkan` and `dinonaktifin`. */
const withInformal = (words: readonly string[]): string[] => [
  ...words,
  ...words.filter((w) => /^di[a-z]{3,}kan$/u.test(w)).map((w) => `${w.slice(0, -3)}in`),
];
/** What befalls them, within six words after (`air di Kebon Jeruk mati`). */
const BEFALLS = new RegExp(`\\b(?:${trieOf([...new Set(withInformal([...BEFALL_WORDS, ...DECIDED_WORDS]))])})\\b`, 'g');
const DECIDED: ReadonlySet<string> = new Set(withInformal(DECIDED_WORDS));
const RISES: ReadonlySet<string> = new Set(list('naik | tembus'));
const STOCK: ReadonlySet<string> = new Set(list('stok | stock | persediaan | dana | kuota | saldo | anggaran | pasokan'));
/** Asked of the reader, not claimed or charged: `mohon ditutup`, `harap dimatikan`, `mohon alat elektronik dicabut`. */
export const ASKED: ReadonlySet<string> = new Set(list('mohon | harap | agar | supaya | diminta | tolong | please | dimohon'));
const SWEEPS: ReadonlySet<string> = new Set(list('semua | seluruh | total | all | every'));
/** A service, owned too (`iurannya`, `tarifnya`). */
const isService = (w: string): boolean => SERVICES.has(w) || (w.endsWith('nya') && SERVICES.has(w.slice(0, -3)));
/** A price, a fee, a tax, owned too (`biayanya`). */
const isFee = (w: string): boolean => FEES.has(w) || (w.endsWith('nya') && FEES.has(w.slice(0, -3)));
/** What a decision raises: a price, a fee, a tax. */
const FEES: ReadonlySet<string> = new Set(
  list(
    'tarif | iuran | biaya | denda | pajak | retribusi | parkir | harga | pbb | token | premi | ongkos | bbm | pertalite | elpiji | lpg | tiket | uang | spp | cicilan | bunga',
  ),
);
/** What a service gives: `gratis`, `ditanggung`, `dilayani`: said with `tidak lagi` before it, no longer given. */
const GIVEN_ANY_MORE = list(`
    gratis | ditanggung | menanggung | nanggung | cair | dicairkan | dijual | menerima | nerima | diterima | melayani | layanin
    dilayani | berlaku | dipakai | digunakan | beroperasi | disubsidi | dikasih | diberikan | diproses | berobat | dapat
    `);
/** The same negated with a word of time after (`tidak ditanggung lagi`, `tidak cair sama sekali`). */
const GIVEN = list(`
    gratis | ditanggung | menanggung | nanggung | cair | dicairkan | dijual | menerima | nerima | diterima | melayani | layanin
    dilayani | berlaku | dipakai | dipake | digunakan | beroperasi | disubsidi | dapat | mendapat | dikasih | diberikan | diproses
    dibayar | ngalir | mengalir | dibeli | masuk | lewat | berobat | dilakukan | dilakuin | dilaksanakan | diadakan
    `);
/** What only some can do, after `cuma bisa`: use, buy, pay, collect, register, be treated (not `cuma bisa pasrah`). */
const ONLY_VIA = list(
  'pakai | pake | beli | bayar | ambil | daftar | akses | berobat | tukar | cair | lewat | via | melalui | untuk | buat',
);
/** Given only to some: `cuma dikasih ke …`; with `bisa`/`boleh`, only before what is given (`hanya bisa dibeli …`) or used (ONLY_VIA). */
const ONLY_GIVEN = list(
  'dikasih | diberikan | dilayani | berlaku | untuk | buat | ngalir | mengalir | dijual | dibeli | menerima | nerima | melayani',
);
/** Told by a source no one can ask, not given at all (no word of time needed). */
const NOT_GIVEN = list(`
    ditanggung | menanggung | nanggung | cair | dicairkan | dijual | menerima | nerima | diterima | melayani | layanin | dilayani
    berlaku | dipakai | dipake | digunakan | beroperasi | dibeli | masuk | ngalir | mengalir | dilakukan | dilakuin
    `);
const NEGATED = '(?:tidak|tak|gak|nggak|enggak)\\s+';
/**
 * No longer there, or only for some: `tidak gratis lagi`, `tidak ditanggung lagi`, `tidak dijual
 * lagi`, `KJP tidak cair`, `cuma dikasih ke anak ranking 10 besar`, `hanya bisa dibeli pakai QR`.
 */
const NO_LONGER = new RegExp(
  `\\b(?:${NEGATED}(?:bisa\\s+|boleh\\s+|akan\\s+|bakal\\s+)?lagi\\s+(?:${GIVEN_ANY_MORE.join('|')})|${NEGATED}(?:akan\\s+|bisa\\s+|boleh\\s+|lagi\\s+|bakal\\s+)?(?:${GIVEN.join('|')})(?:\\s+[\\p{L}\\p{N}]+){0,6}?\\s+(?:lagi|sama sekali|mulai|selamanya|permanen|total)|(?:cuma|hanya)\\s+(?:(?:bisa|boleh)\\s+(?:di[\\p{L}]{3,}|${GIVEN.join('|')}|${ONLY_VIA.join('|')})|(?:${ONLY_GIVEN.join('|')})\\s+[\\p{L}]+))\\b`,
  'u',
);
/** Told by a source no one can ask, a service not given at all (`puskesmas tidak nerima pasien BPJS`, `KTP gak bisa dipake`). */
const UNAVAILABLE = new RegExp(`\\b${NEGATED}(?:akan\\s+|bisa\\s+|boleh\\s+|bakal\\s+)?(?:${NOT_GIVEN.join('|')})\\b`, 'u');
const UNFIT = /\b(?:tidak|tak|gak|nggak)\s+layak\s+(?:minum|diminum|konsumsi|dikonsumsi|makan|dimakan|pakai|dipakai|huni|dihuni)\b/u;
/** What a charge is called (`bayar`, `denda`, `retribusi`, `fee`): with an amount after it, a charge is claimed. */
const CHARGE_WORDS = list(`
    bayar | membayar | biaya | denda | didenda | dipungut | mungut | memungut | pungutan | tarif | iuran | pajak | retribusi
    dipatok | dikenakan | dikenai | potongan | dipotong | uang | ukt | spp | harga | tilang | ditilang | tiket | ongkos | parkir | charge | charges
    fine | fines | fee | fees | pricing | price | cost | costs | tariff | tariffs
    `);
/**
 * Words that name a price as often as a charge (`harga 15rb`, `bayar 20rb di kasir`): a charge only
 * with a change or a demand told with them (`jadi`, `naik`, `wajib`, `kena`) within a few words before
 * or inside the match; the other charge words (`denda`, `retribusi`, `pungutan`) are charges on their own.
 */
const PLAIN_PRICES: ReadonlySet<string> = new Set(
  list('bayar | membayar | biaya | uang | harga | potongan | price | pricing | cost | costs | tarif | tiket | ongkos | parkir'),
);
const CHANGES: ReadonlySet<string> = new Set(
  list(
    'jadi | menjadi | naik | dinaikkan | wajib | diwajibkan | harus | kena | dikenakan | dikenai | dipatok | ditarik | dipungut | disuruh | diminta | ditagih | tembus | sekarang | mulai | besok | bakal | now | must | will | rises | raised',
  ),
);
const CHARGE = new RegExp(
  `\\b(?:${CHARGE_WORDS.join('|')})(?:\\s+[\\p{L}\\p{N}]+){0,10}?\\s+(?:rp\\s?\\d[\\d.,]*(?:\\s?(?:rb|ribu|jt|juta|k|%|persen))?|\\d[\\d.,]*\\s?(?:rb|ribu|jt|juta|k|%|persen))(?![\\p{L}])`,
  'u',
);
const EVENT_WORDS = list(`
    pemadaman | penutupan | kenaikan | penghapusan | pencabutan | pemblokiran | pemutusan | kelangkaan | krisis | pencemaran
    menutup | mematikan | memadamkan | menaikkan | menghapus | mencabut | menghentikan | meliburkan
    `);
/** Named as an event, the service within three words after: `pemadaman listrik`, `kenaikan tarif`, `penutupan sekolah`. */
const EVENTS = new RegExp(`\\b(?:${trieOf(EVENT_WORDS)})\\b`, 'g');
const REACH = 8;
const NOT: ReadonlySet<string> = new Set(list('tidak | tak | belum | bukan | batal | gak | nggak | not | jangan'));
/** What makes a service dangerous now, not merely late or down: `air PAM tercemar`, `tanggul jebol`. */
const HAZARD =
  /(?:tercemar|terkontaminasi|beracun|jebol|retak|roboh|runtuh|ambruk|kedaluwarsa|kadaluarsa|dicampur|dioplos|bocor|meledak|amblas|ambles|ambrol|miring)$/u;

/**
 * Victims counted, as a rumour counts them: `udah 5 penumpang pingsan`, `sudah banyak yang diare se-RW`,
 * `udah 3 anak ilang minggu ini`, `already 10 people in hospital`. Read only beside a source no one can ask.
 */
const VICTIMS = new RegExp(
  `\\b(?:sudah|udah|telah|already)\\s+(?:ada\\s+)?(?:\\d+|dua|tiga|empat|lima|banyak|puluhan|belasan|ratusan|ribuan|beberapa|dozens|several|many)(?:\\s+(?:orang|warga|anak|balita|bayi|siswa|murid|penumpang|pasien|korban|rumah|ibu ibu|nenek|lansia|yang|yg|people|kids|children|residents|passengers))?(?:\\s+[\\p{L}]+){0,2}?\\s+(?:pingsan|meninggal|tewas|sakit|diare|keracunan|dirawat|hilang|ilang|diculik|kejang|lumpuh|tertular|kena|jadi korban|dikuras|dibobol|kehilangan|died|missing|hospitali[sz]ed|sick|poisoned|kidnapped)\\b`,
  'u',
);

/** A harm said to be done on purpose: `pintu air sengaja dibuka`, `gardu sengaja dimatikan`. */
const DELIBERATE = new RegExp(`\\bsengaja\\s+(?:${DONE_ON_PURPOSE})\\b`, 'u');

/** A charge, or a plain price with a change or a demand told with it (`harga LPG jadi Rp45 ribu`, `wajib bayar 150rb`). */
function demanded(norm: string, charge: RegExpExecArray): boolean {
  const words = charge[0].split(' ');
  if (!PLAIN_PRICES.has(words[0] ?? '')) return true;
  const before = norm
    .slice(Math.max(0, charge.index - 60), charge.index)
    .split(/[ ,.]+/u)
    .slice(-4);
  return [...before, ...words].some((w) => CHANGES.has(w));
}

/** A claim about a service: its words, and whether it tells of a decision (`dihapus`), a danger or a state now (`mati`). */
interface ServiceClaim {
  readonly text: string;
  readonly kind: 'decided' | 'hazard' | 'state';
}

/** `air di Kebon Jeruk mati`: a service word, then within six words what befalls it. */
function serviceClaim(norm: string, loose: boolean): ServiceClaim | undefined {
  BEFALLS.lastIndex = 0;
  let state: ServiceClaim | undefined;
  for (let m = BEFALLS.exec(norm); m !== null; m = BEFALLS.exec(norm)) {
    const before = norm.slice(Math.max(0, m.index - 80), m.index).split(/[ ,.]+/);
    // Denied, not claimed: `tarif KRL tetap, tidak jadi naik`, `sekolah tidak diliburkan`; or asked
    // of the reader (`makanan mohon ditutup`).
    if (
      NOT.has(before[before.length - 2] ?? '') ||
      ASKED.has(before[before.length - 2] ?? '') ||
      (before[before.length - 2] === 'jadi' && NOT.has(before[before.length - 3] ?? ''))
    )
      continue;
    const words = before.slice(-REACH - 1, -1);
    const at = words.findIndex(isService);
    if (at < 0) continue;
    // `habis` of a stock (`stok beras habis`), not of a mood (`kantornya toxic habis`).
    if (m[0] === 'habis' && !isService(words[words.length - 1] ?? '') && !STOCK.has(words[words.length - 1] ?? '')) continue;
    const text = `${words.slice(at).join(' ')} ${m[0]}`;
    // A level or a count that rises is a state (`air kali naik`); a price that rises is a decision.
    const decided = DECIDED.has(m[0]) && (!RISES.has(m[0]) || words.slice(at).some(isFee));
    // A state said of all of them is no one's bad day: `semua SPBU tutup`, `listrik padam total`.
    const sweeping = [
      ...words.slice(Math.max(0, at - 1)),
      ...norm
        .slice(m.index + m[0].length)
        .split(/[ ,.]+/)
        .slice(1, 3),
    ].some((w) => SWEEPS.has(w));
    const kind = HAZARD.test(m[0]) ? 'hazard' : decided || sweeping ? 'decided' : 'state';
    if (kind !== 'state') return { text, kind };
    state ??= { text, kind };
  }
  // No longer there: said of a service anywhere in its sentence (`obat … diabetes tidak ditanggung lagi`).
  const gone = NO_LONGER.exec(norm) ?? (loose ? UNAVAILABLE.exec(norm) : null);
  if (gone) {
    const start = norm.lastIndexOf('. ', gone.index) + 1;
    const end = norm.indexOf('. ', gone.index);
    const sentence = norm.slice(start, end < 0 ? undefined : end).split(/[ ,.]+/);
    if (sentence.some((w) => SERVICES.has(w))) return { text: gone[0], kind: 'decided' };
  }
  // Unfit for use: `air PAM tidak layak minum`, `beras bansos tidak layak konsumsi`.
  const unfit = UNFIT.exec(norm);
  if (unfit) return { text: unfit[0], kind: 'hazard' };
  // A charge with its amount: `bayar 300rb`, `kena denda 1 juta`, `mungut uang bangunan 2 jt`, `pajak simpanan 10%`.
  const charge = CHARGE.exec(norm);
  if (charge && demanded(norm, charge)) return { text: charge[0], kind: 'decided' };
  if (state) return state;
  EVENTS.lastIndex = 0;
  for (let m = EVENTS.exec(norm); m !== null; m = EVENTS.exec(norm)) {
    const after = norm
      .slice(m.index + m[0].length, m.index + m[0].length + 60)
      .split(/[ ,.]+/)
      .slice(1, 4);
    const at = after.findIndex((w) => SERVICES.has(w));
    if (at >= 0) return { text: [m[0], ...after.slice(0, at + 1)].join(' '), kind: 'decided' };
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
    ...withInformal([...BEFALL_WORDS, ...DECIDED_WORDS, ...EVENT_WORDS, ...TAKE_WORDS])
      .flatMap((p) => p.split(' '))
      .filter((w) => w.length >= 4 && w !== 'tidak'),
    // A service no longer given, given only to some, unfit, charged for: the words these claims
    // are most often told with (a gate, narrower than GIVEN, NOT_GIVEN and CHARGE_WORDS).
    ...list('cuma | hanya | gratis | ditanggung | nanggung | cair | dicairkan | dijual | nerima | dilayani | ngalir | mengalir'),
    ...list('dibeli | menerima | melayani | dipakai | tilang | ditilang | tutup | ditutup | menanggung | retribusi | ditagih | layak'),
    ...list(
      'pingsan | meninggal | tewas | diare | keracunan | dirawat | ilang | kejang | tertular | died | missing | sick | poisoned | kidnapped',
    ),
    ...list(
      'dipake | digunakan | berlaku | beroperasi | disubsidi | dikasih | diberikan | diproses | dibayar | dilakukan | diadakan | parkir',
    ),
    ...list(
      'bayar | membayar | biaya | denda | didenda | dipungut | mungut | memungut | pungutan | tarif | iuran | pajak | potongan | harga | tiket | ongkos | charge | charges | fine | fines | fee | fees | pricing | price | cost | tariff',
    ),
  ],
  WORD.loss,
);

/** An announcement's alarming part: the claim, or what it takes away or charges for (`pemadaman total 3 hari`). */
export function announcedLoss(norm: string, anyClaim: () => string | undefined = () => alarmingClaim(norm, 'any')): string | undefined {
  const claim = anyClaim();
  if (claim) return claim;
  const takes = TAKES.exec(norm);
  // Asked of the reader (`makanan mohon ditutup`), not taken away.
  if (
    !takes ||
    ASKED.has(
      norm
        .slice(Math.max(0, takes.index - 20), takes.index)
        .trim()
        .split(' ')
        .pop() ?? '',
    )
  )
    return undefined;
  return `kabar soal layanan publik: ${takes[0]}`;
}

/**
 * How much of a claim counts: `any` (with a source no one can ask); `decided` (with a call to
 * share: what is about to happen, a danger, or a decision about a service, not its state now:
 * `listrik padam terus, share biar PLN baca!` is a complaint, however loud); `rumour` (the same
 * but no decision either, for a post that also asks or complains in the writer's own voice).
 */
export type ClaimReach = 'any' | 'decided' | 'rumour';

/** The claim's words in the normalised text, shown as evidence; undefined when there is none. */
export function alarmingClaim(norm: string, reach: ClaimReach): string | undefined {
  const rumourOnly = reach !== 'any';
  const service = serviceClaim(norm, reach === 'any');
  if (service && (reach === 'any' || service.kind === 'hazard' || (reach === 'decided' && service.kind === 'decided')))
    return `kabar soal layanan publik: ${service.text}`;
  const deliberate = rumourOnly || !norm.includes('sengaja') ? null : DELIBERATE.exec(norm);
  if (deliberate) return `kabar soal bahaya: ${deliberate[0]}`;
  const victims = rumourOnly ? null : VICTIMS.exec(norm);
  if (victims) return `kabar soal bahaya: ${victims[0]}`;
  const rumour = RUMOUR_HINT.test(norm) ? RUMOUR.exec(norm) : null;
  if (!rumour) return undefined;
  // A level that rises (`air kali naik lagi sore ini`) is a state, not a rumour; a price that rises is one.
  const words = rumour[0].toLowerCase().split(/[ ,]+/u);
  const lead = norm
    .slice(Math.max(0, rumour.index - 80), rumour.index)
    .split(/[ ,]+/u)
    .slice(-REACH);
  if (words.some((w) => RISES.has(w)) && ![...lead, ...words].some(isFee) && !DANGER_ONLY.test(rumour[0])) return undefined;
  return `${DANGER_ONLY.test(rumour[0]) ? 'kabar soal bahaya' : 'kabar soal yang akan terjadi'}: ${rumour[0].toLowerCase()}`;
}
