/** How a post is said: places masked, headlines, reports and requests for information (damped), complaints asked as questions. */
import { wordSet } from '../language';
import { remember } from '../memo';
import type { NormalisedText, Place } from '../types';
import { Break } from './clauses';
import * as wordsModule from './words';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { CONTRASTS, DIGIT_RE, HAS_DIGIT_RE, LEXICON, NEGATORS } = wordsModule;

// ---------- places and headlines ----------

/** Stands in for a place's words: not in any lexicon, so it scores nothing. */
const PLACE_TOKEN = 'tempatx';

/**
 * The post with the words of its places replaced by a placeholder, keeping `text` and `tokens`
 * aligned (clause breaks are read from `text`). A place whose words do not appear as tokens is
 * left alone.
 */
export function maskPlaces(norm: NormalisedText, places: readonly Pick<Place, 'name'>[]): NormalisedText {
  let tokens: string[] | undefined;
  for (const place of places) {
    // A place already masked is not matched again (`Kebayoran Lama`, then `Kebayoran`).
    const source = tokens ?? norm.tokens;
    const words = placeWords(place.name);
    const first = words[0] ?? '';
    const n = words.length;
    for (let i = 0; i + n <= source.length; i++) {
      if (source[i] !== first) continue;
      let k = 1;
      while (k < n && source[i + k] === words[k]) k++;
      if (k < n) continue;
      tokens ??= [...source];
      for (k = 0; k < n; k++) tokens[i + k] = PLACE_TOKEN;
    }
  }
  if (tokens === undefined) return norm;
  const pieces = norm.text.split(' ');
  if (pieces.length !== tokens.length) return { ...norm, tokens };
  const masked = tokens;
  const text = pieces
    .map((piece, i) => {
      if (masked[i] !== PLACE_TOKEN) return piece;
      const end = piece.charAt(piece.length - 1);
      return end === ',' || end === '.' ? `${PLACE_TOKEN}${end}` : PLACE_TOKEN;
    })
    .join(' ');
  return { ...norm, text, tokens };
}

const placeWordsMemo = new Map<string, readonly string[]>();

/** A place's name as the lower-case words a post's tokens are compared with. */
function placeWords(name: string): readonly string[] {
  return placeWordsMemo.get(name) ?? remember(placeWordsMemo, name, name.toLowerCase().split(/\s+/));
}

/** Short words headlines keep in lower case (`Banjir Rob di Pesisir`). */
const HEADLINE_LOWER = wordSet(
  'di ke dari dan yang untuk pada dengan atau oleh bagi dalam hingga sampai jadi saat usai the of in on at to and for a an as',
);
const HEADLINE_MIN_WORDS = 4;
const HEADLINE_SHARE = 0.8;
/** A headline's fewest capitalised words: the share of the fewest words it can have, rounded up. */
const HEADLINE_MIN_CAPITALS = Math.ceil(HEADLINE_MIN_WORDS * HEADLINE_SHARE - 1e-9);
const LETTER_RE = /\p{L}/u;
const UPPER_START_RE = /^[^\p{L}]*\p{Lu}/u;

/**
 * A headline in title case (`Pohon Tumbang di Jalan Gatot Subroto, Lalu Lintas Dialihkan`): most
 * words start with a capital, not all of them are shouted, and it does not exclaim. A headline
 * reports events; it does not judge them, so its score is damped like a report's.
 */
export function isHeadline(text: string): boolean {
  if (!mayHaveCapitals(text, HEADLINE_MIN_CAPITALS)) return false;
  if (/[!?]|[\p{Extended_Pictographic}]/u.test(text) || /\n/.test(text.trim())) return false;
  const words = text.split(/\s+/).filter((w) => LETTER_RE.test(w) && !w.startsWith('@') && !w.startsWith('#') && !/^https?:/i.test(w));
  let considered = 0;
  let capitalised = 0;
  let shouted = 0;
  // At most this many considered words may start in lower case (considered ≤ words.length);
  // the margin keeps a share of exactly 80% a headline despite rounding.
  const lowerAllowed = words.length * (1 - HEADLINE_SHARE) + 1e-9;
  for (const w of words) {
    const bare = w.replace(/[^\p{L}\p{N}]/gu, '');
    if (bare.length < 2 || HEADLINE_LOWER.has(bare.toLowerCase())) continue;
    considered++;
    if (UPPER_START_RE.test(w)) capitalised++;
    else if (considered - capitalised > lowerAllowed) return false;
    if (bare.length > 3 && bare === bare.toUpperCase() && /\p{L}/u.test(bare)) shouted++;
  }
  if (considered < HEADLINE_MIN_WORDS) return false;
  if (shouted > considered / 2) return false;
  return capitalised / considered >= HEADLINE_SHARE;
}

