/**
 * A panic directive read as a sentence is built: an urging form (`segera`, `buruan`, `mending`,
 * `harus`, a bare or `-in`/`-kan`/`-lah` imperative, `jangan`, `hari ini juga`, `sebelum
 * terlambat`) and an act against one's own interest or out of fear (take the money out, stock
 * up, fetch the children, keep away from a place, don't drink the water, evacuate), with what it
 * is done to as a word class (money, supplies, children, places…) a few words away. The verbs
 * come in their Indonesian forms (`tarik`, `tarikin`, `tariklah`, `ditarik`, `menarik` after an
 * urging word), in slang (`nyetok`, `nimbun`) and in English. What is not one: an agency's
 * measured advice (`diimbau … secukupnya`, `tidak perlu panik`), a shop's promo, a health tip, a
 * plan of the writer's own (`aku mau tarik uang buat bayar kos`), a directive negated.
 */
import * as matcherModule from './matcher';
import * as wordsModule from './words';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { list } = matcherModule;
const { kindsOf, registerWords, WORD } = wordsModule;

/** What a directive is done to. */
type Goal = 'money' | 'supplies' | 'children' | 'family' | 'place' | 'water' | 'vaccine' | 'device' | 'payment' | 'door' | 'bank';
/**
 * What an act needs besides its object: any urging, a hurry (not merely an urging word), or a
 * reason to fear named in the post (keeping away, keeping the children home, not drinking the
 * water are also what careful people say, for reasons that are not fear); or, for the children
 * and the public water supply, a reason to fear or a hold until further notice (`dulu minggu
 * ini`, `sampai ada pengumuman`, `untuk sementara`).
 */
type Needs = 'urging' | 'hurry' | 'fear' | 'fear-or-hold';

interface Act {
  readonly goals: readonly Goal[];
  readonly needs: Needs;
  /** The object may be missing (`segera mengungsi`). */
  readonly bare?: boolean;
}

/** The forms of a verb: stems give `x`, `xin`, `xkan`, `xlah`, `dix`…; other forms are listed as they are. */
function forms(stems: string, other = ''): { imperative: string[]; passive: string[]; active: string[] } {
  const imperative: string[] = [];
  const passive: string[] = [];
  for (const stem of list(stems)) {
    const base = stem.replace(/kan$|in$/u, '');
    imperative.push(stem, `${stem}lah`, `${base}in`, `${base}kan`, `${base}kanlah`);
    passive.push(`di${stem}`, `di${base}in`, `di${base}kan`);
  }
  return { imperative, passive, active: list(other) };
}

/** Hoarding, as an imperative stem and in its other forms: an act of its own and, in a hurry, with no object. */
const HOARD = 'borong | timbun';
const HOARDING = 'memborong | menimbun | nimbun | nyetok | menyetok';

const ACTS: readonly [ReturnType<typeof forms>, Act][] = [
  // Take the money out: `tarik tabungan kalian`, `cairin saldo`, `pindahkan uang ke bank lain`.
  [
    forms(
      'tarik | ambil | cairkan | kuras | kosongkan | pindahkan | selamatkan | amankan',
      'menarik | narik | mengambil | ngambil | mencairkan | nyairin | menguras | ngurasin | memindahkan | mindahin | withdraw | move',
    ),
    { goals: ['money'], needs: 'urging' },
  ],
  // Stock up: `borong beras`, `nyetok galon`, `stock up on water`.
  [forms(`${HOARD} | stok | stock`, `${HOARDING} | nyetock | hoard | stockpile`), { goals: ['supplies'], needs: 'urging' }],
  // Stock up on anything, in a hurry: `borong dari sekarang selagi masih ada`, `nyetok yang banyak mumpung masih ada`.
  [forms(HOARD, HOARDING), { goals: ['supplies'], needs: 'hurry', bare: true }],
  // Buy, keep, fill: everyday, so only in a hurry (`isi full tank malam ini juga`, `beli gas sebelum langka`).
  [
    forms(
      'beli | tampung | simpan | isi | penuhi | kumpulkan | siapkan | sediakan',
      'membeli | menampung | menyimpan | nyimpen | mengisi | ngisi | buy | fill | get',
    ),
    { goals: ['supplies'], needs: 'hurry' },
  ],
  // Fetch the children: `jemput anak sekarang`, `tarik anak dari sekolah`, `pick up your kids`.
  [forms('jemput | pulangkan | liburkan', 'menjemput | jemputlah | pick | keep'), { goals: ['children'], needs: 'fear' }],
  [forms('tarik | cabut | larang', 'menarik | melarang | ngelarang'), { goals: ['children'], needs: 'fear' }],
  // Flee: `ungsikan keluarga`, `segera mengungsi`, `kosongkan rumah`, `evacuate`.
  [
    forms('ungsikan | evakuasi | tinggalkan | kosongkan', 'mengungsi | ngungsi | mengevakuasi | evacuate | leave'),
    { goals: ['family', 'children', 'place'], needs: 'fear', bare: true },
  ],
  // Keep away: `hindari stasiun`, `jauhi RS itu`, `avoid the hospital`, `stay away from`.
  [
    forms('hindari | jauhi | skip', 'hindarin | jauhin | menghindari | menjauhi | avoid | stay'),
    { goals: ['place', 'vaccine', 'supplies'], needs: 'fear' },
  ],
  // Sell or swap out of fear: `jual emas sekarang`, `tukarkan uang lama sebelum tidak berlaku`, `cairkan JHT`.
  [forms('jual | tukar | tukarkan | tuker | lepas', 'sell | exchange'), { goals: ['money'], needs: 'urging' }],
  // Close the account out of fear: `tutup akun m-banking kalian sekarang`.
  [forms('tutup | blokir', 'menutup | nutup'), { goals: ['money'], needs: 'fear' }],
  // Pay it all now out of fear: `segera lunasi PBB sebelum dendanya naik`.
  [forms('lunasi', 'melunasi | ngelunasin'), { goals: ['payment'], needs: 'fear' }],
  // Take it out in English, out of fear: `take your money out of Bank DKI, it is collapsing`.
  [forms('', 'take | pull | get'), { goals: ['money'], needs: 'fear' }],
  // Transfer it out, out of fear (a shop asks for a transfer too): `transfer saldo kalian ke bank lain, bank ini bangkrut`.
  [forms('transfer', 'mentransfer | nransfer'), { goals: ['money'], needs: 'fear' }],
  // Shut in: `tutup jendela rapat rapat`, `stay home`, `tetap di rumah`.
  [forms('tutup', 'stay | shut'), { goals: ['door'], needs: 'fear' }],
  // Switch off: `matikan HP kalian jam 12 malam`.
  [forms('matikan | cabut', 'turn | switch | unplug'), { goals: ['device'], needs: 'urging' }],
  // Bring them home: `bawa pulang anak`, `bawa keluarga ke tempat tinggi`.
  [forms('bawa', 'take | bring'), { goals: ['children', 'family'], needs: 'fear' }],
  // Cancel or stop paying: `batalkan tiket`, `stop bayar iuran`.
  [forms('batalkan | stop', 'cancel'), { goals: ['payment'], needs: 'fear' }],
];

