/**
 * Writes the demo scenario `demo/jakarta-day.jsonl`: a simulated Thursday, 26 November 2026, in
 * Jakarta (Asia/Jakarta, UTC+7), as posts in contract v1. Deterministic: a seeded PRNG drives
 * every choice, so each run writes the same bytes.
 *
 * What happens that day (see demo/README.md):
 * - ordinary chatter about the watch topics and off-topic life, quiet at night, peaks at the
 *   commute hours, a realistic mix of positive, neutral and negative, about 12% English;
 * - rain over South Jakarta from about 14:00 WIB, then a burst of flood complaints around
 *   Kemang and Cipete, 15:00–17:30 WIB, that should fire the banjir spike rule;
 * - a chain-message hoax ("pintu air Manggarai jebol…") pushed by many new accounts around
 *   19:40–20:20 WIB, followed by debunks.
 *
 * Every post is checked against PostSchema before anything is written; a scenario self-check
 * replays the spike rule on the intended sentiment and fails if the day does not tell its story.
 *
 * Run: npm run demo:make   (or: npx tsx scripts/make-demo.ts)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { evaluateSpike } from '../shared/alerts/spike';
import { normalise } from '../shared/classify/normalise';
import { makeTopicMatcher } from '../shared/classify/topics';
import { loadConfig } from '../shared/config';
import { describeIssues, PostSchema, type Post } from '../shared/post';
import { mulberry32 } from './prng';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'demo', 'jakarta-day.jsonl');
const SEED = 20261126;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** 2026-11-26 00:00 WIB. */
const DAY_START = Date.parse('2026-11-26T00:00:00+07:00');
const wib = (hour: number, minute = 0): number => DAY_START + hour * HOUR + minute * MINUTE;

// ---------------------------------------------------------------- randomness

const random = mulberry32(SEED);
const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const chance = (p: number): boolean => random() < p;
function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
function weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let r = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  return entries[entries.length - 1]![0];
}
/** A heavy-tailed count (followers, likes): exp of a normal-ish variable. */
const heavy = (median: number, spread: number): number => {
  const normal = (random() + random() + random() + random() - 2) * 1.7;
  return Math.max(0, Math.round(median * Math.exp(normal * spread)));
};

// ---------------------------------------------------------------- text pieces

type Sentiment = 'pos' | 'neu' | 'neg';
type Lang = 'in' | 'en';

const SLOTS: Record<string, readonly string[]> = {
  spot: [
    'Sudirman',
    'Thamrin',
    'Kuningan',
    'Gatsu',
    'Cawang',
    'Tomang',
    'Slipi',
    'Pancoran',
    'Kampung Melayu',
    'Pasar Minggu',
    'Fatmawati',
    'TB Simatupang',
    'Lenteng Agung',
    'Daan Mogot',
    'Grogol',
    'Kelapa Gading',
    'Sunter',
    'Cakung',
    'Cililitan',
    'Kalimalang',
    'Rawamangun',
    'Blok M',
    'Senayan',
    'Antasari',
    'Casablanca',
    'Mampang',
    'Tanjung Priok',
    'Pluit',
    'Cengkareng',
    'Kalideres',
    'Semanggi',
    'Bundaran HI',
    'Pondok Indah',
    'Kebon Jeruk',
    'Matraman',
    'Salemba',
  ],
  halte: [
    'Halte Bundaran HI',
    'Halte Dukuh Atas',
    'Halte Harmoni',
    'Halte Blok M',
    'Halte Cawang UKI',
    'Halte Kampung Melayu',
    'Halte Senen',
    'Halte Grogol',
    'Halte Kuningan',
    'Halte Tosari',
    'Halte Monas',
    'Halte Pulogadung',
    'Halte Juanda',
    'halte Ragunan',
    'halte Kalideres',
    'halte Pluit',
    'halte Tanah Abang',
    'halte Semanggi',
    'halte Cililitan',
  ],
  koridor: ['koridor 1', 'koridor 2', 'koridor 3', 'koridor 4', 'koridor 6', 'koridor 9', 'koridor 10', 'koridor 13', 'K1', 'K9'],
  kampung: [
    'Tambora',
    'Cilincing',
    'Penjaringan',
    'Kalibata',
    'Tebet',
    'Duren Sawit',
    'Kramat Jati',
    'Johar Baru',
    'Cengkareng',
    'Koja',
    'Matraman',
    'Palmerah',
    'Pademangan',
    'Jagakarsa',
    'Cipayung',
    'Kebon Jeruk',
    'Kemayoran',
    'Rawasari',
    'Pulo Gebang',
    'Semper',
    'Kedoya',
    'Cipinang',
    'Utan Kayu',
    'Pejaten',
    'Ciracas',
    'Pasar Rebo',
    'Menteng Dalam',
  ],
  kuliner: [
    'Sabang',
    'Blok M',
    'Kemang',
    'Tebet',
    'Glodok',
    'Senopati',
    'Rawamangun',
    'Kelapa Gading',
    'Pecenongan',
    'Benhil',
    'Kota Tua',
    'Pasar Santa',
  ],
  masalah: ['jalan berlubang', 'trotoar rusak', 'PKL liar', 'parkir liar', 'lampu jalan mati', 'pungli', 'izin reklame', 'jalur sepeda'],
  n: ['15', '20', '25', '30', '40', '45', '50', '60'],
  negEmoji: ['😩', '😤', '😭', '🙄', '😡', '🤦', '😫', '💀', '😒', ''],
  posEmoji: ['👍', '🙏', '✨', '😍', '🥳', '💯', '👏', '❤️', '😁', ''],
  neuEmoji: ['', '', '🤔', '🙂', '👀', ''],
  tail: ['', '', '', '', ' wkwk', ' huhu', ' hadeh', ' sih', ' deh', ' ya Allah', ' astaga', ' btw', ' plis'],
  rainPlace: ['Jaksel', 'Cilandak', 'Kemang', 'Cipete', 'Pasar Minggu', 'Fatmawati', 'Mampang', 'Pondok Labu', 'Jakarta Selatan'],
};

