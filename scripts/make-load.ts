/**
 * Writes a load file for the embedded stack: N posts (contract v1, one JSON line each) over a few
 * days in Jakarta, deterministic for a given seed and N (seeded mulberry32, scripts/prng.ts).
 *
 * What is in it, and why (it should load the pipeline the way real traffic would):
 * - sources shaped like the collectors write them: `x` (about 80%: short posts, a thin tail of
 *   long ones), `news` (about 13%: headline and summary, a tail of near-full articles up to the
 *   news collector's 4,000 characters; the article address as id, the outlet as author) and
 *   `file` (about 7%: residents' reports exported from a complaint channel);
 * - Indonesian first (informal on X, formal in the news), about 12% English;
 * - the watch topics of the config in a realistic share (about 40% of posts), the rest off
 *   topic; places drawn from the classifier's own gazetteer (shared/classify/places-jakarta.ts);
 * - a daily rhythm (quiet at night, busy at the commute hours) and three episodes: a flood in
 *   the afternoon of day 2, a transport breakdown in the morning of day 3, a chain-message hoax
 *   (a debunked claim of the seed list) pushed by new accounts in the evening of day 3;
 * - lines in collection order, `createdAt` a little earlier (seconds on X, minutes to hours for
 *   news and reports), so event times are in order with some jitter;
 * - about 3% of lines repeat an earlier post exactly (same source and id, same bytes): some
 *   right after it (a resent page), some a few hundred lines later (overlapping polls), some
 *   far back (a re-import).
 *
 * Every new post is checked against PostSchema. A summary goes to stderr.
 *
 *   npx tsx scripts/make-load.ts [--count 100000] [--seed 20261206] [--days 4] [--out FILE]
 *
 * Without --out it writes to stdout, or to /tmp/pantau-load-<count>-<seed>.jsonl when stdout
 * is a terminal. (The demo day, scripts/make-demo.ts, is a scenario with a self-check; this is
 * volume. Its template banks run at import, so they are not imported here.)
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { SEED_CLAIMS } from '../shared/claims/seed';
import { AMBIGUOUS, GAZETTEER } from '../shared/classify/places-jakarta';
import { loadConfig } from '../shared/config';
import { describeIssues, PostSchema, type Post } from '../shared/post';
import { MAX_TEXT_LENGTH } from '../shared/sources/feeds';
import { mulberry32 } from './prng';

export const DEFAULT_COUNT = 100_000;
export const DEFAULT_SEED = 20261206;
export const DEFAULT_DAYS = 4;
/** Share of lines that repeat an earlier post. */
export const REPEAT_SHARE = 0.03;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 2026-12-03 00:00 WIB: with the default 4 days the load ends on 2026-12-06 23:59 WIB. */
const DEFAULT_START = Date.parse('2026-12-03T00:00:00+07:00');

export interface LoadOptions {
  readonly count: number;
  readonly seed: number;
  readonly days: number;
  /** Epoch ms of the first day's 00:00 (WIB). */
  readonly startMs?: number;
  readonly configPath?: string;
}

