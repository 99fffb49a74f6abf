/**
 * The flood: rain over South Jakarta turns into a burst of flood complaints around Kemang and
 * Cipete, 15:00–17:30 WIB (the banjir spike the demo should fire), then the water recedes.
 */
import { clockOf, wib, type DemoDay } from './day';

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

export const FLOOD_START = wib(15, 0);
export const FLOOD_END = wib(17, 30);
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

/** The flood posts, 15:00–17:30 WIB: mostly complaints, water deepening as the afternoon goes on. */
export function flood(day: DemoDay): void {
  const { dice } = day;
  const floodTimes: number[] = [];
  while (floodTimes.length < FLOOD_POSTS) {
    const minute = dice.random() * 150;
    if (dice.random() < floodDensity(minute)) floodTimes.push(FLOOD_START + Math.floor(minute * 60) * 1000);
  }
  floodTimes.sort((a, b) => a - b);
  const englishFloodSlots = new Set([Math.floor(FLOOD_POSTS * 0.35), Math.floor(FLOOD_POSTS * 0.55), Math.floor(FLOOD_POSTS * 0.72)]);
  let englishFlood = 0;
  floodTimes.forEach((at, i) => {
    const stage = Math.min(3, Math.floor(((at - FLOOD_START) / (FLOOD_END - FLOOD_START)) * 4 + dice.random() * 0.8));
    const extra = {
      fplace: dice.pick(FLOOD_PLACES),
      depth: dice.pick(DEPTH[stage] ?? DEPTH[0]),
      clock: clockOf(at),
      waktu: day.timeOfDay(at),
    };
    if (englishFloodSlots.has(i)) {
      const text = FLOOD_EN[englishFlood++ % FLOOD_EN.length]!;
      day.drafts.push({ at, text, lang: 'en', sentiment: 'neg', kind: 'flood', author: day.somePerson() });
      return;
    }
    const sentiment = dice.weighted({ neg: 86, neu: 10, pos: 4 });
    const template =
      sentiment === 'neg'
        ? dice.chance(0.03)
          ? dice.pick(FLOOD_NEG_MIXED)
          : dice.pick(FLOOD_NEG)
        : dice.pick(sentiment === 'neu' ? FLOOD_NEU : FLOOD_POS);
    const text = day.fill(template, extra);
    const author = sentiment === 'neu' && /^(Info|Update)/.test(text) ? dice.pick(day.infoAccounts) : day.somePerson();
    day.drafts.push({ at, text, lang: 'in', sentiment, kind: 'flood', author, viral: dice.chance(0.08) });
  });
}

const AFTERMATH = [
  { s: 'neu' as const, t: 'Air di {fplace} mulai surut, tinggal sebetis' },
  { s: 'neg' as const, t: 'Banjir di {fplace} udah surut tapi lumpurnya tebel bgt, rumah kotor semua {negEmoji}' },
  { s: 'neg' as const, t: 'Motor kerendem banjir tadi sore, mesin gak mau nyala {negEmoji}' },
  { s: 'neu' as const, t: 'Kerja bakti bersihin sisa banjir di {fplace}, yg mau bantu merapat' },
  { s: 'pos' as const, t: 'Alhamdulillah genangan di {fplace} udah surut, makasih petugas yg sigap {posEmoji}' },
];
/** After the flood: water recedes, mud, clean-up. */
export function aftermath(day: DemoDay): void {
  const { dice } = day;
  for (let i = 0; i < 14; i++) {
    const at = dice.between(wib(17, 30), wib(19, 10));
    const item = dice.pick(AFTERMATH);
    day.drafts.push({
      at,
      text: day.fill(item.t, { fplace: dice.pick(FLOOD_PLACES) }),
      lang: 'in',
      sentiment: item.s,
      kind: 'aftermath',
      author: day.somePerson(),
    });
  }
}