/** After `jangan` (`don't`, `tidak usah` in a hurry): what not to do, and to what. */
const DONT: readonly [string, Act][] = [
  [
    'minum | meminum | konsumsi | mengonsumsi | pakai | memakai | pake | gunakan | menggunakan | masak | memasak | mandi | drink | use | scan',
    { goals: ['water', 'supplies', 'payment'], needs: 'fear-or-hold' },
  ],
  ['makan | memakan | beli | membeli | buy | eat | isi | mengisi', { goals: ['supplies'], needs: 'fear' }],
  [
    'ke | pergi | datang | mendekat | dekati | mendekati | lewat | melintas | naik | go | visit | leave',
    { goals: ['place'], needs: 'fear' },
  ],
  ['bawa | membawa | berobat | periksa | dibawa | take', { goals: ['place', 'children', 'family'], needs: 'fear' }],
  [
    'sekolahkan | berangkatkan | antar | mengantar | antarkan | anter | anterin | antarin | nganter | nganterin | izinkan | biarkan | membiarkan | mengizinkan | kasih | send | let | biarin | ngebiarin | bolehin | ngizinin | ajak | ngajak',
    { goals: ['children', 'family'], needs: 'fear-or-hold' },
  ],
  ['buka | membuka | bukakan | bukain | open', { goals: ['door'], needs: 'fear' }],
  [
    'vaksin | divaksin | vaksinasi | imunisasi | diimunisasi | suntik | disuntik | vaccinate',
    { goals: ['vaccine', 'children'], needs: 'fear', bare: true },
  ],
  ['bayar | membayar | pay | transfer | lunasi', { goals: ['payment'], needs: 'fear' }],
  ['topup | top | setor | nabung | menabung | daftar | mendaftar | register', { goals: ['money', 'payment'], needs: 'fear', bare: true }],
  [
    'isi | mengisi | tidur | keluar | ngantor | berangkat | kerja | sekolah | masuk',
    { goals: ['place', 'supplies', 'children'], needs: 'fear', bare: true },
  ],
  ['simpan | menyimpan | taruh | menaruh | nabung | menabung | setor | keep', { goals: ['bank'], needs: 'urging' }],
];
/** Going to a place, which a panic order calls off for now. */
const GO: ReadonlySet<string> = new Set(list('ke | pergi | datang | lewat | melintas | keluar | nongkrong | main'));
/** Put off for now: `dulu` within a few words (`ke Blok M dulu`, `lewat Jalan Casablanca dulu malam ini`). */
const heldOff = (words: readonly string[], from: number): boolean => words.slice(from, from + 5).includes('dulu');
/** Going out to work or school, which a panic order calls off: `mending tidak usah ngantor`. */
const GO_TO_WORK: ReadonlySet<string> = new Set(list('ngantor | berangkat | kerja | sekolah | masuk | keluar | pergi | ke'));
const STAY_AWAY: Act = { goals: ['place'], needs: 'fear', bare: true };
/** `jangan` after the object: `air PAM jangan diminum`, `anak-anak jangan disekolahkan dulu`. */
const DONT_PASSIVE: ReadonlyMap<string, readonly Goal[]> = new Map<string, readonly Goal[]>([
  ...list('diminum | dikonsumsi | dipakai | dipake | digunakan | dimasak | dimakan').map((w): [string, readonly Goal[]] => [
    w,
    ['water', 'supplies'],
  ]),
  ...list(
    'disekolahkan | disekolahin | sekolah | masuk | berangkat | diberangkatkan | diantar | dianter | dibiarkan | diizinkan | keluar | dikasih | diajak | main | jajan | disuruh | dimasukin | dimasukkan',
  ).map((w): [string, readonly Goal[]] => [w, ['children']]),
]);