/** Placeholders `{slot}` are filled from SLOTS or from `extra` (per post, e.g. the time of day). */
function fill(template: string, extra: Readonly<Record<string, string>> = {}): string {
  return template
    .replace(/\{(\w+)\}/g, (_, slot: string) => extra[slot] ?? pick(SLOTS[slot] ?? [`{${slot}}`]))
    .replace(/\s+([,.!?])/g, '$1')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const timeOfDay = (ms: number): string => {
  const h = new Date(ms + 7 * HOUR).getUTCHours();
  if (h < 4) return pick(['dini hari ini', 'jam segini', 'tengah malem gini']);
  if (h < 11) return pick(['pagi ini', 'pagi2 gini', 'pagi ini']);
  if (h < 15) return pick(['siang ini', 'siang2 gini', 'siang ini']);
  if (h < 18) return pick(['sore ini', 'sore2 gini', 'jam pulang kantor gini']);
  return pick(['malam ini', 'malem2 gini', 'malam ini']);
};

type Bank = Readonly<Record<Sentiment, readonly string[]>>;

/** Ordinary chatter, Indonesian. Written so that each template matches only its own watch topic. */
const ID: Readonly<Record<string, Bank>> = {
  transjakarta: {
    neg: [
      'Udah nunggu {n} menit di {halte}, TJ gak dateng2 {negEmoji}',
      'TJ {koridor} penuh bgt {waktu}, berdiri kayak ikan pepes {negEmoji}',
      '@6-10 kenapa sih transjakarta {koridor} ngaret mulu, telat ngantor lagi gw{tail}',
      'AC bus TJ {koridor} mati, panas bgt asli {negEmoji} tolong dicek dong',
      'Antrian di {halte} udah kyk ular, petugasnya cuma 1 doang {negEmoji}',
      'tap in jaklingko error lagi di {halte}, disuruh pake kartu lain. ribet bgt',
      'KRL telat {n} menit, gangguan sinyal katanya. udah biasa sih tp tetep kesel {negEmoji}',
      'MRT {waktu} padet parah, pintu ampe susah nutup',
      'Angkot ngetem sembarangan depan {halte}, nyebelin bgt{tail}',
      'supir busway {koridor} ugal2an bgt, gw ampe kejedot pas ngerem mendadak {negEmoji}',
      'Eskalator {halte} rusak lagi, kasian lansia harus naik tangga',
      'LRT Jabodebek gangguan lagi?? {waktu} gw telat gara2 ini {negEmoji}',
    ],
    neu: [
      '@21-4 Ada yg tau TJ {koridor} masih jalan jam segini gak?',
      'Naik MRT dari Lebak Bulus ke Bundaran HI berapa menit ya skrg?',
      'otw naik busway dari {halte}, semoga dapet duduk {neuEmoji}',
      'Info dong rute transjakarta dari Blok M ke Kota lewat mana aja',
      'Kartu jaklingko bisa dipake di LRT gak sih?',
      'Lagi di {halte}, bus {koridor} baru lewat',
      '@5-23 Nunggu KRL di Manggarai, transit dulu {neuEmoji}',
      'TJ {koridor} sekarang lewat {spot} juga ya?',
      'Mikrotrans yg ke {kampung} nomor berapa ya?',
      'Tarif MRT sekarang masih sama kan?',
    ],
    pos: [
      'Salut sama petugas {halte}, sigap bantu ibu2 bawa stroller {posEmoji}',
      '@6-10 MRT emang penyelamat, {waktu} 20 menit doang sampe kantor {posEmoji}',
      'Mikrotrans di {kampung} gratis & nyaman, mantap {posEmoji}',
      'Halte TJ yg baru direnovasi keren bgt, kyk di luar negeri {posEmoji}',
      'bus listrik transjakarta adem & senyap, suka bgt {posEmoji}',
      'Jaklingko makin gampang, sekali tap nyambung ke mana2 {posEmoji}',
      'TJ {koridor} {waktu} on time & dapet duduk, alhamdulillah {posEmoji}',
    ],
  },
  macet: {
    neg: [
      'Macet parah di {spot} {waktu} {negEmoji}',
      '{spot} macet total, udah {n} menit gak gerak {negEmoji}',
      'lalin di {spot} kacau bgt, gak ada petugas sama sekali{tail}',
      'Gila macetnya {spot}, mending jalan kaki {negEmoji}',
      'kenapa tiap hari {spot} macet sih, capek bgt di jalan{tail}',
      '@7-17 Tol dalam kota padet merayap, telat meeting deh {negEmoji}',
      'ada galian kabel di {spot}, macet ampe ujung {negEmoji}',
      'contraflow di {spot} malah bikin makin semrawut',
      '2 jam dari {spot} ke {spot}. Jakarta oh Jakarta {negEmoji}',
    ],
    neu: [
      'Lalin {spot} {waktu} ramai lancar',
      'Info lalin: {spot} arah {spot} padat, sisanya lancar',
      '@6-10 Ganjil genap berlaku lagi hari ini, plat gw genap',
      'Ada yg tau kondisi lalin {spot} sekarang? mau otw',
      'Jalur alternatif kalo {spot} macet lewat mana ya?',
      'Pantauan lalin {spot} arah {spot}: padat merayap',
    ],
    pos: [
      'Tumben {spot} lancar jaya {waktu} {posEmoji}',
      'Alhamdulillah lalin {spot} lancar, 15 menit nyampe {posEmoji}',
      'Jalanan kosong, {spot} gak macet sama sekali. nikmat {posEmoji}',
    ],
  },
  sampah: {
    neg: [
      'Tumpukan sampah di {kampung} udah 3 hari gak diangkut, bau busuk bgt {negEmoji}',
      'Kali di {kampung} penuh sampah plastik, jorok parah {negEmoji}',
      'Truk sampah lewat ninggalin air lindi di jalan, baunya ampun{tail}',
      'Tolong dong sampah di pinggir jalan {kampung} diangkut, udah kayak TPS liar',
      'Orang2 masih aja buang sampah sembarangan ke kali, heran {negEmoji}',
    ],
    neu: [
      'Jadwal angkut sampah di {kampung} hari apa aja ya?',
      'Bank sampah di RW gw mulai terima botol plastik',
      'Pilah sampah organik & anorganik mulai dari rumah yuk',
      'Bantargebang tiap hari terima ribuan ton sampah dari Jakarta ya',
    ],
    pos: [
      'Petugas PPSU {kampung} rajin bgt, pagi2 udah bersihin sampah di got {posEmoji}',
      'Kali di {kampung} sekarang bersih, gak ada sampah lagi, mantap {posEmoji}',
      'Salut sama warga {kampung} kerja bakti bersihin sampah {posEmoji}',
    ],
  },
  'air-bersih': {
    neg: [
      '@6-14 Air PAM mati lagi di {kampung} dari subuh {negEmoji} mau mandi gimana',
      'Air keruh bgt keluar dari keran, kuning kecoklatan {negEmoji}',
      'Udah 2 hari air mati, gak ada info apa2 dari PAM Jaya {negEmoji}',
      'Air PAM di rumah ngalir kecil bgt, bak mandi gak penuh2{tail}',
    ],
    neu: [
      'Ada yg air PAM nya mati juga di {kampung}?',
      'Info: PAM Jaya ada perbaikan pipa di {kampung}, air bersih dialirkan lagi nanti',
      'Bayar tagihan air PAM sekarang bisa lewat aplikasi ya',
    ],
    pos: [
      'Air PAM udah ngalir lagi, jernih. makasih PAM Jaya {posEmoji}',
      'Akhirnya gang kami dapet sambungan air bersih, alhamdulillah {posEmoji}',
    ],
  },
  kesehatan: {
    neg: [
      '@11-17 Antri di puskesmas {kampung} dari jam 7 baru dipanggil jam 11 {negEmoji}',
      '@7-17 Polusi udara hari ini parah, langit abu2, tenggorokan gatel {negEmoji}',
      'Anak tetangga kena DBD, fogging di {kampung} kok belum ada',
      'Pelayanan RSUD lambat bgt, pasien BPJS dipingpong sana sini {negEmoji}',
      'Kualitas udara Jakarta hari ini tidak sehat lagi, batuk2 terus{tail}',
    ],
    neu: [
      'Puskesmas {kampung} buka sampe jam berapa ya hari ini?',
      'Ada jadwal vaksin di puskesmas kelurahan minggu ini, cek aja di aplikasi',
      'Cara daftar BPJS online gimana sih?',
      '@4-8 Cek kualitas udara dulu sebelum lari pagi {neuEmoji}',
    ],
    pos: [
      'Pelayanan puskesmas {kampung} cepet & ramah, dokternya sabar {posEmoji}',
      'Vaksin anak gratis di puskesmas, prosesnya cepat, makasih nakes {posEmoji}',
      '@5-10 Kualitas udara pagi ini lumayan bagus, langit biru {posEmoji}',
    ],
  },
  pemprov: {
    neg: [
      'Pemprov DKI kerjanya apa sih, {masalah} gak beres2 {negEmoji}',
      'Gubernur janji doang, {masalah} tetep aja {negEmoji}',
      'Dinas terkait lempar2an tanggung jawab soal {masalah}{tail}',
      'Laporan {masalah} di JAKI udah seminggu gak ditanggepin dinas {negEmoji}',
    ],
    neu: [
      'Pemprov DKI umumkan CFD minggu ini tetap jalan',
      '@7-17 Gubernur rapat di Balai Kota bahas {masalah} hari ini',
      'Ada yg tau kapan pengumuman UMP dari Pemprov DKI?',
      '@8-17 Pj Gubernur kunjungan kerja ke {kampung} {waktu}',
    ],
    pos: [
      'Respon dinas cepet bgt, lapor {masalah} lewat JAKI langsung ditindak {posEmoji}',
      'Program Pemprov perbaiki trotoar {spot} keren, jadi enak jalan kaki {posEmoji}',
      'Salut sama Gubernur turun langsung ke {kampung} {posEmoji}',
    ],
  },
  /** Ordinary banjir talk: a low background rate, mostly about being ready for the rainy season. */
  banjir: {
    neg: ['Got mampet di {kampung}, hujan dikit aja langsung genangan {negEmoji}', 'Tiap tahun banjir, tiap tahun janji. capek{tail}'],
    neu: [
      'Musim hujan gini semoga {kampung} gak banjir lagi ya 🤲',
      'Cek tinggi muka air pintu air Manggarai {waktu}: normal {neuEmoji}',
      'Pompa air di {kampung} lagi dicek petugas, siap2 musim hujan',
      'Ada peta rawan banjir Jakarta yg update gak?',
      'Rumah nenek di Kampung Pulo dulu langganan banjir, sekarang udah jarang',
    ],
    pos: [
      'Sumur resapan di RT kami ngefek, hujan kemarin gak ada genangan {posEmoji}',
      'Normalisasi kali bikin {kampung} gak banjir lagi, mantap {posEmoji}',
    ],
  },
  /** Off topic: must not match any watch topic. */
  other: {
    neg: [
      '@9-15 Panas bgt hari ini, rasanya kayak di dalem oven 🥵',
      'Warteg langganan tutup, sedih 😢',
      'Wasitnya kacau bgt tadi, Persija dirugikan {negEmoji}',
      'Gajian masih lama, dompet udah tipis{tail}',
      '@8-16 Kopi di kantor abis, hari ini bakal berat {negEmoji}',
      '@6-14 Timnas main jelek bgt semalem {negEmoji}',
    ],
    neu: [
      'Ada rekomendasi soto betawi enak di {kuliner}?',
      'ngopi dulu biar waras ☕',
      '@10-20 Nobar Timnas malam ini di mana ya?',
      '@7-16 WFH hari ini, lumayan bisa rebahan dikit',
      'Ada yg tau konser di GBK bulan depan siapa aja?',
      '@5-9 Otw kantor, semangat Kamis!',
      '@6-15 Mendung di {rainPlace}, bawa payung guys ☔',
      'Lagi nonton drakor sampe lupa waktu{tail}',
      'Banjir promo di mall {kuliner} hari ini, dompet menjerit wkwk',
      '@18-23 Malam Jumat, jangan lupa baca Al-Kahfi besok ya',
      'Bakso depan kantor naik jadi 25rb, masih worth sih',
    ],
    pos: [
      'Nasi uduk di {kuliner} emang juara {posEmoji}',
      'Kopi susu gula aren di {kuliner} enak parah ☕',
      'Persija menang lagi!! 🧡 #PersijaDay',
      '@18-2 Martabak manis keju coklat malem2 gini emang the best 🤤',
      'Gol menit akhir bikin jantungan ⚽ mantap',
      '@5-9 Adem bgt pagi ini, enak buat jalan pagi {posEmoji}',
      'Kucing gw manja bgt hari ini 😹',
      'Kerak telor di {kuliner} masih enak kayak dulu {posEmoji}',
    ],
  },
};

/** Ordinary chatter, English (expats, code-switching locals). */
const EN: Readonly<Record<string, Bank>> = {
  transjakarta: {
    neg: [
      '@7-12 TransJakarta bus was packed this morning, waited {n} minutes at {halte} {negEmoji}',
      '@6-20 KRL delayed again, this commute is killing me',
    ],
    neu: ['Is the LRT running on schedule today?', 'Taking the MRT to Bundaran HI, anyone know if it is crowded now?'],
    pos: [
      'The MRT is honestly the best thing about living in Jakarta {posEmoji}',
      'New electric TransJakarta buses are so quiet and clean {posEmoji}',
    ],
  },
  macet: {
    neg: [
      '@6-21 Jakarta traffic is insane today, stuck around {spot} for an hour {negEmoji}',
      'Why is {spot} always a traffic jam at this hour',
    ],
    neu: ['Any updates on traffic around {spot}?', 'Traffic report: {spot} busy but moving'],
    pos: ['Traffic on {spot} is surprisingly smooth right now {posEmoji}'],
  },
  sampah: {
    neg: ['Piles of trash along the river in {kampung}, so sad to see {negEmoji}'],
    neu: ['Where do you drop off recyclable trash in South Jakarta?'],
    pos: ['Garbage collection in our area has been great lately {posEmoji}'],
  },
  'air-bersih': {
    neg: ['No water supply in our building since this morning, anyone else in {kampung}? {negEmoji}'],
    neu: ['Does the water supply schedule change during repairs?'],
    pos: ['Water supply back on and clear, thanks PAM Jaya {posEmoji}'],
  },
  kesehatan: {
    neg: [
      '@7-17 Air pollution is terrible today, the sky is grey {negEmoji}',
      'Waited three hours at the puskesmas, the queue system is a mess {negEmoji}',
    ],
    neu: ['Which puskesmas near {kampung} does vaccines for kids?'],
    pos: ['Got my vaccine at the local puskesmas, quick and friendly staff {posEmoji}'],
  },
  pemprov: {
    neg: ['City hall needs to fix the broken sidewalks around {spot} {negEmoji}'],
    neu: ['@7-16 The governor is meeting residents in {kampung} today', 'Any news from city hall about the new parking rules?'],
    pos: ['The governor announced more bike lanes, finally {posEmoji}'],
  },
  banjir: {
    neg: ['Every rainy season the same flooding story, nothing changes'],
    neu: ['Is there an updated flood map for Jakarta?'],
    pos: ['Our drainage got fixed, no more flooding in our street {posEmoji}'],
  },
  other: {
    neg: ['@9-15 So hot today, Jakarta feels like an oven 🥵', 'Persija lost, what a night {negEmoji}'],
    neu: [
      '@8-17 Working from a cafe in {kuliner} today',
      'Rainy season is here, stay dry Jakarta ☔',
      'Any good coffee places around {kuliner}?',
    ],
    pos: [
      'Best nasi goreng in town is at {kuliner}, no debate {posEmoji}',
      'Persija won! What a game ⚽',
      '@17-19 Sunset from the office today was unreal {posEmoji}',
    ],
  },
};

/** Share of each kind of ordinary chatter, and its sentiment mix. */
const TOPIC_SHARE = { transjakarta: 10, macet: 8, sampah: 6, 'air-bersih': 5, kesehatan: 6, pemprov: 7, other: 58 } as const;
type ChatterTopic = keyof typeof TOPIC_SHARE | 'banjir';
const SENTIMENT_MIX: Readonly<Record<ChatterTopic, Readonly<Record<Sentiment, number>>>> = {
  transjakarta: { pos: 30, neu: 35, neg: 35 },
  macet: { pos: 12, neu: 45, neg: 43 },
  sampah: { pos: 12, neu: 33, neg: 55 },
  'air-bersih': { pos: 12, neu: 38, neg: 50 },
  kesehatan: { pos: 25, neu: 40, neg: 35 },
  pemprov: { pos: 25, neu: 40, neg: 35 },
  banjir: { pos: 20, neu: 60, neg: 20 },
  other: { pos: 40, neu: 45, neg: 15 },
};
const ENGLISH_SHARE = 0.13;

/** Relative posting activity per WIB hour: quiet at night, peaks at the commute hours. */
const HOURLY = [50, 30, 18, 14, 20, 45, 80, 115, 120, 105, 95, 95, 110, 100, 95, 100, 120, 135, 135, 130, 125, 115, 95, 70];
const ORDINARY_TOTAL = 1900;
/** Background banjir posts per WIB hour (before the rain and after the flood has passed). */
const BANJIR_BACKGROUND = [0, 0, 0, 0, 0, 1, 1, 1, 2, 1, 1, 1, 2, 1, 2, 0, 0, 0, 1, 1, 1, 1, 1, 1];

// ---------------------------------------------------------------- accounts

interface Author {
  readonly id: string;
  readonly handle: string;
  readonly followers: number;
  readonly following: number;
  readonly createdAt: string;
  readonly verified: boolean;
}

const FIRST = [
  'andi',
  'budi',
  'sari',
  'dewi',
  'rizky',
  'putri',
  'agus',
  'indah',
  'fajar',
  'nadia',
  'dimas',
  'ayu',
  'yoga',
  'rina',
  'bayu',
  'tika',
  'reza',
  'wulan',
  'hendra',
  'intan',
  'arief',
  'maya',
  'eko',
  'lia',
  'adit',
  'nisa',
  'fikri',
  'dinda',
  'galih',
  'citra',
  'ilham',
  'tiara',
  'joko',
  'mega',
  'rafi',
  'salsa',
  'yudi',
  'vina',
  'kevin',
  'laras',
  'bima',
  'anisa',
  'teguh',
  'ratna',
  'farhan',
  'zahra',
];
const SECOND = ['', '_', '.', 'ajaa', 'hrp', 'ptr', 'jkt', 'kemang', 'gading', 'tebet', 'btw', 'nih', 'dsr', 'xx', 'official', 'zz'];

let authorSeq = 0;
const handles = new Set<string>();
/** Handles are unique: a taken one gets digits appended. */
function uniqueHandle(handle: string): string {
  let candidate = handle.replace(/\./g, '_');
  while (handles.has(candidate)) candidate = `${handle.replace(/\./g, '_')}${int(1, 99)}`;
  handles.add(candidate);
  return candidate;
}
function makeAuthor(kind: 'ordinary' | 'info' | 'new'): Author {
  const author = makeAuthorDraft(kind);
  return { ...author, handle: uniqueHandle(author.handle) };
}
function makeAuthorDraft(kind: 'ordinary' | 'info' | 'new'): Author {
  authorSeq += 1;
  const id = String(100_000_000 + authorSeq * 7919);
  if (kind === 'new') {
    const handle = `${pick(['info', 'berita', 'warta', 'kabar', 'update', 'warga', 'suara'])}${pick(['_', '', '.'])}${pick(['jkt', 'jakarta', 'terkini', 'viral', 'terbaru', 'dki', 'aktual'])}${int(10, 9999)}`;
    return {
      id,
      handle,
      followers: int(0, 35),
      following: int(40, 900),
      createdAt: new Date(Date.parse('2026-11-08T00:00:00Z') + int(0, 17 * 24 * 60) * MINUTE).toISOString().replace('.000Z', 'Z'),
      verified: false,
    };
  }
  if (kind === 'info') {
    const handle = `${pick(['info', 'seputar', 'kabar', 'lintas', 'pantau'])}${pick(['jakarta', 'jaksel', 'jkt', 'lalin', 'warga'])}${pick(['24', 'id', 'update', 'net', ''])}_sim`;
    return {
      id,
      handle,
      followers: 20_000 + heavy(60_000, 0.7),
      following: int(100, 1500),
      createdAt: new Date(Date.parse('2012-01-01T00:00:00Z') + int(0, 3000) * 24 * HOUR).toISOString().replace('.000Z', 'Z'),
      verified: chance(0.5),
    };
  }
  const handle = `${pick(FIRST)}${pick(SECOND)}${chance(0.6) ? int(1, 999) : ''}`.replace(/[._]$/, '');
  return {
    id,
    handle: handle.replace(/\./g, '_'),
    followers: heavy(220, 1.1),
    following: heavy(350, 0.7),
    createdAt: new Date(Date.parse('2010-06-01T00:00:00Z') + int(0, 15 * 365) * 24 * HOUR).toISOString().replace('.000Z', 'Z'),
    verified: chance(0.01),
  };
}

const PEOPLE = Array.from({ length: 1100 }, () => makeAuthor('ordinary'));
const INFO_ACCOUNTS = Array.from({ length: 12 }, () => makeAuthor('info'));
/** A few people post a lot, most post once or twice. */
const somePerson = (): Author => PEOPLE[Math.floor(random() * random() * PEOPLE.length)]!;

// ---------------------------------------------------------------- posts

type Kind = 'chatter' | 'flood' | 'aftermath' | 'hoax' | 'worried' | 'debunk' | 'highlight';

interface Draft {
  readonly at: number;
  readonly text: string;
  readonly lang: Lang;
  readonly sentiment: Sentiment;
  readonly kind: Kind;
  readonly author: Author;
  readonly viral?: boolean;
}

const drafts: Draft[] = [];

/** A template may start with `@from-to `: WIB hours it makes sense in (`@18-2` wraps past midnight). */
function fitsHour(template: string, at: number): boolean {
  const m = /^@(\d+)-(\d+) /.exec(template);
  if (!m) return true;
  const h = new Date(at + 7 * HOUR).getUTCHours();
  const from = Number(m[1]);
  const to = Number(m[2]);
  return from <= to ? h >= from && h <= to : h >= from || h <= to;
}

function chatter(topic: ChatterTopic, at: number): Draft {
  const lang: Lang = chance(ENGLISH_SHARE) ? 'en' : 'in';
  const bank = (lang === 'en' ? EN : ID)[topic];
  if (!bank) throw new Error(`no templates for ${topic}`);
  const sentiment = weighted(SENTIMENT_MIX[topic]);
  const fitting = bank[sentiment].filter((t) => fitsHour(t, at));
  const template = pick(fitting.length > 0 ? fitting : bank[sentiment]);
  const text = fill(template.replace(/^@\d+-\d+ /, ''), { waktu: timeOfDay(at) });
  const info = /^(Info|Pantauan|Traffic report)/.test(text);
  return { at, text, lang, sentiment, kind: 'chatter', author: info ? pick(INFO_ACCOUNTS) : somePerson() };
}

/** A time in [from, to) drawn uniformly. */
const between = (from: number, to: number): number => from + Math.floor((random() * (to - from)) / 1000) * 1000;

// Ordinary chatter across the day.
const weightSum = HOURLY.reduce((a, b) => a + b, 0);
HOURLY.forEach((weight, hour) => {
  const count = Math.round(((ORDINARY_TOTAL * weight) / weightSum) * (0.92 + random() * 0.16));
  for (let i = 0; i < count; i++) {
    const at = between(wib(hour), wib(hour + 1));
    drafts.push(chatter(weighted(TOPIC_SHARE), at));
  }
});

// Background banjir talk, low and steady; none during the flood itself (it is all flood then).
BANJIR_BACKGROUND.forEach((count, hour) => {
  for (let i = 0; i < count; i++) drafts.push(chatter('banjir', between(wib(hour), wib(hour + 1))));
});

// Rain over South Jakarta from about 14:00: weather chatter (off topic) picks up.
const RAIN = {
  in: [
    'Hujan deres bgt di {rainPlace} {rain}',
    'Langit gelap banget di {rainPlace}, siap2 hujan gede {rain}',
    'Hujan es di {rainPlace}?? serem {rain}',
    'petir nya kenceng bgt di {rainPlace}, kaget {rain}',
    'Hujan dari tadi gak berhenti2 di {rainPlace} {rain}',
    'Hujan angin di {rainPlace}, pohon2 pada goyang {rain}',
  ],
  en: ['Heavy rain in {rainPlace} right now {rain}', 'Thunderstorm over South Jakarta, stay safe everyone {rain}'],
};
for (let i = 0; i < 34; i++) {
  const at = between(wib(13, 40), wib(15, 30));
  const lang: Lang = chance(0.1) ? 'en' : 'in';
  const text = fill(pick(RAIN[lang]), { rain: pick(['🌧️', '⛈️', '☔', '😰', '']) });
  drafts.push({ at, text, lang, sentiment: chance(0.6) ? 'neu' : 'neg', kind: 'chatter', author: somePerson() });
}

// A new TransJakarta route opens in the morning: a handful of happy posts.
const HIGHLIGHTS = [
  'Rute baru TransJakarta Lebak Bulus–Tanah Abang mulai jalan hari ini, nyobain tadi pagi: bus baru, bersih, adem 👍',
  'Akhirnya ada rute TJ langsung dari Lebak Bulus ke Tanah Abang, gak perlu transit di Dukuh Atas lagi 🥳',
  'Rute baru TJ Lebak Bulus–Tanah Abang mantap, 45 menit sampe. makasih TransJakarta 🙏',
  'Cobain rute baru transjakarta td pagi, petugasnya ramah, halte nya ada lift buat lansia ✨',
  'The new TransJakarta route from Lebak Bulus to Tanah Abang is great, finally a direct bus 👏',
  'Pas bgt ada rute baru TJ, ongkos ke kantor jadi hemat bgt 💯',
];
HIGHLIGHTS.forEach((text, i) => {
  const at = between(wib(7, 10 + i * 25), wib(7, 30 + i * 25));
  drafts.push({ at, text, lang: /^The /.test(text) ? 'en' : 'in', sentiment: 'pos', kind: 'highlight', author: somePerson() });
});

// ---------------------------------------------------------------- the flood, 15:00–17:30 WIB

const FLOOD_PLACES = [
  'Kemang',
  'Kemang',
  'Kemang',
  'Jl. Kemang Raya',
  'Kemang Raya',
  'Cipete',
  'Cipete',
  'Cipete Raya',
  'Cipete Selatan',
  'Bangka',
  'Pela Mampang',
  'Mampang',
  'Antasari',
  'Cilandak',
  'Fatmawati',
  'Pondok Labu',
  'Kemang Timur',
  'Gandaria',
  'Jaksel',
];
/** Water depth grows as the afternoon goes on. */
const DEPTH = [
  ['semata kaki', '10 cm', '20an cm', 'sebetis'],
  ['selutut', '30 cm', '40 cm', 'setinggi ban motor'],
  ['sepaha', '50 cm', '60an cm', 'sepinggang'],
  ['sepinggang', '70 cm', 'hampir 1 meter', 'sedada orang dewasa'],
] as const;

const FLOOD_NEG = [
  'Banjir lagi di {fplace}, air udah {depth}!! {negEmoji}',
  '{fplace} banjir parah, motor gw mogok di tengah jalan {negEmoji}',
  'Ya Allah {fplace} tergenang {depth}, baru hujan sejam doang {negEmoji}',
  'Air masuk rumah di {fplace}, perabot basah semua {negEmoji} #banjirjakarta',
  'jalan {fplace} udah kayak sungai, mobil2 pada mogok {negEmoji}',
  'banjir {depth} di {fplace}, anak2 sekolah kejebak gak bisa pulang {negEmoji}',
  'Got mampet, kali meluap, {fplace} kebanjiran lagi. capek bgt tiap tahun gini{tail}',
  'Warga {fplace} butuh perahu karet, air naik terus!! {negEmoji}',
  'Listrik dipadamin di {fplace} gara2 banjir, gelap gulita {negEmoji}',
  'Terjebak banjir di {fplace} udah 2 jam, gak bisa kemana2 {negEmoji}',
  'ini {fplace} atau kolam renang? banjir {depth} astagaa {negEmoji}',
  'Mobil gw kerendem banjir di basement {fplace}. hancur {negEmoji}',
  'Tolong!! Rumah kami di {fplace} kebanjiran, ada lansia gak bisa jalan {negEmoji}',
  'Kali Krukut meluap lagi, {fplace} banjir {depth} {negEmoji}',
  'Kok bisa tiap hujan {fplace} banjir terus sih, udah bertahun2 gini {negEmoji}',
  'Banjir {depth} di {fplace}, kulkas sama kasur terendam semua 😭',
  'Gila banjirnya {fplace}, arusnya deres bgt, motor keseret {negEmoji}',
  'Udah {depth} nih banjir di {fplace}, gak ada pompa air yg nyala apa?? {negEmoji}',
  'Sekolah anak di {fplace} kebanjiran, dipulangkan lebih awal tapi jalan pulang tergenang {negEmoji}',
  'Banjir di {fplace} parah bgt, ojol gak ada yg mau ambil orderan {negEmoji}',
  '#BanjirKemang lagi dan lagi. {depth} di {fplace} {negEmoji}',
];
const FLOOD_NEG_MIXED = [
  'Banjir {fplace} bikin macet total sampe Antasari {negEmoji}',
  'halte TJ deket {fplace} kebanjiran, bus gak bisa lewat {negEmoji}',
];
const FLOOD_NEU = [
  'Info banjir: {fplace} tergenang ±{depth}, hindari jalur ini. #InfoBanjir',
  'Update {clock} WIB: genangan di {fplace} masih {depth}, kendaraan kecil disarankan putar balik',
  'Posko pengungsian dibuka di masjid dekat {fplace} buat warga yg rumahnya kebanjiran',
  'Ada yg tau kondisi banjir di {fplace} sekarang? mau lewat',
];
const FLOOD_POS = [
  'Makasih petugas damkar & BPBD yg evakuasi warga {fplace} dari banjir {posEmoji}',
  'Salut sama relawan yg bagiin makanan buat korban banjir {fplace} ❤️',
];
const FLOOD_EN = [
  'Kemang is flooded again, knee-deep water on Jl. Kemang Raya. Avoid the area! #JakartaFlood',
  'Flood in South Jakarta again, our street in Cipete is underwater. Every rainy season the same story 😩',
  'Flooding around Kemang is bad, cars stuck in the water near Kemang Raya. Stay safe everyone.',
];

const FLOOD_START = wib(15, 0);
const FLOOD_END = wib(17, 30);
const FLOOD_POSTS = 250;
/**
 * Density over the flood window (minutes after 15:00): builds up until 15:45, peaks until 16:10,
 * then fades with a 13-minute half-life to a trickle at 17:30. Most of it falls in the first
 * hour after the alert, so the tail does not read as a second spike when the cooldown ends.
 */
function floodDensity(minute: number): number {
  if (minute < 45) return 0.03 + 0.97 * (minute / 45) ** 2;
  if (minute < 70) return 1;
  return 0.5 ** ((minute - 70) / 13);
}
const clockOf = (ms: number): string => {
  const d = new Date(ms + 7 * HOUR);
  return `${String(d.getUTCHours()).padStart(2, '0')}.${String(d.getUTCMinutes()).padStart(2, '0')}`;
};

const floodTimes: number[] = [];
while (floodTimes.length < FLOOD_POSTS) {
  const minute = random() * 150;
  if (random() < floodDensity(minute)) floodTimes.push(FLOOD_START + Math.floor(minute * 60) * 1000);
}
floodTimes.sort((a, b) => a - b);
const englishFloodSlots = new Set([Math.floor(FLOOD_POSTS * 0.35), Math.floor(FLOOD_POSTS * 0.55), Math.floor(FLOOD_POSTS * 0.72)]);
let englishFlood = 0;
floodTimes.forEach((at, i) => {
  const stage = Math.min(3, Math.floor(((at - FLOOD_START) / (FLOOD_END - FLOOD_START)) * 4 + random() * 0.8));
  const extra = { fplace: pick(FLOOD_PLACES), depth: pick(DEPTH[stage] ?? DEPTH[0]), clock: clockOf(at), waktu: timeOfDay(at) };
  if (englishFloodSlots.has(i)) {
    const text = FLOOD_EN[englishFlood++ % FLOOD_EN.length]!;
    drafts.push({ at, text, lang: 'en', sentiment: 'neg', kind: 'flood', author: somePerson() });
    return;
  }
  const sentiment = weighted({ neg: 86, neu: 10, pos: 4 });
  const template =
    sentiment === 'neg' ? (chance(0.03) ? pick(FLOOD_NEG_MIXED) : pick(FLOOD_NEG)) : pick(sentiment === 'neu' ? FLOOD_NEU : FLOOD_POS);
  const text = fill(template, extra);
  const author = sentiment === 'neu' && /^(Info|Update)/.test(text) ? pick(INFO_ACCOUNTS) : somePerson();
  drafts.push({ at, text, lang: 'in', sentiment, kind: 'flood', author, viral: chance(0.08) });
});

// After the flood: water recedes, mud, clean-up.
const AFTERMATH = [
  { s: 'neu' as const, t: 'Air di {fplace} mulai surut, tinggal sebetis' },
  { s: 'neg' as const, t: 'Banjir di {fplace} udah surut tapi lumpurnya tebel bgt, rumah kotor semua {negEmoji}' },
  { s: 'neg' as const, t: 'Motor kerendem banjir tadi sore, mesin gak mau nyala {negEmoji}' },
  { s: 'neu' as const, t: 'Kerja bakti bersihin sisa banjir di {fplace}, yg mau bantu merapat' },
  { s: 'pos' as const, t: 'Alhamdulillah genangan di {fplace} udah surut, makasih petugas yg sigap {posEmoji}' },
];
for (let i = 0; i < 14; i++) {
  const at = between(wib(17, 30), wib(19, 10));
  const item = pick(AFTERMATH);
  drafts.push({
    at,
    text: fill(item.t, { fplace: pick(FLOOD_PLACES) }),
    lang: 'in',
    sentiment: item.s,
    kind: 'aftermath',
    author: somePerson(),
  });
}

// ---------------------------------------------------------------- the hoax, 19:40–20:20 WIB

const HOAX_PREFIX = [
  'AWAS!!',
  'AWAS!!!',
  '⚠️AWAS⚠️',
  'Awas!!',
  'awas!!',
  'PENTING!!',
  'WASPADA!!',
  '🚨🚨 AWAS!!',
  'Info penting!!',
  'URGENT!!',
  'AWAS!!',
];
const HOAX_CLAIM = [
  'Pintu air Manggarai jebol malam ini, Jakarta Pusat akan tenggelam 2 meter.',
  'Pintu air Manggarai JEBOL malam ini, Jakarta Pusat bakal tenggelam 2 meter.',
  'pintu air manggarai jebol mlm ini, jakpus akan tenggelam 2 meter',
  'Pintu Air Manggarai jebol malam ini!! Jakarta Pusat & Jakarta Timur akan tenggelam 2 meter.',
  'Pintu air Manggarai sudah jebol malam ini, air 2 meter menuju Jakarta Pusat.',
  'Pintu air Manggarai jebol malam ini, Jakarta Pusat akan tenggelam 2 meter.',
  'Bendung Manggarai jebol malam ini, Jakarta Pusat akan tenggelam 2 meter.',
  'Manggarai JEBOL malam ini, Jakarta Pusat akan tenggelam 2 meter!',
  'Bendungan Manggarai jebol mlm ini, jakpus tenggelam 2 meter',
];
const HOAX_SOURCE = [
  'Info dari orang dalam BPBD.',
  'Info A1 dari orang dalam BPBD.',
  'info dr orang dalam BPBD',
  'Info dari orang dalam BPBD, bukan hoax.',
  'Kata teman saya di BPBD, ini info dari orang dalam.',
  'Info dari orang dalam BPBD.',
];
const HOAX_CALL = [
  'SEBARKAN ke grup keluarga sebelum dihapus!!',
  'Sebarkan ke grup keluarga sebelum dihapus!!',
  'SEBARKAN ke grup keluarga sblm dihapus!!!',
  'sebarkan ke grup keluarga sebelum dihapus',
  'SEBARKAN KE GRUP KELUARGA SEBELUM DIHAPUS!!',
  'Tolong sebarkan ke grup keluarga sebelum dihapus 🙏',
];
const HOAX_EXTRA = [
  'Amankan surat2 penting & barang berharga.',
  'Segera mengungsi ke tempat tinggi!',
  'Media diam semua.',
  'Semoga kita semua dilindungi 🤲',
  '😱😱',
  '🙏🙏🙏',
  'Jangan tidur dulu!!',
  'Detail: bit.ly/pintuair-mgr',
];

const HOAX_POSTS = 44;
const hoaxTexts = new Set<string>();
for (let i = 0; i < HOAX_POSTS; i++) {
  // Accounts wake up in waves: a few first, then most of them at once.
  const at = i < 8 ? between(wib(19, 40), wib(19, 52)) : between(wib(19, 50), wib(20, 22));
  let text = '';
  for (let attempt = 0; attempt < 20 && (text === '' || hoaxTexts.has(text)); attempt++) {
    const extras = [...HOAX_EXTRA].sort(() => random() - 0.5).slice(0, int(0, 2));
    text = [pick(HOAX_PREFIX), pick(HOAX_CLAIM), pick(HOAX_SOURCE), pick(HOAX_CALL), ...extras].join(' ');
    if (chance(0.18)) text = text.toUpperCase();
    if (chance(0.15)) text = text.replace(/\.\s/g, '\n');
  }
  hoaxTexts.add(text);
  drafts.push({ at, text, lang: 'in', sentiment: 'neg', kind: 'hoax', author: makeAuthor('new'), viral: true });
}

const WORRIED = [
  'Beneran Manggarai jebol?? grup WA keluarga rame bgt 😰',
  'Ada yg bisa konfirmasi soal Manggarai? nyokap udah panik di grup keluarga',
  'Grup RT gw heboh Manggarai jebol, tapi kok gak ada beritanya ya 🤔',
  'Barusan dapet forward soal Jakarta Pusat tenggelam 2 meter, ini beneran gak sih?',
  'Is it true the Manggarai floodgate broke tonight? My family group chat is panicking',
];
WORRIED.forEach((text, i) => {
  drafts.push({
    at: between(wib(19, 55 + i * 6), wib(20, 1 + i * 6)),
    text,
    lang: /^Is it/.test(text) ? 'en' : 'in',
    sentiment: 'neu',
    kind: 'worried',
    author: somePerson(),
  });
});

const DEBUNKS = [
  'HOAKS: pintu air Manggarai tidak jebol, cek fakta: tinggi muka air normal, status Siaga 4. Jangan disebarkan ya 🙏 https://bpbd.jakarta.go.id',
  'Klarifikasi: kabar pintu air Manggarai jebol itu TIDAK BENAR. Pintu air aman & dipantau 24 jam.',
  'Yang bilang Manggarai jebol itu hoax ya gaes, gw barusan lewat, aman2 aja kondisinya',
  'Cek fakta dulu sebelum share! Pesan berantai soal Manggarai jebol = hoaks.',
  'FACT CHECK: claims that the Manggarai floodgate collapsed tonight are false. Water levels are normal.',
  'Faktanya tinggi muka air di Manggarai normal malam ini. Info resmi cuma dari kanal BPBD.',
  'Grup keluarga gw udah heboh soal Manggarai jebol, padahal hoaks. Tolong cek fakta dulu ya bapak ibu 😅',
];
DEBUNKS.forEach((text, i) => {
  const at = between(wib(20, 30 + i * 12), wib(20, 40 + i * 12));
  const author = i === 0 || i === 4 ? pick(INFO_ACCOUNTS) : somePerson();
  drafts.push({ at, text, lang: /^FACT/.test(text) ? 'en' : 'in', sentiment: 'neu', kind: 'debunk', author, viral: i === 0 });
});

// ---------------------------------------------------------------- to contract v1

drafts.sort((a, b) => a.at - b.at);

const TWITTER_EPOCH = 1288834974657n;
const isoSeconds = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

function metrics(draft: Draft): Post['metrics'] {
  const reach = Math.log10(10 + (draft.author.followers ?? 0));
  if (draft.kind === 'hoax') return { likes: int(0, 15), reposts: int(20, 400), replies: int(0, 12), quotes: int(0, 8) };
  const boost = draft.viral ? 25 : 1;
  return {
    likes: Math.round(heavy(3, 1) * reach * boost),
    reposts: Math.round(heavy(0.6, 1.2) * reach * boost),
    replies: heavy(1, 1),
    quotes: draft.viral ? heavy(3, 1) : chance(0.05) ? 1 : 0,
  };
}

const posts: Post[] = drafts.map((draft, index) => {
  const snowflake = ((BigInt(draft.at) - TWITTER_EPOCH) << 22n) | BigInt(int(0, 0x3fffff));
  const links = draft.text.match(/https?:\/\/\S+/g);
  const post = {
    v: 1 as const,
    source: 'file',
    id: `demo-${String(index + 1).padStart(5, '0')}`,
    url: `https://x.com/i/status/${snowflake}`,
    text: draft.text,
    lang: draft.lang,
    createdAt: isoSeconds(draft.at),
    collectedAt: isoSeconds(draft.at + int(20, 900) * 1000),
    author: { ...draft.author },
    metrics: metrics(draft),
    ...(links ? { links } : {}),
  };
  const checked = PostSchema.safeParse(post);
  if (!checked.success)
    throw new Error(`demo post ${post.id} breaks contract v1: ${describeIssues(checked.error, post)}\n${JSON.stringify(post)}`);
  return post;
});

// ---------------------------------------------------------------- scenario self-check

const config = loadConfig(join(ROOT, 'pantau.config.json'));
// The self-check uses the pipeline's own topic matcher and spike rule, so it judges the day the
// way the classifier will.
const matchTopics = makeTopicMatcher(config.topics);
const topicsOf = (text: string): string[] => matchTopics(normalise(text)).map((m) => m.name);

interface Firing {
  readonly topic: string;
  readonly at: number;
  readonly observed: number;
  readonly expected: number;
}

/** The spike rule on event time, the way the pipeline applies it after each post (no past days here). */
function spikes(negatives: ReadonlyMap<string, readonly number[]>): Firing[] {
  const rule = config.alerts.spike;
  const window = rule.windowMinutes * MINUTE;
  const baseline = rule.baselineHours * HOUR;
  const firings: Firing[] = [];
  for (const [topic, times] of negatives) {
    let quietUntil = -Infinity;
    for (const t of times) {
      const decision = evaluateSpike(
        {
          windowNegative: times.filter((x) => x > t - window && x <= t).length,
          windowTotal: 0,
          shortBaselineNegative: times.filter((x) => x > t - window - baseline && x <= t - window).length,
          pastDaysNegative: [],
        },
        rule,
      );
      if (decision.fire && t > quietUntil) {
        firings.push({ topic, at: t, observed: decision.observed, expected: decision.expected });
        quietUntil = t + rule.cooldownMinutes * MINUTE;
      }
    }
  }
  return firings.sort((a, b) => a.at - b.at);
}

/** The evaluation that came nearest to firing without firing, per topic: how close the day runs to the rule. */
function closestCalls(negatives: ReadonlyMap<string, readonly number[]>, fired: readonly Firing[]): string[] {
  const rule = config.alerts.spike;
  const lines: string[] = [];
  for (const [topic, times] of negatives) {
    let best: { at: number; observed: number; expected: number; closeness: number } | undefined;
    for (const t of times) {
      if (fired.some((f) => f.topic === topic && t >= f.at - HOUR && t <= f.at + rule.cooldownMinutes * MINUTE)) continue;
      const window = rule.windowMinutes * MINUTE;
      const { observed, expected } = evaluateSpike(
        {
          windowNegative: times.filter((x) => x > t - window && x <= t).length,
          windowTotal: 0,
          shortBaselineNegative: times.filter((x) => x > t - window - rule.baselineHours * HOUR && x <= t - window).length,
          pastDaysNegative: [],
        },
        rule,
      );
      const closeness = Math.min(observed / rule.minCount, observed / expected / rule.ratio);
      if (!best || closeness > best.closeness) best = { at: t, observed, expected, closeness };
    }
    if (best)
      lines.push(`${topic} ${clockOf(best.at)} ${best.observed}/${best.expected.toFixed(1)} (${Math.round(best.closeness * 100)}%)`);
  }
  return lines;
}

const topicOf = drafts.map((d) => topicsOf(d.text));
function negativesBy(isNegative: (d: Draft) => boolean): Map<string, number[]> {
  const map = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    if (!isNegative(d)) return;
    for (const topic of topicOf[i] ?? []) map.set(topic, [...(map.get(topic) ?? []), d.at]);
  });
  return map;
}
const intended = spikes(negativesBy((d) => d.sentiment === 'neg'));
/**
 * A harsher reading: a lexicon classifier scores city-problem words negative in themselves
 * (`macet`, `banjir`, `padat`, `jebol`…), so any post holding one may come out negative.
 */
