/**
 * Pantau's Indonesian sentiment lexicon, written for this project from knowledge of the language
 * (not derived from any labeled data set). Scores run from −5 to +5, AFINN-style.
 *
 * Words are grouped by score, loosely by theme within a group, space-separated. Surface forms
 * are standard spellings as `normalise` leaves them (slang is expanded there), plus slang with
 * no standard equivalent (`mantul`, `kece`, `zonk`, `lemot`) and English words common in
 * code-mixed posts. Frequent affixed forms are listed; others are found by the stemmer
 * fallback in `sentiment.ts`.
 *
 * `a_b` is a phrase: the sentiment module joins `a b` into one token before scoring, so
 * `rumah sakit` (0) does not fire `sakit`, and `luar biasa` is one strongly positive word.
 * Modifiers (`tidak`, `sangat`, `banget`, `tapi`) live in sentiment.ts; `kurang` is both a
 * word (−1, "lacking") and a softener of the word after it.
 *
 * City-life topics that are not opinions (`air`, `hujan`, `jalan`, `pompa`) are deliberately
 * absent; city problems that are bad news in themselves (`banjir`, `macet`, `pungli`) are
 * negative. `becus` ("competent") is positive: it is almost always negated (`gak becus`).
 */

import { LEXICON_CITY_GROUPS } from './lexicon-id-city';
import { LEXICON_GENERAL_GROUPS } from './lexicon-id-general';