/**
 * Whether the text may hold `n` capital letters: ASCII capitals counted by code, any other
 * character counted as one (it may be a capital), so the answer is never a wrong no. Most posts
 * have fewer capitals than a headline needs, and are told so without splitting them into words.
 */
function mayHaveCapitals(text: string, n: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length && count < n; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x41 && code <= 0x5a) || code >= 0x80) count++;
  }
  return count >= n;
}

// ---------- complaints asked as questions ----------

/** `kapan`, `kenapa`: a question about when or why, which may be a complaint. */
const WHY_WHEN = wordSet('kapan kenapa mengapa');
/** Inside such a question these make it a complaint: an emotive particle, a negation. */
const BLAME_CUES = wordSet('sih tidak belum');
export const COMPLAINT_QUESTION = -2;

/**
 * `kapan sih dibenerin??`, `kenapa gak pernah diperbaiki?`, `kapan kampung kami dapet
 * perhatian?`: a when/why question carrying an emotive particle, a negation, or a fix that is
 * awaited (a praise word zeroed by the question) complains. Returns the question word, scored
 * on its own, or undefined.
 */
export function complaintQuestion(keys: readonly string[], breaks: readonly Break[], scores: readonly number[]): string | undefined {
  for (let i = 0; i < keys.length; i++) {
    if (!WHY_WHEN.has(keys[i] ?? '')) continue;
    for (let j = i + 1; j < keys.length && j <= i + 8; j++) {
      const k = keys[j] ?? '';
      if (BLAME_CUES.has(k) || ((LEXICON.get(k) ?? 0) > 0 && (scores[j] ?? 0) === 0)) return keys[i];
      if (breaks[j] === Break.Sentence) break;
    }
  }
  return undefined;
}

// ---------- reports and questions ----------

/**
 * Words of reporting and asking, in Indonesian and English: news verbs, attribution, time
 * stamps, announcements, schedules, promotions, requests for information. Any one marks a
 * report.
 */
const REPORT_MARKERS = wordSet(`
  terkait diduga akibat imbas penyebab selidiki menyelidiki tercatat dilaporkan mengimbau imbauan pukul wib
  persen pengumuman update info informasi jadwal apakah tanya bertanya nanya menanyakan kabarnya sebaiknya
  imbau diimbau mengumumkan umumkan terbitkan menerbitkan tinjau meninjau pastikan memastikan alami mengalami
  perpanjang memperpanjang uji pengalihan pendaftaran berlaku sebanyak puluhan ratusan ribuan
  sejumlah menurut ujar ungkap jelasnya
  menyebutkan mengatakan disebutkan dikatakan melaporkan breaking
  promo diskon cashback voucher giveaway kupon
  gratis digelar dilaksanakan diselenggarakan sasaran syarat ayo yuk
  according reportedly announced announces announcement spokesperson spokesman statement officials
  authorities percent schedule scheduled postponed rescheduled advisory reminder discount
  said says told reports reported confirmed confirms declares declared
`);
/**
 * Weaker signs of a report: official agencies and officials, areas, news outlets. Praise and
 * complaints name them too, so two of these (or one with a count such as `12 RT`) are needed.
 */
