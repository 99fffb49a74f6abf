/**
 * Hoax indicators: explainable signals that a post looks and spreads like a hoax. Pantau cannot
 * decide truth; it says which signals fired and shows the words that fired them, so a PR officer
 * can judge in seconds.
 *
 * Signals (weight; a weak form / more evidence / a rumour in brackets):
 *   call_to_share 0.4 (a chain letter 0.5: a number of people or groups to send it to, as many as
 *   possible, a chain not to break, a blessing or a curse for passing it on) · alarm 0.3 (+0.05
 *   per further word, ≤ 0.4) · hearsay 0.35 (`katanya` alone 0.3; ≤ 0.45; +0.1 when it tells, in
 *   the same sentence, of something about to happen or of a danger) · forwarded 0.35 (copied or
 *   passed on from a group; ≤ 0.4; +0.1 likewise, anywhere in the message) · pseudo_authority 0.35
 *   (≤ 0.45; +0.1 likewise) · conspiracy and suppression 0.35 (≤ 0.45) · absolute_claim 0.2 (a
 *   cure or grave harm claimed for a disease, care declared needless, a miracle on a timetable
 *   0.4; ≤ 0.45) · shouting 0.2 (capitals, `!!!`, `!!` again and again) · scam 0.5 (money asked
 *   with a lure; a code or card data asked for; money for a cause into a person's account or
 *   e-wallet; identity papers asked through an unofficial channel; an .apk file) ·
 *   suspicious_link 0.35 · known_claim 0.8 × similarity (≤ 0.75) · account ≤ 0.35 · coordinated
 *   0.2 + 0.04 per account beyond two (≤ 0.4; added with `withIndicator`, since it needs stored
 *   state).
 * Counter-signals (negative weights, listed among the indicators):
 *   debunk −0.45 (−0.05 per further phrase, ≥ −0.6) · official_source −0.4 (the agency as speaker,
 *   cited source, signature or closing handle/site; −0.25 for its voice alone) · official_link
 *   −0.2 · news_outlet −0.35 (a named outlet; −0.15 for wire style alone) · personal_appeal −0.25
 *   (a missing person or pet, a blood donor, a found wallet: shares that are not hoaxes).
 *   A source named next to hearsay, a forwarded message, pseudo-authority or conspiracy counts
 *   half; next to a scam or a suspicious link, not at all (scams impersonate). When a post
 *   debunks, the hoax it quotes ("…") does not count against it. An ask named as the thing to
 *   beware (`waspada calo yang minta transfer`) is not an ask.
 *
 * Score: the noisy-OR of the positive weights minus the counter weights, clamped to 0..1
 * (`hoaxScore`), so a result can be recomputed from its indicator list alone. Weights and level
 * thresholds were set on eval/hoax-posts.jsonl (`npx tsx scripts/eval-hoax.ts`): the medium
 * threshold is where precision stays at its best without losing recall. Phrase lists run on the
 * normalised text (slang expanded), and on the raw text only for phrases with punctuation; the
 * lists every post runs through are read together in one pass per text (`SharedPass`). Every
 * regex is compiled once, at module load or at its first use.
 */
import type { ClaimMatch } from '../claims/types';
import { normalise } from './normalise';
import type { HoaxIndicator, HoaxLevel, HoaxResult, NormalisedText } from './types';

/** What the source says about the poster (the post contract's `author`). */
export interface HoaxAuthor {
  /** ISO 8601. */
  readonly createdAt?: string;
  readonly followers?: number;
  readonly following?: number;
  readonly verified?: boolean;
}

export interface HoaxInput {
  /** The post as written: capitals and punctuation runs are read from it. */
  readonly text: string;
  readonly norm: NormalisedText;
  readonly author?: HoaxAuthor;
  /** When the post was made (ISO 8601): an account's age is measured at this time, never at "now". */
  readonly postedAt?: string;
  /** The debunked claim the post repeats, if the claims store found one. */
  readonly claim?: ClaimMatch;
}

/** Level thresholds: none < 0.2 ≤ low < 0.45 ≤ medium < 0.7 ≤ high. */
export const HOAX_LEVELS = { low: 0.2, medium: 0.45, high: 0.7 } as const;

// ---------------------------------------------------------------------------------------------
// Phrase indicators

/** Phrases (and regex shapes, for what a list cannot spell) that fire an indicator at one weight. */
interface Tier {
  readonly weight: number;
  readonly phrases?: readonly string[];
  /** Regular-expression sources over the normalised text (`teman saya yang kerja di`). */
  readonly patterns?: readonly string[];
  /** Regular-expression sources over the raw lower-cased text, for shapes with punctuation (`100%`). */
  readonly rawPatterns?: readonly string[];
}

interface PhraseIndicator extends Tier {
  readonly name: string;
  /** Everyday words that are weaker evidence on their own (`katanya` is said of anything). */
  readonly weak?: Tier;
  /** Shapes that are stronger evidence (a cure promised for a serious disease). */
  readonly strong?: Tier;
  /** Each further distinct piece of evidence adds this much, up to `max` (default: no more). */
  readonly step?: number;
  readonly max?: number;
  /** Words that, right before a phrase, cancel it (`jangan sebarkan` is not a call to share). */
  readonly notAfter?: readonly string[];
}

/** A phrase list written `a | b | c` over several lines. */
function list(phrases: string): string[] {
  return phrases
    .split(/[|\n]/)
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter((p) => p.length > 0);
}

/** People a rumour is traced to, and the jobs that lend it weight. */
const RELATION =
  '(?:teman|temen|kawan|kenalan|kerabat|saudara|sodara|sepupu|tetangga|keponakan|ipar|om|tante|paman|pakde|bude|suami|istri|adik|kakak)';
const OWNER = '(?:\\s+(?:saya|sy|gw|gue|gua|aku|ku|kami|kita|istri saya|suami saya|kantor saya|kantor|dekat rumah))?';
const ROLE =
  '(?:dokter|perawat|bidan|psikolog|apoteker|polisi|polwan|tentara|intel|anggota|notaris|pegawai|karyawan|petugas|pejabat|wartawan|ahli|pns|asn|guru|dosen|peneliti|profesor|satpam|staf|staff|insinyur|teknisi|pilot|hakim|jaksa|pengacara|orang dalam)';
/** A serious illness, and what miracle cures are made of. */
const DISEASE =
  '(?:kanker|tumor|diabetes|gula darah|jantung|koroner|stroke|kolesterol|asam urat|hipertensi|darah tinggi|covid|corona|dbd|demam berdarah|batu ginjal|ginjal|hiv|aids|tbc|autis|autisme|insulin|kejang|lumpuh|kebal)';
const HARM =
  '(?:kanker|tumor|mandul|kemandulan|buta|lumpuh|autis|autisme|gagal ginjal|stroke|serangan jantung|meninggal mendadak|kematian mendadak|keguguran|cacat)';
const CURE =
  '(?:menyembuhkan|sembuhkan|disembuhkan|sembuh|obat paling|obat ampuh|ampuh|meluruhkan|melarutkan|lepas obat|lepas dari|membunuh virus|berhenti seketika|hilang seketika|seketika)';
const REMEDY =
  '(?:rebusan|ramuan|resep|daun|madu|bawang putih|bawang merah|bawang|jahe|kunyit|air kelapa|herbal|jamu|garam|jeruk nipis|minyak zaitun)';
const RELATION_LED = new RegExp(`^(?:kata\\s+)?${RELATION}`, 'u');
const NEAR = '(?:\\s+[\\p{L}\\p{N}]+){0,8}?\\s+';