export interface LoadStats {
  readonly lines: number;
  readonly distinct: number;
  readonly repeats: number;
  readonly repeatsAdjacent: number;
  readonly repeatsNear: number;
  readonly repeatsFar: number;
  readonly bySource: Record<string, number>;
  readonly english: number;
  /** Posts written about a watch topic (as intended; the classifier decides for itself). */
  readonly topical: number;
  readonly byKind: Record<string, number>;
  readonly textLength: { readonly p10: number; readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number };
  readonly bytes: number;
  readonly firstCreatedAt: string;
  readonly lastCreatedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

type Sentiment = 'pos' | 'neu' | 'neg';
type Lang = 'in' | 'en';
type Bank = Readonly<Record<Sentiment, readonly string[]>>;

/** Places people name, from the classifier's gazetteer; names that are also ordinary words are left out. */
const plain = (name: string): boolean => !AMBIGUOUS.has(name.toLowerCase());
const AREAS = GAZETTEER.filter((e) => (e.kind ?? 'area') === 'area' && plain(e.name)).map((e) => e.name);
const KECAMATAN = GAZETTEER.filter((e) => e.kind === 'kecamatan' && plain(e.name)).map((e) => e.name);
const KELURAHAN = GAZETTEER.filter((e) => e.kind === 'kelurahan' && plain(e.name)).map((e) => e.name);
const CITIES = [
  'Jakarta Selatan',
  'Jakarta Timur',
  'Jakarta Barat',
  'Jakarta Utara',
  'Jakarta Pusat',
  'Jaksel',
  'Jaktim',
  'Jakbar',
  'Jakut',
];
/** Areas that flood in the scenario's episode (one is drawn per seed). */
const FLOOD_AREAS = ['Kemang', 'Cipinang Melayu', 'Kampung Pulo', 'Pluit', 'Cawang', 'Kelapa Gading', 'Rawajati', 'Bukit Duri'];

const SLOTS: Readonly<Record<string, readonly string[]>> = {
  koridor: ['koridor 1', 'koridor 2', 'koridor 3', 'koridor 5', 'koridor 6', 'koridor 9', 'koridor 10', 'koridor 13', 'K1', 'K9'],
  n: ['10', '15', '20', '25', '30', '40', '45', '60', '90'],
  depth: ['semata kaki', '20 cm', 'sebetis', 'selutut', '50 cm', 'sepaha', 'sepinggang', 'hampir 1 meter'],
  masalah: ['jalan berlubang', 'trotoar rusak', 'PKL liar', 'parkir liar', 'lampu jalan mati', 'pungli', 'got mampet', 'jalur sepeda'],
  food: ['soto betawi', 'nasi uduk', 'kerak telor', 'bakso', 'mie ayam', 'martabak', 'kopi susu', 'gado-gado', 'ketoprak', 'seblak'],
  negEmoji: ['😩', '😤', '😭', '🙄', '😡', '🤦', '😫', '💀', '😒', ''],
  posEmoji: ['👍', '🙏', '✨', '😍', '🥳', '💯', '👏', '❤️', '😁', ''],
  neuEmoji: ['', '', '🤔', '🙂', '👀', ''],
  tail: ['', '', '', ' wkwk', ' huhu', ' hadeh', ' sih', ' deh', ' ya Allah', ' astaga', ' btw', ' plis'],
};

/** Informal Indonesian, one bank per watch topic; each template names its own topic. */
const X_ID: Readonly<Record<string, Bank>> = {
  banjir: {
    neg: [
      'Banjir lagi di {place}, air udah {depth}!! {negEmoji}',
      '{place} banjir parah, motor gw mogok di tengah jalan {negEmoji}',
      'Air masuk rumah di {kel}, perabot basah semua {negEmoji} #banjirjakarta',
      'Tiap hujan {place} tergenang, pompa air nya kemana sih{tail}',
      'Kali meluap lagi, {kel} kebanjiran {depth} {negEmoji}',
    ],
    neu: [
      'Ada yg tau kondisi banjir di {place} sekarang? mau lewat',
      'Info genangan: {place} {depth}, hindari dulu ya',
      'Cek tinggi muka air pintu air Manggarai: siaga 3 {neuEmoji}',
      'Musim hujan gini semoga {kel} gak banjir lagi 🤲',
    ],
    pos: [
      'Sumur resapan di RT kami ngefek, hujan kemarin gak ada genangan {posEmoji}',
      'Makasih petugas yg sigap sedot genangan di {place} {posEmoji}',
      'Normalisasi kali bikin {kel} gak banjir lagi, mantap {posEmoji}',
    ],
  },
  transjakarta: {
    neg: [
      'Udah nunggu {n} menit di halte {place}, TJ gak dateng2 {negEmoji}',
      'TJ {koridor} penuh bgt, berdiri kayak ikan pepes {negEmoji}',
      'KRL telat {n} menit, gangguan sinyal katanya {negEmoji}',
      'AC bus transjakarta {koridor} mati, panas bgt asli{tail}',
      'tap in jaklingko error lagi di halte {place}, ribet bgt {negEmoji}',
    ],
    neu: [
      'Ada yg tau TJ {koridor} masih jalan jam segini gak?',
      'otw naik busway dari halte {place}, semoga dapet duduk {neuEmoji}',
      'Naik MRT dari Lebak Bulus ke Bundaran HI berapa menit ya skrg?',
      'Mikrotrans yg ke {kel} nomor berapa ya?',
    ],
    pos: [
      'MRT emang penyelamat, 20 menit doang sampe kantor {posEmoji}',
      'Halte TJ {place} yg baru direnovasi keren bgt {posEmoji}',
      'bus listrik transjakarta adem & senyap, suka bgt {posEmoji}',
    ],
  },
  macet: {
    neg: [
      'Macet parah di {place} {negEmoji}',
      '{place} macet total, udah {n} menit gak gerak {negEmoji}',
      'lalin di {place} kacau bgt, gak ada petugas sama sekali{tail}',
      'ada galian kabel di {place}, macet ampe ujung {negEmoji}',
    ],
    neu: [
      'Info lalin: {place} arah {place2} padat, sisanya lancar',
      'Jalur alternatif kalo {place} macet lewat mana ya?',
      'Ganjil genap berlaku lagi hari ini, plat gw genap',
    ],
    pos: ['Tumben {place} lancar jaya, gak macet {posEmoji}', 'Alhamdulillah lalin {place} lancar, 15 menit nyampe {posEmoji}'],
  },
  sampah: {
    neg: [
      'Tumpukan sampah di {kel} udah 3 hari gak diangkut, bau busuk bgt {negEmoji}',
      'Kali di {kel} penuh sampah plastik, jorok parah {negEmoji}',
      'Orang2 masih aja buang sampah ke kali, heran{tail}',
    ],
    neu: ['Jadwal angkut sampah di {kel} hari apa aja ya?', 'Bank sampah di RW gw mulai terima botol plastik'],
    pos: ['Petugas PPSU {kel} rajin bgt, pagi2 udah bersihin sampah di got {posEmoji}'],
  },
  'air-bersih': {
    neg: [
      'Air PAM mati lagi di {kel} dari subuh {negEmoji} mau mandi gimana',
      'Air keruh bgt keluar dari keran, kuning kecoklatan {negEmoji}',
      'Udah 2 hari air mati, gak ada info apa2 dari PAM Jaya{tail}',
    ],
    neu: ['Ada yg air PAM nya mati juga di {kel}?', 'PAM Jaya ada perbaikan pipa di {kel}, air bersih ngalir lagi nanti malem'],
    pos: ['Air PAM udah ngalir lagi, jernih. makasih PAM Jaya {posEmoji}'],
  },
  kesehatan: {
    neg: [
      'Antri di puskesmas {kel} dari jam 7 baru dipanggil jam 11 {negEmoji}',
      'Polusi udara hari ini parah, tenggorokan gatel {negEmoji}',
      'Pelayanan RSUD lambat bgt, pasien BPJS dipingpong sana sini {negEmoji}',
    ],
    neu: ['Puskesmas {kel} buka sampe jam berapa ya?', 'Cek kualitas udara dulu sebelum lari pagi {neuEmoji}'],
    pos: ['Pelayanan puskesmas {kel} cepet & ramah {posEmoji}', 'Vaksin anak gratis di puskesmas, prosesnya cepat {posEmoji}'],
  },
  pemprov: {
    neg: [
      'Pemprov DKI kerjanya apa sih, {masalah} di {place} gak beres2 {negEmoji}',
      'Gubernur janji doang, {masalah} tetep aja {negEmoji}',
      'Laporan {masalah} di JAKI udah seminggu gak ditanggepin dinas {negEmoji}',
    ],
    neu: ['Gubernur rapat di Balai Kota bahas {masalah} hari ini', 'Ada yg tau kapan pengumuman UMP dari Pemprov DKI?'],
    pos: ['Respon dinas cepet bgt, lapor {masalah} lewat JAKI langsung ditindak {posEmoji}'],
  },
  other: {
    neg: [
      'Panas bgt hari ini, rasanya kayak di dalem oven 🥵',
      'Warteg langganan di {place} tutup, sedih 😢',
      'Wasitnya kacau bgt tadi, Persija dirugikan {negEmoji}',
      'Gajian masih lama, dompet udah tipis{tail}',
    ],
    neu: [
      'Ada rekomendasi {food} enak di {place}?',
      'ngopi dulu biar waras ☕',
      'WFH hari ini, lumayan bisa rebahan dikit',
      'Otw {place}, ada yg mau nitip {food}?',
      'Nobar Timnas malam ini di mana ya?',
    ],
    pos: [
      '{food} di {place} emang juara {posEmoji}',
      'Persija menang lagi!! 🧡 #PersijaDay',
      'Adem bgt pagi ini, enak buat jalan pagi {posEmoji}',
      'Kucing gw manja bgt hari ini 😹',
    ],
  },
};

const X_EN: Readonly<Record<string, Bank>> = {
  banjir: {
    neg: ['{place} is flooded again, {depth} of water on the street {negEmoji}'],
    neu: ['Is there an updated flood map for Jakarta?'],
    pos: ['Our drainage got fixed, no more flooding in our street {posEmoji}'],
  },
  transjakarta: {
    neg: ['TransJakarta bus was packed this morning, waited {n} minutes {negEmoji}', 'KRL delayed again, this commute is killing me'],
    neu: ['Is the LRT running on schedule today?'],
    pos: ['The MRT is honestly the best thing about living in Jakarta {posEmoji}'],
  },
  macet: {
    neg: ['Jakarta traffic is insane today, stuck around {place} for an hour {negEmoji}'],
    neu: ['Any updates on traffic around {place}?'],
    pos: ['Traffic on {place} is surprisingly smooth right now {posEmoji}'],
  },
  sampah: { neg: ['Piles of trash along the river near {place} {negEmoji}'], neu: ['Where do you drop off recyclable trash?'], pos: [] },
  'air-bersih': {
    neg: ['No water supply in our building since this morning {negEmoji}'],
    neu: ['Does the water supply schedule change during repairs?'],
    pos: [],
  },
  kesehatan: {
    neg: ['Air pollution is terrible today, the sky is grey {negEmoji}'],
    neu: [],
    pos: ['Quick and friendly puskesmas staff {posEmoji}'],
  },
  pemprov: {
    neg: ['City hall needs to fix the broken sidewalks around {place} {negEmoji}'],
    neu: ['Any news from city hall about the new parking rules?'],
    pos: ['The governor announced more bike lanes, finally {posEmoji}'],
  },
  other: {
    neg: ['So hot today, Jakarta feels like an oven 🥵'],
    neu: ['Working from a cafe in {place} today', 'Any good coffee places around {place}?'],
    pos: ['Best {food} in town is at {place}, no debate {posEmoji}', 'Sunset from the office today was unreal {posEmoji}'],
  },
};

/** Sentences appended to some posts (and strung together in long ones). */
const ADDONS: Readonly<Record<Lang, Bank>> = {
  in: {
    neg: [
      'Tolong dong ditindak.',
      'Udah lapor JAKI belum ada respon.',
      'Capek bgt tiap hari gini.',
      'Kapan beresnya coba.',
      'Mohon perhatiannya pak.',
      'Warga cuma bisa pasrah.',
    ],
    neu: ['Ada yg tau info terbarunya?', 'Semoga cepet beres.', 'Cuma mau nanya aja.', 'Share ya kalo ada info.', 'Cek aja di aplikasi.'],
    pos: ['Semoga konsisten ya.', 'Makasih banyak!', 'Jakarta makin keren.', 'Salut pokoknya.', 'Lanjutkan!'],
  },
  en: {
    neg: ['Please fix this.', 'Every single day.', 'Nobody seems to care.'],
    neu: ['Anyone know more?', 'Just asking.', 'Any updates appreciated.'],
    pos: ['Keep it up!', 'Love this city.', 'Thanks a lot!'],
  },
};

/**
 * Words around the core of a post, so that posts from one template do not read as copies of each
 * other (the classifier's near-duplicate fingerprints would otherwise take ordinary chatter for a
 * coordinated push).
 */
const OPENERS: Readonly<Record<Lang, readonly string[]>> = {
  in: [
    'Guys,',
    'Jujur',
    'Duh',
    'Eh',
    'Btw',
    'Astaga',
    'Hmm',
    'Gais',
    'Serius',
    'Asli',
    'Yaampun',
    'Sumpah',
    'Lagi2',
    'Pagi2 gini',
    'Kalo menurut gw',
    'Baru sadar',
    'Barusan',
    'FYI',
    'Eh tau gak',
    'Gini deh',
    'Ternyata',
    'Oke fix',
    'Nah kan',
    'Akhirnya',
  ],
  en: ['Honestly,', 'Ok so', 'FYI', 'Well,', 'Update:', 'Lol', 'Seriously,', 'Just saying,', 'Not gonna lie,', 'So'],
};
const CLOSERS: Readonly<Record<Lang, readonly string[]>> = {
  in: [
    'gimana menurut kalian?',
    'bener gak sih?',
    'sekian laporan dari gw',
    'ada yg ngerasain juga?',
    'udah biasa sih',
    'ya gitu deh',
    'kok bisa ya',
    'mantep lah pokoknya',
    'hari ini doang?',
    'cuma di Jakarta',
    'lanjut kerja dulu',
    'bismillah aja',
    'ampun deh',
    'parah sih',
    'kan kan kan',
    'siapa yg setuju',
    'nanti gw update lagi',
    'semoga besok lebih baik',
    'tolong RT',
    'dah lah',
  ],
  en: ['thoughts?', 'just me?', 'only in Jakarta', 'what a day', 'anyway', 'send help', 'good times', 'will update'],
};

/** Formal Indonesian and English news: headlines and body sentences per watch topic. */
const NEWS: Readonly<Record<Lang, Readonly<Record<string, { readonly head: readonly string[]; readonly body: readonly string[] }>>>> = {
  in: {
    banjir: {
      head: [
        'Banjir Rendam {place}, Ketinggian Air Capai {depth}',
        'BPBD DKI Siagakan Pompa Air di {place}',
        'Warga {kel} Mengungsi akibat Banjir',
      ],
      body: [
        'Badan Penanggulangan Bencana Daerah (BPBD) DKI Jakarta mencatat genangan di sejumlah titik di {city}.',
        'Petugas menyiagakan {n} pompa air untuk mempercepat surutnya genangan.',
        'Warga diimbau memantau informasi resmi dan menghindari kawasan {place} untuk sementara.',
      ],
    },
    transjakarta: {
      head: ['Transjakarta Tambah Armada di {koridor}', 'Penumpang MRT dan KRL Meningkat, Halte {place} Dipadati Warga'],
      body: [
        'PT Transjakarta menyebut penambahan armada dilakukan untuk mengurangi waktu tunggu penumpang.',
        'Pada jam sibuk, antrean penumpang terlihat mengular hingga ke luar halte.',
      ],
    },
    macet: {
      head: ['Lalu Lintas di {place} Padat Merayap', 'Ganjil Genap Diperluas ke {place}'],
      body: [
        'Direktorat Lalu Lintas mencatat kepadatan kendaraan meningkat pada jam berangkat kerja.',
        'Pengendara disarankan menggunakan jalur alternatif melalui {place2}.',
      ],
    },
    sampah: {
      head: ['Volume Sampah di TPST Bantargebang Terus Naik', 'Tumpukan Sampah di {kel} Dikeluhkan Warga'],
      body: ['Dinas Lingkungan Hidup DKI menyatakan pengangkutan sampah dilakukan setiap hari.'],
    },
    'air-bersih': {
      head: ['Perbaikan Pipa, Aliran Air PAM di {kel} Terganggu'],
      body: ['PAM Jaya meminta maaf atas gangguan air bersih dan menargetkan perbaikan selesai malam ini.'],
    },
    kesehatan: {
      head: ['Kasus DBD di {city} Meningkat', 'Kualitas Udara Jakarta Masuk Kategori Tidak Sehat'],
      body: ['Dinas Kesehatan meminta warga melakukan pemberantasan sarang nyamuk dan memeriksakan diri ke puskesmas terdekat.'],
    },
    pemprov: {
      head: ['Gubernur DKI Tinjau {masalah} di {place}', 'Pemprov DKI Umumkan Program Perbaikan Trotoar'],
      body: [
        'Pemprov DKI Jakarta menyatakan anggaran perbaikan telah disiapkan tahun ini.',
        'Gubernur meminta dinas terkait bergerak cepat.',
      ],
    },
    other: {
      head: [
        'Festival Kuliner Digelar di {place} Akhir Pekan Ini',
        'Persija Menang Tipis di Laga Kandang',
        'Harga Cabai di Pasar Induk Naik',
      ],
      body: [
        'Panitia memperkirakan ribuan pengunjung akan hadir.',
        'Para pedagang berharap penjualan meningkat menjelang akhir tahun.',
        'Pertandingan berlangsung ketat sejak menit awal.',
      ],
    },
  },
  en: {
    banjir: { head: ['Floods Hit {place} After Heavy Rain'], body: ['The disaster agency said water pumps were deployed across {city}.'] },
    transjakarta: { head: ['TransJakarta Adds Buses on Busy Routes'], body: ['Commuters reported long queues during the morning rush.'] },
    macet: { head: ['Traffic Gridlock Around {place}'], body: ['Police advised drivers to avoid the area.'] },
    pemprov: { head: ['Jakarta Governor Announces Sidewalk Program'], body: ['City hall said the budget has been approved.'] },
    other: { head: ['Food Festival Opens in {place}'], body: ['Organisers expect thousands of visitors over the weekend.'] },
  },
};

/** Sentences any Indonesian news item may carry after its own. */
const NEWS_FILLER = [
  'Sejumlah warga {kel} mengaku sudah beberapa kali menyampaikan keluhan serupa kepada pengurus RT dan RW setempat.',
  'Kepala Seksi di kecamatan {place} menyebut pihaknya akan berkoordinasi dengan suku dinas terkait.',
  'Menurut pantauan di lapangan, kondisi di sekitar {place} masih ramai hingga sore hari.',
  'Camat setempat mengatakan laporan warga melalui aplikasi JAKI akan ditindaklanjuti paling lambat dalam {n} hari.',
  'Seorang pedagang di {place} mengatakan situasi ini sudah berlangsung sejak pekan lalu.',
  'Pengamat tata kota menilai persoalan ini membutuhkan penanganan jangka panjang, bukan hanya tambal sulam.',
  'Anggota DPRD DKI Jakarta meminta Pemprov mengevaluasi anggaran untuk wilayah {city}.',
  'Petugas gabungan dari kelurahan {kel} diterjunkan untuk membantu warga.',
  'Hingga berita ini diturunkan, belum ada keterangan resmi tambahan dari pihak terkait.',
  'Warga berharap pemerintah segera memberikan solusi agar kejadian serupa tidak terulang.',
];

const REPORTS = [
  'Mohon ditindaklanjuti, {masalah} di {place} sudah dua minggu belum diperbaiki.',
  'Lapor: banjir {depth} di {kel}, saluran air tersumbat sampah.',
  'Lapor: tumpukan sampah di {kel} belum diangkut sejak tiga hari lalu.',
  'Air PAM di {kel} mati sejak pagi, mohon informasinya.',
  'Lampu jalan di {place} mati, rawan kejahatan malam hari.',
  'Halte transjakarta {place} rusak, atapnya bocor saat hujan.',
  'Terima kasih, {masalah} di {place} sudah diperbaiki dengan cepat.',
];

/** Hoax chain message parts; the claim itself comes from the seed list of debunked claims. */
const HOAX_PREFIX = ['AWAS!!', '⚠️AWAS⚠️', 'PENTING!!', 'WASPADA!!', '🚨🚨', 'Info penting!!', 'URGENT!!'];
const HOAX_SOURCE = [
  'Info dari orang dalam BPBD.',
  'Info A1 dari orang dalam.',
  'Kata teman saya di dinas, ini info valid.',
  'Bukan hoax!',
];
const HOAX_CALL = ['SEBARKAN ke grup keluarga sebelum dihapus!!', 'Tolong sebarkan 🙏', 'SEBARKAN!!!', 'share ke grup RT ya'];
const JAKARTA_CLAIMS = SEED_CLAIMS.filter((c) => /Jakarta|Manggarai|Ciliwung/.test(c.text));

const OUTLETS = [
  { name: 'Kabar Kota', host: 'kabarkota.example', lang: 'id' },
  { name: 'Warta Jakarta', host: 'wartajakarta.example', lang: 'id' },
  { name: 'Suara Betawi', host: 'suarabetawi.example', lang: 'id' },
  { name: 'Metro Harian', host: 'metroharian.example', lang: 'id' },
  { name: 'Berita Ibu Kota', host: 'beritaibukota.example', lang: 'id' },
  { name: 'Jakarta Daily', host: 'jakartadaily.example', lang: 'en' },
  { name: 'Capital Post', host: 'capitalpost.example', lang: 'en' },
] as const;

/** Share of ordinary posts per watch topic (config topics without a share here get 3). */
const TOPIC_SHARE: Readonly<Record<string, number>> = {
  banjir: 3,
  transjakarta: 10,
  macet: 8,
  sampah: 5,
  'air-bersih': 4,
  kesehatan: 5,
  pemprov: 6,
};
const OFF_TOPIC_SHARE = 59;
const SENTIMENT_MIX: Readonly<Record<string, Readonly<Record<Sentiment, number>>>> = {
  banjir: { pos: 15, neu: 55, neg: 30 },
  other: { pos: 40, neu: 45, neg: 15 },
};
const DEFAULT_MIX = { pos: 22, neu: 40, neg: 38 };
/** Relative activity per WIB hour. */
const HOURLY = [50, 30, 18, 14, 20, 45, 80, 115, 120, 105, 95, 95, 110, 100, 95, 100, 120, 135, 135, 130, 125, 115, 95, 70];

const FIRST = ['andi', 'budi', 'sari', 'dewi', 'rizky', 'putri', 'agus', 'indah', 'fajar', 'nadia', 'dimas', 'ayu', 'yoga', 'rina'];
const FIRST_MORE = ['bayu', 'tika', 'reza', 'wulan', 'hendra', 'intan', 'maya', 'eko', 'nisa', 'fikri', 'dinda', 'galih', 'citra'];
const SECOND = ['', '_', 'jkt', 'hrp', 'ptr', 'official', 'btw', 'nih', 'dsr', 'xx', '_id', 'zz'];

// ---------------------------------------------------------------------------------------------
// Generator

interface Author {
  readonly id: string;
  readonly handle: string;
  readonly followers: number;
  readonly following: number;
  readonly createdAt: string;
  readonly verified: boolean;
}

/** An episode: between `from` and `to`, `share` of new posts are of `kind`. */
interface Episode {
  readonly kind: 'flood' | 'transport' | 'hoax' | 'debunk';
  readonly from: number;
  readonly to: number;
  readonly share: number;
  /** Extra activity while it lasts (people post more). */
  readonly boost: number;
}

const isoSeconds = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const TWITTER_EPOCH = 1288834974657n;

class LoadGenerator {
  private readonly random: () => number;
  private readonly people: Author[];
  private readonly infoAccounts: Author[];
  private readonly topics: readonly string[];
  private readonly topicWeights: Readonly<Record<string, number>>;
  private readonly keywordsOf: ReadonlyMap<string, readonly string[]>;
  private readonly episodes: Episode[];
  private readonly floodArea: string;
  private readonly hoaxClaim: string;
  private readonly keys = new Set<string>();
  private authorSeq = 0;
  private reportSeq = 0;
  /** Cumulative activity per hour of the load, for turning a line's position into a time. */
  private readonly cumulative: Float64Array;