const AGENCY_MARKERS = wordSet(`
  bpbd dinas dinkes dishub sudin pemprov pemkot pemda pln pam pamjaya bmkg polda polres polsek satpol damkar
  bapenda dprd rsud kadis kapolda kapolres walikota kawasan wilayah kelurahan kecamatan pemeliharaan
  sebagian tambah menambah dapat selama mulai beroperasi operasional tersedia dihubungi melalui
  lajur jalur besok
  kemenkes kementerian menteri polisi
  ministry minister government governor police agency city officials residents available tomorrow
  until starting daily weekly
`);
/** Units that, after a number, count things (`12 RT`, `35 gardu`, `3 people`): the register of reports. */
const COUNT_UNITS = wordSet(`
  rt rw unit orang rumah kk jiwa gardu titik lokasi ruas km meter cm persen pohon kendaraan
  korban kasus pasien
  people persons residents houses homes cases patients flights km percent am pm
`);
/** `ada yang tau …?`, `ada yang pernah …?`: asking around. */
const ASKING_AROUND = wordSet('tau tahu pernah punya bisa');
/** Asking for information: question words with a softening `ya` (`di mana ya`, `apa ya`). */
const QUESTION_WORDS = wordSet('apa mana dimana berapa gimana bagaimana caranya syaratnya');
/** English information questions (`where can I renew…?`, `what time does … open?`), in a question only. */
const EN_QUESTION_WORDS = wordSet('where which what when how anyone anybody does');
/**
 * Words of a person's own voice: pronouns, particles, exclamations, thanks, blame, waiting,
 * informal verbs, in both languages. Any one of them keeps the full score.
 */
const VOICE_MARKERS = wordSet(`
  saya aku kami kita kamu kalian sih deh kok banget lah kan nih tuh mah parah tolong mohon astaga anjir
  aduh duh waduh wkwk haha hehe kesal kecewa capek sebal benci senang suka puas bangga masa pak bu
  terima makasih salut mantap keren hebat alhamdulillah semoga lega adem bikin padahal menunggu nunggu
  sering katanya doang kayak terus melulu mulu terusan
  i im ive id me my mine we us our ours you youre your u ur lol lmao lmfao omg ugh wtf smh ngl tbh fr
  honestly literally seriously thanks thank love loved hate hated why always still again ever
`);
/** Informal Jakarta verbs (`dibatalin`, `ngebantu`, `nertibin`) are a person talking, not a report. */
const INFORMAL_VERB_RE = /^(?:di|nge|ng|ny|n)[a-z]{3,}in$|^nge[a-z]{3,}$/;
/** The same, tried only on words that could match (most words cannot): the regex is the slow part of the loop. */
const informalVerb = (t: string): boolean =>
  t.length >= 5 && (t.charCodeAt(0) === 110 /* n */ || (t.charCodeAt(0) === 100 /* d */ && t.endsWith('in'))) && INFORMAL_VERB_RE.test(t);
/**
 * A news dateline (`JAKARTA, KOMPAS.com -`, `JAKARTA (ANTARA) -`, `Jakarta, CNN Indonesia --`)
 * or an agency tag (`(ANTARA)`, `(Reuters)`): wire style.
 */