const OBJECTS: ReadonlyMap<string, readonly Goal[]> = (() => {
  const map = new Map<string, Goal[]>();
  const add = (goal: Goal, words: string): void => {
    for (const w of list(words)) map.set(w, [...(map.get(w) ?? []), goal]);
  };
  add(
    'money',
    'uang | tabungan | simpanan | saldo | deposito | rekening | atm | dana | emas | cash | savings | money | deposits | gaji | ewallet | wallet | tunai | dolar | dollar | saham | reksadana | jht | pecahan | kripto | kartu | gold | stocks | akun | mbanking | banking | dompet | gopay | ovo',
  );
  add('bank', 'bank');
  add(
    'supplies',
    'air | galon | beras | gas | elpiji | lpg | bensin | bbm | pertalite | pertamax | solar | obat | obatan | mie | mi | minyak | gula | telur | sembako | susu | token | lilin | masker | makanan | persediaan | tangki | tank | pangan | daging | ayam | ikan | kaleng | sayur | garam | water | food | rice | fuel | gas | supplies | groceries | medicine | sate | bakso | jajanan | jajan | es | permen | minuman | gorengan | nasi | roti | sirup | snack | takjil | belanjaan | ember | bak | drum | jerigen | jeriken | telor | tabung | paracetamol | parasetamol | n95 | medicines | masks',
  );
  add('water', 'air | galon | water | keran | kran');
  add('children', 'anak | anaknya | anakmu | murid | siswa | siswi | putra | bocil | cucu | kids | children | child | students');
  add('family', 'keluarga | lansia | ortu | family | rumah | home | kampung');
  add(
    'place',
    'rs | rsud | puskesmas | stasiun | halte | mal | mall | sekolah | posyandu | pasar | tol | jalan | bandara | krl | mrt | lrt | transjakarta | busway | kereta | gedung | kantor | kawasan | daerah | wilayah | area | lokasi | sekitar | klinik | igd | apotek | spbu | station | hospital | school | airport | market | bank | rumah | luar | mana | monas | outside | out | city | jembatan | jpo | flyover | terowongan | underpass | menara | apartemen | rusun | bridge | tunnel | building | tower',
  );
  add('vaccine', 'vaksin | imunisasi | suntik | suntikan | booster | vaccine | vaccines | vaksinasi');
  add(
    'device',
    'hp | handphone | ponsel | telepon | listrik | meteran | wifi | router | colokan | mcb | sekring | kulkas | phone | phones | bluetooth | nfc | gps | lokasi | location | aplikasi | app | apps',
  );
  add(
    'payment',
    'tiket | pesanan | premi | iuran | cicilan | pajak | tagihan | bpjs | asuransi | langganan | pbb | pkb | utang | pinjaman | kredit | uang | qris | jaklingko | emoney | flazz | saldo | zakat | infak | sedekah | ukt | spp | sumbangan',
  );
  add('door', 'pintu | door | jendela | ventilasi | windows | window | doors | home | indoors | inside | rumah');
  return map;
})();