  constructor(
    private readonly opts: Required<Omit<LoadOptions, 'configPath'>> & {
      readonly topics: readonly { name: string; keywords: readonly string[] }[];
    },
  ) {
    this.random = mulberry32(opts.seed);
    this.topics = opts.topics.map((t) => t.name);
    this.topicWeights = Object.fromEntries([...this.topics.map((t) => [t, TOPIC_SHARE[t] ?? 3] as const), ['other', OFF_TOPIC_SHARE]]);
    this.keywordsOf = new Map(opts.topics.map((t) => [t.name, t.keywords]));
    this.people = Array.from({ length: Math.max(300, Math.round(opts.count / 6)) }, () => this.person());
    this.infoAccounts = Array.from({ length: 30 }, () => this.infoAccount());
    this.floodArea = this.pick(FLOOD_AREAS);
    this.hoaxClaim = this.pick(JAKARTA_CLAIMS).text;
    const day = (d: number, h: number, m = 0): number => opts.startMs + d * DAY + h * HOUR + m * MINUTE;
    this.episodes = [
      { kind: 'flood' as const, from: day(1, 15), to: day(1, 17, 30), share: 0.35, boost: 1.6 },
      { kind: 'transport' as const, from: day(2, 6, 30), to: day(2, 9, 30), share: 0.25, boost: 1.3 },
      { kind: 'hoax' as const, from: day(2, 19, 30), to: day(2, 21), share: 0.08, boost: 1.1 },
      { kind: 'debunk' as const, from: day(2, 21), to: day(2, 23), share: 0.03, boost: 1 },
    ].filter((e) => e.to <= opts.startMs + opts.days * DAY);
    const hours = opts.days * 24;
    this.cumulative = new Float64Array(hours + 1);
    for (let h = 0; h < hours; h++) {
      const at = opts.startMs + h * HOUR;
      const boost = this.episodes.find((e) => at >= e.from && at < e.to)?.boost ?? 1;
      const weekend = [0, 6].includes(new Date(at + 7 * HOUR).getUTCDay()) ? 0.85 : 1;
      this.cumulative[h + 1] = (this.cumulative[h] ?? 0) + (HOURLY[h % 24] ?? 100) * boost * weekend;
    }
  }