const DATELINE_RE = /^\s*[A-Z][A-Z]{2,}(?:\s+[A-Z]{2,})*\s*(?:,|\()[^\n]{0,40}?\s[-–—]{1,2}\s|\((?:ANTARA|Antara|Reuters|AP|AFP|Bernama)\)/;
/** `cek di …`, `cek link …`, `info lengkap …`, `check out …`, `link in bio`: pointing readers elsewhere. */
const POINTERS = new Map<string, ReadonlySet<string>>([
  ['cek', wordSet('di link bio ig website web instagram aplikasi')],
  ['info', wordSet('lengkap selengkapnya lebih lanjut')],
  ['link', wordSet('di in pendaftaran')],
  ['check', wordSet('out here')],
  ['klik', wordSet('link di')],
]);
/**
 * A post in a reporting register (a headline, an announcement, an agency's notice, a question
 * asking for information) with no sign of the writer's own voice mentions problems without
 * judging them: `Kebakaran di Kemayoran, Polisi Selidiki Penyebab` is neutral news, not a
 * complaint. Its score is damped. Complaints phrased as questions keep their voice through
 * particles (`kapan sih`), blame (`pak`, `kalian`, `masa`) or `gimana mau`.
 */
const REPORT_DAMPING = 0.15;
/** Headlines are damped harder: they pile up event words (`Banjir Rob Rendam …`) without judging. */
const HEADLINE_DAMPING = 0.08;
/** In a question, these ask for information (`syaratnya apa aja?`, `lewat JAKI atau kelurahan?`). */
const INFO_QUESTION = wordSet('atau nanya bertanya');
const WEAK_NEEDED = 2;
/** Before a report word, these say it is missing (`zero announcement`, `without notice`). */
const MISSING = wordSet('zero without');

/** How a post is said, as the scorers need it: a headline, a question, and the post as written. */
export interface PostRegister {
  readonly headline: boolean;
  readonly question: boolean;
  readonly text?: string;
}

/**
 * What a post's score is multiplied by for how it is said: headlines and reports are damped;
 * ironic praise is the writer's own voice and is not.
 */
export function registerDamping(
  norm: NormalisedText,
  keys: readonly string[],
  breaks: readonly Break[],
  register: PostRegister,
  sarcasm: boolean,
): number {
  if (sarcasm) return 1;
  return register.headline ? HEADLINE_DAMPING : reportRegister(norm, keys, breaks, register);
}

/** Is the word at `i` the writer's own voice (a voice marker, an informal verb, `gimana mau`)? */
function voiceAt(tokens: readonly string[], i: number): boolean {
  const t = tokens[i] ?? '';
  return VOICE_MARKERS.has(t) || informalVerb(t) || (t === 'gimana' && tokens[i + 1] === 'mau');
}

/** Does the post speak in its writer's voice (a pronoun, a particle, an exclamation, an emoji)? */
export function hasVoice(norm: NormalisedText, text: string | undefined): boolean {
  if (norm.emojis.length > 0) return true;
  if (text !== undefined && (text.includes('!') || text.includes('?'))) return true;
  const tokens = norm.tokens;
  for (let i = 0; i < tokens.length; i++) if (voiceAt(tokens, i)) return true;
  return false;
}

/** What a post's words say of its register: its writer's voice, a report, or neither. */
const enum Signs {
  Voice,
  Report,
  None,
}

/**
 * The last post's signs, with the post and register they were read from: a post of
 * undetermined language is scored as both languages over the same tokens, and reads them once.
 */
let lastSigns: { norm: NormalisedText; register: PostRegister; signs: Signs } | undefined;

function reportRegister(norm: NormalisedText, keys: readonly string[], breaks: readonly Break[], register: PostRegister): number {
  if (norm.emojis.length > 0) return 1;
  if (lastSigns?.norm !== norm || lastSigns.register !== register) lastSigns = { norm, register, signs: signsOf(norm, register) };
  const signs = lastSigns.signs;
  if (signs === Signs.Voice) return 1;
  let report = signs === Signs.Report;
  // A yes/no question closing on `gak?` (`macet gak?`, `berlaku gak?`): normalised to a final `tidak`.
  for (let i = 1; i < keys.length; i++) if (keys[i] === 'tidak' && (breaks[i] === Break.Sentence || i === keys.length - 1)) report = true;
  return report ? REPORT_DAMPING : 1;
}

/** Reads the post's tokens (and, for a dateline, its text) for voice and reporting. */
function signsOf(norm: NormalisedText, { question, text }: PostRegister): Signs {
  let report = false;
  let weak = 0;
  const tokens = norm.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (voiceAt(tokens, i)) return Signs.Voice;
    const t = tokens[i] ?? '';
    // `bagus sih, tapi mahal`: weighing one thing against another is the writer judging.
    if (CONTRASTS.has(t)) return Signs.Voice;
    if (report) continue;
    if (REPORT_MARKERS.has(t)) {
      // `tanpa info`, `zero announcement` complain about missing information.
      const before = tokens[i - 1] ?? '';
      if (!NEGATORS.has(before) && !MISSING.has(before)) report = true;
    } else if (AGENCY_MARKERS.has(t)) weak++;
    else if (DIGIT_RE.test(t)) {
      if (COUNT_UNITS.has(tokens[i + 1] ?? '')) weak += 2;
    } else if (t === 'ada' && tokens[i + 1] === 'yang' && ASKING_AROUND.has(tokens[i + 2] ?? '')) report = true;
    else if (QUESTION_WORDS.has(t) && (tokens[i + 1] === 'ya' || question)) report = true;
    else if (question && (INFO_QUESTION.has(t) || EN_QUESTION_WORDS.has(t))) report = true;
    else if (POINTERS.get(t)?.has(tokens[i + 1] ?? '')) report = true;
  }
  if (!report && norm.urls.length > 0) weak++;
  // Cheap test first: a dateline or an agency tag has a dash or a bracket.
  if (
    !report &&
    text !== undefined &&
    (text.includes(' -') || text.includes(' –') || text.includes(' —') || text.includes('(')) &&
    DATELINE_RE.test(text)
  )
    report = true;
  return report || weak >= WEAK_NEEDED ? Signs.Report : Signs.None;
}