export const LEXICON_GROUPS: Readonly<Record<string, string>> = {
  '4': `
    sempurna fantastis spektakuler luar_biasa luarbiasa istimewa terhebat terkeren terenak terbaik terbagus
    terindah mantul superb excellent amazing awesome perfect outstanding
    bahagia kebahagiaan membahagiakan berbahagia gembira kegembiraan menggembirakan
    memuaskan mengagumkan menakjubkan hebat kehebatan brilian cemerlang gemilang lezat
    mantap mantapnya sukses kesuksesan menyukseskan berhasil keberhasilan
    mengesankan terkesan terkesima top_markotop
  `,
  '3': `
    bagus bagusnya baik kebaikan enak enaknya keenakan nikmat kenikmatan nikmatnya lezatnya puas kepuasan
    nyaman kenyamanan menyenangkan senang kesenangan bersenang ceria riang asyik seru indah keindahan
    cantik ganteng tampan cakep elok menawan memesona mempesona rapi kerapian bersih higienis segar
    kesegaran menyegarkan ramah keramahan keramahannya sopan kesopanan santun bersahabat dermawan tulus
    ketulusan ikhlas keikhlasan jujur kejujuran amanah terpercaya tepercaya andal handal profesional
    profesionalisme kompeten cekatan sigap tanggap responsif gercep solutif membantu terbantu tertolong
    bermanfaat berguna berfaedah efektif efisien inovatif kreatif canggih lengkap komplit mewah kemewahan
    elegan megah kemegahan apik ciamik yahud keren kerennya kece gokil jempolan top topcer joss jos ajib
    recommended rekomendasi direkomendasikan rekomen rekom worth worth_it favorit terfavorit berkualitas
    bermutu prima unggul unggulan keunggulan becus
    cinta mencintai dicintai tercinta kecintaan jatuh_cinta jatuh_hati bangga membanggakan kebanggaan bersyukur
    mensyukuri salut respek kagum mengagumi dikagumi kekaguman terkagum terharu mengharukan menginspirasi
    inspiratif terinspirasi terpuji lancar kelancaran tepat_waktu ontime tercepat termurah murah_meriah
    gurih renyah empuk sedap sedapnya maknyus nendang nagih ketagihan legit juicy fresh wangi harum
    semerbak rendah_hati baik_hati murah_senyum humble love best great wonderful delicious fantastic
    beautiful happy good nice sehat menyehatkan sembuh pulih membaik kesembuhan selamat_datang
    memanjakan dimanjakan menggugah juara menjuarai menang kemenangan memenangkan berprestasi prestasi
  `,
  '2': `
    lumayan memadai layak pantas wajar sesuai_harapan mending lebih_baik cocok serasi
    transparan transparansi akuntabel kredibel integritas berintegritas bertanggung_jawab tanggung_jawab
    peduli kepedulian memedulikan dipedulikan perhatian memperhatikan diperhatikan care empati berempati
    mendukung dukungan didukung menolong ditolong pertolongan dibantu melayani dilayani
    mudah kemudahan dimudahkan memudahkan mempermudah dipermudah praktis simpel instan cepat kilat sat_set
    gesit tangkas rajin giat tekun kerja_keras pekerja_keras berjuang perjuangan berani keberanian tegas
    ketegasan konsisten berkomitmen sungguh_sungguh diperbaiki memperbaiki dibenahi membenahi pembenahan
    ditertibkan menertibkan dibersihkan membersihkan kerja_bakti gotong_royong ditangani menangani teratasi
    mengatasi diatasi solusi terselesaikan menyelesaikan diselesaikan tuntas dituntaskan menuntaskan beres
    terealisasi terwujud tercapai surut mereda reda kondusif stabil terkendali terkontrol asri rindang teduh
    sejuk adem estetik aesthetic instagramable kekinian populer terkenal ternama legendaris autentik otentik
    berkah barokah keberkahan diberkahi rezeki rejeki rejekinya sukacita bersukacita alhamdulillah syukur
    syukurlah tertawa ketawa senyum tersenyum senyuman kocak humoris hiburan terhibur menghibur lucu
    menggemaskan imut adorable rileks santai nyantai kalem cozy homey friendly helpful useful cool recommend
    affordable clean tasty yummy enjoy nikmati menikmati dinikmati melimpah berlimpah variatif beragam
    bervariasi fleksibel ramah_lingkungan terawat dirawat awet tahan_lama kokoh kuat tangguh kompak solid
    akur rukun harmonis keharmonisan toleran toleransi menghargai dihargai penghargaan pahlawan hero
    edukatif informatif mendidik kooperatif komunikatif akomodatif proaktif produktif konstruktif progresif
    positif optimis optimisme visioner merakyat berwibawa bijak bijaksana kebijaksanaan adil keadilan makmur
    kemakmuran sejahtera kesejahteraan menyejahterakan damai kedamaian perdamaian berdamai aman tenteram
    tenang ketenangan menenangkan lega melegakan nyenyak jernih bening tepat_sasaran
    untung keuntungan beruntung menguntungkan laris laku hoki mujur lucky terjangkau ekonomis hemat menghemat
    gratis semangat bersemangat menyemangati penyemangat antusias puji memuji dipuji pujian apresiasi
    mengapresiasi diapresiasi berterimakasih terima_kasih terimakasih hormat menghormati dihormati setia
    kesetiaan sabar kesabaran wow yay hore sip siplah oke okelah mantap_jiwa wajib_coba suka menyukai
    disukai kesukaan sukai kemajuan maju memajukan berkembang penghijauan meringankan diringankan
    kepercayaan dipercaya mempercayai menarik tertarik memikat unik spesial special istimewanya
  `,
  '1': `
    lumayanlah not_bad bisa_diterima mendingan setuju menyetujui disetujui sepakat kesepakatan
    liburan rekreasi jalan_jalan healing refreshing meriah semarak festival perayaan merayakan
    pintar cerdas pandai kecerdasan kreativitas inovasi terobosan gebrakan renovasi direnovasi
    revitalisasi direvitalisasi inklusif aksesibel ramah_anak ramah_disabilitas khas hangat akrab
    niat kekeluargaan tabah bersabar mulus lengang terang benar betul tepat jelas kejelasan akurat
    sesuai halal semoga moga mudah_mudahan amin aamiin insyaallah ngakak
    ringan murah murahnya kenyang bugar lancar_jaya fair baik_baik_saja tidak_apa_apa normal
    diskon promo cashback bonus hadiah langganan dipercepat mempercepat luas lapang strategis
  `,
  '0': `
    rumah_sakit kurang_lebih lebih_kurang mau_tidak_mau jatuh_tempo selamat_pagi selamat_siang
    selamat_sore selamat_malam orang_tua
  `,
  '-1': `
    biasa_saja b_saja hambar tawar bland meh so_so standar_banget
    lama pelan lola kelamaan berlama_lama
    antre antrean mengantre mengantri antri_panjang
    mahal mahalnya kemahalan pricey overpriced boros pemborosan
    ribet repot merepotkan direpotkan rumit berbelit bertele_tele birokratis
    sempit sesak berdesakan berdesak_desakan padat pengap panas gerah terik kepanasan
    berisik bising ribut keributan gaduh sepi sunyi
    bosan membosankan jenuh monoton
    capek lelah letih penat pegal ngantuk mengantuk
    malas mager gabut galau baper bete badmood
    bingung kebingungan membingungkan linglung
    ragu meragukan diragukan keraguan was_was
    khawatir cemas risau gelisah resah dikhawatirkan
    sayangnya kurang
    molor ngaret tertunda ditunda penundaan delay
    mati_lampu padam pemadaman gangguan terganggu terputus
    sampah sampahnya debu berdebu asap berasap menumpuk tumpukan berceceran bertebaran
    genangan tergenang menggenang becek licin
    retak berlubang lubang
    kecil_hati minder
    aneh keanehan ganjil janggal heran herannya kaget terkejut
    sulit kesulitan susah kesusahan sukar susahnya
    keluh keluhan mengeluh mengeluhkan dikeluhkan komplain mengadu aduan pengaduan
    protes memprotes diprotes kritik mengkritik dikritik kritikan
    pusing mumet pening mual masuk_angin flu pilek batuk gatal iritasi panas_dalam
    anjir anjrit buset busyet astaga astagfirullah astaghfirullah ya_ampun yaampun ampun
    waduh aduh duh haduh hadeh hadeuh walah
    nanggung lapar haus kelaparan kehausan kedinginan
    kusam pudar lusuh usang kuno
    cemberut manyun overrated
    ditilang tilang denda didenda batal dibatalkan pembatalan cancel
    jatuh terjatuh nekat mengebut berat
    masalah permasalahan mempermasalahkan kendala terkendala hambatan risiko berisiko
    menurun penurunan melonjak lonjakan meroket inflasi hutang utang
    kontroversi kontroversial polemik dinasti malah habis kalah gila
    virus nyamuk tikus kecoa lalat lembek mentah pahit berminyak
    terbuang lecet spam ditangkap
    pengungsian menyerah nyerah pasrah
  `,
  '-2': `
    buruk keburukan memburuk memperburuk jelek kejelekan menjelekkan burik butut
    kecewa kekecewaan dikecewakan mengecewakan kecewanya
    sedih kesedihan menyedihkan bersedih sedihnya pilu duka berduka dukacita nelangsa
    kesal kekesalan mengesalkan sebal menyebalkan nyebelin jengkel menjengkelkan dongkol gondok sumpek
    marah kemarahan memarahi dimarahi pemarah murka geram emosi emosian naik_darah sewot nyolot sinis ngegas
    takut ketakutan menakutkan menakuti seram menyeramkan ngeri mengerikan horor
    kotor kekotoran mengotori dikotori jorok bau berbau pesing amis apek anyir kumuh kumal dekil
    mampet tersumbat sumbat penyumbatan berserakan sembarangan seenaknya liar ilegal
    macet kemacetan kemacetannya macetnya semrawut kesemrawutan terjebak padat_merayap merayap tersendat
    crowded chaos kacau kekacauan amburadul berantakan acak_acakan
    banjir kebanjiran banjirnya meluap luapan rob dibanjiri
    bocor kebocoran rembes ambrol longsor amblas ambles tumbang reyot
    rusak kerusakan dirusak merusak rusaknya mogok mangkrak terbengkalai
    lambat lelet lemot telat terlambat keterlambatan
    lemah kelemahan payah lamban amatir asal_asalan asal_jadi tambal_sulam murahan
    gagal kegagalan menggagalkan digagalkan
    salah kesalahan bersalah disalahkan menyalahkan keliru kekeliruan
    bohong berbohong kebohongan dibohongi membohongi bual omong_kosong php pemberi_harapan_palsu omdo
    pencitraan ingkar buzzer oligarki blunder
    lalai kelalaian abai mengabaikan diabaikan terabaikan cuek acuh tak_acuh lepas_tangan
    telantar terlantar ditelantarkan menelantarkan
    sakit kesakitan sakitnya penyakit demam meriang diare muntah sesak_napas ispa dbd demam_berdarah
    luka terluka melukai cedera patah pingsan kritis infeksi terinfeksi tertular menular penularan
    pandemi epidemi racun
    polusi pencemaran tercemar mencemari limbah kabut_asap keruh air_keruh air_mati mati_listrik gelap_gulita
    miskin kemiskinan melarat pengangguran menganggur nganggur phk dipecat
    sengsara kesengsaraan menderita penderitaan derita tersiksa menyiksa siksa
    mengganggu diganggu pengganggu menghambat terhambat
    menolak penolakan ditolak
    kasar kekasaran galak judes jutek ketus sombong angkuh arogan songong belagu
    malu memalukan dipermalukan mempermalukan malu_maluin
    curiga mencurigakan
    putus_asa frustasi frustrasi depresi stres stress tertekan panik kepanikan shock syok kesepian
    menangis tangis tangisan nangis
    hilang kehilangan dicopet kecopetan copet kecolongan
    korban terdampak terpaksa dipaksa memaksa paksaan
    mubazir sia_sia percuma useless
    zonk ampas abal_abal kw palsu imitasi
    menyesal penyesalan disesalkan menyesalkan
    iri dengki pelit kikir
    bad poor slow dirty expensive sad angry disappointed disappointing boring
    error eror bug ngehang ngelag lag slow_respon slowres
    kebakaran terbakar
    kecelakaan tabrakan menabrak ditabrak terserempet terpeleset
    minim kurangnya kekurangan terbatas langka kelangkaan kekeringan
    menyulitkan dipersulit mempersulit menyusahkan berbelit_belit
    keberatan memberatkan
    hilang_kabar ghosting
    norak lebay alay kampungan
    nyinyir julid
    bodo_amat masa_bodoh bodoamat
    miris prihatin keprihatinan ironis ironi kasihan kasian naas nahas apes sial
    kelewatan lancang
    melanggar pelanggaran dilanggar pelanggar langgar melawan_arus serobot menyerobot diserobot
    bentrok bentrokan ricuh kericuhan gas_air_mata
    tersangka terdakwa penjara dipenjara ott
    bermasalah merosot anjlok resesi mengungsi pengungsi
    basi gosong keasinan alot anyep eneg enek
    cacat penyok sobek robek
    calo percaloan mabuk miras judi perjudian
    mengkhawatirkan meresahkan keresahan rugi merugikan dirugikan kerugian
    meremehkan diremehkan menyepelekan disepelekan menuduh dituduh tuduhan
    ejek mengejek diejek ejekan diketawain ditertawakan menertawakan sok sayang_sekali
    meninggal wafat mati kematian
    darurat
  `,
  '-3': `
    pecundang sesat menyesatkan disesatkan
    parah separah keparahan parahnya terburuk terparah terjelek kecewa_berat
    benci membenci kebencian dibenci muak jijik menjijikkan menjijikan
    jahat kejahatan kejam kekejaman sadis bengis zalim kezaliman dzalim aniaya menganiaya penganiayaan
    tipu menipu penipu penipuan ditipu tertipu curang kecurangan dicurangi mencurangi
    maling mencuri pencuri pencurian dicuri kemalingan nyolong colong dicolong
    rampok merampok perampok perampokan begal dibegal pembegalan jambret dijambret penjambretan
    kriminal kriminalitas tawuran perkelahian berkelahi pengeroyokan dikeroyok keroyok
    ancam mengancam ancaman terancam intimidasi mengintimidasi
    hancur kehancuran menghancurkan dihancurkan hancurnya ambruk roboh runtuh jebol
    tenggelam terendam banjir_bandang tanah_longsor
    bahaya berbahaya membahayakan bahayanya rawan kerawanan
    bodoh kebodohan tolol goblok bego dungu oon idiot stupid
    kurang_ajar biadab bobrok kebobrokan carut_marut salah_urus semena_mena sewenang_wenang seenak_jidat
    keterlaluan kebangetan tidak_tahu_malu munafik kemunafikan bermuka_dua janji_palsu ingkar_janji
    diskriminasi diskriminatif rasis rasisme intoleran intoleransi represif otoriter diktator
    pelecehan dilecehkan melecehkan cabul asusila
    hoaks hoax fitnah memfitnah difitnah provokasi provokator memprovokasi menghasut penghasutan
    adu_domba ujaran_kebencian
    preman premanisme palak memalak dipalak pemalakan sogok menyogok disogok sogokan
    ugal_ugalan tabrak_lari
    penggusuran digusur menggusur
    gizi_buruk stunting krisis krisis_air bencana malapetaka musibah tragedi tragis
    memprihatinkan memilukan mengenaskan menyakitkan menyakiti disakiti sakit_hati patah_hati trauma traumatis
    terpuruk keterpurukan
    hina menghina dihina penghinaan hinaan bully dibully perundungan dirundung
    rampas merampas dirampas peras memeras diperas pemerasan tindas menindas ditindas penindasan
    tikam ditikam ditusuk penusukan bacok dibacok culik diculik penculikan
    wabah keracunan beracun sekarat
    bangkrut pailit gulung_tikar mencekik skandal politik_uang serangan_fajar
    rusuh kerusuhan anarkis anarki
    ngamuk mengamuk amukan
    mematikan memakan_korban tewas
    terrible awful horrible hate pathetic judol
  `,
  '-4': `
    korupsi koruptor korup dikorupsi pungli pungutan_liar suap menyuap disuap penyuapan
    gratifikasi kongkalikong mafia kolusi nepotisme kkn markup mark_up
    brengsek bangsat bajingan keparat kampret sialan laknat terkutuk celaka
    anjing babi tai taik asu jancok jancuk bangke
    pembunuhan membunuh dibunuh pembunuh bunuh
    pemerkosaan diperkosa memperkosa perkosa
    teror teroris terorisme pengeboman
    kekerasan penyiksaan disiksa narkoba narkotika
    worst disgusting
  `,
};

/** One lexicon entry as written: `words` is a single word or a phrase of several. */
export interface LexiconEntry {
  readonly words: readonly string[];
  readonly score: number;
}

/** Every entry in the order written (duplicates included, so a test can catch them). */
export const LEXICON_ENTRIES: readonly LexiconEntry[] = Object.freeze(
  [LEXICON_GROUPS, LEXICON_GENERAL_GROUPS, LEXICON_CITY_GROUPS]
    .flatMap((groups) => Object.entries(groups))
    .flatMap(([score, words]) =>
      words
        .split(/\s+/)
        .filter((w) => w.length > 0)
        .map((w) => ({ words: w.split('_'), score: Number(score) })),
    ),
);

/**
 * The flat lexicon: word → score. A phrase is keyed by its words joined without separator
 * (`luar_biasa` → `luarbiasa`), which is how the sentiment module presents a matched phrase.
 */
export const LEXICON_ID: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(LEXICON_ENTRIES.map((e) => [e.words.join(''), e.score])),
);