  // ---- randomness

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  private chance(p: number): boolean {
    return this.random() < p;
  }
  private pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  private weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let r = this.random() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }
  /** A heavy-tailed count (followers, likes): exp of a normal-ish variable, as in make-demo. */
  private heavy(median: number, spread: number): number {
    const normal = (this.random() + this.random() + this.random() + this.random() - 2) * 1.7;
    return Math.max(0, Math.round(median * Math.exp(normal * spread)));
  }

  // ---- time

  /** The collection time of the line at `position` (0..1) of the load, following the daily rhythm. */
  timeAt(position: number): number {
    const total = this.cumulative[this.cumulative.length - 1] ?? 1;
    const target = position * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) <= target) lo = mid;
      else hi = mid;
    }
    const from = this.cumulative[lo] ?? 0;
    const to = this.cumulative[lo + 1] ?? from + 1;
    return this.opts.startMs + (lo + (target - from) / (to - from || 1)) * HOUR;
  }

  // ---- accounts

  private person(): Author {
    this.authorSeq += 1;
    const handle = `${this.pick(this.chance(0.5) ? FIRST : FIRST_MORE)}${this.pick(SECOND)}${this.chance(0.7) ? this.int(1, 9999) : ''}`;
    return {
      id: String(100_000_000 + this.authorSeq * 7919),
      handle: `${handle.replace(/_$/, '')}_${this.authorSeq.toString(36)}`,
      followers: this.heavy(220, 1.1),
      following: this.heavy(350, 0.7),
      createdAt: isoSeconds(Date.parse('2009-06-01T00:00:00Z') + this.int(0, 16 * 365) * DAY),
      verified: this.chance(0.01),
    };
  }

  private infoAccount(): Author {
    this.authorSeq += 1;
    return {
      id: String(100_000_000 + this.authorSeq * 7919),
      handle: `${this.pick(['info', 'seputar', 'kabar', 'lintas', 'pantau'])}${this.pick(['jakarta', 'jaksel', 'jkt', 'lalin', 'warga'])}${this.authorSeq}_sim`,
      followers: 20_000 + this.heavy(80_000, 0.8),
      following: this.int(100, 1500),
      createdAt: isoSeconds(Date.parse('2011-01-01T00:00:00Z') + this.int(0, 3000) * DAY),
      verified: this.chance(0.5),
    };
  }

  private newAccount(at: number): Author {
    this.authorSeq += 1;
    return {
      id: String(100_000_000 + this.authorSeq * 7919),
      handle: `${this.pick(['info', 'warga', 'kabar', 'suara'])}${this.pick(['_', ''])}${this.pick(['jkt', 'terkini', 'viral', 'dki'])}${this.authorSeq}`,
      followers: this.int(0, 35),
      following: this.int(40, 900),
      createdAt: isoSeconds(at - this.int(1, 20) * DAY - this.int(0, 1439) * MINUTE),
      verified: false,
    };
  }

  /** A few people post a lot, most post once or twice. */
  private somePerson(): Author {
    return this.people[Math.floor(this.random() * this.random() * this.people.length)]!;
  }

  // ---- text

  private fill(template: string, extra: Readonly<Record<string, string>> = {}): string {
    return template
      .replace(/\{(\w+)\}/g, (_, slot: string) => {
        if (extra[slot] !== undefined) return extra[slot];
        if (slot === 'place' || slot === 'place2') return this.pick(this.chance(0.7) ? AREAS : KECAMATAN);
        if (slot === 'kel') return this.pick(this.chance(0.6) ? KELURAHAN : AREAS);
        if (slot === 'city') return this.pick(CITIES);
        return this.pick(SLOTS[slot] ?? [`{${slot}}`]);
      })
      .replace(/\s+([,.!?])/g, '$1')
      .replace(/ {2,}/g, ' ')
      .trim();
  }

  /** A template for `topic`; a config topic without a bank gets one built from its keywords. */
  private template(bank: Readonly<Record<string, Bank>>, topic: string, sentiment: Sentiment): string | undefined {
    const own = bank[topic]?.[sentiment];
    if (own && own.length > 0) return this.pick(own);
    if (bank[topic] || topic === 'other') return undefined;
    const keyword = this.pick(this.keywordsOf.get(topic) ?? ['ini']);
    const generic = {
      neg: [`${keyword} di {place} parah bgt {negEmoji}`, `kenapa sih ${keyword} gak beres2{tail}`],
      neu: [`Ada info soal ${keyword} di {place}?`, `${keyword} hari ini gimana ya`],
      pos: [`${keyword} di {place} makin bagus {posEmoji}`],
    };
    return this.pick(generic[sentiment]);
  }

  private sentimentFor(topic: string): Sentiment {
    return this.weighted(SENTIMENT_MIX[topic] ?? DEFAULT_MIX);
  }

  // ---- posts

  /** A new post collected at `at`. */
  post(at: number): { post: Post; kind: string; topic?: string } {
    const episode = this.episodes.find((e) => at >= e.from && at < e.to && this.chance(e.share));
    if (episode) return this.episodePost(episode.kind, at);
    const source = this.weighted({ x: 80, news: 13, file: 7 });
    if (source === 'news') return this.newsPost(at);
    if (source === 'file') return this.reportPost(at);
    if (this.chance(0.003)) return { post: this.xPost(at, this.claimRepeat(), 'in', this.somePerson(), true), kind: 'claim' };
    const topic = this.weighted(this.topicWeights);
    const lang: Lang = this.chance(0.12) ? 'en' : 'in';
    const post = this.xPost(at, this.chatter(topic, lang), lang, this.authorFor(topic));
    return { post, kind: 'chatter', topic: topic === 'other' ? undefined : topic };
  }

  private authorFor(topic: string): Author {
    return topic !== 'other' && this.chance(0.04) ? this.pick(this.infoAccounts) : this.somePerson();
  }

  private chatter(topic: string, lang: Lang): string {
    let sentiment = this.sentimentFor(topic);
    let template = this.template(lang === 'en' ? X_EN : X_ID, topic, sentiment);
    for (let attempt = 0; template === undefined && attempt < 5; attempt++) {
      sentiment = this.sentimentFor(topic);
      template = this.template(lang === 'en' ? X_EN : X_ID, topic, sentiment);
    }
    const core = this.fill(template ?? this.pick(X_ID.other!.neu));
    // A thin tail of long posts (X premium, threads pasted as one): 300–1,500 characters.
    if (this.chance(0.025)) {
      const parts = [core];
      for (let i = this.int(6, 30); i > 0; i--) parts.push(this.fill(this.pick(ADDONS[lang][this.pick(['neg', 'neu', 'pos'] as const)])));
      return parts.join(' ').slice(0, 1500);
    }
    const opened = this.chance(0.45) ? `${this.pick(OPENERS[lang])} ${core.charAt(0).toLowerCase()}${core.slice(1)}` : core;
    const parts = [this.chance(0.08) ? `@${this.somePerson().handle} ${opened}` : opened];
    if (this.chance(0.4)) parts.push(this.pick(CLOSERS[lang]));
    for (let i = Number(this.weighted({ 0: 35, 1: 35, 2: 20, 3: 10 })); i > 0; i--) parts.push(this.pick(ADDONS[lang][sentiment]));
    if (this.chance(0.15)) parts.push(`#${topic === 'other' ? this.pick(['Jakarta', 'InfoJakarta', 'JKT']) : topic.replace(/-/g, '')}`);
    const text = this.chance(0.12) ? parts.join(' ').toLowerCase() : parts.join(' ');
    return text.length <= 280 ? text : core;
  }

  private claimRepeat(): string {
    return `${this.pick(['Beneran gak sih', 'Katanya', 'Dapet dari grup WA:'])} ${this.pick(JAKARTA_CLAIMS).text.toLowerCase()}?`;
  }

  private xPost(at: number, text: string, lang: Lang, author: Author, viral = false): Post {
    const created = at - (this.chance(0.05) ? this.int(60, 1800) : this.int(5, 90)) * 1000;
    let id: string;
    do id = (((BigInt(Math.floor(created)) - TWITTER_EPOCH) << 22n) | BigInt(this.int(0, 0x3fffff))).toString();
    while (this.keys.has(`x#${id}`));
    this.keys.add(`x#${id}`);
    const reach = Math.log10(10 + author.followers);
    const boost = viral ? 25 : 1;
    const links = text.match(/https?:\/\/\S+/g);
    const hashtags = text.match(/#\w+/g)?.map((h) => h.slice(1));
    return {
      v: 1,
      source: 'x',
      id,
      url: `https://x.com/${author.handle}/status/${id}`,
      text,
      lang,
      createdAt: isoSeconds(created),
      collectedAt: isoSeconds(at),
      author: { ...author },
      metrics: {
        likes: Math.round(this.heavy(3, 1) * reach * boost),
        reposts: Math.round(this.heavy(0.6, 1.2) * reach * boost),
        replies: this.heavy(1, 1),
        quotes: viral ? this.heavy(3, 1) : this.chance(0.05) ? 1 : 0,
        views: Math.round(this.heavy(150, 1) * reach * boost),
      },
      ...(links ? { links } : {}),
      ...(hashtags ? { hashtags } : {}),
    };
  }

  private newsPost(at: number, topicOverride?: string): { post: Post; kind: string; topic?: string } {
    const outlet = this.pick(OUTLETS);
    const lang: Lang = outlet.lang === 'en' ? 'en' : 'in';
    const bank = NEWS[lang];
    const topic = topicOverride ?? this.weighted(this.topicWeights);
    const entry = bank[topic] ?? bank.other!;
    const extra: Record<string, string> = topicOverride === 'banjir' ? { place: this.floodArea } : {};
    const head = this.fill(this.pick(entry.head), extra);
    const sentences = [...entry.body, ...(lang === 'in' ? NEWS_FILLER : (bank.other?.body ?? []))];
    // Most items are a headline and a summary; some feeds carry most of the article.
    const length = this.chance(0.12) ? this.int(8, 40) : this.int(1, 3);
    const body: string[] = [];
    for (let i = 0; i < length; i++) {
      const sentence = this.fill(this.pick(i < 1 ? entry.body : sentences), extra);
      if (sentence !== body[body.length - 1]) body.push(sentence);
    }
    const text = `${head}. ${body.join(' ')}`.slice(0, MAX_TEXT_LENGTH);
    const created = at - this.int(2, 180) * MINUTE;
    const slug = head
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const date = isoSeconds(created).slice(0, 10).replace(/-/g, '/');
    let url: string;
    do url = `https://${outlet.host}/metro/${date}/${slug}-${this.int(100_000, 999_999)}`;
    while (this.keys.has(`news#${url}`));
    this.keys.add(`news#${url}`);
    return {
      post: {
        v: 1,
        source: 'news',
        id: url,
        url,
        text,
        lang: outlet.lang,
        createdAt: isoSeconds(created),
        collectedAt: isoSeconds(at),
        author: { id: outlet.host, name: outlet.name },
        ...(this.chance(0.4) ? { byline: `${this.pick(FIRST)} ${this.pick(FIRST_MORE)}`.replace(/\b\w/g, (c) => c.toUpperCase()) } : {}),
        links: [url],
        feed: `https://${outlet.host}/rss`,
      },
      kind: 'news',
      topic: topicOverride ?? (topic === 'other' ? undefined : topic),
    };
  }

  private reportPost(at: number): { post: Post; kind: string; topic?: string } {
    this.reportSeq += 1;
    const author = this.somePerson();
    const text = this.fill(this.pick(REPORTS));
    return {
      post: {
        v: 1,
        source: 'file',
        id: `lapor-${this.opts.seed}-${String(this.reportSeq).padStart(7, '0')}`,
        text,
        lang: 'in',
        createdAt: isoSeconds(at - this.int(1, 360) * MINUTE),
        collectedAt: isoSeconds(at),
        author: { id: `warga-${author.id}`, name: author.handle.replace(/_[0-9a-z]+$/, '') },
      },
      kind: 'report',
    };
  }

  private episodePost(kind: Episode['kind'], at: number): { post: Post; kind: string; topic?: string } {
    if (kind === 'flood') {
      if (this.chance(0.1)) return { ...this.newsPost(at, 'banjir'), kind: 'flood' };
      const lang: Lang = this.chance(0.05) ? 'en' : 'in';
      const sentiment = this.weighted({ neg: 85, neu: 11, pos: 4 });
      const template = this.template(lang === 'en' ? X_EN : X_ID, 'banjir', sentiment) ?? '{place} banjir';
      const text = this.fill(template, { place: this.floodArea, kel: this.floodArea });
      const author = sentiment === 'neu' && this.chance(0.3) ? this.pick(this.infoAccounts) : this.somePerson();
      return { post: this.xPost(at, text, lang, author, this.chance(0.08)), kind: 'flood', topic: 'banjir' };
    }
    if (kind === 'transport') {
      const template = this.pick(X_ID.transjakarta!.neg);
      return { post: this.xPost(at, this.fill(template), 'in', this.somePerson()), kind: 'transport', topic: 'transjakarta' };
    }
    if (kind === 'hoax') {
      let text = [this.pick(HOAX_PREFIX), `${this.hoaxClaim}.`, this.pick(HOAX_SOURCE), this.pick(HOAX_CALL)].join(' ');
      if (this.chance(0.2)) text = text.toUpperCase();
      if (this.chance(0.15)) text = text.replace(/\.\s/g, '\n');
      return { post: this.xPost(at, text, 'in', this.newAccount(at), true), kind: 'hoax' };
    }
    const text = `${this.pick(['HOAKS:', 'Klarifikasi:', 'Cek fakta:'])} kabar bahwa ${this.hoaxClaim.charAt(0).toLowerCase()}${this.hoaxClaim.slice(1)} TIDAK BENAR. Jangan disebarkan ya 🙏`;
    return { post: this.xPost(at, text, 'in', this.pick(this.infoAccounts)), kind: 'debunk' };
  }
}