const LIKELY_NEGATIVE =
  /(?<![\p{L}])(macet|macetnya|banjir|banjirnya|kebanjiran|padat|padet|genangan|tergenang|jebol|tenggelam|antri|antrian|penuh|mati|rusak|telat|gangguan|keruh|polusi|mogok|panik|heboh|hoaks|hoax|traffic|flood|flooded|flooding)(?![\p{L}])/iu;
const pessimistic = spikes(negativesBy((d) => d.sentiment === 'neg' || LIKELY_NEGATIVE.test(d.text)));

const hourOf = (ms: number): number => Math.floor((ms - DAY_START) / HOUR);
const table = Array.from({ length: 24 }, () => ({ total: 0, banjir: 0, banjirNeg: 0, flood: 0, hoax: 0, debunk: 0, english: 0 }));
drafts.forEach((d, i) => {
  const row = table[hourOf(d.at)];
  if (!row) throw new Error(`post outside the day: ${new Date(d.at).toISOString()}`);
  row.total += 1;
  if (topicOf[i]?.includes('banjir')) {
    row.banjir += 1;
    if (d.sentiment === 'neg') row.banjirNeg += 1;
  }
  if (d.kind === 'flood') row.flood += 1;
  if (d.kind === 'hoax') row.hoax += 1;
  if (d.kind === 'debunk') row.debunk += 1;
  if (d.lang === 'en') row.english += 1;
});