/** Words that urge, right before the verb (`segera tarik`, `mending jangan`, `harus menarik`). */
const URGERS: ReadonlySet<string> = new Set(
  list(
    'segera | buruan | cepat | cepetan | cepet | secepatnya | mending | mendingan | sebaiknya | baiknya | harus | wajib | ayo | ayok | yuk | yok | pokoknya | langsung | please | go | mari | buru | harap | usahakan | pastikan | better | must | should | segeralah | cepatlah | gercep | hendaknya | sebisanya | sebisa',
  ),
);
/** Words and runs that hurry, anywhere after the verb in its sentence. */
const HURRY_WORDS: ReadonlySet<string> = new Set(
  list('sekarang | secepatnya | segera | now | asap | today | tonight | immediately | skrg'),
);
const HURRY_RUNS = list(
  'hari ini | malam ini | hari ini juga | malam ini juga | minggu ini juga | pekan ini juga | sekarang juga | dari sekarang | selagi masih | mumpung masih | sebanyak banyaknya | sebanyak mungkin | right now | while you can | before it is too late | jangan tunggu | jangan nunggu',
);
/** While it lasts, before the order: `mumpung`, `selagi`. */
const WHILE_STILL: ReadonlySet<string> = new Set(list('mumpung | selagi'));
/** `sebelum` (`before`) a loss: `sebelum terlambat`, `sebelum diblokir`, `sebelum jam 12` (a deadline). */
const BEFORE_LOSS: ReadonlySet<string> = new Set(
  list(
    'terlambat | kehabisan | habis | langka | kosong | naik | ditutup | tutup | dibekukan | diblokir | hangus | telat | dipotong | disita | diambil | jam | besok | antre | antri | hilang | late | dihapus | akhir | tanggal | berlaku | diberlakukan | dinonaktifkan | dibatasi | anjlok | turun',
  ),
);
/** Someone addressed: an imperative told to them (`tarik uang kalian`). */
const ADDRESSED: ReadonlySet<string> = new Set(
  list(
    'kalian | anda | kamu | semua | semuanya | your | you | guys | gaes | bund | bunda | moms | warga | sobat | lur | dulur | bapak | ibu | para',
  ),
);
/** What makes a directive fearful rather than prudent, anywhere in the post. */
const FEAR: ReadonlySet<string> = new Set(
  list(`
  penculikan | penculik | culik | diculik | menculik | bom | teror | teroris | rusuh | kerusuhan | anarkis | anarki | tawuran
  penjarahan | jarah | virus | wabah | pandemi | bakteri | kuman | limbah | tercemar | terkontaminasi | beracun | racun
  keracunan | radiasi | meledak | ledakan | bocor | kebocoran | gempa | tsunami | jebol | retak | roboh | ambruk | longsor
  meninggal | tewas | korban | kritis | bahaya | berbahaya | kedaluwarsa | kadaluarsa | palsu | oplosan | plastik | formalin
  boraks | dibekukan | bangkrut | kolaps | krisis | rush | langka | hangus | lockdown | begal | maling | rampok | perampokan
  ancaman | polio | campak | difteri | rabies | antraks | kolera | diare | mematikan | kanker | menular
  diracun | diblokir | dinonaktifkan | disita | razia | sweeping | ricuh | chaos | kacau | mencekam | pemadaman | blackout | mogok | kosong | lumpuh | cacat | mandul | autis | buta | anjlok | riots | riot | poisoned | poison | danger | dangerous | outbreak | collapse | freeze | frozen
  bomb | bombs | threat | collapsing | contaminated | toxic | runtuh | amblas | ambles | nyulik | nyulikin | hipnotis
  dirampok | perampok | komplotan | bius | dibius | narkoba | kejang | stroke | tbc | campak | tikus | celeng | pemutih | hacker | dibobol
  kebobolan | terkuras | dikuras | kesedot | sedot | scammer | scammers | tipes | cacing | etilen | rubuh | kebakar | terbakar
  bacok | dibacok | bacokan | celurit | sajam | jambret | copet | gendam | ketusuk | ditusuk | crack | cracks | cracked | sewage
  leaking | collapsed | sinkhole | kidnapping | kidnapper | kidnappers
  `),
);
/** Until further notice: `dulu`, `sementara`, `sampai ada pengumuman`, `minggu ini`. */
const HOLD: ReadonlySet<string> = new Set(list('dulu | sementara | sampai | hingga | until | tomorrow'));
/** The water everyone drinks from (`air PAM`, `air keran`, `tap water`), not a glass of iced water. */
const PUBLIC_WATER: ReadonlySet<string> = new Set(list('pam | pdam | keran | kran | ledeng | sumur | tanah | tap | galon | isi'));
/** The urging is undone: `tidak perlu borong`, `jangan tarik`, `bukan`. */
const NEGATION: ReadonlySet<string> = new Set(
  list('tidak | tak | bukan | belum | tanpa | usah | perlu | never | not | no | dont | jangan'),
);
const FIRST_PERSON: ReadonlySet<string> = new Set(list('saya | aku | kami | i | we'));
/** An agency's measured advice, a shop's offer, a condition (`bila air terus naik`): not a panic order. */
const CALM = list(`
  barusan saya | barusan aku | barusan gue | saya lihat | aku lihat | gue lihat | saya lewat | gue lewat | aku lewat
  diimbau | dihimbau | mengimbau | menghimbau | imbauan | himbauan | secukupnya | tidak perlu panik | jangan panik
  tidak usah panik | tetap tenang | diminta | panic buying | bila | apabila | jika
`);
const PROMO = list(`
  diskon | promo | sale | cashback | ongkir | murah | termurah | harga spesial | order | pre order | ready | grosir | reseller
  voucher | flash | checkout | stok terbatas | persediaan terbatas | open | gratis | hadiah
`);
const CALM_RE = new RegExp(`\\b(?:${CALM.join('|')})\\b`, 'u');
const PROMO_RE = new RegExp(`\\b(?:${PROMO.join('|')})\\b`, 'u');
/** Urging words that open an order on their own, whatever its verb: `segera …`, `buruan …`. */
const HURRIERS: ReadonlySet<string> = new Set(list('segera | buruan | cepat | cepetan | cepet | secepatnya'));
/** A word an urging word can order: any word of three letters or more but the little ones (`segera ke`, `harus di`). */
const IMPERATIVE = /^[a-z]{3,}$/u;
const FUNCTION: ReadonlySet<string> = new Set(
  list(
    'yang | dan | atau | untuk | buat | dari | pada | dengan | sama | saja | aja | juga | lagi | sudah | udah | akan | bisa | dulu | ini | itu | kita | kalian | anda | kamu | semua | para | the | and | you | your | for | jangan | tidak | lebih | baik',
  ),
);
/**
 * A passive, a state or a report of what someone does (`diperbaiki`, `terendam`, `ketahuan`,
 * `pemerintah segera memberikan solusi`): nothing the reader is told to do.
 */
