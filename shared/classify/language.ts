/**
 * Language of a short post: Indonesian, English, or undetermined.
 *
 * Method: count tokens that are Indonesian or English function words / very common words
 * (lists below, written for Pantau), plus hits in the Indonesian sentiment lexicon and in
 * AFINN (the `sentiment` package's English list). A token that belongs to both sides counts
 * for neither. The majority wins, so code-mixed posts go to the language that carries the
 * sentence; a tie of real evidence goes to Indonesian (Pantau is Indonesian-first). One hit is
 * enough only for a strong marker (`yang`, `banget`, `the`, `is`…); otherwise too little
 * evidence is 'und'. Malay shares most function words with Indonesian and is reported as 'id'
 * (MS_WORDS adds the Malay-only ones as Indonesian evidence). English words that also appear in
 * the Indonesian lexicon (`chaos`, `friendly`) are listed in EN_WORDS, so they count for neither.
 */
import { AFINN } from './afinn';
import { LEXICON_ID } from './lexicon-id';
import type { Language, NormalisedText } from './types';

/** The words of a space-separated list, as a set (the word lists below, and those of sentiment and claims). */
export const wordSet = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter((w) => w.length > 0));

/** Indonesian function words and very common words, in their standard (normalised) forms. */
export const ID_WORDS: ReadonlySet<string> = wordSet(`
  yang dan di ke dari ini itu saat maaf dengan untuk tidak tak ada akan sudah belum juga saja atau karena pada dalam
  oleh bisa jadi kalau tapi tetapi namun lagi sama saya aku kamu dia kita kami mereka kalian anda beliau nya
  apa siapa mana kenapa mengapa bagaimana kapan berapa dimana kemana banget sekali sangat masih harus mau
  ingin telah pernah hanya cuma lebih paling semua setiap banyak sedikit sekarang nanti tadi kemarin besok
  hari orang pak bu bapak ibu mas mbak kak kok sih dong deh nih tuh lah kan ya yah loh lho kah pun agar
  supaya sehingga serta bahwa seperti begitu begini membuat dulu terus lalu kemudian jangan bukan tolong
  mohon udah gimana sampai sejak masa waktu tahun bulan minggu jam pagi siang sore malam sini situ sana
  warga kota jalan rumah air hujan kantor sekolah pasar uang harga rakyat pemerintah gubernur presiden
  daerah wilayah kampung kecamatan kelurahan terima kasih kenapa belum pula lantas makanya soalnya biar
  buat punya tahu lihat bilang kasih kayak emang memang gitu gini aja dah deh doang banget bikin
  sudah kemana juga setelah sebelum selama tanpa antara tentang terhadap menurut sebagai para sang si
  yaitu yakni adalah ialah merupakan tersebut pula maka walaupun meskipun padahal sedangkan bahkan
  justru apalagi ataupun maupun baik semoga selalu sering jarang kadang mungkin pasti tentu benar betul
`);

/**
 * Malay words that standard Indonesian rarely uses (`kerana`, `boleh`, `nak`, `sahaja`). Malay is
 * not a language Pantau reports: its posts go to `id`, the language whose lexicon reads them best.
 */
export const MS_WORDS: ReadonlySet<string> = wordSet(`
  kerana boleh nak hendak sahaja saje kat macam cakap tengok awak korang kau orang depa bila sikit
  betul sangat tak lagi mahu ialah adalah oleh tersebut daripada kepada pula baru selepas sebelum semasa
  kereta bas lebuhraya kerajaan negeri wang ringgit banyak ramai sedap teruk geram gila best gak
`);

/** English function words and very common words. */
export const EN_WORDS: ReadonlySet<string> = wordSet(`
  the a an is are was were be been being am do does did doing have has had having will would can could
  should may might must shall i you he she it we they me him her us them my your his its our their mine
  yours this that these those what which who whom whose where when why how not no yes and or but if then
  so because of in on at to for from with by about as into through over after before under again just
  very too also only than there here all any some more most other such own same dont doesnt didnt isnt
  arent wasnt werent cant wont im ive youre theyre thats whats theres lets get got go going gone come
  came make made take took know think want need see look still even really much many every never always
  today tonight tomorrow yesterday now again people city street road traffic rain water flood please
  thanks thank sorry guys everyone someone something anything nothing out up down off
  time day week night morning hour hours minutes again still been being got getting stuck crowded packed
  bus train station line service services driver drivers queue wait waiting waited late delay delayed
  new old first last next long little big small good bad better worse best worst great nice love hate
  place food price prices ticket tickets app government mayor governor police hospital school office
  because though although while since until without against between during each both either neither
  should shouldnt wouldnt couldnt didnt hasnt havent wasnt werent aint gonna wanna gotta yall lol lmao
  omg tbh imo ngl literally actually honestly seriously basically probably maybe already yet ever
  chaos hectic nervous friendly helpful cozy chill vibes fire lit mid trash sucks goat lowkey highkey
`);

/** One of these alone is enough to call the language. */
const STRONG_ID = wordSet('yang tidak banget sudah belum dengan untuk karena kalau tapi sekali saja sangat juga bisa');
const STRONG_EN = wordSet('the is are was were and with this that what have has not very because just really');

function isIndonesian(token: string): boolean {
  return ID_WORDS.has(token) || MS_WORDS.has(token) || Object.prototype.hasOwnProperty.call(LEXICON_ID, token);
}

function isEnglish(token: string): boolean {
  return EN_WORDS.has(token) || Object.prototype.hasOwnProperty.call(AFINN, token);
}

export function detectLanguage(norm: NormalisedText): Language {
  let id = 0;
  let en = 0;
  let strongId = false;
  let strongEn = false;
  for (const token of norm.tokens) {
    const inId = isIndonesian(token);
    const inEn = isEnglish(token);
    if (inId === inEn) continue; // neither, or shared evidence
    if (inId) {
      id++;
      if (STRONG_ID.has(token)) strongId = true;
    } else {
      en++;
      if (STRONG_EN.has(token)) strongEn = true;
    }
  }
  if (id === 0 && en === 0) return 'und';
  if (id >= en) {
    if (id >= 2 || (strongId && en === 0)) return 'id';
  } else if (en >= 2 || (strongEn && id === 0)) {
    return 'en';
  }
  return 'und';
}
