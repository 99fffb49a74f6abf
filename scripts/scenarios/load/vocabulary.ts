/**
 * The load's vocabulary: places from the classifier's gazetteer, the slots templates draw from,
 * the posts people write on X (Indonesian and English, per watch topic), the words around them,
 * the hoax chain message's parts, and the shares of topics, sentiment and names.
 */
import { SEED_CLAIMS } from '../../../shared/claims/seed';
import { AMBIGUOUS, GAZETTEER } from '../../../shared/classify/places-jakarta';
import { EMOJI, type Bank, type Lang, type Sentiment } from '../text';

/** Places people name, from the classifier's gazetteer; names that are also ordinary words are left out. */
const plain = (name: string): boolean => !AMBIGUOUS.has(name.toLowerCase());
export const AREAS = GAZETTEER.filter((e) => (e.kind ?? 'area') === 'area' && plain(e.name)).map((e) => e.name);
export const KECAMATAN = GAZETTEER.filter((e) => e.kind === 'kecamatan' && plain(e.name)).map((e) => e.name);
export const KELURAHAN = GAZETTEER.filter((e) => e.kind === 'kelurahan' && plain(e.name)).map((e) => e.name);
export const CITIES = [
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
export const FLOOD_AREAS = ['Kemang', 'Cipinang Melayu', 'Kampung Pulo', 'Pluit', 'Cawang', 'Kelapa Gading', 'Rawajati', 'Bukit Duri'];

export const SLOTS: Readonly<Record<string, readonly string[]>> = {
  koridor: ['koridor 1', 'koridor 2', 'koridor 3', 'koridor 5', 'koridor 6', 'koridor 9', 'koridor 10', 'koridor 13', 'K1', 'K9'],
  n: ['10', '15', '20', '25', '30', '40', '45', '60', '90'],
  depth: ['semata kaki', '20 cm', 'sebetis', 'selutut', '50 cm', 'sepaha', 'sepinggang', 'hampir 1 meter'],
  masalah: ['jalan berlubang', 'trotoar rusak', 'PKL liar', 'parkir liar', 'lampu jalan mati', 'pungli', 'got mampet', 'jalur sepeda'],
  food: ['soto betawi', 'nasi uduk', 'kerak telor', 'bakso', 'mie ayam', 'martabak', 'kopi susu', 'gado-gado', 'ketoprak', 'seblak'],
  ...EMOJI,
  tail: ['', '', '', ' wkwk', ' huhu', ' hadeh', ' sih', ' deh', ' ya Allah', ' astaga', ' btw', ' plis'],
};

/** Informal Indonesian, one bank per watch topic; each template names its own topic. */
export const X_ID: Readonly<Record<string, Bank>> = {
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

export const X_EN: Readonly<Record<string, Bank>> = {
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
export const ADDONS: Readonly<Record<Lang, Bank>> = {
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
export const OPENERS: Readonly<Record<Lang, readonly string[]>> = {
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
export const CLOSERS: Readonly<Record<Lang, readonly string[]>> = {
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

/** Hoax chain message parts; the claim itself comes from the seed list of debunked claims. */
export const HOAX_PREFIX = ['AWAS!!', '⚠️AWAS⚠️', 'PENTING!!', 'WASPADA!!', '🚨🚨', 'Info penting!!', 'URGENT!!'];
export const HOAX_SOURCE = [
  'Info dari orang dalam BPBD.',
  'Info A1 dari orang dalam.',
  'Kata teman saya di dinas, ini info valid.',
  'Bukan hoax!',
];
export const HOAX_CALL = ['SEBARKAN ke grup keluarga sebelum dihapus!!', 'Tolong sebarkan 🙏', 'SEBARKAN!!!', 'share ke grup RT ya'];
export const JAKARTA_CLAIMS = SEED_CLAIMS.filter((c) => /Jakarta|Manggarai|Ciliwung/.test(c.text));

/** Share of ordinary posts per watch topic (config topics without a share here get 3). */
export const TOPIC_SHARE: Readonly<Record<string, number>> = {
  banjir: 3,
  transjakarta: 10,
  macet: 8,
  sampah: 5,
  'air-bersih': 4,
  kesehatan: 5,
  pemprov: 6,
};
export const OFF_TOPIC_SHARE = 59;
export const SENTIMENT_MIX: Readonly<Record<string, Readonly<Record<Sentiment, number>>>> = {
  banjir: { pos: 15, neu: 55, neg: 30 },
  other: { pos: 40, neu: 45, neg: 15 },
};
export const DEFAULT_MIX = { pos: 22, neu: 40, neg: 38 };

export const FIRST = ['andi', 'budi', 'sari', 'dewi', 'rizky', 'putri', 'agus', 'indah', 'fajar', 'nadia', 'dimas', 'ayu', 'yoga', 'rina'];
export const FIRST_MORE = ['bayu', 'tika', 'reza', 'wulan', 'hendra', 'intan', 'maya', 'eko', 'nisa', 'fikri', 'dinda', 'galih', 'citra'];
export const SECOND = ['', '_', 'jkt', 'hrp', 'ptr', 'official', 'btw', 'nih', 'dsr', 'xx', '_id', 'zz'];