const PHRASE_INDICATORS: readonly PhraseIndicator[] = [
  {
    name: 'call_to_share',
    weight: 0.4,
    phrases: list(`
      sebarkan | sebarin | disebarin | disebarkan | sebar luaskan | sebarluaskan | viralkan | viralin | diviralkan
      sampai viral | biar viral | share ke | share biar | share supaya | share!
      buruan share | tolong share | bantu share | mohon share | mohon dishare | tolong dishare | dishare | di share
      sebelum dihapus | sebelum di hapus | sebelum di take down | sebelum ditakedown | sebelum di takedown
      sebelum hilang | teruskan | teruskan ke | terusin | terusin ke | mohon diteruskan | tolong diteruskan | bagikan
      bagikan ke | dibagikan | tolong forward | forward ke | forwardkan | forward cepat | forward segera | kirim ke grup
      kirim ke teman | kirim ke keluarga | kirim ke orang | tolong sampaikan ke | sampaikan ke | kabarkan ke | kabari ke
      rt & quote | rt quote | rt kalau | trending kan | harus trending | please share | please forward | forward this
      pass this to | pass this on | share this | spread the word | pass it on
    `),
    rawPatterns: ['before (?:it|this)(?: gets| is)? (?:deleted|removed|taken down)'],
    // Chain letters: a number of people or groups to send it to, as many as possible, a chain not
    // to break, a blessing for who sends it on or a curse for who deletes it, "copy, don't share".
    strong: {
      weight: 0.5,
      phrases: list(`
        semua orang yang kamu sayangi | semua orang yang anda sayangi | orang orang yang kamu sayangi
        jangan berhenti di kamu | jangan berhenti di anda | jangan putus di kamu | jangan putus di anda
        jangan berhenti di sini | copy and paste | copy paste pesan ini | copy paste dan sebarkan | salin dan tempel
        copas dan sebarkan | copas pesan ini | don't just share | to all your contacts | to everyone you know
        forward to all | share to all
      `),
      patterns: [
        // As far as it goes: "bagikan ke sebanyak mungkin teman", "kirim ke semua kontak", "share sebanyak-banyaknya".
        '(?:sebarkan|sebarluaskan|bagikan|teruskan|terusin|kirim|kirimkan|share|forward|viralkan|rt)\\s+(?:[\\p{L}]+\\s+){0,3}?(?:ke\\s+)?(?:sebanyak\\s+(?:mungkin|banyaknya)|(?:semua|seluruh)\\s+(?:grup|group|kontak|orang|teman|contacts))',
        // "kirim ke 10 orang", "teruskan ke minimal 10 kontak", "menyebarkan ke 13 grup", "bagikan ke 5 grup WhatsApp".
        '(?:kirim|kirimkan|teruskan|terusin|forward|share|bagikan|sebarkan|menyebarkan|meneruskan|mengirim|membagikan|send|pass)\\s+(?:[\\p{L}]+\\s+){0,3}?(?:ke|kepada|to)\\s+(?:minimal\\s+|min\\s+|at least\\s+)?\\d+\\s+(?:orang|grup|group|groups|kontak|contacts|people|nomor)',
        // A blessing or a curse for passing it on: "siapa yang menyebarkan … dijauhkan dari", "yang menghapusnya … kena musibah".
        '(?:siapa|yang)\\s+(?:yang\\s+)?(?:menyebarkan|meneruskan|membagikan|mengirimkan|share|sebarkan)(?:\\s+[\\p{L}\\p{N}]+){0,6}?\\s+(?:akan|insyaallah|dijauhkan|mendapat|mendapatkan|dapat rezeki|dimudahkan|terkabul)',
        '(?:yang|siapa)\\s+(?:yang\\s+)?(?:menghapus|menghapusnya|mengabaikan|tidak meneruskan|tidak menyebarkan|berhenti)(?:\\s+[\\p{L}\\p{N}]+){0,6}?\\s+(?:kena|terkena|celaka|sial|musibah|kebanjiran|meninggal|sakit|rugi|bangkrut)',
      ],
    },
    notAfter: list(`
      jangan | jgn | tidak perlu | gak usah | ga usah | nggak usah | tidak usah | jangan ikut | jgn ikut | jangan asal
      berhenti | sebelum | don't | do not | stop
    `),
  },
  {
    name: 'alarm',
    weight: 0.3,
    step: 0.05,
    max: 0.4,
    patterns: [
      // Not the emergency services' own words: `gawat darurat`, `nomor darurat`, `tas darurat`, `pintu darurat`.
      'gawat(?![\\s-]+darurat)',
      // Panic orders: `segera tarik uang`, `isi penuh sekarang sebelum SPBU kosong`; not `segera diperbaiki` or `segera ke puskesmas`.
      'segera\\s+(?!di|ke\\s|hubungi|lapor|periksa|bawa|mengikuti)[\\p{L}]+',
      'sebelum\\s+(?:\\S+\\s+){0,2}(?:kosong|habis|terlambat|langka)',
    ],
    notAfter: ['gawat', 'nomor', 'unit', 'instalasi', 'layanan', 'tas', 'pintu', 'tangga', 'jalur', 'lampu'],
    phrases: list(`
      awas | waspada | waspadalah | urgent | urgen | darurat | perhatian! | info penting | pesan penting
      penting sekali | penting! | wajib baca | mendesak | tolong dibaca | jangan diabaikan | bahaya besar | hati hati!
      ngeri! | segera mengungsi | segera selamatkan | segera evakuasi | segera amankan | segera jauhi
      segera tinggalkan | segera tukarkan | segera tampung | segera borong | segera naik | segera pindahkan
      segera siap siap | mengungsi sekarang | sekarang juga! | selamatkan keluarga | sebelum terlambat
      jangan keluar rumah | jangan buka pintu | breaking news | siaga 1 malam ini | beware | warning | alert
    `),
  },
  {
    name: 'hearsay',
    weight: 0.35,
    step: 0.05,
    max: 0.45,
    phrases: list(`
      kabarnya | konon | konon katanya | dengar dengar | denger denger | dengar kabar | dapat kabar | dapet kabar
      kabar burung | kata orang orang | beredar di grup | rame di grup | ramai di grup | kabar angin | kabar beredar
      beredar kabar | info a1 | info valid | info dari orang dalam | orang dalam | dari orang dalam | sumber orang dalam
      dapat info dari | dapet info dari | dapat info | info dari teman | info dari kerabat | dari kerabat
      belum bisa pastikan | belum bisa dipastikan | tidak tahu benar atau tidak | entah benar atau tidak
      belum ada pengumuman | jangan tanya sumber | from a friend | i heard that | rumour has it | rumor has it
      ada kabar | kabar dari | baru dengar | dengar dari | denger dari | belum cek kebenaran | belum cek kebenarannya
      belum dicek kebenarannya | belum tahu kebenarannya | belum tahu benar tidaknya | ada yang tahu benar tidak
    `),
    patterns: [
      // "di grup wali murid dibilang", "dari grup RT katanya".
      '(?:di|dari)\\s+grup(?:\\s+[\\p{L}\\p{N}]+){0,3}?\\s+(?:dibilang|katanya|bilang|beredar|rame|ramai|heboh|dikabarkan)',
      // English: "my friend who works at the embassy said", "a friend in the police told me".
      // Not `tag a friend for a chance to win`: "for" only after "who works".
      '(?:my|a)\\s+(?:friend|cousin|uncle|aunt|brother|sister|neighbou?r|colleague)(?:\\s+who\\s+works\\s+(?:at|in|for)|\\s+(?:at|in))\\s+(?:the\\s+)?[\\p{L}]+',
      // "teman saya bilang", "teman saya di lembaga riset bilang", "kata teman".
      `${RELATION}${OWNER}(?:\\s+[\\p{L}]+){0,6}?\\s+(?:bilang|cerita|ngomong|kasih tahu|kasih tau|kasi tau)`,
      `kata\\s+${RELATION}${OWNER}`,
      // "dikabari teman kantor", "dikasih tahu tetangga".
      `(?:dikabari|dikasih tahu|dikasih tau|diberi tahu|diberitahu|dibilangin)\\s+(?:oleh\\s+)?${RELATION}`,
    ],
    // People say `katanya` of anything: on its own it is a weaker sign.
    weak: { weight: 0.3, phrases: ['katanya', 'kata orang', 'kata tetangga', 'dikabarkan'] },
    notAfter: ['bukan'],
  },
  {
    // A message passed on from elsewhere: its writer is no one the reader can ask. Alone it stays low
    // (a notice forwarded from the RT group is often true); it adds to every other signal, and what
    // it tells of (something about to happen, a danger) anywhere in the message is a rumour.
    name: 'forwarded',
    weight: 0.35,
    step: 0.05,
    max: 0.4,
    phrases: list(`
      diteruskan dari | copas | copas dari | copas dari grup | copas grup sebelah | copas dari sebelah | copy paste dari
      forward dari | forwarded | forwarded as received | forwarded many times | fwd | terusan dari | siaran ulang
      dari grup | grup sebelah | dari wa sebelah | sekadar meneruskan | sekedar meneruskan | meneruskan dari
      meneruskan pesan | pesan dari | pesan berantai | broadcast dari | bc dari | berbagi dari grup | share dari grup
    `),
    patterns: [
      // "info dari grup kantor", "dapat foto ini dari grup WA kompleks", "forward dari WA keluarga".
      '(?:info|kabar|pesan|foto|video|dapat|dapet|forward|copas|diteruskan|siaran|broadcast|bc|terusan|sumber|berbagi|share|kiriman)\\s+(?:\\S+\\s+){0,2}dari\\s+(?:grup|group|wag|wa|whatsapp)(?:\\s+[\\p{L}]+)?',
    ],
    // "(diteruskan)", "Diteruskan:" as a header; not `mohon diteruskan`, a call to share.
    rawPatterns: ['\\(diteruskan\\)|diteruskan\\s*:|fwd\\s*:|fw\\s*:'],
    notAfter: ['keluar', 'dikeluarkan', 'bukan', 'jangan', 'jgn'],
  },
  {
    name: 'pseudo_authority',
    weight: 0.35,
    step: 0.05,
    max: 0.45,
    phrases: list(`
      dari dokter kenalan | dokter kenalan saya | kata dokter kenalan | kata intel | dari intel | sumber terpercaya
      sumber yang terpercaya | sumber resmi tapi | kata pejabat | dari pejabat | orang bpbd | orang pemprov
      pensiunan jenderal | kata profesor | ahli mengatakan | peneliti luar negeri | ilmuwan nasa
      penelitian di amerika | ahli gizi | bidan senior | paranormal | orang pintar | ramalan | diramalkan | kitab kuno
      mantan intel | sumber internal | bocoran dari | penelitian membuktikan | menurut penelitian | a doctor friend
      my friend at | insider | di luar negeri sudah dilarang | sudah dilarang di luar negeri | negara lain sudah melarang
      police have confirmed | doctors have confirmed
    `),
    patterns: [
      // "teman saya yang kerja di", "kerabat di BIN", "sepupu saya yang polwan", "teman saya anggota intel".
      `${RELATION}${OWNER}\\s+(?:yang\\s+)?(?:kerja|bekerja|${ROLE})`,
      // "dokter kenalan", "dokter mata kenalan istri saya", "psikolog kenalan saya", "guru BK keponakan saya".
      `${ROLE}\\s+(?:\\S+\\s+)?(?:kenalan|teman|temen|kerabat|keponakan|sepupu|tetangga|kawan)`,
      // "info valid dari anggota Brimob", "info dari perawat di sana", "konfirmasi dari teman".
      `(?:info|kabar|pesan|sumber|konfirmasi|bocoran|dengar|denger)\\s+(?:\\S+\\s+){0,2}dari\\s+(?:${ROLE}|${RELATION})`,
      // "kata bidan di kampung saya", "sudah dikonfirmasi petugas halte".
      `(?:kata|dikonfirmasi|dikonfirmasi oleh)\\s+${ROLE}`,
      // Unnamed experts in an unnamed place: "doctors at a Jakarta hospital say".
      '(?:doctors|experts|scientists|researchers|nurses|a doctor|a nurse)\\s+(?:at|from|in)\\s+(?:a|an)\\s+[\\p{L}]+',
      // "info dari orang kelurahan", "kabar dari orang PLN".
      '(?:info|kabar|pesan|bocoran)\\s+(?:\\S+\\s+){0,2}(?:dari\\s+)?orang\\s+(?!yang|tua|lain|banyak)[\\p{L}]+',
      // Far-away experts no one can ask: "profesor kedokteran dari Tiongkok", "dokter dari Amerika".
      '(?:profesor|dokter|ahli|peneliti|ilmuwan|pakar|penelitian|riset)\\s+(?:[\\p{L}]+\\s+)?(?:dari|di)\\s+(?:jepang|amerika|as|cina|china|tiongkok|jerman|luar negeri|harvard|nasa|eropa|inggris|korea|australia|israel|rusia|india|belanda)',
      'profesor\\s+(?:\\S+\\s+)?dari',
    ],
  },
  {
    name: 'conspiracy',
    weight: 0.35,
    step: 0.05,
    max: 0.45,
    phrases: list(`
      media diam | media bungkam | tidak ada di berita | belum ada di berita | tidak masuk berita
      di berita tidak ada | hilang dari pemberitaan | dilarang memberitakan | belum boleh diberitakan
      tidak ada yang bahas | tidak ada yang liput | tidak ada media yang berani | media yang berani
      media mana yang berani | belum dirilis resmi | tidak ada pengumuman resmi karena | ditahan sampai | ditutupi
      ditutup tutupi | ditutup tutupin | menutupi | dirahasiakan | disembunyikan | menyembunyikan | terbongkar
      yang mereka sembunyikan | diam diam | dibungkam | tutup mata | pura pura tidak tahu
      tidak mau membesar besarkan | bayar media | dibayar | buzzer bayaran | massa bayaran | siapa yang bayar
      sudah diatur | diatur dari atas | buka mata | bangun warga | tidak ada yang kebetulan | kebetulan?
      pengalihan isu | akal akalan | simpulkan sendiri | diskenariokan | sudah direncanakan | settingan | konspirasi
      elit global | antek asing | fakta tersembunyi | mereka tidak mau kalian tahu | mereka sengaja | sadarlah
      itu rencana | mereka tidak mau kita tahu | alasan sebenarnya | media mainstream | jangan percaya berita
      jangan percaya media | jangan percaya tv | jangan percaya rs | jangan percaya dokter | jangan percaya pemerintah
      dipoles | disengaja | cover up | covered up | mainstream media | they don't want you to know
    `),
    patterns: [
      // Suppression: "tidak pernah diberitakan", "belum mau mengumumkan", "TV tidak meliput".
      '(?:tidak|belum|gak|nggak|tak)(?:\\s+(?:ada|yang|pernah|mau|akan|berani|boleh|satu|pun|media|tv|televisi|koran|wartawan)){0,6}\\s+(?:diberitakan|memberitakan|beritakan|diumumkan|mengumumkan|umumkan|diliput|meliput|liput|rilis|dirilis|mengangkat)',
      // "sengaja diam", "sengaja dibiarkan", "sengaja dibuat molor".
      'sengaja\\s+(?:diam|dibiarkan|membiarkan|biarkan|dibuat|menutupi|ditutupi|menyembunyikan|disembunyikan|tidak|jarang|umumkan|mengumumkan|diumumkan)',
      // Silence with a motive: "ahli gizi diam saja karena programnya tidak laku", "the government is hiding it".
      '(?:diam|bungkam)\\s+(?:saja\\s+)?karena',
      '(?:is|are)\\s+hiding\\s+(?:it|this|the truth)|to avoid panic|biar tidak panik|agar tidak panik',
      // Not the traffic office's `rekayasa lalu lintas`.
      'rekayasa(?![\\s-]+(?:lalu|lalin|arus|teknik|genetika))',
      // "dokter tidak akan kasih tahu", "rumah sakit tidak mau bilang".
      '(?:tidak|gak|nggak|tak)\\s+(?:mau|akan|pernah|berani)\\s+(?:bilang|kasih\\s+ta(?:hu|u)|memberi\\s+tahu|mengakui|buka\\s+suara)',
      // "pemerintah sudah tahu tapi", "BMKG sudah tahu tapi".
      '(?:pemerintah|pemprov|aparat|polisi|media|bmkg|pejabat)\\s+(?:\\S+\\s+)?sudah tahu tapi',
    ],
  },
  {
    name: 'absolute_claim',
    weight: 0.2,
    step: 0.05,
    max: 0.45,
    phrases: list(`
      seratus persen | dijamin | pasti terjadi | sudah pasti | sudah terbukti | terbukti | terbukti ampuh
      terbukti benar | sudah dicoba | sudah dibuktikan | lihat sendiri | sudah banyak yang membuktikan | paling ampuh
      bukan hoax | bukan hoaks | ini nyata | ini fakta | fakta nyata | ternyata benar | valid no debat | guaranteed
      proven | confirmed 100
    `),
    // A cure promised for a serious disease, or a home remedy offered for one.
    strong: {
      weight: 0.4,
      patterns: [
        `${CURE}${NEAR}${DISEASE}`,
        `${DISEASE}${NEAR}${CURE}`,
        `${REMEDY}${NEAR}${DISEASE}`,
        `${DISEASE}${NEAR}${REMEDY}`,
        // Care declared needless: "tidak perlu dibawa ke dokter", "tidak perlu pakai masker lagi", "you don't need a test".
        'tanpa operasi|tidak perlu (?:(?:pakai|memakai|minum|dibawa)\\s+)?(?:ke dokter|ke rs|ke igd|ke puskesmas|dokter|rs|pasang ring|antivirus|obat|masker|vaksin|imunisasi|tes|berobat)',
        'dont need (?:a |to )?(?:test|doctor|see a doctor|vaccine|medicine|mask)|no need (?:for a|to see a) doctor',
        // A home remedy said to beat the hospital: "lebih cepat daripada ke IGD".
        '(?:lebih|jauh lebih)\\s+(?:cepat|ampuh|manjur|mujarab|efektif)\\s+(?:dari|daripada)\\s+(?:ke\\s+)?(?:dokter|igd|rs|rumah sakit|obat|vaksin|kemoterapi|kemo|puskesmas|antibiotik)',
        // A miracle on a timetable: "lemak perut luntur 10 kg dalam seminggu", "tensi turun dalam 3 hari".
        '(?:turun|luntur|hilang|sembuh|normal|lenyap|susut|rontok)\\s+(?:[\\p{L}\\p{N}]+\\s+){0,4}?dalam\\s+(?:seminggu|sehari|semalam|sebulan|(?:\\d+|satu|dua|tiga)\\s+(?:hari|minggu|malam|jam))',
        // The mirror claim: an everyday thing that causes a grave harm.
        `(?:bikin|bisa bikin|menyebabkan|penyebab|memicu|picu|mengakibatkan|membuat)\\s+(?:[\\p{L}]+,?\\s+){0,6}?${HARM}`,
      ],
    },
    // `100% benar`, not `100% setuju` or `diskon 100%`.
    rawPatterns: [
      '(?<!(?:diskon|cashback|gratis|potongan|setuju)\\s)(?:100\\s?%|100 persen|seratus persen)(?!\\s*(?:setuju|suka|puas|recommended|rekomen|worth|gratis|halal|cashback|diskon))',
    ],
    notAfter: ['tidak', 'belum', 'tak', 'not'],
  },
];