const PASSIVE = /^(?:di|ter|ke|se|me|ber)[a-z]{3,}/u;
/** Orders that seek help or care rather than flee: `segera hubungi 112`, `segera periksakan ke dokter`. */
const HELP: ReadonlySet<string> = new Set(
  list(
    'hubungi | laporkan | periksakan | konsultasikan | waspadai | ikuti | pantau | amankan | bersihkan | cuci | lapor | lakukan | datangi | kunjungi | doakan | bantu | tolong | cari | cek | perhatikan | ingatkan | sampaikan | siapkan | persiapkan | simpan | matikan | gunakan | pakai | bawa | minum | makan | rebus | masak | tutupi | hindari | jauhi | pastikan | share | bagikan | sebarkan | teruskan | kabarkan | beritahukan | infokan | daftarkan | daftar | isi | lengkapi | tunggu | tanyakan | baca | lihat | dengarkan | check | call | contact | report | follow | wait | read',
  ),
);
/** Bare verbs that open an order (`buang`, `copot`, `kunci`): a word not shaped like an imperative. */
const BARE_ORDERS: ReadonlySet<string> = new Set(
  list(
    'buang | copot | hapus | kunci | angkut | fotokopi | titip | batal | tunda | blokir | ganti | jual | lepas | uninstall | delete | throw | lock | dump | sell',
  ),
);
/** Words shaped like an `-in`/`-kan`/`-lah` imperative that are not one. */
const NOT_ORDERS: ReadonlySet<string> = new Set(
  list(
    'akan | bukan | kalian | ingin | kemarin | main | lain | mungkin | yakin | angin | dingin | miskin | rajin | makin | mesin | sekalian | kain | bahkan | padahal | apalagi | sekolah | masalah | jumlah | salah | sudahlah | rumah | tanah | sebelah | setelah | kecamatan | kelurahan | perkawinan | pernikahan | pengin | pingin | cuman | doang | tapi | kapan | makan | pikun | latihan | sendirian | pelan | juga',
  ),
);
/** An imperative by its shape: `buangin`, `kosongkan`, `pergilah`, or a bare order (BARE_ORDERS). */
const orderShaped = (w: string): boolean =>
  BARE_ORDERS.has(w) ||
  (/^[a-z]{4,}(?:in|kan)$/u.test(w) && !NOT_ORDERS.has(w) && !/^(?:ke|pe[nmr]?|per)[a-z]+an$/u.test(w)) ||
  // `-lah` only on a verb of its own (`pergilah`, `tariklah`), not `sejumlah`, `sekolah`, `masalah`.
  (w.length > 6 && w.endsWith('lah') && (BARE_ORDERS.has(w.slice(0, -3)) || VERB_WORDS.has(w.slice(0, -3))));

const VERBS = new Map<string, { act: Act; form: 'imperative' | 'passive' | 'active' }[]>();
/** The acts' verbs in their imperative forms. */
const VERB_WORDS = new Set<string>();
for (const [f, act] of ACTS)
  for (const form of ['imperative', 'passive', 'active'] as const)
    for (const w of f[form]) {
      VERBS.set(w, [...(VERBS.get(w) ?? []), { act, form }]);
      if (form === 'imperative') VERB_WORDS.add(w);
    }
const DONT_VERBS = new Map<string, Act>();
for (const [words, act] of DONT) for (const w of list(words)) DONT_VERBS.set(w, act);
const DONT_WORDS: ReadonlySet<string> = new Set(['jangan', 'dont', 'stop', 'berhenti']);
/** After `jangan`, what is no order to do or avoid anything: `jangan panik`, `jangan lupa`, `jangan khawatir`. */
const NOT_A_DONT: ReadonlySet<string> = new Set(
  list(
    'lupa | panik | khawatir | takut | kaget | ragu | sungkan | malu | asal | sembarangan | sampai | terlalu | percaya | mudah | lewatkan | menyerah',
  ),
);
/** `do not`, spelled out: a `dont`. */
const doNot = (w: string, previous: string | undefined): boolean => w === 'not' && previous === 'do';

/**
 * Words without one of which no directive is satisfied: an urging or hurrying word, an addressee,
 * a fear, `jangan`, `sebelum`, `penuh`; a quick test that spares most posts the sentence reading.
 */
const ENABLERS: ReadonlySet<string> = new Set([
  ...URGERS,
  ...HURRY_WORDS,
  ...ADDRESSED,
  ...FEAR,
  ...list('jangan | dont | sebelum | before | penuh | full | hari | malam | dari | selagi | mumpung | sebanyak | right | while | lupa'),
]);

registerWords([...VERBS.keys(), ...DONT_WORDS, 'usah', 'not'], WORD.directive);
registerWords(ENABLERS, WORD.urging);
registerWords(HURRIERS, WORD.hurry);
registerWords(FEAR, WORD.fear);

const REACH = 4;

interface Read {
  readonly words: readonly string[];
  readonly fear: boolean;
  /** An agency's measured advice, or a condition: read only when a directive is near. */
  readonly calm: boolean;
  /** A shop's offer: likewise. */
  readonly promo: boolean;
}

/** The object within reach after the verb, in its clause: its index, or -1. */
function objectAfter(words: readonly string[], from: number, goals: readonly Goal[], ends?: ReadonlySet<number>): number {
  for (let j = from; j < Math.min(words.length, from + REACH + 1); j++) {
    if (ends?.has(j - 1) && j > from) return -1;
    const w = words[j] ?? '';
    const g = objectOf(w);
    if (g?.some((x) => goals.includes(x))) return j;
    if (w === 'rumah' && words[j + 1] === 'sakit' && goals.includes('place')) return j + 1;
  }
  return -1;
}