// ---------- how much of the post is judgement ----------

/** Posts shorter than this are judged by their words alone (`enak`, `lumayan murah`). */
const SLIGHT_MIN_TOKENS = 8;
/** One scored word up to this weight, in a longer post, is slight. */
const SLIGHT_ONE_WORD = 2;
/** Two scored words whose total is up to this weight are slight too. */
const SLIGHT_TWO_WORDS = 1;

/**
 * Is the judgement in a post too slight to be the writer's stance? In a post of eight words or
 * more, a single word of weight up to 2 (`free`, `gratis`, `support`, `melemah`) or two words
 * adding up to at most 1 are part of the information, not a view of it. The caller checks
 * that the post has no voice of its writer (see `hasVoice`).
 */
export function isSlight(
  words: readonly { word: string; score: number }[],
  score: number,
  norm: NormalisedText,
  text: string | undefined,
): boolean {
  const tokens = norm.tokens;
  if (tokens.length < SLIGHT_MIN_TOKENS) return false;
  const weight = Math.abs(score);
  if (weight > SLIGHT_ONE_WORD) return false;
  let scored = 0;
  for (const w of words) if (w.score !== 0) scored++;
  if (scored > 2 || (scored === 2 && weight > SLIGHT_TWO_WORDS)) return false;
  // `tapi sekarang lancar`, `belum kelar juga`: weighing and negating are the writer judging.
  let figures = norm.urls.length > 0 || norm.hashtags.length > 0 || (text !== undefined && text.includes(':'));
  for (const t of tokens) {
    if (CONTRASTS.has(t) || NEGATORS.has(t)) return false;
    if (!figures && HAS_DIGIT_RE.test(t)) figures = true;
  }
  return figures;
}

// ---------- description, not stance ----------

/**
 * Events the world reports (`kecelakaan`, `korban tewas`, `banjir`, `harga melonjak`, `flood`,
 * `killed`): bad news, but saying that one happened is description, not the writer's judgement.
 */
const EVENTS: ReadonlySet<string> = new Set([
  ...wordSet(`
  banjir kebanjiran macet kemacetan kebakaran terbakar kecelakaan tewas meninggal meninggaldunia korban longsor
  tersangka ditangkap pengungsi pengungsian genangan tergenang rob kriminal pencurian pembunuhan dibunuh
  luka terluka cedera penyakit demam wabah polusi tumbang dialihkan antre antrean padat padam pemadaman
  gangguan kerusakan dicuri perampokan begal tawuran inflasi anjlok melonjak lonjakan krisis darurat
  bencana terdampak bahaya berbahaya ancaman mengancam
  flood flooding floods flooded fire fires killed kill dead death deaths died dies injured injuries accident
  crash crashed victims victim arrested suspect storm quake earthquake outbreak virus disease pollution
  delayed delay delays cancelled canceled closure inflation crisis emergency disaster evacuated threat attack
  war shooting
  dbd stunting tbc batuk pilek flu nyamuk jentik campak polio difteri rubela diare ispa infeksi menular
  penularan tertular kematian
  measles dengue malaria mpox covid
`),
  // Diseases named in two words, as the explanation shows them.
  'demam berdarah',
  'gizi buruk',
  'sesak napas',
]);
/** How much an event word counts in a post with no voice of its writer. */
export const EVENT_WEIGHT = 0.3;

/** Is this scored word (a key, or a surface form of several words) an event reported rather than judged? */
export function isEvent(word: string): boolean {
  return EVENTS.has(word);
}