/** A rumour about what is coming (`mulai bulan depan … naik`) or about a danger (`penculikan`) weighs more. */
const FUTURE =
  '(?:tomorrow|tonight|next week|next month|besok|lusa|nanti|nanti malam|nanti sore|malam ini|sore ini|minggu ini|pekan ini|minggu depan|pekan depan|bulan depan|tahun depan|sebentar lagi|akan|bakal|mulai|hari (?:senin|selasa|rabu|kamis|jumat|sabtu|minggu)|dalam \\d+ (?:jam|hari))';
const IMPACT =
  '(?:mati|padam|pemadaman|dipadamkan|dimatikan|ditutup|tutup|berhenti beroperasi|tidak beroperasi|diliburkan|naik|tenggelam|banjir|jebol|gempa|tsunami|dibuka|diblokir|terblokir|dinonaktifkan|wajib|harus|dilarang|tidak berlaku|langka|hangus|razia|sweeping|pemeriksaan|sidak|denda|pajak|berbayar|mogok|rusuh|demo|meletus|dihapus|dicabut|disita|diambil|ditarik)';
const DANGER =
  '(?:penculikan|diculik|menculik|dibius|bius|obat tidur|begal|perampokan|pembunuhan|bom|teror|kerusuhan|wabah|meninggal|tewas|racun|beracun|narkoba|radiasi|amblas|ambles|ambruk|roboh|runtuh|retak|retakan|longsor|likuifaksi|meledak|lockdown|riots?)';
const RUMOUR = new RegExp(
  `(?<![\\p{L}])(?:${FUTURE}(?:\\s+[\\p{L}\\p{N}]+){0,10}?\\s+${IMPACT}|${IMPACT}(?:\\s+[\\p{L}\\p{N}]+){0,6}?\\s+${FUTURE}|${DANGER})(?![\\p{L}])`,
  'iu',
);
const DANGER_ONLY = new RegExp(`^${DANGER}$`, 'iu');
const RUMOUR_BONUS = 0.1;
/** The indicators that say where a message comes from (nowhere checkable), and so can carry a rumour. */
const RUMOUR_SOURCES: ReadonlySet<string> = new Set(['hearsay', 'pseudo_authority', 'forwarded']);

/** Counter-signal: the post debunks or clarifies. `bukan hoaks` (insisting it is true) is not one. */
const DEBUNK_PHRASES = list(`
  cek fakta | cekfakta | hoaks | hoax | hoaxs | klarifikasi | meluruskan | tidak benar | disinformasi | misinformasi
  menyesatkan | dibantah | membantah | tidak terbukti | tidak didukung bukti | kabar bohong | berita bohong
  informasi keliru | informasi salah | info salah | kabar salah | [salah] | penipuan | penipu | berkedok
  mencatut nama | mengatasnamakan | phishing | bukan situs resmi | bukan akun resmi | jangan disebarkan
  jangan sebarkan | jangan diteruskan | berhenti meneruskan | cek dulu sebelum | fact check | fact-check | is false
  not true | debunked | misleading | turnbackhoax | video lama | foto lama | rekaman lama | hoaks lama
  tidak ada laporan | tidak ada kejadian | bukan kejadian | sudah dicek | mitos
`);
/** "jangan percaya" debunks when it is about the message (`jangan percaya pesan itu`), not about the press. */
const DEBUNK_PATTERNS = [
  // "Faktanya, …" corrects; "Ini faktanya:" asserts.
  '(?<!ini\\s)faktanya',
  '(?:jangan|jgn)\\s+(?:langsung\\s+|mudah\\s+|gampang\\s+)?percaya\\s+(?:(?:dengan|pada|sama|begitu saja)\\s+)?(?:kabar|pesan|info|informasi|isu|hoaks|hoax|broadcast|link|tautan)',
];
const DEBUNK_WEIGHT = 0.45;
/** Each further distinct debunking phrase lowers the score a little more, up to this much in all. */
const DEBUNK_MAX = 0.6;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A phrase as a pattern: words separated by any space or hyphen run (`dengar-dengar`, `share  ke grup`). */
const phrasePattern = (phrase: string): string => phrase.trim().split(/\s+/).map(escape).join('[\\s\\-_]+');

/**
 * A list as regexes (whole words, longest phrases first) over the normalised text, where slang
 * is already expanded (`temen gw` → `teman saya`), plus one over the raw lower-cased text for the
 * phrases that carry punctuation (`share!`, `100%`, `[salah]`). The words that, right before a
 * match, cancel it are checked on the few characters before each match rather than by a
 * lookbehind at every position: same result, much faster.
 */
interface Matcher {
  readonly regex: RegExp;
  readonly cancel?: RegExp;
  /** Runs on the raw lower-cased text rather than the normalised text. */
  readonly raw?: boolean;
  /** What the regex is made of, its literal phrases and its patterns: the shared pass reads their first words. */
  readonly phrases: readonly string[];
  readonly patterns: readonly string[];
}
type ListMatcher = readonly Matcher[];

/** Where a list's regex matched: what `matchAll` would have given. */
interface Hit {
  readonly index: number;
  readonly text: string;
}

/** The two readings of a post that lists run on. */
interface Haystacks {
  /** Normalised: lower-case, slang expanded, hashtags split, punctuation reduced to `, ` and `. `. */
  readonly norm: string;
  /** The post lower-cased, punctuation kept. */
  readonly raw: string;
  /** The raw letters and digits alone, with each one's index in `raw`: to show evidence as written. */
  compact?: { readonly text: string; readonly at: readonly number[] };
  /** The shared passes' hits, by slot (`SharedPass`). */
  normHits?: (readonly Hit[])[];
  rawHits?: (readonly Hit[])[];
}

const haystacksOf = (text: string, norm: string): Haystacks => ({ norm, raw: text.toLowerCase() });
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * A piece of evidence found in the normalised text, as the post wrote it (`jangan ke luar rumah`
 * → `jangan keluar rumah`, `dengar dengar` → `dengar-dengar`), when the same letters are there;
 * otherwise (slang the normaliser expanded) as found.
 */
function asWritten(piece: string, haystacks: Haystacks): string {
  if (!haystacks.compact) {
    const at: number[] = [];
    let text = '';
    const raw = haystacks.raw;
    for (let i = 0; i < raw.length; i++) {
      const code = raw.charCodeAt(i);
      // ASCII decided by code, the rest by Unicode class (a lone surrogate half is neither).
      const keep =
        code < 0x80
          ? (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a)
          : LETTER_OR_DIGIT.test(raw.charAt(i));
      if (keep) {
        text += raw.charAt(i);
        at.push(i);
      }
    }
    haystacks.compact = { text, at };
  }
  const { text, at } = haystacks.compact;
  const key = piece.replace(/[^\p{L}\p{N}]+/gu, '');
  const start = key.length > 0 ? text.indexOf(key) : -1;
  if (start < 0) return piece;
  const from = at[start] ?? 0;
  const to = (at[start + key.length - 1] ?? from) + 1;
  return haystacks.raw.slice(from, to).replace(/\s+/g, ' ');
}

const CANCEL_REACH = 64;
const WORDY = /^[\p{L}\p{N}\s]+$/u;

interface TrieNode {
  end: boolean;
  readonly next: Map<string, TrieNode>;
}

/**
 * Literal phrases as one trie-shaped alternation (`sebelum (?:dihapus|hilang)`), longest first
 * where one phrase extends another: the regex engine reads each shared prefix once, which makes
 * a list of a hundred phrases about three times faster than a flat alternation.
 */
