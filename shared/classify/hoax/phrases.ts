/**
 * The phrase indicators' data: lists and regex shapes per indicator and tier, the words of a
 * rumour (what is coming, a danger), and the debunking phrases.
 */
import { list } from './matcher';

/** Phrases (and regex shapes, for what a list cannot spell) that fire an indicator at one weight. */
export interface Tier {
  readonly weight: number;
  readonly phrases?: readonly string[];
  /** Regular-expression sources over the normalised text (`teman saya yang kerja di`). */
  readonly patterns?: readonly string[];
  /** Regular-expression sources over the raw lower-cased text, for shapes with punctuation (`100%`). */
  readonly rawPatterns?: readonly string[];
}

export interface PhraseIndicator extends Tier {
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

/** People a rumour is traced to, and the jobs that lend it weight. */
const RELATIONS = list(
  'teman | temen | kawan | kenalan | kerabat | saudara | sodara | sepupu | tetangga | keponakan | ponakan | ipar | om | tante | paman | pakde | bude | suami | istri | adik | adek | kakak | rekan | sahabat | sohib | mertua | menantu | mantu | besan | cucu',
);
/** Each also owned by a suffix: `sepupuku`, `temanku`. */
const RELATION = `(?:${[...RELATIONS, ...RELATIONS.map((r) => `${r}ku`)].join('|')})`;
const OWNER =
  '(?:\\s+(?:saya|sy|gw|gue|gua|aku|ku|aye|ane|kami|kita|istri saya|suami saya|kantor saya|kantor|kerja|kuliah|sekolah|sekantor|dekat rumah))?';
/** Kin and bosses whose words name anyone until owned: `ibu saya`, not `ibu guru` or `bapak gubernur`. */
const KIN_OWNED =
  '(?:ibu|ayah|bapak|mama|papa|bos|atasan|pacar|anak|mas|mbak|abang|dosen|guru|pelanggan|langganan|customer|klien|mandor|majikan|tukang|pembantu|art|supir|sopir)\\s+(?:saya|aku|kami|aye|ane|gue|gua)';
/** Someone the writer knows, as a rumour names them: each form, for patterns that open with it. */
const KNOWN_PEOPLE = [`${RELATION}${OWNER}`, KIN_OWNED];
/**
 * Everyday sources no one can ask, unowned: a driver, a nurse, `orang kelurahan`, `ibu-ibu di
 * warung`, `pak RT`, a group, a TikTok account. With a telling word after them they are hearsay.
 */
const OTHERS =
  '(?:driver|sopir|supir|ojol|kurir|perawat|suster|bidan|satpam|security|hansip|tukang|pedagang|orang orang|ob|office boy|marbot|takmir|anak magang|magang|jukir|tukang parkir|kasir|pelayan|karyawan|montir|kernet|kondektur|penumpang|kuli|buruh|ustaz|pak ustaz|kenalan|sesama|kang parkir|kang ojek|abang warung|abang ojol|pegawai|penjual|pemilik warung|yang punya warung|guru les|landlord|pak rt|pak rw|bu rt|bu rw|ketua rt|ketua rw|pengurus rt|ustadz|ustad|orang kelurahan|orang kecamatan|orang dinas|orang pln|orang pam|orang pdam|orang bank|orang puskesmas|orang rumah sakit|orang pemda|orang pemprov|orang dishub|orang kantor|ibu ibu|bapak bapak|emak emak|akun|grup|group)';
/** Telling words that, after an everyday source, make hearsay: `pada ngomongin`, `rame bahas`, `posting`. */
const SAID =
  '(?:bilang|bicara|ngobrol|curhat|nyeletuk|bocorin|membocorkan|ngaku|mengaku|bisik bisik|berbisik|nulis|menulis|heboh|cerita|ngomong|ngomongin|membicarakan|bahas|membahas|nyebut|menyebut|memberi tahu|kasih tahu|ngabarin|mengabarkan|kasih info|memberi info|infoin|posting|memposting|upload|mengunggah|share|ngeshare|kirim|ngirim)';
/** What people do when they pass a rumour on: tell, call, message. */
const TOLD =
  '(?:bilang|bicara|cerita|bisik bisik|ngaku|bocorin|ngomong|kasih tahu|kasih tau|kasi tau|memberi tahu|ngabarin|mengabari|mengabarkan|kasih kabar|memberi kabar|kasih info|ngasih info|memberi info|infoin|nelpon|menelepon|barusan telepon)';
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
export const RELATION_LED = new RegExp(`^(?:kata\\s+)?${RELATION}`, 'u');
/** Harms a post says were done on purpose (`pintu air sengaja dibuka`): a conspiracy here, a danger's claim in alarming.ts. */
export const DONE_ON_PURPOSE =
  'dibuka|dijebol|dibakar|dimatikan|dipadamkan|ditutup|disebar|diracun|dilepas|dibiarkan|dikorbankan|matiin|dimatiin|mematikan|dipadamin|memadamkan|menutup|dinaikkan|menaikkan|naikin|ditahan|menahan';
const NEAR = '(?:\\s+[\\p{L}\\p{N}]+){0,8}?\\s+';

export const PHRASE_INDICATORS: readonly PhraseIndicator[] = [
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
      kirim ke teman | kirim ke keluarga | kirim ke orang | kabarkan ke | kabari ke
      rt & quote | rt quote | rt kalau | trending kan | harus trending | please share | please forward | forward this
      pass this to | pass this on | share this | spread the word | pass it on
      share ke grup | kasih tahu yang lain | beri tahu yang lain | kabarin yang lain | biar semua tahu | biar pada tahu
      biar yang lain tahu | supaya semua tahu | agar semua tahu | supaya yang lain tahu | agar semua orang tahu
      tell your family | tell everyone | let everyone know | send this to | share with your family | share with everyone
      tolong sebar | bantu sebar | bantu sebarkan | bantu viralkan | bantu rt | rt biar | rt ya | retweet biar | repost biar
      tolong dishare ya | spill ke grup | diinfokan ke | tolong diinfokan | info ke anak cucu
      diteruskan saja ke | diteruskan aja ke | teruskan info ini | bagiin ke | please inform | inform your
      forward to your | pass it along | pass this along | share widely | tolong bilangin | bilangin ke
      bantu up | quote tweet ini | qrt ini | rt yang banyak | bantu ramein | tolong tag | tag akun | tag media
      mention akun | bantu rt ya | boost this | signal boost | rt to warn | retweet to warn | pls share | plz share | pls forward
      tolong disebar | mohon disebar | tolong disebarkan | mohon disebarkan | disebarluaskan | dibroadcast | tolong broadcast
      silakan disebar | silakan dishare | monggo disebar | monggo dishare | boleh disebar | boleh dishare
    `),
    patterns: [
      // Passed on to the people close to the reader: "terusin ke keluarga", "kabarin grup RT", "kasih tahu orang tua".
      '(?:sebar|sebarin|share|terusin|teruskan|forward|kirim|kirimkan|kirimin|bagi|bagikan|bagiin|kabarin|kabari|kabarkan|kasih tahu|beri tahu|infokan|diinfokan|infoin|broadcast|repost|ingatkan|ingetin|bilangin|bilangi|sampaikan|sampein|spill)\\s+(?:ke\\s+|kepada\\s+)?(?:[\\p{L}]+\\s+){0,2}?(?:keluarga|saudara|sodara|grup|group|wag|teman teman|kerabat|tetangga|orang tua|orang tersayang|yang lain|semua orang|semuanya|kontak|istri|suami|story|status|anak cucu|anak anak|kakek|nenek|emak|ortu|lansia|orang rumah|pacar|para orang tua)',
      // Tagged to the people close to the reader: "tag keluarga kalian", "colek ortu yang pakai BPJS"; not "tag 3 teman" for a giveaway.
      '(?:tag|colek|mention)\\s+(?:keluarga|saudara|sodara|orang tua|ortu|tetangga|suami|istri|emak|ibu ibu|bapak bapak|teman teman|kerabat)',
      // To everyone around: "kasih tahu emak emak di grup", "sebarin ke semua", "kabarin warga", "viralin ke teman".
      '(?:sebar|sebarin|sebarkan|share|terusin|teruskan|forward|kabarin|kabari|kasih tahu|beri tahu|memberi tahu|infokan|diinfokan|infoin|viralin|viralkan|broadcast|ingatkan|ingetin|bilangin|bagiin|spill|sampaikan)\\s+(?:ke\\s+|kepada\\s+)?(?:[\\p{L}]+\\s+){0,2}?(?:semua|semuanya|warga|emak emak|ibu ibu|bapak bapak|orang orang|teman|temen|tetangga|kalian|sekitar|yang biasa|yang naik|yang punya|yang tinggal|yang lagi|pengguna|para)',
      // English: "tell your parents", "forward to your helpers", "let your drivers know".
      '(?:tell|inform|warn|forward to|send to|let)\\s+(?:all\\s+)?(?:your|ur)\\s+(?:[\\p{L}]+\\s+){0,2}?(?:family|parents|kids|friends|helpers?|drivers?|staff|neighbou?rs|maids?|mum|mom|dad|everyone)',
      // So that all know: "biar semua warga tahu", "supaya orang orang pada waspada", "agar keluarga siap siap".
      '(?:biar|supaya|agar|sampai)\\s+(?:semua|pada|banyak|seluruh|yang lain|orang|orang orang|warga|keluarga|masyarakat)(?:\\s+[\\p{L}]+){0,2}?\\s+(?:tahu|waspada|siap siap|aware|dengar|baca)',
      // "jangan sampai kalian gak tau", "jangan sampai keluarga kita tidak tahu", "jangan sampai nggak tahu" (not "jangan sampai ketinggalan promo").
      'jangan sampai\\s+(?:(?:kalian|anda|kamu|keluarga|saudara|teman teman|kita|orang tua)(?:\\s+[\\p{L}]+){0,2}?\\s+(?:tidak tahu|belum tahu|ketinggalan)|tidak tahu|belum tahu)',
      // "mumpung belum dihapus", "selagi belum di-take down".
      '(?:mumpung|selagi|selama)\\s+(?:belum|masih belum)\\s+(?:dihapus|di hapus|di take down|ditakedown|di takedown|diblokir|diturunkan|dihilangkan)',
      // English: "forward this to your family", "send it to everyone you know".
      '(?:forward|send|share|pass)\\s+(?:this|it)\\s+(?:on\\s+)?to\\s+(?:your|all|everyone|every)',
    ],
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
      // Not the emergency line's: `darurat kebakaran telepon 112`, `kondisi darurat hubungi 112`.
      'darurat(?![\\s-]+(?:kebakaran|medis|bencana|hubungi|telepon|telp|call|112|113|119|110))',
      // Panic orders: `segera tarik uang`, `isi penuh sekarang sebelum SPBU kosong`; not `segera diperbaiki` or `segera ke puskesmas`.
      'segera\\s+(?!di|ke\\s|hubungi|lapor|periksa|bawa|mengikuti)[\\p{L}]+',
      'sebelum\\s+(?:\\S+\\s+){0,2}(?:kosong|habis|terlambat|langka)',
    ],
    notAfter: ['gawat', 'nomor', 'unit', 'instalasi', 'layanan', 'tas', 'pintu', 'tangga', 'jalur', 'lampu'],
    phrases: list(`
      awas | waspada | waspadalah | urgent | urgen | perhatian! | info penting | pesan penting
      penting sekali | penting! | wajib baca | mendesak | tolong dibaca | jangan diabaikan | bahaya besar | hati hati!
      ngeri! | segera mengungsi | segera selamatkan | segera evakuasi | segera amankan | segera jauhi
      segera tinggalkan | segera tukarkan | segera tampung | segera borong | segera naik | segera pindahkan
      segera siap siap | mengungsi sekarang | sekarang juga! | selamatkan keluarga | sebelum terlambat
      jangan keluar rumah | jangan buka pintu | breaking news | siaga 1 malam ini | beware | warning | alert
    `),
  },
  {
    // Act now, out of fear, against one's own interest: empty the bank, stock up, keep the children
    // home, don't drink the water. Read from its parts (directive.ts), not from phrases: only the
    // weights live here.
    name: 'panic_directive',
    weight: 0.45,
    step: 0.05,
    max: 0.5,
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
      baru dengar | dengar dari | denger dari | belum cek kebenaran | belum cek kebenarannya
      belum dicek kebenarannya | belum tahu kebenarannya | belum tahu benar tidaknya | ada yang tahu benar tidak
      ada yang bilang | banyak yang bilang | orang orang bilang | orang pada bilang | santer terdengar | santer beredar
      beredar info | infonya sih | kabarnya sih | gosipnya | isunya | rumornya | kabar kabarnya | katanya katanya
      orang dalam bilang | dapat bocoran | dapat info valid | people are saying | word is that
      kata orang | dengar di | denger di
      infonya nih | kabarnya nih | heard from | someone told me | ada yang cerita | ada yang posting | ada yang dm
      ada yang ngirim | ada yang kirim | ada yang bicara | ada yang ngomong | thread di twitter | told me there
      ada yang nulis | ada yang menulis | ada bisik bisik | bisik bisik dari | overheard
      kata yang punya | kata pemilik
      bocorin ke saya | bocorin ke gue
      ngakunya | kata mutual | word on the street | just passing it along | passing it along | going around in
      fess dari | sender bilang | kata sender | spill dari | bocoran dari
    `),
    patterns: [
      // "ada kabar …", "kabar dari …", but not "belum ada kabar dari PLN": an agency's silence is a complaint.
      '(?<!(?:belum|tidak|tak|tiada)\\s)ada kabar',
      '(?<!(?:belum ada|tidak ada|tak ada|tanpa)\\s)kabar dari',
      // "(di) grup wali murid dibilang", "(dari) grup RT katanya": gated on `grup`, not on every `di`.
      'grup(?:\\s+[\\p{L}\\p{N}]+){0,5}?\\s+(?:dibilang|katanya|bilang|beredar|rame|ramai|heboh|dikabarkan|infonya)',
      // Someone of an office, unnamed: "orang Bulog ngomong ke saya", "orang bank bocorin".
      '(?<=orang\\s+(?!yang|tua|lain|banyak|orang|tidak|itu|ini|kaya|miskin)[\\p{L}]+(?:\\s+[\\p{L}]+){0,2}?\\s+)(?:bilang|bicara|cerita|ngaku|bocorin|bisik bisik)',
      '(?<=(?:di|dari)\\s+)(?:arisan|pengajian|pangkalan|warung|warkop|posyandu|ronda)(?:\\s+[\\p{L}]+){0,3}?\\s+(?:lagi\\s+)?(?:rame|ramai|heboh|pada)',
      '(?<=dari\\s+)(?:obrolan|omongan)\\s',
      // Everyone talking of it, gated on the rarer word: "pada ngomongin", "lagi rame dibahas", "lagi viral di".
      '(?<=pada\\s)(?:ngomongin|membicarakan|bicara|ngobrol|ngobrolin|ribut|bilang|cerita|bahas|heboh)',
      '(?<=lagi\\s)(?:rame dibahas|heboh di|viral di)',
      // Talk at a place people gather: "rame di pangkalan ojol", "obrolan di warung kopi", "heboh di arisan".
      '(?:rame|ramai|heboh|obrolan|omongan|gosip|desas desus)\\s+(?:di|dari)\\s+(?:[\\p{L}]+\\s+){0,2}?(?:pangkalan|warung|warkop|arisan|pengajian|posyandu|pos|pasar|kantor|sekolah|grup|group|kompleks|gang|angkot|kereta|krl|masjid|mushola|musala|kampus)',
      // Told by someone at hand: "kata abang ojol", "kata pak satpam", "kata mbak kasir", "denger dari mamang sayur".
      '(?:kata|menurut|dengar dari|denger dari|info dari|kabar dari)\\s+(?:abang|bang|mas|mbak|pak|bu|bapak|ibu|mamang|mang|om|tante|koh|engkoh|cici|ci|bang)\\s+[\\p{L}]+',
      // "penumpangnya bilang", "dia bilang", "mereka cerita": someone the writer only heard.
      '(?<=(?:penumpangnya|penumpang|dia|beliau|mereka|orangnya)\\s)(?:bilang|cerita|ngomong|bicara)\\s+(?:ada|kalau|bahwa|mulai|semua|sudah|udah)',
      // Read or seen where anyone writes: "baca di komen komen FB", "lihat di story orang", "nonton di tiktok".
      '(?<=(?:baca|lihat|liat|nonton)\\s+(?:di\\s+)?)(?:komen|komentar|kolom komentar|status|story|fb|facebook|tiktok|instagram|threads|thread|youtube|reels)(?![\\p{L}])',
      // English: "someone in my Threads feed said", "someone at the gym said", "my landlord mentioned".
      '(?<=(?:someone|somebody|landlord|landlady)\\s+(?:[\\p{L}]+\\s+){0,5}?)(?:said|says|told|mentioned|claims|claimed|swears|posted)',
      // "saya dengar …", "gue denger …", "kabar yang saya dengar": heard, not seen; not a sound heard ("saya dengar suara ledakan").
      '(?<=(?:saya|aku|kami|ku)\\s)(?:dengar|dgr)(?!\\s+(?:suara|bunyi|ledakan|teriakan|tangisan|sirine|sirene|dentuman|letusan|tembakan|gemuruh|langsung|sendiri|lagu|musik|azan|adzan|ceramah|podcast|radio))',
      // English, gated on the rarer word: "i was told", "rumour is going around".
      '(?<=i\\s)was told|(?<=is\\s)going around',
      // English: "my friend who works at the embassy said", "a friend in the police told me".
      // Not `tag a friend for a chance to win`: "for" only after "who works".
      '(?:my|a)\\s+(?:friend|cousin|uncle|aunt|brother|sister|neighbou?r|colleague)(?:\\s+who\\s+works\\s+(?:at|in|for)|\\s+(?:at|in))\\s+(?:the\\s+)?[\\p{L}]+',
      // "teman saya bilang", "teman saya di lembaga riset bilang", "kata teman".
      ...KNOWN_PEOPLE.map((who) => `${who}(?:\\s+[\\p{L}]+){0,6}?\\s+${TOLD}`),
      // "driver ojol langganan saya cerita", "orang kelurahan bilang", "ibu ibu di warung pada ngomongin".
      `${OTHERS}(?:\\s+[\\p{L}]+){0,5}?\\s+${SAID}`,
      // "info dari ibu ibu pengajian", "dengar dari pak RT", "kabar dari orang kelurahan".
      `(?:info|kabar|dengar|dapat|katanya)\\s+(?:\\S+\\s+)?dari\\s+${OTHERS}`,
      `kata\\s+(?:${RELATION}${OWNER}|${KIN_OWNED})`,
      // "dikabari teman kantor", "dikasih tahu tetangga", "barusan ditelepon ipar", "dijapri sepupu".
      `(?:dikabari|dikasih tahu|dikasih tau|diberi tahu|diberitahu|dibilangin|ditelepon|ditelpon|dichat|dijapri|dikirimi|dikirimin|diinfokan|diinfoin)\\s+(?:oleh\\s+)?(?:${RELATION}|${KIN_OWNED})`,
      // "dapat dari tetangga", "dapat kiriman dari ipar", "menurut teman saya", "menurut orang dalam".
      `(?:dapat|terima|menerima)\\s+(?:[\\p{L}]+\\s+){0,2}?dari\\s+(?:${RELATION}|${KIN_OWNED})`,
      `menurut\\s+(?:${RELATION}|${KIN_OWNED}|orang dalam|sumber orang dalam|orang orang)`,
      // "rame di grup", "lagi viral di WA", "heboh di grup alumni".
      '(?:rame|ramai|heboh|viral|beredar)\\s+(?:[\\p{L}]+\\s+)?di\\s+(?:grup|group|wag|wa|whatsapp|tiktok)',
      // English: "my cousin told me", "my neighbour says", "heard it from a friend", "a friend of a friend".
      '(?<=(?:my|a|our|the)\\s+(?:[\\p{L}]+\\s+)?)(?:friend|cousin|uncle|aunt|brother|sister|neighbor|neighbour|colleague|coworker|boss|mum|mom|dad|brother in law|sister in law|driver|helper|maid|nanny|security guard|guard)(?:\\s+[\\p{L}]+){0,6}?\\s+(?:says|said|told me|told us|told her|told him|just told|texted|messaged)',
      'heard\\s+(?:it\\s+|this\\s+)?from\\s+(?:a|my|someone)',
      // "my colleague's husband works at PLN", "a friend whose brother works in the ministry".
      '(?:friend|colleague|cousin|husband|wife|brother|sister|uncle|aunt|neighbor|neighbour|driver|helper)\\s+(?:s\\s+[\\p{L}]+\\s+|whose\\s+[\\p{L}]+\\s+)?(?:who\\s+)?works?\\s+(?:at|in|for)',
      'a friend of a friend',
    ],
    // People say `katanya` of anything: on its own it is a weaker sign.
    weak: { weight: 0.3, phrases: ['katanya', 'kata orang', 'kata tetangga', 'dikabarkan', 'apparently', 'reportedly', 'rumor is'] },
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
      dapat voice note | dapat vn | voice note di grup | vn dari grup | dapat pesan suara | dapat screenshot | dapat ss
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
      ...KNOWN_PEOPLE.map((who) => `${who}\\s+(?:yang\\s+)?(?:kerja|bekerja|dinas|tugas|bertugas|${ROLE})`),
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
      ditutup tutupi | ditutup tutupin | menutupi | menutupinya | menyembunyikannya | merahasiakan | merahasiakannya | dirahasiakan | disembunyikan | menyembunyikan | terbongkar
      yang mereka sembunyikan | dibungkam | tutup mata | pura pura tidak tahu
      tidak mau membesar besarkan | bayar media | dibayar | buzzer bayaran | massa bayaran | siapa yang bayar
      sudah diatur | diatur dari atas | buka mata | bangun warga | tidak ada yang kebetulan | kebetulan?
      pengalihan isu | akal akalan | simpulkan sendiri | diskenariokan | sudah direncanakan | settingan | konspirasi
      elit global | antek asing | fakta tersembunyi | mereka tidak mau kalian tahu | mereka sengaja | sadarlah
      itu rencana | mereka tidak mau kita tahu | alasan sebenarnya | media mainstream | jangan percaya berita
      jangan percaya media | jangan percaya tv | jangan percaya rs | jangan percaya dokter | jangan percaya pemerintah
      dipoles | disengaja | cover up | covered up | mainstream media | they don't want you to know
      didiemin | didiamkan | disembunyiin | nutupin | ditutupin | menutup nutupin | nutup nutupin
      media diem | media diam saja | tidak ada yang ngomong | tidak ada yang bicara | tidak ada yang membahas
      tidak ada media yang | tidak ada tv | nobody is talking | no one is talking
      nobody talks about | no one talks about | why is nobody | media is silent | demi proyek | biar proyek | biar anggaran
      sengaja menimbun | dibiarkan busuk | tidak mau rugi | supaya rumah sakit tidak rugi | yang untung | yang diuntungkan
      yang diuntungin | ada yang main | ada udang di balik | kecipratan | mafia | nyembunyiin | ngumpetin
      tidak boleh diomongin | tidak boleh dibahas | dilarang dibahas | dilarang diomongin | itu sengaja | ini sengaja
      sengaja dibiarin | dibiarin
      nobody is reporting | nobody s reporting | keeping quiet | keeping it quiet | kept quiet | behind our backs
      without telling anyone | media won t | quietly raised | quietly cut | quietly closed | quietly removed
      quietly changed | nobody s talking | no one s talking | nobody s covering | no one s covering
    `),
    patterns: [
      // Suppression: "tidak pernah diberitakan", "belum mau mengumumkan", "TV tidak meliput".
      '(?:tidak|belum|gak|nggak|tak)(?:\\s+(?:ada|yang|pernah|mau|akan|berani|boleh|satu|pun|media|tv|televisi|koran|wartawan)){0,6}\\s+(?:diberitakan|memberitakan|beritakan|ngeberitain|beritain|diberitain|diumumkan|mengumumkan|umumkan|umumin|diumumin|ngumumin|diliput|meliput|liput|ngeliput|rilis|dirilis|mengangkat|nulis|menulis|bahas|ngebahas|membahas|dibahas)',
      // Done quietly by those in charge, not by anyone: "PLN diem-diem naikin tarif", "pemprov diam-diam menaikkan".
      '(?<=(?:pemerintah|pemprov|pemda|pemkot|pejabat|dinas|pln|pam|pdam|bpjs|mereka|aparat|polisi|dpr|dprd|kelurahan|kecamatan|perusahaan|pengembang|aplikator|bank|sekolah|rumah sakit|rs|pertamina|pusat)\\s+(?:[\\p{L}]+\\s+){0,2}?)(?:diam diam|diem diem)',
      '(?<=(?:naik|naikin|di[\\p{L}]{3,})\\s+)(?:diam diam|diem diem)',
      // "diam-diam tarif Transjakarta dinaikkan": a decision, told as hidden.
      '(?:diam diam|diem diem)(?:\\s+[\\p{L}]+){0,4}?\\s+(?:di[\\p{L}]{3,}|naik|naikin|menaikkan|memotong|menghapus|mencabut|menjual)',
      // The media silent, however it is said: "media2 pd bungkam semua", "media pada diem soal ini".
      '(?<=media\\s+(?:media\\s+)?(?:pada\\s+|semua\\s+|sudah\\s+|masih\\s+)?)(?:bungkam|diem|tutup mulut)',
      // Everyone knew but the residents: "cuma warga aja yang belum dikasih tahu".
      '(?<=(?:warga|rakyat|masyarakat|kita)\\s+(?:saja\\s+|aja\\s+|doang\\s+)?yang\\s+)belum\\s+(?:dikasih tahu|dikasih tau|diberi tahu|diberitahu|tahu)',
      // English, gated on the rarer word: "they're not putting this on the news", "TV isn't covering it".
      '(?<=not\\s)(?:putting|reporting|covering|showing|airing)\\s+(?:this|it|that)',
      // Gated on the rarer word: "memang sengaja", "emang sengaja".
      '(?<=(?:memang|emang)\\s)sengaja',
      // Gated on the rarer word: "no one is reporting", "not being reported", "they won't tell you".
      '(?<=no\\s)one\\s+(?:is|s)\\s+(?:reporting|talking)|(?<=not\\s)being reported|(?<=they\\s)won t tell',
      // Done on purpose, by whoever: "sengaja listrik dipadamin", "sengaja dipulangkan paksa"; not `tidak sengaja`.
      '(?<!(?:tidak|tak|gak|nggak|enggak|tanpa|ga)\\s)sengaja(?:\\s+[\\p{L}]+){0,4}?\\s+di[\\p{L}]{3,}',
      // "sengaja diam", "sengaja dibiarkan", "sengaja dibuat molor".
      `sengaja\\s+(?:diam|dibiarkan|membiarkan|biarkan|dibuat|menutupi|ditutupi|menyembunyikan|disembunyikan|tidak|jarang|umumkan|mengumumkan|diumumkan|${DONE_ON_PURPOSE})`,
      // It will never be on the news: "beritanya tidak akan muncul di TV", "nggak bakal masuk berita".
      '(?:tidak|gak|nggak|tak)\\s+(?:akan|bakal)\\s+(?:muncul|masuk|ada|tayang)\\s+(?:di\\s+)?(?:tv|berita|media|televisi|koran)',
      // Those in charge silent about it: "pemerintah diam soal ini biar …", "media bungkam tentang …".
      '(?<=(?:pemerintah|pemprov|pemda|media|aparat|dinas|pejabat|polisi)\\s+)(?:diam|bungkam|tutup mulut)\\s+(?:soal|tentang|saja|aja|biar|supaya|karena)',
      // Silence with a motive: "ahli gizi diam saja karena programnya tidak laku", "the government is hiding it".
      '(?:diam|bungkam)\\s+(?:saja\\s+)?karena',
      '(?:is|are)\\s+hiding\\s+(?:it|this|the truth)|to avoid panic',
      // Hidden "so no one panics": "supaya warga tidak panik", "biar masyarakat nggak panik".
      '(?:biar|agar|supaya)\\s+(?:warga\\s+|masyarakat\\s+|rakyat\\s+|orang\\s+|publik\\s+)?(?:tidak|tak)\\s+panik',
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
  '(?:tomorrow|tonight|will|next week|next month|this month|end of (?:the|this) month|there will be|will be|going to|starting|from monday|besok|lusa|nanti|nanti malam|nanti sore|malam ini|sore ini|minggu ini|pekan ini|minggu depan|pekan depan|bulan depan|tahun depan|sebentar lagi|akan|bakal|mau|mulai|hari (?:senin|selasa|rabu|kamis|jumat|sabtu|minggu)|dalam \\d+ (?:jam|hari))';
const IMPACT =
  '(?:mati|padam|pemadaman|kehabisan|berhenti|kosong|tembus|dipadamkan|dimatikan|ditutup|tutup|berhenti beroperasi|tidak beroperasi|diliburkan|naik|tenggelam|banjir|jebol|gempa|tsunami|dibuka|diblokir|terblokir|dinonaktifkan|wajib|harus|dilarang|tidak berlaku|langka|hangus|razia|sweeping|pemeriksaan|sidak|denda|pajak|berbayar|mogok|rusuh|demo|meletus|dihapus|dicabut|disita|diambil|ditarik|dikenai|dikenakan|dinaikkan|naikin|dihentikan|dirampas|diundur|dipotong|ditolak|tolak|menolak|tidak melayani|tidak menerima|tidak diangkut|digusur|dibongkar|penggusuran|dibekukan|disegel|diberlakukan|ditangkap|diputus|memutus|hilang|dibekuin|dimatiin|dinonaktifin|dipulangin|diusir|dicabut|disetop|distop|dipungut|memungut|dipatok|dibubarkan|bubar|ditunda|dicoret|dinaikkan|naikin|dinaikin|stop|closed|shut down|cut off|banned|raised|go up|goes up|stops|blackouts?|suspended|be down|stop running|charged|fined|revoked|hiked|ditahan|nolak|menolak)';
const DANGER =
  '(?:penculikan|penculik|culik|diculik|menculik|dibius|bius|obat tidur|begal|perampokan|pembunuhan|bom|teror|kerusuhan|wabah|meninggal|tewas|racun|beracun|narkoba|radiasi|amblas|ambles|ambruk|roboh|runtuh|retak|retakan|longsor|likuifaksi|meledak|lockdown|riots?|kedaluwarsa|kadaluarsa|keracunan|oplosan|dioplos|polio|difteri|kolera|antraks|rabies|flu burung|virus baru|penyakit misterius|jam malam|curfew|contaminated|poisoned|outbreak|collapsed?|collapsing|crumbling|bomb threat|cholera|bacteria|cracks|cracking|give way|caught fire|gas leak|explode|explosion|tested positive|timbal|merkuri|limbah pabrik|zat kimia|merusak otak|virus baru|dibacok|bacok|bacokan|celurit|jambret|penjambretan|gendam|maling|pencuri|(?:buaya|ular|ular sanca|harimau|macan|beruang)\\s+lepas|sajam|bersajam|copet|chip pelacak|microchip|formalin|boraks|tiren|arsenik|organnya diambil|bahan kimia|pengawet berbahaya|(?:susu|telur|telor|beras|obat|vaksin|formula|minyak|bensin|pertalite|pertamax)(?:\\s+[\\p{L}]+){0,8}?\\s+palsu|dicampur air|menularnya|cacar monyet|mpox|rem blong|rel rusak|kerusakan rel|nyerang|menyerang|diserang|penyerangan|air keras|jarum suntik|hiv|tertular|menular|nular|penyakit aneh|penyakit kulit|kills|killed|deaths|died|stolen|robbed|kidnap|kidnapped|drugged|drugs the|locked down|lock down|dipindah paksa|nyulik|hipnotis|dirampok|kejang|lumpuh|stroke|tbc|campak|tipes|gagal ginjal|etilen glikol|daging tikus|daging celeng|palsu dari plastik|beras plastik|telur palsu|telor palsu|pemutih|kebal obat|flu babi|rubuh|kebakar|terbakar|dibobol|dikuras|terkuras|kesedot|(?:dicampur|mengandung|campuran)(?:\\s+[\\p{L}]+){0,2}?\\s+(?:plastik|oli|formalin|boraks|racun|bahan berbahaya|bahan kimia|pewarna tekstil|narkoba|babi|limbah|bakteri))';
export const RUMOUR = new RegExp(
  `(?<![\\p{L}])(?:${FUTURE}(?:,?\\s+[\\p{L}\\p{N}]+){0,10}?,?\\s+${IMPACT}|${IMPACT}(?:,?\\s+[\\p{L}\\p{N}]+){0,6}?,?\\s+${FUTURE}|${DANGER})(?![\\p{L}])`,
  'iu',
);
/**
 * Words of the impacts and dangers (four letters or more, as their sources spell them): a
 * post with none of them among its tokens has no rumour, which lets callers skip the regex.
 */
export const RUMOUR_WORDS: ReadonlySet<string> = new Set(
  [...(`${IMPACT} ${DANGER}`.match(/[a-z]{4,}/gu) ?? []), 'riot'].filter((w) => w !== 'tidak'),
);
export const DANGER_ONLY = new RegExp(`^${DANGER}$`, 'iu');
/** The words RUMOUR cannot match without, on the normalised (lower-case) text: a quick test that spares most texts the long regex. */
export const RUMOUR_HINT = new RegExp(`\\b(?:${IMPACT}|${DANGER})`, 'u');
export const RUMOUR_BONUS = 0.1;
/** The indicators that say where a message comes from (nowhere checkable), and so can carry a rumour. */
export const RUMOUR_SOURCES: ReadonlySet<string> = new Set(['hearsay', 'pseudo_authority', 'forwarded']);

/** Counter-signal: the post debunks or clarifies. `bukan hoaks` (insisting it is true) is not one. */
export const DEBUNK_PHRASES = list(`
  cek fakta | cekfakta | hoaks | hoax | hoaxs | klarifikasi | meluruskan | tidak benar | disinformasi | misinformasi
  menyesatkan | dibantah | membantah | tidak terbukti | tidak didukung bukti | kabar bohong | berita bohong
  informasi keliru | informasi salah | info salah | kabar salah | [salah] | penipuan | penipu | berkedok
  mencatut nama | mengatasnamakan | phishing | bukan situs resmi | bukan akun resmi | jangan disebarkan
  jangan sebarkan | jangan diteruskan | berhenti meneruskan | fact check | fact-check | is false
  not true | debunked | misleading | turnbackhoax | video lama | foto lama | rekaman lama | hoaks lama
  tidak ada laporan | tidak ada kejadian | bukan kejadian | sudah dicek | mitos | keliru
  tidak ada rencana | fake notice | fake message | please ignore | ignore the message | fake news | false alarm
  tidak ada dasarnya | tidak berdasar | tabayyun
`);
/**
 * A debunking word after these does not debunk: it insists (`bukan hoaks`, `gak hoax ini`,
 * `bukan berita bohong`, `jangan anggap hoaks`), owns an earlier doubt (`kirain hoax ternyata
 * beneran`) or says no one has answered yet (`belum ada klarifikasi`).
 */
export const DEBUNK_NOT_AFTER = [
  'bukan',
  'not a',
  'no',
  'anti',
  'bukan berita',
  'bukan kabar',
  'bukan info',
  'bukan sekadar',
  'gak',
  'tidak',
  'kira',
  'kirain',
  'dikira',
  'anggap',
  'belum ada',
  'tanpa',
];
/** "jangan percaya" debunks when it is about the message (`jangan percaya pesan itu`), not about the press. */
export const DEBUNK_PATTERNS = [
  // "cek dulu sebelum share", not "cek dulu sebelum dimasak" (the hoax's own advice).
  'cek\\s+(?:dulu\\s+)?sebelum\\s+(?:share|sebar|disebar|menyebarkan|sebarkan|percaya|forward|teruskan|meneruskan|membagikan|bagikan|repost)',
  // "Faktanya, …" corrects; "Ini faktanya:" asserts.
  '(?<!ini\\s)faktanya',
  '(?:jangan|jgn)\\s+(?:langsung\\s+|mudah\\s+|gampang\\s+)?percaya\\s+(?:(?:dengan|pada|sama|begitu saja)\\s+)?(?:ya\\s+|yah\\s+|dulu\\s+)?(?:kabar|pesan|info|informasi|isu|hoaks|hoax|broadcast|link|tautan|surat|edaran|foto|video)',
  // The agency's answer, reported: "PAM Jaya menyatakan kualitas air sesuai standar", "PLN memastikan pasokan aman".
  '(?:memastikan|menegaskan|menyatakan|menjamin)\\s+(?:[\\p{L}]+\\s+){0,5}?(?:aman|sesuai standar|memenuhi standar|layak minum|normal|tidak benar|masih berlaku|tetap berlaku)',
  // "mohon jangan dipercaya", "jangan langsung dipercaya".
  '(?:jangan|jgn)\\s+(?:langsung\\s+|mudah\\s+)?dipercaya',
  // The message is not the agency's: "itu bukan dari Kelurahan", "BUKAN dari PLN", "not from the city".
  '(?<=(?:itu|ini|pesan|surat|edaran|info|informasi|kabar)\\s+(?:[\\p{L}]+\\s+){0,2}?)bukan\\s+(?:berasal\\s+)?(?:dari|dr)\\s+(?:pihak\\s+|akun\\s+)?[\\p{L}]+',
  // "edaran itu palsu", "suratnya palsu ya", "dipastikan palsu".
  '(?<=(?:surat|suratnya|edaran|pesan|pesannya|info|infonya|kabar|foto|video|akun|pengumuman)\\s+(?:[\\p{L}\\p{N}]+\\s+){0,8}?)palsu\\s+(?:ya|yah|itu|bapak|ibu|guys|gaes|dan|karena)',
  '(?<=(?:dipastikan|adalah|itu)\\s)palsu',
  // In English, gated on the rarer word: "no such advisory", "it is fake", "not genuine", "not from the city".
  '(?<=no\\s)such\\s+(?:advisory|notice|announcement|message)',
  '(?<=is\\s)fake',
  '(?<=not\\s)genuine',
  '(?<=not\\s)from\\s+the',
];
export const DEBUNK_WEIGHT = 0.45;
/** Each further distinct debunking phrase lowers the score a little more, up to this much in all. */
export const DEBUNK_MAX = 0.6;
