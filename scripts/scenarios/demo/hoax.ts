/**
 * The hoax: a chain message ("pintu air Manggarai jebol…") pushed by many new accounts around
 * 19:40–20:20 WIB, worried residents asking whether it is true, and the debunks that follow.
 */
import { chainMessage } from '../posts';
import { wib, type DemoDay } from './day';

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

export const HOAX_POSTS = 44;

/** The chain message, each copy a little different, each from a new account. */
export function hoax(day: DemoDay): void {
  const { dice } = day;
  const hoaxTexts = new Set<string>();
  for (let i = 0; i < HOAX_POSTS; i++) {
    // Accounts wake up in waves: a few first, then most of them at once.
    const at = i < 8 ? dice.between(wib(19, 40), wib(19, 52)) : dice.between(wib(19, 50), wib(20, 22));
    let text = '';
    for (let attempt = 0; attempt < 20 && (text === '' || hoaxTexts.has(text)); attempt++) {
      const extras = [...HOAX_EXTRA].sort(() => dice.random() - 0.5).slice(0, dice.int(0, 2));
      const parts = [dice.pick(HOAX_PREFIX), dice.pick(HOAX_CLAIM), dice.pick(HOAX_SOURCE), dice.pick(HOAX_CALL), ...extras];
      text = chainMessage(dice, parts, 0.18);
    }
    hoaxTexts.add(text);
    day.drafts.push({ at, text, lang: 'in', sentiment: 'neg', kind: 'hoax', author: day.account('new'), viral: true });
  }
}

const WORRIED = [
  'Beneran Manggarai jebol?? grup WA keluarga rame bgt 😰',
  'Ada yg bisa konfirmasi soal Manggarai? nyokap udah panik di grup keluarga',
  'Grup RT gw heboh Manggarai jebol, tapi kok gak ada beritanya ya 🤔',
  'Barusan dapet forward soal Jakarta Pusat tenggelam 2 meter, ini beneran gak sih?',
  'Is it true the Manggarai floodgate broke tonight? My family group chat is panicking',
];
/** Residents ask whether it is true. */
export function worried(day: DemoDay): void {
  day.scripted({
    texts: WORRIED,
    slot: (i) => [wib(19, 55 + i * 6), wib(20, 1 + i * 6)],
    english: /^Is it/,
    sentiment: 'neu',
    kind: 'worried',
  });
}

const DEBUNKS = [
  'HOAKS: pintu air Manggarai tidak jebol, cek fakta: tinggi muka air normal, status Siaga 4. Jangan disebarkan ya 🙏 https://bpbd.jakarta.go.id',
  'Klarifikasi: kabar pintu air Manggarai jebol itu TIDAK BENAR. Pintu air aman & dipantau 24 jam.',
  'Yang bilang Manggarai jebol itu hoax ya gaes, gw barusan lewat, aman2 aja kondisinya',
  'Cek fakta dulu sebelum share! Pesan berantai soal Manggarai jebol = hoaks.',
  'FACT CHECK: claims that the Manggarai floodgate collapsed tonight are false. Water levels are normal.',
  'Faktanya tinggi muka air di Manggarai normal malam ini. Info resmi cuma dari kanal BPBD.',
  'Grup keluarga gw udah heboh soal Manggarai jebol, padahal hoaks. Tolong cek fakta dulu ya bapak ibu 😅',
];
/** The debunks: the disaster agency, fact-checkers and residents. */
export function debunks(day: DemoDay): void {
  day.scripted({
    texts: DEBUNKS,
    slot: (i) => [wib(20, 30 + i * 12), wib(20, 40 + i * 12)],
    english: /^FACT/,
    sentiment: 'neu',
    kind: 'debunk',
    author: (i) => (i === 0 || i === 4 ? day.dice.pick(day.infoAccounts) : day.somePerson()),
    viral: (i) => i === 0,
  });
}