function trieOf(phrases: readonly string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const phrase of phrases) {
    let node = root;
    for (const ch of phrase.trim().replace(/\s+/g, ' ')) {
      let child = node.next.get(ch);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    const branches = [...node.next].map(([ch, child]) => escape(ch) + emit(child));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

/** A phrase as `normalise` writes it in a post (`jangan keluar rumah` → `jangan ke luar rumah`). */
const inNormalForm = (phrase: string): string => {
  let form = NORMAL_FORMS.get(phrase);
  if (form === undefined) {
    if (NORMAL_FORMS.size >= NORMAL_FORMS_LIMIT) NORMAL_FORMS.clear();
    form = normalise(phrase).text.replace(/[.,]/g, '').trim() || phrase;
    NORMAL_FORMS.set(phrase, form);
  }
  return form;
};
/** Phrases and evidence pieces recur: their normal forms are remembered (a bounded memo). */
const NORMAL_FORMS = new Map<string, string>();
const NORMAL_FORMS_LIMIT = 10_000;

/** Over the normalised text: words are separated by one space, and `\b` is enough for a boundary. */
const normRegex = (phrases: readonly string[], patterns: readonly string[] = []): RegExp =>
  new RegExp(`\\b(?:${[...(phrases.length > 0 ? [trieOf(phrases)] : []), ...patterns].join('|')})\\b`, 'gu');
/** Over the raw lower-cased text: any run of spaces, hyphens or underscores between words. */
const rawRegex = (alternation: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'gu');

function compileList(
  phrases: readonly string[],
  notAfter: readonly string[] = [],
  patterns: readonly string[] = [],
  rawPatterns: readonly string[] = [],
): ListMatcher {
  const cancelOf = (words: readonly string[]): RegExp | undefined =>
    words.length > 0
      ? new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${words.map(phrasePattern).join('|')})[\\s\\-]+(?:di[\\s\\-]*)?$`, 'u')
      : undefined;
  // Phrases and cancelling words go through the posts' own normaliser, so `jangan keluar` meets
  // `jangan ke luar` and `jgn` meets `jangan` exactly as they appear in a normalised post.
  const wordy = [...new Set(phrases.filter((p) => WORDY.test(p)).map(inNormalForm))];
  const punctuated = [
    ...phrases
      .filter((p) => !WORDY.test(p))
      .sort((a, b) => b.length - a.length)
      .map(phrasePattern),
    ...rawPatterns,
  ];
  const out: Matcher[] = [];
  if (wordy.length > 0 || patterns.length > 0)
    out.push({ regex: normRegex(wordy, patterns), cancel: cancelOf([...new Set(notAfter.map(inNormalForm))]), phrases: wordy, patterns });
  if (punctuated.length > 0)
    out.push({ regex: rawRegex(punctuated.join('|')), cancel: cancelOf(notAfter), raw: true, phrases: [], patterns: punctuated });
  return out;
}

/**
 * The lists that run on every post, read in one pass per haystack rather than one scan each.
 * Over the normalised text a match opens (`\b`) with one of the first words of the list's
 * phrases and pattern heads, whole: one regex made of all those words finds the places where
 * any list can match, and there only the lists that can begin with that word are tried
 * (sticky). Over the raw text the gate holds every list's alternatives and places are visited
 * character by character. Either way each list resumes after its last match: the hits are
 * exactly those of `matchAll` over the text.
 */
class SharedPass {
  private readonly members: Matcher[] = [];
  private readonly slots = new Map<Matcher, number>();
  private compiled?: {
    /** Finds where any member can match: every place, for the raw text; word starts, for the normalised text. */
    readonly gate: RegExp;
    /** Every member's regex, sticky. */
    readonly all: readonly Try[];
    /** By the first word a match can begin with: the members that can begin so. */
    readonly byWord?: ReadonlyMap<string, readonly Try[]>;
  };

  constructor(readonly raw: boolean) {}

  add(list: ListMatcher): void {
    for (const m of list) {
      if (Boolean(m.raw) !== this.raw) continue;
      this.slots.set(m, this.members.length);
      this.members.push(m);
    }
  }

  /** The matcher's place in `run`'s answer, if it is one of the pass's lists. */
  slot(matcher: Matcher): number | undefined {
    return this.slots.get(matcher);
  }

  private compile(): NonNullable<SharedPass['compiled']> {
    const all = this.members.map((m, slot) => ({ slot, regex: new RegExp(m.regex.source, m.regex.flags.replace('g', '') + 'y') }));
    // Every alternative, for the raw text (its lists' leading lookbehind is left to each list: the
    // gate only has to find at least their places), and for the normalised text when some list's
    // first words cannot be listed.
    const everything = this.raw
      ? new RegExp(`(?:${this.members.flatMap((m) => m.patterns).join('|')})(?![\\p{L}\\p{N}])`, 'gu')
      : normRegex(
          [...new Set(this.members.flatMap((m) => m.phrases))],
          this.members.flatMap((m) => m.patterns),
        );
    if (this.raw) return { gate: everything, all };
    const byWord = new Map<string, Try[]>();
    const firstWord = (phrase: string): string => phrase.split(' ')[0] ?? '';
    for (const [slot, m] of this.members.entries()) {
      const heads = m.patterns.map(firstWordsOf);
      if (!heads.every((h) => h?.every((w) => w.whole))) return { gate: everything, all };
      const words = new Set([...m.phrases.map(firstWord), ...heads.flatMap((h) => (h ?? []).map((w) => w.word))]);
      // A first word is found by `\b…\b` only if all its characters are what `\b` takes for word characters.
      if (![...words].every((w) => /^\w+$/.test(w))) return { gate: everything, all };
      for (const word of words) byWord.set(word, [...(byWord.get(word) ?? []), all[slot]!]);
    }
    return { gate: normRegex([...byWord.keys()]), all, byWord };
  }

  /** Each member's hits, by slot. */
  run(haystack: string): (readonly Hit[])[] {
    this.compiled ??= this.compile();
    const { gate, all, byWord } = this.compiled;
    const hits: (readonly Hit[])[] = new Array<readonly Hit[]>(all.length).fill(NO_HITS);
    const resume = new Array<number>(all.length).fill(0);
    gate.lastIndex = 0;
    for (let at = gate.exec(haystack); at !== null; at = gate.exec(haystack)) {
      const index = at.index;
      for (const { slot, regex } of byWord?.get(at[0]) ?? all) {
        if (index < (resume[slot] ?? 0)) continue;
        regex.lastIndex = index;
        const match = regex.exec(haystack);
        if (!match) continue;
        hits[slot] = [...(hits[slot] ?? NO_HITS), { index, text: match[0] }];
        resume[slot] = index + Math.max(1, match[0].length);
      }
      // A word gate's next place is the next word; any other gate's, the next character.
      gate.lastIndex = byWord ? index + at[0].length : index + 1;
    }
    return hits;
  }
}

/** A member's regex, sticky. */
interface Try {
  readonly slot: number;
  readonly regex: RegExp;
}

/**
 * The words a pattern's matches can begin with (`(?:info|kabar)\s+…` → `info`, `kabar`;
 * `(?<!ini\s)faktanya` → `faktanya`), `whole` when a space, a comma or the end follows, so that the word
 * is all of the text's first word; or undefined when the pattern opens with anything else (a
 * class, a quantified group, an escape).
 */
function firstWordsOf(pattern: string): { word: string; whole: boolean }[] | undefined {
  const words: { word: string; whole: boolean }[] = [];
  for (const branch of splitTopLevel(pattern, '|')) {
    const rest = skipLookarounds(branch);
    let heads: string[] | undefined;
    let after: string;
    if (rest.startsWith('(?:')) {
      const close = closingParen(rest);
      heads = languageOf(rest.slice(3, close));
      after = rest.slice(close + 1);
      if (/^[?*{]/.test(after)) return undefined;
    } else {
      const literal = /^[a-z0-9 ]*/.exec(rest)?.[0] ?? '';
      after = rest.slice(literal.length);
      // A quantifier makes the literal's last letter optional.
      heads = [/^[?*{]/.test(after) ? literal.slice(0, -1) : literal];
      if (/^[?*{]/.test(after)) after = 'x';
    }
    if (!heads) return undefined;
    const spaceAfter = opensWithNonWord(after);
    for (const head of heads) {
      const space = head.indexOf(' ');
      words.push(space >= 0 ? { word: head.slice(0, space), whole: true } : { word: head, whole: spaceAfter });
    }
  }
  return words;
}

const skipLookarounds = (source: string): string => {
  let rest = source;
  while (/^\(\?<?[=!]/.test(rest)) rest = rest.slice(closingParen(rest) + 1);
  return rest;
};

/**
 * Whether what a regex source matches opens with a character that is not a word character
 * (`\s`, a space, a comma), or is empty (the list's closing `\b` follows): then the word
 * before it is whole.
 */
function opensWithNonWord(source: string): boolean {
  const rest = skipLookarounds(source);
  if (rest === '') return true;
  let atom: boolean;
  let after: string;
  if (rest.startsWith('(?:')) {
    const close = closingParen(rest);
    atom = splitTopLevel(rest.slice(3, close), '|').every((b) => b !== '' && opensWithNonWord(b));
    after = rest.slice(close + 1);
  } else {
    const single = /^(?:\\[sW]|[ ,])/.exec(rest);
    if (!single) return false;
    atom = true;
    after = rest.slice(single[0].length);
  }
  const optional = /^(?:[?*]|\{0,?\d*\})\??/.exec(after);
  if (!optional) return atom;
  // An optional piece: what follows it must open so too.
  return atom && opensWithNonWord(after.slice(optional[0].length));
}

/** The strings a group of literals, nested groups, `|` and `?` matches (`k(?:irim(?:kan)?|asih)`), or undefined. */
function languageOf(source: string): string[] | undefined {
  const out: string[] = [];
  for (const branch of splitTopLevel(source, '|')) {
    let strings = [''];
    for (let i = 0; i < branch.length;) {
      const c = branch.charAt(i);
      if (branch.startsWith('(?:', i)) {
        const close = i + closingParen(branch.slice(i));
        const inner = languageOf(branch.slice(i + 3, close));
        if (!inner) return undefined;
        const optional = branch.charAt(close + 1) === '?';
        const options = optional ? [...inner, ''] : inner;
        strings = strings.flatMap((s) => options.map((o) => s + o));
        i = close + (optional ? 2 : 1);
      } else if (/[a-z0-9 ]/.test(c) && !/[?*+{]/.test(branch.charAt(i + 1))) {
        strings = strings.map((s) => s + c);
        i++;
      } else return undefined;
    }
    out.push(...strings);
  }
  return out;
}

/** Splits a regex source at top-level separators (outside groups and classes). */
function splitTopLevel(source: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') i++;
    else if (c === '[') i = source.indexOf(']', i + 1);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === separator && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/** The index of the parenthesis closing the group that opens `source`. */
function closingParen(source: string): number {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') i++;
    else if (c === '[') i = source.indexOf(']', i + 1);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return source.length;
}
const NO_HITS: readonly Hit[] = [];
const NORM_PASS = new SharedPass(false);
const RAW_PASS = new SharedPass(true);
const shared = (list: ListMatcher): void => {
  NORM_PASS.add(list);
  RAW_PASS.add(list);
};

function hitsOf(matcher: Matcher, haystacks: Haystacks): readonly Hit[] {
  const haystack = matcher.raw ? haystacks.raw : haystacks.norm;
  const pass = matcher.raw ? RAW_PASS : NORM_PASS;
  const slot = pass.slot(matcher);
  if (slot === undefined) {
    matcher.regex.lastIndex = 0;
    return [...haystack.matchAll(matcher.regex)].map((m) => ({ index: m.index, text: m[0] }));
  }
  const hits = pass.raw ? (haystacks.rawHits ??= pass.run(haystack)) : (haystacks.normHits ??= pass.run(haystack));
  return hits[slot] ?? NO_HITS;
}

const COMPILED = PHRASE_INDICATORS.map((indicator) => ({
  indicator,
  tiers: [indicator.strong, indicator, indicator.weak]
    .filter((t): t is Tier => t !== undefined)
    .map((t) => ({ weight: t.weight, matcher: compileList(t.phrases ?? [], indicator.notAfter, t.patterns, t.rawPatterns) })),
}));
const DEBUNK = compileList(DEBUNK_PHRASES, ['bukan', 'not a', 'no', 'anti'], DEBUNK_PATTERNS);

function matches(list: ListMatcher, haystacks: Haystacks): string[] {
  const found = new Set<string>();
  for (const matcher of list) {
    const { cancel, raw } = matcher;
    const haystack = raw ? haystacks.raw : haystacks.norm;
    for (const match of hitsOf(matcher, haystacks)) {
      if (cancel && cancel.test(haystack.slice(Math.max(0, match.index - CANCEL_REACH), match.index))) continue;
      const piece = match.text.toLowerCase().trim();
      found.add(raw ? piece.replace(/\s+/g, ' ') : asWritten(piece, haystacks));
    }
  }
  return [...found];
}

/**
 * Evidence found in both haystacks in two spellings (`share!` and `share`), or once inside a
 * longer piece (`dapat info` in `dapat info dari`), counts once.
 */
const dedupeKey = (s: string): string => ` ${s.replace(/[^\p{L}\p{N}%]+/gu, ' ').trim()} `;

function dedupe(evidence: readonly string[]): string[] {
  if (evidence.length < 2) return [...evidence];
  const keys = evidence.map(dedupeKey);
  return evidence.filter((_e, i) => {
    const key = keys[i] ?? '';
    return !keys.some((other, j) => j !== i && (other === key ? j < i : other.includes(key)));
  });
}

interface Piece {
  readonly text: string;
  /** The weight of the tier that found it. */
  readonly weight: number;
}

function weighed(indicator: PhraseIndicator, pieces: readonly Piece[]): HoaxIndicator {
  const base = Math.max(...pieces.map((p) => p.weight));
  const more = Math.min(indicator.max ?? base, base + (indicator.step ?? 0) * (pieces.length - 1));
  return { name: indicator.name, weight: round3(Math.max(base, more)), evidence: pieces.map((p) => p.text) };
}

/** The first two words of a piece of evidence, normalised: `teman saya` of `temen gw yang kerja di`. */
const leadOf = (e: string): string => inNormalForm(e).split(' ').slice(0, 2).join(' ');
const lettersOf = (x: string): string => x.replace(/[^\p{L}\p{N}]+/gu, '');

function phraseIndicators(haystacks: Haystacks): HoaxIndicator[] {
  const found = new Map<string, { indicator: PhraseIndicator; pieces: Piece[] }>();
  for (const { indicator, tiers } of COMPILED) {
    const all: Piece[] = [];
    for (const tier of tiers) for (const text of matches(tier.matcher, haystacks)) all.push({ text, weight: tier.weight });
    if (all.length === 0) continue;
    const kept = new Set(dedupe(all.map((p) => p.text)));
    const pieces = all.filter((p) => kept.delete(p.text));
    if (pieces.length > 0) found.set(indicator.name, { indicator, pieces });
  }
  // "Teman saya yang kerja di X bilang" is one attribution: pseudo-authority, not hearsay as well.
  const hearsay = found.get('hearsay');
  const insider = found.get('pseudo_authority');
  if (hearsay && insider) {
    const leads = new Set(insider.pieces.map((p) => leadOf(p.text)));
    hearsay.pieces = hearsay.pieces.filter((p) => !(RELATION_LED.test(inNormalForm(p.text)) && leads.has(leadOf(p.text))));
    if (hearsay.pieces.length === 0) found.delete('hearsay');
  }
  const out = [...found.values()].map(({ indicator, pieces }) => weighed(indicator, pieces));
  // An unverifiable source telling, in the same sentence, of something about to happen or of a
  // danger is a rumour (not `katanya mau dicek … nunggu roboh dulu?`).
  const sources = out.filter((i) => RUMOUR_SOURCES.has(i.name));
  const holder = sources[0];
  if (holder) {
    // A forwarded message is second-hand as a whole; hearsay vouches for its own sentence.
    const whole = sources.some((i) => i.name === 'forwarded');
    const named = sources.flatMap((i) => i.evidence).map(lettersOf);
    let rumour: RegExpExecArray | null = null;
    for (const sentence of haystacks.norm.split('. ')) {
      const letters = whole ? '' : lettersOf(sentence);
      if (whole || named.some((e) => letters.includes(e))) rumour = RUMOUR.exec(sentence);
      if (rumour) break;
    }
    if (rumour) {
      const what = DANGER_ONLY.test(rumour[0]) ? 'kabar soal bahaya' : 'kabar soal yang akan terjadi';
      out[out.indexOf(holder)] = {
        ...holder,
        weight: round3(holder.weight + RUMOUR_BONUS),
        evidence: [...holder.evidence, `${what}: ${rumour[0].toLowerCase()}`],
      };
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Quotes: a debunk quotes the hoax it debunks

/** A quoted passage of at least a few words: "…", “…”, «…». */
const QUOTED = /["“”„«»]([^"“”„«»\n]{12,400}?)["“”„«»]/gu;
const stripQuotes = (text: string): string => text.replace(QUOTED, ' … ');

// ---------------------------------------------------------------------------------------------
// Scam: money or secrets asked, with a prize, aid, job or threat as the lure

/**
 * Words that, within six words before in the same sentence, negate an ask (`tidak dipungut
 * biaya`, `tidak pernah meminta transfer, biaya pendaftaran atau kode OTP`) or name it as the
 * thing to beware (`waspada calo yang minta transfer`), unless a word in between asks again
 * (`tanpa tes, cukup transfer`).
 */
const NEGATED =
  /(?:^|[^\p{L}])(?:tidak|tak|bukan|tanpa|jangan|gratis|free|never|no|not|waspada|waspadai|hati hati|awas|beware|calo|oknum|penipu|modus)(?:,?\s+(?!cukup|hanya|tinggal|tapi|namun|asal|langsung)[\p{L}]+){0,6},?\s+$/u;
const scamRegex = (words: readonly string[], patterns: readonly string[] = []): ListMatcher => {
  const phrases = words.map(inNormalForm);
  return [{ regex: normRegex(phrases, patterns), cancel: NEGATED, phrases, patterns }];
};

/** Lures are not negated: `tanpa jaminan, cair 1 jam` still promises. */
const lureRegex = (words: readonly string[], patterns: readonly string[] = []): ListMatcher => {
  const phrases = words.map(inNormalForm);
  return [{ regex: normRegex(phrases, patterns), phrases, patterns }];
};

const SCAM_MONEY = scamRegex(
  list(`
    transfer | ditransfer | mentransfer | kirim uang | kirim balik | dikirim balik | uang muka | dp | deposit | top up
    saldo pulsa | kirim pulsa | isi pulsa | isiin pulsa | isikan pulsa | belikan pulsa | beliin pulsa | kirimin pulsa
    ke rekening | nomor rekening | no rek | norek | rekening panitia | rekening admin | rekening teman | panduan di atm
    di atm terdekat | tebus | clearance fee | processing fee | admin fee | delivery fee | customs fee | handling fee
  `),
  [
    // A fee with a name (`biaya administrasi`, `biaya pajak hadiah`), not cost in general (`bantuan biaya sekolah`).
    'biaya\\s+(?:admin|administrasi|pendaftaran|aktivasi|pencairan|pengiriman|pajak|materai|meterai|pelatihan|seragam|medical|balik nama|asuransi|verifikasi|registrasi|ongkir|kirim|penanganan|operasi|id card|kartu)',
    // An amount to pay: `bayar ongkir Rp 85.000`, `siapkan 500 ribu`, `pay the clearance fee`.
    '(?:bayar|membayar|siapkan|setor|setorkan|kirim)\\s+(?:[\\p{L}]+\\s+){0,3}?(?:rp|\\d)',
    '(?:pay|send|transfer|wire)\\s+(?:[\\p{L}]+\\s+){0,3}?(?:fee|fees|money|deposit|rp|\\d)',
  ],
);
/** Money to a person's own account, "for now": what no agency, shop or charity asks. */
const SCAM_PRIVATE_ACCOUNT = scamRegex(['rekening pribadi', 'rekening pribadi saya', 'rekening saya dulu', 'rekening teman saya']);
/**
 * An account or e-wallet number written in the post (`BRI 0331-01-xxxx-50-3 a.n. Dewi`, `DANA
 * 0812-xxxx-4418`): a person's, when it is an e-wallet on a phone number or held in a person's
 * name rather than a foundation's.
 */
const ACCOUNT_NUMBER =
  /(?<![\p{L}])(rek(?:ening)?|no\.?\s*rek|norek|bri|bca|bni|mandiri|bsi|btn|cimb|permata|seabank|jago|dana|gopay|ovo|shopeepay|linkaja)\s*[:.]?\s*((?:\+?62|0)?\d[\dx .-]{6,}[\dx])(?:[\s,(]*(?:a\.?\s?n\.?|atas nama)\s+([\p{L}]+(?: [\p{L}]+){0,2}))?/giu;
const E_WALLET = /^(?:dana|gopay|ovo|shopeepay|linkaja)$/iu;
const ORGANISATION =
  /^(?:yayasan|lembaga|masjid|musala|musholla|mushola|dkm|pt|cv|panitia|baznas|laz|lazis|lazismu|lazisnu|rumah zakat|dompet dhuafa|kitabisa|gereja|pmi|koperasi|sekolah|rt|rw|karang taruna|pemprov|pemkot|bank)(?![\p{L}])/iu;
/** Money asked for a cause: a person's account is then a collector no one answers for (`donasi`, `galang dana`). */
const DONATION = /donasi|sedekah|sumbang|infa[qk]|zakat|galang dana|penggalangan|amal|donate|donation|charity/iu;

/** Personal accounts the post asks money into, for a cause or with a lure (`lured`); not a shop's own DP request. */
function privateAccounts(rawText: string, lured: boolean): string[] {
  if (!/\d{3}/u.test(rawText) || !(lured || DONATION.test(rawText))) return [];
  const out: string[] = [];
  ACCOUNT_NUMBER.lastIndex = 0;
  for (const m of rawText.matchAll(ACCOUNT_NUMBER)) {
    const [, where = '', number = '', holder] = m;
    const wallet = E_WALLET.test(where) && /^(?:\+?62|0)8/u.test(number);
    const person = holder !== undefined && !ORGANISATION.test(holder.trim());
    if (!wallet && !person) continue;
    // The holder's name is its capitalised words (`a.n. Rudi Hartono ya` → `Rudi Hartono`).
    const name = holder === undefined ? '' : (/^\p{Lu}\p{L}*(?: \p{Lu}\p{L}*)*/u.exec(holder)?.[0] ?? holder.split(' ')[0] ?? '');
    const shown = holder === undefined ? m[0] : m[0].slice(0, m[0].length - holder.length) + name;
    out.push(shown.trim().replace(/\s+/g, ' '));
  }
  return out;
}
/** Codes and card data asked for (`kirim kode OTP`, `masukkan nomor kartu`), or an identity "check". */
const SECRETS = list(`
  otp | kode otp | kode verifikasi | pin | nomor kartu | data kartu | data kartu atm | cvv | nama ibu kandung
  password | kata sandi | kode sms | kode keamanan | otp code | sms code | verification code | security code
`);
const SECRET_ASKS = list(`
  kirim | kirimkan | kirimin | sebutkan | sebutin | masukkan | masukan | memasukkan | isi | isikan | berikan | kasih
  minta | ketik | input | pakai | dengan | sampaikan | disampaikan | bacakan | fotokan | screenshot
`);
/** A code the post says was just sent (`kode 6 digit`, `kode OTP`): then `kirimin kodenya` asks for it. */
const CODE_SENT = /\b(?:otp|kode verifikasi|kode \d+ digit|kode sms|sms code|verification code)\b/u;
const SCAM_SECRET = scamRegex(
  ['verifikasi identitas', 'verifikasi akun'],
  [
    `(?:${trieOf(SECRET_ASKS.map(inNormalForm))})(?:\\s+[\\p{L}\\p{N}]+){0,4}?\\s+(?:${trieOf(SECRETS.map(inNormalForm))}|kode\\s+\\d+\\s+digit)`,
    // English: "send a photo of your KTP, a selfie, and the OTP code".
    '(?:send|give|share|enter|provide|tell|forward|type)(?:,?\\s+[\\p{L}\\p{N}]+){0,10}?,?\\s+(?:otp|pin|password|verification code|sms code|security code|cvv)',
  ],
);
const SCAM_CODE_BACK = scamRegex(
  [],
  [
    `(?:${trieOf([...SECRET_ASKS, 'send', 'give', 'tell', 'forward'].map(inNormalForm))})(?:\\s+[\\p{L}\\p{N}]+){0,3}?\\s+(?:kodenya|kode tersebut|kode itu|the code|that code)`,
  ],
);
/**
 * Identity papers asked for (`kirim foto KTP, selfie pegang KTP`, `isi NIK, nomor KK`): a scam
 * with a lure and an unofficial channel (a WhatsApp number, a DM, a suspicious link), since
 * agencies ask for them too, at their counters and on their own sites.
 */
const SCAM_PERSONAL_DATA = scamRegex(
  [],
  [
    '(?:kirim|kirimkan|kirimin|isi|isikan|upload|unggah|lampirkan|send|submit)(?:,?\\s+[\\p{L}\\p{N}]+){0,3}?,?\\s+(?:foto ktp|ktp|nik|nomor kk|kk|kartu keluarga|selfie|swafoto|foto buku tabungan|buku tabungan|data diri|a photo of your ktp|photo of your ktp|your ktp|id card)',
  ],
);
const UNOFFICIAL_CONTACT =
  /(?<![\p{L}])(?:wa|whatsapp|dm|inbox|japri|chat admin|hubungi admin|admin)(?![\p{L}])|(?:\+?62|(?<!\d)0)8\d{1,3}[\s.-]?[\dx]{3,}/iu;
/** Acts that a link asks for: only with a suspicious link in the post. */
const SCAM_LINK_ACT = scamRegex(
  list(`
  klik | klaim | tukarkan | isi data | isi form | isi formulir | aktifkan kembali | masukkan | login | daftar di
  daftar lewat | lengkapi data | ambil sekarang | via link | lewat link | melalui link | klik link | di link
  ambil di | buka link | buka tautan | kunjungi | perbarui data | update data | konfirmasi data | verifikasi data
`),
);
const SCAM_LURE = lureRegex(
  [
    // Prizes, aid, jobs, easy money.
    ...list(`
      hadiah | undian | menang | memenangkan | pemenang | terpilih | selamat anda | bansos | blt | bantuan | sembako
      pinjaman | pinjol | refund | lowongan | loker | rekrutmen | dibutuhkan | dicari | kerja dari rumah | part time
      gaji | cashback | voucher | saldo | token | gratis | cair | pencairan | investasi | profit | untung | keuntungan
      penghasilan | passive income | reseller | mitra | bonus | poin | promo | prize | winner | won | reward | loan
      instant loan | cash | inheritance | courier | parcel | package | consignment | compensation | lottery | jackpot
    `),
    // Threats and deadlines push the same way.
    ...list(`
      tertahan | terblokir | diblokir | dinonaktifkan | hangus | diputus | kedaluwarsa | disita | dicoret | buruan
      kuota terbatas | slot terbatas | 1x24 jam | hari ini juga | berlaku hari ini
    `),
    // Pretexts: the "new number", "wrong transfer", "accident" and "parcel photo" scams.
    ...list(`
      nomor baru | ganti nomor | salah kirim | salah transfer | salah masuk | butuh uang cepat | kecelakaan | di igd
      masuk igd | butuh biaya | lihat foto paket | cek foto paket | foto resi | cek resi | lihat undangan
      pakai nomor teman | pakai nomer teman | pinjam hp teman | nomer baru | nanti aku ganti | nanti saya ganti
      jangan ditelepon | jangan telepon dulu | jangan ditelpon | jangan telpon dulu
    `),
  ],
  [
    'sebelum\\s+(?:pukul|jam)\\s+\\d',
    // "HP aku jatuh ke got", "hp mama hilang".
    '(?:hp|handphone|ponsel)\\s+(?:(?:aku|saya|ku|mama|papa|adik|kakak)\\s+)?(?:jatuh|hilang|rusak|mati|kecebur|dicuri|dijambret)',
  ],
);
/** An Android package sent as a file (`Undangan_Pernikahan.apk`, `FOTO_RESI_PAKET.apk`). */
const APK_FILE = /(?<![\p{L}\p{N}_.-])[\p{L}\p{N}_.-]+\.apk(?![\p{L}\p{N}])/giu;
const SCAM_WEIGHT = 0.5;

function scamEvidence(haystacks: Haystacks, rawText: string, suspiciousLink: boolean): string[] {
  const evidence: string[] = [];
  if (/\.apk/iu.test(rawText)) {
    APK_FILE.lastIndex = 0;
    const apk = [...new Set([...rawText.matchAll(APK_FILE)].map((m) => m[0]))];
    if (apk.length > 0) evidence.push(`berkas aplikasi: ${apk.join(', ')}`);
  }
  const secret = matches(SCAM_SECRET, haystacks);
  if (CODE_SENT.test(haystacks.norm)) secret.push(...matches(SCAM_CODE_BACK, haystacks));
  if (secret.length > 0) evidence.push(`minta data rahasia: ${dedupe(secret).join(', ')}`);
  const lure = matches(SCAM_LURE, haystacks);
  const privateAccount = [...matches(SCAM_PRIVATE_ACCOUNT, haystacks), ...privateAccounts(rawText, lure.length > 0)];
  if (privateAccount.length > 0) evidence.push(`minta transfer ke ${dedupe(privateAccount).join(', ')}`);
  const papers = lure.length > 0 && (suspiciousLink || UNOFFICIAL_CONTACT.test(rawText)) ? matches(SCAM_PERSONAL_DATA, haystacks) : [];
  if (papers.length > 0) evidence.push(`minta data pribadi lewat jalur tidak resmi: ${dedupe(papers).join(', ')}`);
  const money = lure.length > 0 ? matches(SCAM_MONEY, haystacks) : [];
  const act = lure.length > 0 && suspiciousLink ? matches(SCAM_LINK_ACT, haystacks) : [];
  if (money.length > 0 || act.length > 0 || papers.length > 0) {
    if (money.length > 0) evidence.push(`minta uang: ${dedupe(money).join(', ')}`);
    if (act.length > 0) evidence.push(`minta klik tautan: ${dedupe(act).join(', ')}`);
    evidence.push(`iming-iming atau ancaman: ${dedupe(lure).join(', ')}`);
  }
  return evidence;
}

// ---------------------------------------------------------------------------------------------
// Links

const SUSPICIOUS_LINK_WEIGHT = 0.35;
const OFFICIAL_LINK_WEIGHT = 0.2;
const SHORTENERS = new Set(
  list(`
  bit.ly | bitly.com | s.id | tinyurl.com | cutt.ly | t.ly | shorturl.at | rb.gy | is.gd | v.gd | ow.ly | goo.gl
  tiny.cc | shorte.st | adf.ly | linktr.ee | bit.do | urlz.fr | clck.ru | gg.gg
`),
);
/** Official bodies and state-owned services outside .go.id (their own domains, not lookalikes). */
const OFFICIAL_HOSTS = new Set(
  list(`
  pamjaya.co.id | transjakarta.co.id | jakartamrt.co.id | lrtjakarta.co.id | pln.co.id | kai.id | krl.co.id
  commuterline.id | bankdki.co.id | bpjs-kesehatan.go.id | jakarta.go.id
`),
);
/** News outlets' domains. */
const NEWS_HOSTS = new Set(
  list(`
  kompas.com | kompas.id | kompas.tv | detik.com | tempo.co | antaranews.com | liputan6.com | tribunnews.com
  thejakartapost.com | kumparan.com | tirto.id | cnnindonesia.com | cnbcindonesia.com | republika.co.id | okezone.com
  idntimes.com | suara.com | beritasatu.com | jawapos.com | mediaindonesia.com | sindonews.com | bisnis.com
  katadata.co.id | bbc.com | reuters.com | voaindonesia.com
`),
);
/** Names of official bodies and services that lookalike domains borrow. */
const OFFICIAL_NAMES =
  'jakarta|jkt|dki|pemprov|pemprovdki|bpbd|bpbddki|bmkg|bnpb|kemenkes|kominfo|komdigi|polri|pu|pupr|dukcapil|pajak|bpjs|kjp|bansos|blt|pln|pam|pamjaya|mrt|krl|kai|transjakarta|bankdki|bca|bri|bni|mandiri|btn|dana|gopay|ovo|shopee|shopeepay|tokopedia|telkomsel|tsel|indosat|xl|jne|jnt|pos';
/** Words that promise or threaten, in a host name (`dana-kaget-jkt`, `tsel-poin-hadiah`). */
const LURE_HOST_WORDS =
  'promo|hadiah|gratis|undian|kaget|bonus|voucher|poin|cashback|klaim|rekrutmen|loker|lowongan|aktivasi|verifikasi|security|cair|blt|bansos';
/** Top-level domains and free hosts that scams favour. */
const THROWAWAY_TLD = /\.(?:xyz|top|click|icu|buzz|tk|ml|ga|cf|gq|site|online|rest|cyou|sbs|cfd|monster|work|live)$/u;
const FREE_HOST =
  /\.(?:blogspot\.com|wordpress\.com|weebly\.com|wixsite\.com|000webhostapp\.com|github\.io|web\.app|firebaseapp\.com|vercel\.app|netlify\.app|glitch\.me)$/u;
/** `jakarta-go-id.com`, `jakartagoid.net`, `jakarta.go.id.info`, `bpbd-dki.go-id.xyz`: an official name, then go·id, not ending in .go.id. */
const LOOKALIKE_GO_ID = new RegExp(`(?:^|[.-])(?:${OFFICIAL_NAMES})[^a-z0-9]*(?:go|gov)[^a-z0-9]*id(?:[^a-z0-9]|$)`, 'u');
const NAME_TOKEN = new RegExp(`(?:^|[.-])(?:${OFFICIAL_NAMES})(?:[.-]|$)`, 'u');
const NAME_GLUED = new RegExp(`^(?:${OFFICIAL_NAMES})[a-z]*-|-(?:${OFFICIAL_NAMES})[a-z]*(?:[.-]|$)`, 'u');
const LURE_HOST = new RegExp(`(?:^|[.-])(?:${LURE_HOST_WORDS})`, 'u');
/** Bare domains written without a scheme (`bit.ly/abc`, `jakarta-go-id.com/info`). */
const BARE_DOMAIN = /(?<![\p{L}\p{N}@.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?=[/:?#\s]|$|[)\],.!])/giu;
/** A dot between a letter or digit and a letter, as in every domain (and in no ordinary sentence break). */
const DOMAIN_HINT = /[a-z0-9]\.[a-z]/iu;
/** `rekrutmen.bansosdki@gmail.com`: an official-sounding mailbox at a free mail service. */
const FREE_MAIL = /[\p{L}\p{N}._-]+@(?:gmail|yahoo|ymail|hotmail|outlook|proton)\.(?:com|co\.id)/giu;
const FILE_EXTENSIONS = /\.(?:apk|jpg|jpeg|png|pdf|mp4|doc|docx|xls|xlsx|zip|rar)$/u;

/** `https://www.bit.ly/x` → `bit.ly`. */
function hostOf(url: string): string | undefined {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/?#]*@)?([^/?#:\s]+)/iu.exec(url.trim());
  const host = m?.[1]?.toLowerCase().replace(/\.+$/, '');
  return host ? host.replace(/^www\./, '') : undefined;
}

function hostsIn(input: HoaxInput): string[] {
  const hosts = new Set<string>();
  for (const url of input.norm.urls) {
    const host = hostOf(url);
    if (host) hosts.add(host);
  }
  const withoutMail = input.text.includes('@') ? input.text.replace(FREE_MAIL, ' ') : input.text;
  BARE_DOMAIN.lastIndex = 0;
  for (const match of DOMAIN_HINT.test(withoutMail) ? withoutMail.matchAll(BARE_DOMAIN) : []) {
    const host = match[1]?.toLowerCase().replace(/^www\./, '');
    if (host && /[a-z]/.test(host.slice(host.lastIndexOf('.') + 1)) && !FILE_EXTENSIONS.test(host)) hosts.add(host);
  }
  return [...hosts];
}

const isGoId = (host: string): boolean => host === 'go.id' || host.endsWith('.go.id');
const inSet = (set: ReadonlySet<string>, host: string): boolean => {
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) if (set.has(h)) return true;
  return false;
};

interface LinkSignals {
  readonly suspicious: readonly string[];
  readonly official: readonly string[];
  readonly news: readonly string[];
}

/** A free mailbox whose name borrows an official name or a promise (`rekrutmen.bansosdki@gmail.com`). */
const OFFICIAL_MAILBOX = new RegExp(`(?:${OFFICIAL_NAMES}|${LURE_HOST_WORDS})`, 'u');

function suspiciousHost(host: string): string | undefined {
  if (SHORTENERS.has(host)) return `pemendek tautan ${host}`;
  if (LOOKALIKE_GO_ID.test(host)) return `tiruan situs resmi ${host}`;
  const borrowsName = NAME_TOKEN.test(host) || NAME_GLUED.test(host);
  if (borrowsName && (host.includes('-') || THROWAWAY_TLD.test(host) || FREE_HOST.test(host))) return `tiruan situs resmi ${host}`;
  if (LURE_HOST.test(host)) return `nama situs menjanjikan hadiah ${host}`;
  if (THROWAWAY_TLD.test(host)) return `domain murah ${host}`;
  return undefined;
}

function linkSignals(hosts: readonly string[], text: string): LinkSignals {
  const suspicious: string[] = [];
  const official: string[] = [];
  const news: string[] = [];
  for (const host of hosts) {
    if (isGoId(host) || inSet(OFFICIAL_HOSTS, host)) official.push(host);
    else if (inSet(NEWS_HOSTS, host)) news.push(host);
    else {
      const why = suspiciousHost(host);
      if (why) suspicious.push(why);
    }
  }
  FREE_MAIL.lastIndex = 0;
  for (const match of text.includes('@') ? text.matchAll(FREE_MAIL) : []) {
    const mailbox = match[0].toLowerCase();
    if (OFFICIAL_MAILBOX.test(mailbox.slice(0, mailbox.indexOf('@')))) suspicious.push(`email gratisan atas nama resmi ${mailbox}`);
  }
  return { suspicious, official, news };
}

// ---------------------------------------------------------------------------------------------
// Counter-signals: official source, news outlet

/** Agencies and public services whose word is a source (Jakarta first, then national). */
const AGENCY = [
  'bpbd(?:\\s+(?:provinsi\\s+)?dki)?(?:\\s+jakarta)?',
  'bmkg(?:\\s+maritim)?',
  'bnpb',
  'basarnas',
  'pvmbg',
  'bpom',
  'bank indonesia',
  'kemenkes',
  'kementerian kesehatan',
  'kominfo',
  'komdigi',
  'diskominfotik(?:\\s+dki)?',
  'pemprov(?:\\s+dki)?(?:\\s+jakarta)?',
  'pemerintah provinsi dki(?:\\s+jakarta)?',
  'pemkot\\s+[\\p{L}]+(?:\\s+[\\p{L}]+)?',
  'dinas\\s+[\\p{L}]+(?:\\s+dki)?',
  'dinkes(?:\\s+dki)?',
  'dishub(?:\\s+dki)?',
  'disdik(?:\\s+dki)?',
  'sudin\\s+[\\p{L}]+',
  'gulkarmat(?:\\s+dki)?',
  'damkar',
  'satpol\\s+pp(?:\\s+[\\p{L}]+){0,2}',
  'pam\\s+jaya',
  'pln(?:\\s+(?:uid|up3|ulp)(?:\\s+[\\p{L}]+){1,2})?',
  'kai commuter',
  'mrt jakarta',
  'lrt jakarta',
  '(?:pt\\s+)?transjakarta',
  '(?:humas\\s+)?polda metro jaya',
  'tmc polda metro(?:\\s+jaya)?',
  'polres(?:\\s+metro)?(?:\\s+[\\p{L}]+){1,2}',
  'bapenda(?:\\s+dki)?',
  'dukcapil(?:\\s+dki)?',
  'kpu(?:\\s+dki)?',
  'puskesmas(?:\\s+(?:kecamatan|kelurahan))?(?:\\s+[\\p{L}]+){0,2}',
  'rsud(?:\\s+[\\p{L}]+){0,2}',
  '(?:kantor\\s+)?(?:kelurahan|kecamatan)\\s+[\\p{L}]+(?:\\s+[\\p{L}]+)?',
  'wali\\s?kota(?:\\s+jakarta\\s+[\\p{L}]+)?',
  'pmi(?:\\s+dki)?(?:\\s+jakarta)?',
  'bpjs(?:\\s+kesehatan|\\s+ketenagakerjaan)?',
  'kemensos|dinsos(?:\\s+dki)?',
].join('|');
/** A handle of an official account (`@BPBDJakarta`, `@TMCPoldaMetro`, `@infoBMKG`, `@humasjakfire`). */
const OFFICIAL_HANDLE =
  /^(?:bpbd|bmkg|infobmkg|dkijakarta|pemprov|humas|tmc|polda|dishub|dinkes|commuterline|kai|pt_?transjakarta|transjakarta|mrtjkt|pamjaya|pln|kominfo|komdigi|kemenkes|bnpb|basarnas|jakfire|humasjakfire|satpol|bpom|bank_?indonesia|disdik|jakartagoid|pemprovdki)/iu;
/** The post opens as the agency speaking: `BMKG: …`, `Dinkes DKI: …`, `URGENT – PAM JAYA: …`, `Klarifikasi KAI Commuter: …`. */
const SPEAKER = new RegExp(
  `^[\\s\\[(]*(?:(?:klarifikasi|pengumuman|pemberitahuan|siaran pers|rilis|posko|urgent|update|peringatan|heat advisory from|from)[\\s:–—-]+)?(${AGENCY})\\s*(?:[:–—]|\\s+(?:menginformasikan|mengimbau|mengingatkan|memberitahukan))`,
  'iu',
);
/** Signed at the end: `… – PLN UP3 Jatinegara`. */
const SIGNATURE = new RegExp(`[–—]\\s*(${AGENCY})\\s*[.!]?\\s*$`, 'iu');
/** Cited as the source: `Sumber: BMKG`, `Info resmi: @BPBDJakarta`, `cek info resmi di bmkg.go.id`. */
const CITATION = new RegExp(
  [
    `(?<![\\p{L}])(?:sumber|source|info|informasi|updates?|details|cek|pantau|selengkapnya|lihat)(?:\\s+(?:resmi|lengkap|terkini|lebih|lanjut|terus|info|hanya|selengkapnya|real-time))*\\s*(?::|\\s(?:di|at|melalui|lewat))\\s*\\(?((?:${AGENCY})(?![\\p{L}]))`,
    // An official handle or site after a pointing word: `update berkala di @BPBDJakarta`, `ikuti @TMCPoldaMetro`.
    `(?<![\\p{L}])(?:sumber|source|info|informasi|updates?|details|cek|pantau|selengkapnya|lihat|ikuti|follow|kanal|akun)(?:\\s+[\\p{L}-]+){0,3}?\\s*(?::|\\s(?:di|at|melalui|lewat|dari|via)|(?=\\s@))\\s*\\(?(@[\\p{L}\\p{N}_]+|[a-z0-9.-]+\\.go\\.id)`,
  ].join('|'),
  'iu',
);
/** The agency acting in its own voice: `BPBD DKI meminta warga`, `BMKG memprakirakan`, `warga diimbau`. */
const AGENCY_ACTS = new RegExp(
  `(?<![\\p{L}])(?:(?:${AGENCY})\\s+(?:[\\p{L}]+\\s+){0,2}?(?:mengimbau|meminta warga|meminta masyarakat|mengajak warga|mengajak masyarakat|menginformasikan|memprakirakan|mencatat|mengerahkan|membuka|menggelar|mengingatkan|menegaskan|memastikan|menyatakan|memberlakukan|menyampaikan|mendata|mengoperasikan)|(?:warga|masyarakat|pengendara|penumpang|pelanggan|pedagang)\\s+(?:[\\p{L}]+\\s+){0,6}?diimbau)(?![\\p{L}])`,
  'iu',
);
/** An official site closing the post, as its reference (`… Info lengkap dinkes.jakarta.go.id`). */
const CLOSING_SITE =
  /(?<![\p{L}\p{N}.-])((?:[a-z0-9-]+\.)+go\.id)(?:\/\S*)?[\s.!)]*(?:(?:#[\p{L}\p{N}_]+|[\p{Extended_Pictographic}\uFE0F])[\s.!]*)*$/iu;
/** A handle closing the post. */
const CLOSING_HANDLE = /@([\p{L}\p{N}_]+)[\s.!)]*(?:(?:#[\p{L}\p{N}_]+|[\p{Extended_Pictographic}\uFE0F])[\s.!]*)*$/u;
/**
 * Words that CITATION and AGENCY_ACTS cannot match without (same flags): a quick test that
 * spares most posts the long regexes.
 */
const CITATION_HINT = /sumber|source|info|update|details|cek|pantau|selengkapnya|lihat|ikuti|follow|kanal|akun/iu;
const AGENCY_ACTS_HINT =
  /mengimbau|meminta|mengajak|menginformasikan|memprakirakan|mencatat|mengerahkan|membuka|menggelar|mengingatkan|menegaskan|memastikan|menyatakan|memberlakukan|menyampaikan|mendata|mengoperasikan|diimbau/iu;
const OFFICIAL_SOURCE_WEIGHT = 0.4;
/** Only the agency's own voice (no header, citation or signature): weaker, since hoaxes borrow it. */
const OFFICIAL_VOICE_WEIGHT = 0.25;

function officialSource(text: string): { weight: number; evidence: string[] } | undefined {
  const strong: string[] = [];
  const speaker = SPEAKER.exec(text);
  if (speaker?.[1]) strong.push(`bicara atas nama ${speaker[1].trim()}`);
  const signature = /[–—]/u.test(text) ? SIGNATURE.exec(text) : null;
  if (signature?.[1]) strong.push(`ditandatangani ${signature[1].trim()}`);
  const citation = CITATION_HINT.test(text) ? CITATION.exec(text) : null;
  const cited = citation?.[1] ?? citation?.[2];
  if (cited && (!cited.startsWith('@') || OFFICIAL_HANDLE.test(cited.slice(1)))) strong.push(`sumber: ${cited.trim()}`);
  // A handle closing the post, as a signature (`… @BPBDJakarta`); a handle addressed mid-post is a complaint.
  const closing = text.includes('@') ? CLOSING_HANDLE.exec(text) : null;
  if (closing?.[1] && OFFICIAL_HANDLE.test(closing[1]) && !strong.some((e) => e.endsWith(closing[1]!)))
    strong.push(`akun resmi @${closing[1]}`);
  const site = text.includes('.go.id') ? CLOSING_SITE.exec(text) : null;
  if (site?.[1] && !strong.some((e) => e.endsWith(site[1]!))) strong.push(`situs resmi ${site[1].toLowerCase()}`);
  if (strong.length > 0) return { weight: OFFICIAL_SOURCE_WEIGHT, evidence: dedupe(strong) };
  const acts = AGENCY_ACTS_HINT.test(text) ? AGENCY_ACTS.exec(text) : null;
  if (acts) return { weight: OFFICIAL_VOICE_WEIGHT, evidence: [acts[0].toLowerCase().replace(/\s+/g, ' ')] };
  return undefined;
}

/** Outlets named in a post (ambiguous names such as `tempo` or `antara` only in their outlet forms). */
const OUTLET = new RegExp(
  `(?<![\\p{L}])(?:kompas(?:\\.com|\\s*tv|\\.id)?|detik(?:com|\\.com|news)|tempo\\.co|koran tempo|majalah tempo|cnn indonesia|cnbc indonesia|antaranews|antara news|kantor berita antara|\\(antara\\)|liputan\\s?6|tribun(?:news|jakarta|\\s+jakarta)|the jakarta post|jakarta post|kumparan|tirto(?:\\.id)?|republika|okezone|idn times|metro tv|tvone|beritasatu|sindonews|jawapos|media indonesia|bbc(?: news)? indonesia|voa indonesia|katadata|reuters|afp|associated press)(?![\\p{L}])`,
  'iu',
);
/** Wire style: an attribution closing a sentence (`…, kata Kapolres.`), a dateline (`…, Senin (14/2) pagi.`), a press conference. */
const NEWS_STYLE = new RegExp(
  [
    ',\\s+(?:kata|ujar|ungkap|jelas|tutur|menurut)\\s+(?:\\p{Lu}|kepala|kapolres|kapolda|kapolsek|petugas|pedagang|warga|pihak|juru)[^.!?]{0,60}[.]',
    ',\\s+(?:senin|selasa|rabu|kamis|jumat|sabtu|minggu)(?:\\s+\\(\\d{1,2}\\/\\d{1,2}\\))?(?:\\s+(?:pagi|siang|sore|malam|dini hari))?\\s*[.,]',
    'dalam konferensi pers|dalam keterangan tertulis|kepada wartawan|saat dikonfirmasi',
  ].join('|'),
  'u',
);
const NEWS_OUTLET_WEIGHT = 0.35;
const NEWS_STYLE_WEIGHT = 0.15;

function newsOutlet(text: string, newsHosts: readonly string[]): { weight: number; evidence: string[] } | undefined {
  const outlet = OUTLET.exec(text);
  const named = [
    ...(outlet ? [`media: ${outlet[0]}`] : []),
    ...newsHosts.filter((h) => outlet?.[0].toLowerCase() !== h).map((h) => `tautan media: ${h}`),
  ];
  if (named.length > 0) return { weight: NEWS_OUTLET_WEIGHT, evidence: named };
  const style = NEWS_STYLE.exec(text);
  if (style) return { weight: NEWS_STYLE_WEIGHT, evidence: [`gaya berita: ${style[0].trim()}`] };
  return undefined;
}

/** Indicators that make a named source look borrowed rather than cited, or impersonated. */
const UNVERIFIED: ReadonlySet<string> = new Set(['hearsay', 'forwarded', 'pseudo_authority', 'conspiracy']);
const IMPERSONATION: ReadonlySet<string> = new Set(['scam', 'suspicious_link']);
const BORROWED_SOURCE = 0.5;

/**
 * Counter-signal: a personal appeal someone can check (a missing person or pet with a police
 * report or a contact, a blood donor for a named patient, a found wallet, an adoption). Such
 * posts ask to share, often urgently, and are not hoaxes.
 */
const PERSONAL_APPEAL = compileList([
  'hilang sejak',
  'kehilangan',
  'belum pulang sejak',
  'terakhir terlihat',
  'yang menemukan',
  'bagi yang menemukan',
  'kalau ada yang menemukan',
  'ditemukan di',
  'saya temukan',
  'kami temukan',
  'ada imbalan',
  'kami siapkan imbalan',
  'donor darah',
  'golongan darah',
  'pendonor',
  'butuh darah',
  'adopsi',
  'sudah lapor',
  'sudah dilaporkan',
  'sudah kami laporkan',
  'hubungi saya',
  'kabari saya',
  'dm saya',
  'lewat dm',
  'via dm',
  'dm akun ini',
  'lost:',
  'found:',
  'missing:',
  // Community notices: an event anyone can walk into.
  'terbuka untuk umum',
  'kerja bakti',
  'bazar',
  'open house',
  'relawan dibutuhkan',
  'yuk ikut',
  'ayo ikut',
  'ayo ramaikan',
]);
const PERSONAL_APPEAL_WEIGHT = 0.25;

// The lists every post runs through, read together in one pass per haystack (the others, which
// run only after another list fired, scan on their own).
for (const list of [
  ...COMPILED.flatMap((c) => c.tiers.map((t) => t.matcher)),
  DEBUNK,
  SCAM_SECRET,
  SCAM_PRIVATE_ACCOUNT,
  SCAM_LURE,
  PERSONAL_APPEAL,
])
  shared(list);

// ---------------------------------------------------------------------------------------------
// Shouting

const SHOUTING_WEIGHT = 0.2;
const SHOUTING_MIN_LETTERS = 20;
const LINKS_AND_TAGS = /https?:\/\/\S+|[#@][\p{L}\p{N}_]+/gu;
const SHOUTING_CAPS_SHARE = 0.5;
/** `!!!`, `!?!`, `! ! !`, `‼️`; a run of question marks alone is a rhetorical question, not shouting. */
const PUNCTUATION_RUN = /(?=[!?‼⁉\s\u{FE0F}]*[!‼⁉])(?:[!?‼⁉][\s\u{FE0F}]*){3,}|‼/gu;

/** Two marks, one of them `!`, standing alone (`!!`, `?!`). */
const DOUBLE_MARK = /(?<![!?‼⁉])(?:!!|!\?|\?!)(?![!?‼⁉])/gu;

function shoutingEvidence(text: string): string[] {
  const evidence: string[] = [];
  const prose = text.includes('http') || text.includes('#') || text.includes('@') ? text.replace(LINKS_AND_TAGS, '') : text;
  // Letters that have a case; capitals are the ones equal to their upper case (ASCII by code).
  let letters = 0;
  let caps = 0;
  for (const c of prose) {
    const code = c.charCodeAt(0);
    if (code < 0x80) {
      if (code >= 0x61 && code <= 0x7a) letters++;
      else if (code >= 0x41 && code <= 0x5a) {
        letters++;
        caps++;
      }
      continue;
    }
    const up = c.toUpperCase();
    if (up === c.toLowerCase()) continue;
    letters++;
    if (c === up) caps++;
  }
  if (letters >= SHOUTING_MIN_LETTERS && caps / letters >= SHOUTING_CAPS_SHARE)
    evidence.push(`${Math.round((caps / letters) * 100)}% huruf kapital`);
  if (/[!‼⁉]/u.test(text)) {
    PUNCTUATION_RUN.lastIndex = 0;
    const runs = [...text.matchAll(PUNCTUATION_RUN)];
    evidence.push(...new Set(runs.map((m) => m[0].replace(/[\s\u{FE0F}]/gu, ''))));
    // "Jangan naik dulu!! Share!!": double marks, again and again, shout as much as one triple.
    if (runs.length === 0) {
      DOUBLE_MARK.lastIndex = 0;
      const doubles = [...text.matchAll(DOUBLE_MARK)].length;
      if (doubles >= 2) evidence.push(`!! ×${doubles}`);
    }
  }
  return evidence;
}

// ---------------------------------------------------------------------------------------------
// Account, known claim, coordinated posting

const DAY_MS = 86_400_000;
const ACCOUNT_NEW_DAYS = 30;
const ACCOUNT_VERY_NEW_DAYS = 7;
const ACCOUNT_RATIO = 20;
const ACCOUNT_RATIO_MIN_FOLLOWING = 200;
const ACCOUNT_MAX = 0.35;

function accountIndicator(author: HoaxAuthor | undefined, postedAt: string | undefined): HoaxIndicator | undefined {
  if (!author || author.verified === true) return undefined;
  const parts: { weight: number; evidence: string }[] = [];
  const created = author.createdAt ? Date.parse(author.createdAt) : NaN;
  const posted = postedAt ? Date.parse(postedAt) : NaN;
  if (Number.isFinite(created) && Number.isFinite(posted) && posted >= created) {
    const days = Math.floor((posted - created) / DAY_MS);
    if (days < ACCOUNT_NEW_DAYS) parts.push({ weight: days < ACCOUNT_VERY_NEW_DAYS ? 0.25 : 0.15, evidence: `akun berumur ${days} hari` });
  }
  const { followers, following } = author;
  const known = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  if (known(following) && known(followers) && following >= ACCOUNT_RATIO_MIN_FOLLOWING && following >= ACCOUNT_RATIO * followers)
    parts.push({ weight: 0.15, evidence: `mengikuti ${following} akun, diikuti ${followers}` });
  if (known(followers) && followers === 0) parts.push({ weight: 0.1, evidence: 'tanpa pengikut' });
  if (parts.length === 0) return undefined;
  const weight = Math.min(ACCOUNT_MAX, 1 - parts.reduce((keep, p) => keep * (1 - p.weight), 1));
  return { name: 'account', weight: round3(weight), evidence: parts.map((p) => p.evidence) };
}

/** A verbatim repeat of a debunked claim is high on its own; the matcher's weakest match is just below medium. */
const KNOWN_CLAIM_SCALE = 0.8;
const KNOWN_CLAIM_MAX = 0.75;

function knownClaimIndicator(match: ClaimMatch): HoaxIndicator {
  const { claim, similarity } = match;
  const rating = claim.rating.replace(/_/g, ' ');
  const evidence = [`"${claim.text}" (${rating}) ${claim.source}`, `kemiripan ${Math.round(similarity * 100)}%`];
  if (match.matched.length > 0) evidence[1] += `: ${match.matched.slice(0, 8).join(', ')}`;
  return { name: 'known_claim', weight: round3(Math.min(KNOWN_CLAIM_MAX, KNOWN_CLAIM_SCALE * similarity)), evidence };
}

const COORDINATED_BASE = 0.2;
const COORDINATED_STEP = 0.04;
const COORDINATED_MAX = 0.4;

/**
 * The same text posted by `authors` distinct accounts within `windowMinutes`. Alone it stays below
 * medium (a news headline or an official notice is shared by many too); with a call to share or
 * alarm it reaches medium from three accounts on.
 */
export function coordinatedIndicator(authors: number, windowMinutes: number): HoaxIndicator {
  const n = Math.max(0, Math.floor(authors));
  const weight = n < 2 ? 0 : Math.min(COORDINATED_MAX, COORDINATED_BASE + COORDINATED_STEP * (n - 2));
  return { name: 'coordinated', weight: round3(weight), evidence: [`teks sama dari ${n} akun dalam ${Math.round(windowMinutes)} menit`] };
}

// ---------------------------------------------------------------------------------------------
// Score and level

export function hoaxLevel(score: number): HoaxLevel {
  if (score >= HOAX_LEVELS.high) return 'high';
  if (score >= HOAX_LEVELS.medium) return 'medium';
  if (score >= HOAX_LEVELS.low) return 'low';
  return 'none';
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/** The score of an indicator list: noisy-OR of the positive weights minus the counter weights, clamped to 0..1. */
export function hoaxScore(indicators: readonly HoaxIndicator[]): number {
  let keep = 1;
  let counter = 0;
  for (const i of indicators) {
    if (i.weight > 0) keep *= 1 - Math.min(1, i.weight);
    else counter -= i.weight;
  }
  return round3(Math.min(1, Math.max(0, 1 - keep - counter)));
}

const resultOf = (indicators: readonly HoaxIndicator[]): HoaxResult => {
  const score = hoaxScore(indicators);
  return { score, level: hoaxLevel(score), indicators };
};

/** Adds (or replaces, by name) one indicator, such as `coordinated`, and recomputes score and level. */
export function withIndicator(result: HoaxResult, indicator: HoaxIndicator): HoaxResult {
  const others = result.indicators.filter((i) => i.name !== indicator.name);
  const positive = others.filter((i) => i.weight >= 0);
  const counters = others.filter((i) => i.weight < 0);
  return resultOf(indicator.weight >= 0 ? [...positive, indicator, ...counters] : [...positive, ...counters, indicator]);
}

export function scoreHoax(input: HoaxInput): HoaxResult {
  const full = haystacksOf(input.text, input.norm.text);
  // A debunk quotes the hoax it debunks: the quoted words are the hoax's, not the post's (and a
  // debunking word inside the quotes is the hoax's too).
  let debunk = dedupe(matches(DEBUNK, full));
  let text = input.text;
  let haystacks = full;
  QUOTED.lastIndex = 0;
  if (debunk.length > 0 && QUOTED.test(input.text)) {
    text = stripQuotes(input.text);
    haystacks = haystacksOf(text, normalise(text).text);
    debunk = dedupe(matches(DEBUNK, haystacks));
    if (debunk.length === 0) {
      text = input.text;
      haystacks = full;
    }
  }

  const indicators: HoaxIndicator[] = [];
  const counters: HoaxIndicator[] = [];

  indicators.push(...phraseIndicators(haystacks));
  const shouting = shoutingEvidence(text);
  if (shouting.length > 0) indicators.push({ name: 'shouting', weight: SHOUTING_WEIGHT, evidence: shouting });

  const links = linkSignals(hostsIn(input), input.text);
  const scam = scamEvidence(haystacks, text, links.suspicious.length > 0);
  if (scam.length > 0) indicators.push({ name: 'scam', weight: SCAM_WEIGHT, evidence: scam });
  if (links.suspicious.length > 0) indicators.push({ name: 'suspicious_link', weight: SUSPICIOUS_LINK_WEIGHT, evidence: links.suspicious });
  if (input.claim) indicators.push(knownClaimIndicator(input.claim));
  const account = accountIndicator(input.author, input.postedAt);
  if (account) indicators.push(account);

  if (debunk.length > 0) {
    const weight = Math.min(DEBUNK_MAX, DEBUNK_WEIGHT + 0.05 * (debunk.length - 1));
    counters.push({ name: 'debunk', weight: -round3(weight), evidence: debunk });
  }
  // Scams impersonate agencies and outlets: a name next to a scam or a fake link is no source. A
  // source named next to "forwarded" or "not announced yet" is borrowed, not cited: it counts half.
  const impersonated = indicators.some((i) => IMPERSONATION.has(i.name));
  const borrowed = impersonated || indicators.some((i) => UNVERIFIED.has(i.name));
  const sourceWeight = (weight: number): number => -round3(borrowed ? weight * BORROWED_SOURCE : weight);
  const official = impersonated ? undefined : officialSource(input.text);
  if (official) counters.push({ name: 'official_source', weight: sourceWeight(official.weight), evidence: official.evidence });
  if (links.official.length > 0) counters.push({ name: 'official_link', weight: -OFFICIAL_LINK_WEIGHT, evidence: links.official });
  const news = impersonated ? undefined : newsOutlet(input.text, links.news);
  if (news) counters.push({ name: 'news_outlet', weight: sourceWeight(news.weight), evidence: news.evidence });
  // A missing-person or lost-pet notice travels from group to group: forwarding does not unmake it.
  const doubted = impersonated || indicators.some((i) => UNVERIFIED.has(i.name) && i.name !== 'forwarded');
  const appeal = doubted ? [] : dedupe(matches(PERSONAL_APPEAL, haystacks));
  if (appeal.length > 0) counters.push({ name: 'personal_appeal', weight: -PERSONAL_APPEAL_WEIGHT, evidence: appeal });

  return resultOf([...indicators, ...counters]);
}