function hurriedAfter(words: readonly string[], from: number): boolean {
  // `mumpung masih ada, stok …`, `selagi warung masih buka, beli …`: the hurry opens the sentence.
  for (let j = 0; j < from; j++) if (WHILE_STILL.has(words[j] ?? '')) return true;
  for (let j = from; j < words.length; j++) {
    const w = words[j] ?? '';
    if (HURRY_WORDS.has(w)) return true;
    if (w === 'sebelum' || w === 'before') {
      for (let k = j + 1; k < Math.min(words.length, j + 4); k++) if (BEFORE_LOSS.has(words[k] ?? '')) return true;
    }
  }
  return rushedAfter(words, from);
}

/** A hurry spelled out (`dari sekarang`, `hari ini juga`), not a bare `sekarang` that may only date a report. */
function rushedAfter(words: readonly string[], from: number): boolean {
  const rest = ` ${words.slice(from).join(' ')} `;
  return HURRY_RUNS.some((r) => rest.includes(` ${r} `));
}

/** The clause opens by naming whom it tells (`warga Jakbar borong …`, `ibu ibu larang anaknya …`). */
function addressedBefore(words: readonly string[], at: number, clauseStarts: ReadonlySet<number>): boolean {
  for (let j = at - 1; j >= Math.max(0, at - 5); j--) {
    if (ADDRESSED.has(words[j] ?? '')) return true;
    if (clauseStarts.has(j)) return false;
  }
  return false;
}

function addressed(words: readonly string[], from: number, to: number): boolean {
  for (let j = Math.max(0, from); j < Math.min(words.length, to); j++) if (ADDRESSED.has(words[j] ?? '')) return true;
  return false;
}

/** Whether the words right before `at` urge, negate or make it the writer's own plan. */
function before(words: readonly string[], at: number): { urged: boolean; negated: boolean; own: boolean; start: number } {
  let urged = false;
  let negated = false;
  let own = false;
  let start = at;
  for (let j = at - 1; j >= Math.max(0, at - 3); j--) {
    const w = words[j] ?? '';
    if (URGERS.has(w) || (w === 'baik' && words[j - 1] === 'lebih')) {
      urged = true;
      start = w === 'baik' ? j - 1 : j;
    } else if (w === 'lupa' && words[j - 1] === 'jangan') {
      urged = true;
      start = j - 1;
      j--;
    } else if (w === 'juga' && (words[j - 1] === 'ini' || words[j - 1] === 'sekarang')) {
      // `hari ini juga hindari …`, `sekarang juga tarik …`: hurried before the order.
      urged = true;
      start = Math.max(0, j - 2);
      break;
    } else if (NEGATION.has(w) && j >= at - 2) negated = true;
    else if (FIRST_PERSON.has(w)) own = true;
  }
  return { urged, negated, own, start };
}

function satisfied(needs: Needs, read: Read, words: readonly string[], at: number, urged: boolean, clauseStart: boolean): boolean {
  switch (needs) {
    case 'urging':
      return urged || hurriedAfter(words, at) || (clauseStart && addressed(words, at, at + REACH + 3));
    case 'hurry':
      return hurriedAfter(words, at);
    case 'fear':
      return read.fear;
    case 'fear-or-hold':
      return read.fear || held(words, at);
  }
}

/**
 * Held until further notice, said of the children or of the public water supply: `jangan antar
 * anak ke sekolah dulu minggu ini`, `air PAM jangan diminum sampai ada pengumuman`.
 */
function held(words: readonly string[], at: number): boolean {
  const rest = words.slice(Math.max(0, at - REACH - 2), at + REACH + 6);
  const subject =
    rest.some((w) => OBJECTS.get(w)?.includes('children')) ||
    rest.some((w, k) => w === 'air' && PUBLIC_WATER.has(rest[k + 1] ?? '')) ||
    rest.includes('tap');
  if (!subject) return false;
  const after = words.slice(at + 1, at + REACH + 6);
  return after.some((w) => HOLD.has(w)) || after.join(' ').includes('minggu ini');
}

const bare = (w: string): string => (w.endsWith(',') ? w.slice(0, -1) : w);
/** Only a verb, a `jangan`, a `tidak usah` or a word after `segera` can open a directive. */
const opens = (w: string, previous: string | undefined, next: string | undefined): boolean =>
  VERBS.has(w) ||
  DONT_WORDS.has(w) ||
  doNot(w, previous) ||
  (w === 'tidak' && next === 'usah') ||
  HURRIERS.has(previous ?? '') ||
  (w.length > 5 && w.endsWith('lah') && VERBS.has(w.slice(0, -3)));

/**
 * Any other word as an order (the generic rules below): not a call for help or care, not a little
 * word, in a post that names a fear or makes an alarming claim, and is no agency's measured advice
 * or shop's offer.
 */
const feared = (w: string, read: Read): boolean => !HELP.has(w) && !FUNCTION.has(w) && read.fear && !read.calm && !read.promo;