const failures: string[] = [];
if (posts.length < 2200) failures.push(`only ${posts.length} posts, want at least 2200`);
table.slice(0, 14).forEach((row, h) => {
  if (row.banjir > 3) failures.push(`${h}:00 WIB has ${row.banjir} banjir posts before the flood, want at most 3`);
});
const floodFiring = intended.find((f) => f.topic === 'banjir');
if (!floodFiring || floodFiring.at < FLOOD_START || floodFiring.at > FLOOD_END)
  failures.push('the banjir spike does not fire between 15:00 and 17:30 WIB');
for (const f of [...intended, ...pessimistic]) {
  if (f.topic === 'banjir' && (f.at < FLOOD_START || f.at > FLOOD_END))
    failures.push(`a second banjir spike at ${clockOf(f.at)} WIB (${f.observed} vs ${f.expected.toFixed(1)} expected)`);
  if (f.topic !== 'banjir')
    failures.push(`unexpected ${f.topic} spike at ${clockOf(f.at)} WIB (${f.observed} vs ${f.expected.toFixed(1)} expected)`);
}
const hoaxAuthors = new Set(drafts.filter((d) => d.kind === 'hoax').map((d) => d.author.handle));
if (hoaxAuthors.size !== HOAX_POSTS) failures.push(`hoax pushed by ${hoaxAuthors.size} distinct accounts, want ${HOAX_POSTS}`);
const english = drafts.filter((d) => d.lang === 'en').length / drafts.length;
if (english < 0.1 || english > 0.15) failures.push(`English share ${(english * 100).toFixed(1)}%, want 10–15%`);

