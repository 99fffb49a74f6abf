/**
 * The ordinary day: chatter about the watch topics and off-topic life (quiet at night, peaks at
 * the commute hours), a little background banjir talk, rain over South Jakarta from about 14:00,
 * and a new TransJakarta route in the morning.
 */
import { HOURLY, type Lang, type Sentiment } from '../text';
import { wibHour } from '../time';
import { wib, type DemoDay, type Draft } from './day';
import { EN, ID } from './vocabulary';

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
const ORDINARY_TOTAL = 1900;
/** Background banjir posts per WIB hour (before the rain and after the flood has passed). */
const BANJIR_BACKGROUND = [0, 0, 0, 0, 0, 1, 1, 1, 2, 1, 1, 1, 2, 1, 2, 0, 0, 0, 1, 1, 1, 1, 1, 1];

/** A template may start with `@from-to `: WIB hours it makes sense in (`@18-2` wraps past midnight). */
function fitsHour(template: string, at: number): boolean {
  const m = /^@(\d+)-(\d+) /.exec(template);
  if (!m) return true;
  const h = wibHour(at);
  const from = Number(m[1]);
  const to = Number(m[2]);
  return from <= to ? h >= from && h <= to : h >= from || h <= to;
}

function chatter(day: DemoDay, topic: ChatterTopic, at: number): Draft {
  const { dice } = day;
  const lang: Lang = dice.chance(ENGLISH_SHARE) ? 'en' : 'in';
  const bank = (lang === 'en' ? EN : ID)[topic];
  if (!bank) throw new Error(`no templates for ${topic}`);
  const sentiment = dice.weighted(SENTIMENT_MIX[topic]);
  const fitting = bank[sentiment].filter((t) => fitsHour(t, at));
  const template = dice.pick(fitting.length > 0 ? fitting : bank[sentiment]);
  const text = day.fill(template.replace(/^@\d+-\d+ /, ''), { waktu: day.timeOfDay(at) });
  const info = /^(Info|Pantauan|Traffic report)/.test(text);
  return { at, text, lang, sentiment, kind: 'chatter', author: info ? dice.pick(day.infoAccounts) : day.somePerson() };
}

/** Ordinary chatter across the day. */
export function ordinaryChatter(day: DemoDay): void {
  const { dice } = day;
  const weightSum = HOURLY.reduce((a, b) => a + b, 0);
  HOURLY.forEach((weight, hour) => {
    const count = Math.round(((ORDINARY_TOTAL * weight) / weightSum) * (0.92 + dice.random() * 0.16));
    for (let i = 0; i < count; i++) {
      const at = dice.between(wib(hour), wib(hour + 1));
      day.drafts.push(chatter(day, dice.weighted(TOPIC_SHARE), at));
    }
  });
}

/** Background banjir talk, low and steady; none during the flood itself (it is all flood then). */
export function banjirBackground(day: DemoDay): void {
  BANJIR_BACKGROUND.forEach((count, hour) => {
    for (let i = 0; i < count; i++) day.drafts.push(chatter(day, 'banjir', day.dice.between(wib(hour), wib(hour + 1))));
  });
}

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

/** Rain over South Jakarta from about 14:00: weather chatter (off topic) picks up. */
export function rain(day: DemoDay): void {
  const { dice } = day;
  for (let i = 0; i < 34; i++) {
    const at = dice.between(wib(13, 40), wib(15, 30));
    const lang: Lang = dice.chance(0.1) ? 'en' : 'in';
    const text = day.fill(dice.pick(RAIN[lang]), { rain: dice.pick(['🌧️', '⛈️', '☔', '😰', '']) });
    day.drafts.push({ at, text, lang, sentiment: dice.chance(0.6) ? 'neu' : 'neg', kind: 'chatter', author: day.somePerson() });
  }
}

/** A new TransJakarta route opens in the morning: a handful of happy posts. */
export function newRoute(day: DemoDay): void {
  day.scripted({
    texts: [
      'Rute baru TransJakarta Lebak Bulus–Tanah Abang mulai jalan hari ini, nyobain tadi pagi: bus baru, bersih, adem 👍',
      'Akhirnya ada rute TJ langsung dari Lebak Bulus ke Tanah Abang, gak perlu transit di Dukuh Atas lagi 🥳',
      'Rute baru TJ Lebak Bulus–Tanah Abang mantap, 45 menit sampe. makasih TransJakarta 🙏',
      'Cobain rute baru transjakarta td pagi, petugasnya ramah, halte nya ada lift buat lansia ✨',
      'The new TransJakarta route from Lebak Bulus to Tanah Abang is great, finally a direct bus 👏',
      'Pas bgt ada rute baru TJ, ongkos ke kantor jadi hemat bgt 💯',
    ],
    slot: (i) => [wib(7, 10 + i * 25), wib(7, 30 + i * 25)],
    english: /^The /,
    sentiment: 'pos',
    kind: 'highlight',
  });
}