/** Writes the load to `out`, line by line with back-pressure; returns what it wrote. */
export async function writeLoad(options: LoadOptions, out: Writable): Promise<LoadStats> {
  const config = loadConfig(options.configPath ?? join(__dirname, '..', 'pantau.config.json'));
  const gen = new LoadGenerator({
    count: options.count,
    seed: options.seed,
    days: options.days,
    startMs: options.startMs ?? DEFAULT_START,
    topics: config.topics,
  });
  // Repeats are drawn with their own generator, so changing the vocabulary does not move them.
  const dice = mulberry32(options.seed ^ 0x5eed);
  const recent: string[] = [];
  const RECENT = 1000;
  const reservoir: string[] = [];
  const RESERVOIR = 5000;
  let distinct = 0;
  const repeats = { adjacent: 0, near: 0, far: 0 };
  const bySource: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  let english = 0;
  let topical = 0;
  let bytes = 0;
  const lengths: number[] = [];
  let firstCreatedAt = '';
  let lastCreatedAt = '';
  let chunk: string[] = [];

  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const text = chunk.join('');
    chunk = [];
    if (!out.write(text)) await once(out, 'drain');
  };

  for (let i = 0; i < options.count; i++) {
    let line: string | undefined;
    if (distinct > 0 && dice() < REPEAT_SHARE) {
      const r = dice();
      if (r < 0.35) {
        line = recent[recent.length - 1];
        repeats.adjacent += 1;
      } else if (r < 0.7 || reservoir.length === 0) {
        line = recent[Math.floor(dice() * recent.length)];
        repeats.near += 1;
      } else {
        line = reservoir[Math.floor(dice() * reservoir.length)];
        repeats.far += 1;
      }
    }
    if (line === undefined) {
      const { post, kind, topic } = gen.post(gen.timeAt((i + 0.5) / options.count));
      const checked = PostSchema.safeParse(post);
      if (!checked.success) throw new Error(`post ${post.id} breaks contract v1: ${describeIssues(checked.error, post)}`);
      line = `${JSON.stringify(post)}\n`;
      distinct += 1;
      bySource[post.source] = (bySource[post.source] ?? 0) + 1;
      byKind[kind] = (byKind[kind] ?? 0) + 1;
      if (post.lang === 'en') english += 1;
      if (topic) topical += 1;
      lengths.push(post.text.length);
      if (!firstCreatedAt || post.createdAt < firstCreatedAt) firstCreatedAt = post.createdAt;
      if (post.createdAt > lastCreatedAt) lastCreatedAt = post.createdAt;
      recent.push(line);
      if (recent.length > RECENT) recent.shift();
      // Reservoir sampling: every earlier post has the same chance to come back far later.
      if (reservoir.length < RESERVOIR) reservoir.push(line);
      else {
        const slot = Math.floor(dice() * distinct);
        if (slot < RESERVOIR) reservoir[slot] = line;
      }
    }
    bytes += Buffer.byteLength(line);
    chunk.push(line);
    if (chunk.length >= 1000) await flush();
  }
  await flush();

  lengths.sort((a, b) => a - b);
  const at = (q: number): number => lengths[Math.min(lengths.length - 1, Math.floor(q * lengths.length))] ?? 0;
  return {
    lines: options.count,
    distinct,
    repeats: repeats.adjacent + repeats.near + repeats.far,
    repeatsAdjacent: repeats.adjacent,
    repeatsNear: repeats.near,
    repeatsFar: repeats.far,
    bySource,
    byKind,
    english,
    topical,
    textLength: { p10: at(0.1), p50: at(0.5), p90: at(0.9), p99: at(0.99), max: lengths[lengths.length - 1] ?? 0 },
    bytes,
    firstCreatedAt,
    lastCreatedAt,
  };
}