// ---------------------------------------------------------------- report, then write

console.log('hour WIB  total  banjir  (neg)  flood  hoax  debunk  en');
table.forEach((row, h) => {
  console.log(
    `${String(h).padStart(2, '0')}:00    ${String(row.total).padStart(5)}  ${String(row.banjir).padStart(6)}  ${String(row.banjirNeg).padStart(5)}  ${String(row.flood).padStart(5)}  ${String(row.hoax).padStart(4)}  ${String(row.debunk).padStart(6)}  ${String(row.english).padStart(3)}`,
  );
});
const describe = (f: Firing): string =>
  `${f.topic} at ${clockOf(f.at)} WIB: ${f.observed} negative in 60 min vs ${f.expected.toFixed(1)} expected`;
console.log(`spikes (intended sentiment): ${intended.map(describe).join('; ') || 'none'}`);
console.log(`spikes (problem words read as negative): ${pessimistic.map(describe).join('; ') || 'none'}`);
console.log(
  `closest calls outside alerts (intended): ${closestCalls(
    negativesBy((d) => d.sentiment === 'neg'),
    intended,
  ).join(', ')}`,
);
console.log(
  `closest calls outside alerts (problem words): ${closestCalls(
    negativesBy((d) => d.sentiment === 'neg' || LIKELY_NEGATIVE.test(d.text)),
    pessimistic,
  ).join(', ')}`,
);
console.log(`English ${(english * 100).toFixed(1)}%, hoax accounts ${hoaxAuthors.size}`);
if (failures.length > 0) {
  console.error(`scenario self-check failed, nothing written:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, posts.map((p) => JSON.stringify(p)).join('\n') + '\n');
console.log(`wrote ${posts.length} posts to ${OUT}`);