/** One sentence's directive, as evidence. */
function inSentence(sentence: string, read: Read): string | undefined {
  const words = sentence.split(' ');
  if (
    !orderShaped(bare(words[0] ?? '')) &&
    !words.some((w, i) => opens(bare(w), words[i - 1] === undefined ? undefined : bare(words[i - 1]!), words[i + 1]))
  )
    return undefined;
  // Where each clause ends (its last word carries the comma) and the next one opens.
  const ends = new Set<number>();
  const clauseStarts = new Set<number>([0]);
  for (let i = 0; i < words.length; i++)
    if (words[i]?.endsWith(',')) {
      words[i] = words[i]!.slice(0, -1);
      ends.add(i);
      clauseStarts.add(i + 1);
    }
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    let verb = VERBS.get(w);
    if (!verb && w.endsWith('lah')) verb = VERBS.get(w.slice(0, -3));
    if (!verb && !opens(w, words[i - 1], words[i + 1]) && !((i === 0 || clauseStarts.has(i)) && orderShaped(w))) continue;
    const { urged, negated, own, start } = before(words, i);
    // The writer's own plan (`aku mau tarik uang`, `saya harus ambil tabungan`) unless told to others.
    if (verb && !negated && !(own && !addressed(words, i, i + REACH + 3))) {
      for (const { act, form } of verb) {
        // meN- forms tell what people do (`warga memborong beras`) unless urged; slang ones
        // (`nyetok`) too, unless they open a clause in a hurry; English forms are imperatives.
        // A meN- form opening the sentence in a hurry is an order too: the normaliser turns the
        // slang imperative (`nyimpen air dari sekarang`) into it.
        if (form === 'active' && !urged && /^me/u.test(w) && !(i === 0 && rushedAfter(words, i))) continue;
        if (form === 'active' && !urged && /^(?:ng|ny|n[aiu])/u.test(w) && !(clauseStarts.has(i) && hurriedAfter(words, i))) continue;
        if (read.calm || (read.promo && (act.goals.includes('money') || act.goals.includes('supplies')))) continue;
        if (form === 'passive') {
          const obj = objectBefore(words, i, act.goals);
          if (obj >= 0 && urged && satisfied(act.needs, read, words, i, urged, false)) return words.slice(obj, i + 1).join(' ');
          continue;
        }
        const obj = objectAfter(words, i + 1, act.goals, ends);
        // Fill it up (`isi penuh tangki`, `isi full tank`): stocking up, whatever the hurry.
        const full = words[i + 1] === 'penuh' || words[i + 1] === 'full';
        if (full && obj >= 0 && (urged || clauseStarts.has(i))) return evidence(words, start, obj, ends);
        // Named first, then ordered at once: `yang punya tabungan emas tarik sekarang`.
        if (obj < 0 && HURRY_WORDS.has(words[i + 1] ?? '')) {
          const first = objectBefore(words, i, act.goals);
          if (first >= 0 && !read.calm) return words.slice(first, i + 2).join(' ');
        }
        if (obj < 0 && !act.bare) continue;
        // Told to someone named right before (`ibu ibu larang anaknya …`, `warga segera …`): an order's head too.
        const clauseStart = i === 0 || clauseStarts.has(i) || start !== i || addressedBefore(words, i, clauseStarts);
        if (!urged && !clauseStart) continue;
        if (satisfied(act.needs, read, words, i, urged, clauseStart)) return evidence(words, start, obj < 0 ? i : obj, ends);
      }
    }
    // Any other order, urged, in a post that names a fear or makes an alarming claim: `segera cabut
    // colokan, ada lonjakan berbahaya`, `mending jual sekarang (… harga tanah jadi nol)`, `segera
    // refund hari ini (… tiketnya hangus)`. A hurrying word anywhere; a softer one (`mending`,
    // `sebaiknya`, `harus`) with a hurry after. Not a passive (`segera diperbaiki`): no order to the reader.
    if (
      (HURRIERS.has(words[i - 1] ?? '') || (URGERS.has(words[i - 1] ?? '') && hurriedAfter(words, i))) &&
      (clauseStarts.has(i - 1) || hurriedAfter(words, i)) &&
      IMPERATIVE.test(w) &&
      !PASSIVE.test(w) &&
      feared(w, read)
    )
      return evidence(words, start, i + 1, ends);
    // Any order at the head of a clause, in a hurry, held (`dulu`) or told to the readers, in a post
    // that names a fear or makes an alarming claim: `buang semua telor yang kalian beli minggu ini
    // (… flu burung)`, `batalin dulu rencana mudik lewat tol (… jembatan retak)`, `copot aplikasinya sekarang`.
    if (
      (i === 0 || clauseStarts.has(i)) &&
      orderShaped(w) &&
      feared(w, read) &&
      (hurriedAfter(words, i) || words[i + 1] === 'dulu' || addressed(words, i + 1, i + REACH + 3))
    )
      return evidence(words, i, Math.min(words.length - 1, i + 2), ends);
    // An order hurried at once, wherever it stands, in a post that names a fear or makes an alarming
    // claim: `pindahin SEKARANG ke lantai atas`, `ambil semua skrg jgn nunggu gajian`, `tuker skrg di bank`.
    if (
      (orderShaped(w) || VERB_WORDS.has(w)) &&
      (HURRY_WORDS.has(words[i + 1] ?? '') || (words[i + 1] === 'semua' && HURRY_WORDS.has(words[i + 2] ?? ''))) &&
      !ends.has(i) &&
      feared(w, read)
    )
      return evidence(words, i, i + 1, ends);
    // Don't: `jangan minum air PAM`, `don't send your kids`, `tidak usah ke kantor`.
    // `mending tidak usah ngantor`: urged not to, out of fear.
    const notNeeded = w === 'tidak' && words[i + 1] === 'usah' && read.fear && (urged || heldOff(words, i + 2));
    if (
      (DONT_WORDS.has(w) || doNot(w, words[i - 1]) || notNeeded) &&
      !(i > 0 && NEGATION.has(words[i - 1] ?? '') && words[i - 1] !== 'jangan')
    ) {
      let v = i + (notNeeded ? 2 : 1);
      if (words[v] === 'dulu' || words[v] === 'sampai' || words[v] === 'sekali' || words[v] === 'pernah' || words[v] === 'mau') v++;
      const next = words[v] ?? '';
      if (NOT_A_DONT.has(next)) continue;
      // `jangan air PAM`, `jangan RS itu`: the object straight after.
      const direct = objectOf(next)?.some((g) => g === 'water' || g === 'place' || g === 'vaccine') === true && read.fear;
      if (direct && !guarded(words, v + 1)) return evidence(words, i, v, ends);
      const act = DONT_VERBS.get(next) ?? (notNeeded && GO_TO_WORK.has(next) ? STAY_AWAY : undefined);
      if (act) {
        if (act.goals.includes('money') && (read.calm || read.promo)) continue;
        const obj = objectAfter(words, v + 1, act.goals, ends);
        // Kept away from a place by its name, for now, out of fear: `jangan ke Tanah Abang dulu`, `jgn lewat Casablanca dulu malam ini`.
        if (obj < 0 && GO.has(next) && read.fear && heldOff(words, v + 1)) return evidence(words, i, v + 1, ends);
        if ((obj >= 0 || act.bare) && satisfied(act.needs, read, words, v, true, true) && !guarded(words, obj >= 0 ? obj + 1 : v + 1))
          return evidence(words, i, obj < 0 ? v : obj, ends);
      }
      // `air PAM jangan diminum`, `anaknya jangan disekolahin dulu`: the object comes first.
      const goals = DONT_PASSIVE.get(next);
      if (goals && (read.fear || held(words, v)) && !guarded(words, v + 1)) {
        const obj = objectBefore(words, i, goals);
        if (obj >= 0) return words.slice(obj, v + 1).join(' ');
        // Told at the head of its own sentence, of what the sentence before named: `… tercemar. Mending jangan dipake dulu`.
        if (i <= 2 && read.words.some((t) => OBJECTS.get(t)?.some((g) => goals.includes(g)))) return words.slice(i, v + 1).join(' ');
      }
    }
  }
  return undefined;
}