/** Writes the load to a file; resolves when it is on disk. */
export async function writeLoadFile(options: LoadOptions, path: string): Promise<LoadStats> {
  const out = createWriteStream(path);
  const stats = await writeLoad(options, out);
  out.end();
  await once(out, 'finish');
  return stats;
}

/** The load's lines in memory (for the benchmark's corpora: a few thousand posts). */
export async function loadLines(options: LoadOptions): Promise<string[]> {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  await writeLoad(options, sink);
  return text.split('\n').filter((line) => line.trim() !== '');
}

export function describeLoad(s: LoadStats): string {
  const pct = (n: number, of: number): string => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
  const sources = Object.entries(s.bySource)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const kinds = Object.entries(s.byKind)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    `lines ${s.lines}, distinct posts ${s.distinct}, repeats ${s.repeats} (${pct(s.repeats, s.lines)}: adjacent ${s.repeatsAdjacent}, near ${s.repeatsNear}, far ${s.repeatsFar})`,
    `sources: ${sources}; kinds: ${kinds}`,
    `English ${pct(s.english, s.distinct)}, about a watch topic ${pct(s.topical, s.distinct)}`,
    `text length p10 ${s.textLength.p10}, p50 ${s.textLength.p50}, p90 ${s.textLength.p90}, p99 ${s.textLength.p99}, max ${s.textLength.max}`,
    `createdAt ${s.firstCreatedAt} .. ${s.lastCreatedAt}; ${(s.bytes / 1e6).toFixed(1)} MB`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      seed: { type: 'string' },
      days: { type: 'string' },
      out: { type: 'string' },
      config: { type: 'string' },
    },
    strict: true,
  });
  const number = (name: string, value: string | undefined, fallback: number, min: number): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got "${value}"`);
    return n;
  };
  const options: LoadOptions = {
    count: number('count', values.count, DEFAULT_COUNT, 1),
    seed: number('seed', values.seed, DEFAULT_SEED, 0),
    days: number('days', values.days, DEFAULT_DAYS, 1),
    configPath: values.config,
  };
  const path = values.out ?? (process.stdout.isTTY ? `/tmp/pantau-load-${options.count}-${options.seed}.jsonl` : undefined);
  const stats = path ? await writeLoadFile(options, path) : await writeLoad(options, process.stdout);
  process.stderr.write(`make-load: seed ${options.seed}, ${options.days} days${path ? `, wrote ${path}` : ''}\n${describeLoad(stats)}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`make-load: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