/** The directive's words as evidence: from its first word through its object, and a few more in its clause (`… sebelum langka`). */
function evidence(words: readonly string[], from: number, to: number, ends: ReadonlySet<number>): string {
  let last = to;
  while (last < to + 5 && last + 1 < words.length && !ends.has(last) && !STOP.has(words[last + 1] ?? '')) last++;
  return words.slice(from, last + 1).join(' ');
}
/** Where evidence stops: the reason or the aside that follows. */
const STOP: ReadonlySet<string> = new Set(
  list('karena | soalnya | katanya | ada | udah | sudah | biar | supaya | agar | because | there | it | its | the | ya | yang'),
);

/** A health tip says how (`jangan minum air keran langsung, masak dulu`): not a fear of the water. */
const guarded = (words: readonly string[], at: number): boolean => words.slice(at, at + 3).some((w) => HOW.has(w));
const HOW: ReadonlySet<string> = new Set(list('langsung | mentah | tanpa | sebelum | belum | berlebihan | sembarangan | without'));

function objectBefore(words: readonly string[], at: number, goals: readonly Goal[]): number {
  for (let j = at - 1; j >= Math.max(0, at - REACH - 2); j--) {
    const g = objectOf(words[j] ?? '');
    if (g?.some((x) => goals.includes(x))) return j;
  }
  return -1;
}

/** A word's object classes, owned too: `tabungannya`, `uangmu`, `anakku`. */
function objectOf(word: string): readonly Goal[] | undefined {
  const goals = OBJECTS.get(word);
  if (goals || word.length < 5) return goals;
  const owned = /(?:nya|mu|ku)$/u.exec(word);
  return owned ? OBJECTS.get(word.slice(0, owned.index)) : undefined;
}

/** The panic directives in a post's normalised text (its tokens' kinds gate it, `kindsOf`): evidence, or none. */
export function panicDirectives(
  norm: string,
  tokens: readonly string[],
  kinds = kindsOf(tokens),
  claimed: () => boolean = () => false,
): string[] {
  // A verb (or `jangan`) and something that can make it an order, or `segera …` in a post that
  // names a fear: most posts have neither.
  // Or a post that opens with an order, urged, next to a fear or a loss (`buang semua beras …`).
  const urging = (kinds & WORD.urging) !== 0;
  const afraid = (kinds & (WORD.fear | WORD.loss)) !== 0;
  if (
    !((kinds & WORD.directive) !== 0 && urging) &&
    !((kinds & WORD.hurry) !== 0 && afraid) &&
    !(urging && afraid && orderShaped(tokens[0] ?? ''))
  )
    return [];
  const named = (kinds & WORD.fear) !== 0;
  let fear: boolean | undefined;
  let calm: boolean | undefined;
  let promo: boolean | undefined;
  const read: Read = {
    words: tokens,
    // A fear named in a word, or an alarming claim the post makes (`BPJS dibubarkan`, `saldo akan hilang`).
    get fear() {
      return (fear ??= named || claimed());
    },
    get calm() {
      return (calm ??= CALM_RE.test(norm));
    },
    get promo() {
      return (promo ??= PROMO_RE.test(norm));
    },
  };
  const found: string[] = [];
  for (const sentence of norm.split('. ')) {
    const hit = inSentence(sentence, read);
    if (hit) found.push(hit);
  }
  return found;
}
