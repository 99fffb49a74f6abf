/**
 * More of Pantau's Indonesian lexicon: everyday opinion words, formal and informal, that the
 * first list (`lexicon-id.ts`) lacks: feelings, judgements of quality and behaviour, praise and
 * abuse, Jakarta slang, and frequent affixed forms whose meaning the stemmer cannot be trusted to
 * find. Written for this project from knowledge of the language (not derived from any data set);
 * merged into LEXICON_ID by `lexicon-id.ts`, same format (`a_b` is a phrase, scores −5..+5).
 */
export const LEXICON_GENERAL_GROUPS: Readonly<Record<string, string>> = {
  '5': `
    terbaik_sepanjang_masa juara_dunia mantap_betul
  `,
  '4': `
    memukau terpukau takjub menakjubkannya tiada_tanding tak_tertandingi tiada_duanya tak_ada_duanya dua_jempol
    empat_jempol highly_recommended must_try wajib_dicoba wajib_datang wajib_mampir nomor_satu sayang_banget
    bintang_lima
  `,
  '3': `
    mengasyikkan menyejukkan berkesan terkenang memotivasi termotivasi berbakat bertalenta jenius genius cerdik piawai
    mahir terampil keterampilan berpengalaman teliti cermat telaten ulet disiplin kedisiplinan penyayang pengasih
    penuh_kasih kasih_sayang welas_asih murah_hati budiman berbudi berakhlak mulia kemuliaan luhur terhormat_sekali
    bermartabat pemberani ksatria kesatria satria patriot patriotik pejuang heroik anggun jelita ayu manis rupawan
    gagah perkasa berkarisma karismatik kharismatik memikat_hati estetis artistik nyeni bersinar berseri sumringah
    semringah girang kegirangan syahdu romantis harmoni lezatos enyak maknyos endul endes gacor gahar gemas gemes
    gemoy bahagianya senangnya bangganya leganya terbaiklah luar_binasa juwara jawara dahsyat menawan_hati
    akhlak_mulia riang_gembira sehat_walafiat patut_diacungi_jempol acungi_jempol diacungi_jempol puji_tuhan
    tulus_ikhlas laris_manis berkelas berwawasan berbobot bermutu_tinggi terampuh ampuh manjur mujarab mustajab
    makjleb memukau_penonton menghidupkan menyemarakkan terdepan terunggul tersohor termasyhur masyhur kondang sentosa
    bahagiaku riang_ria gembira_ria asri_nan_indah permai elok_rupawan jelita_nan cakepnya gantengnya cantiknya
  `,
  '2': `
    boleh_juga boleh_lah menyenangkannya memuaskannya rapih klimis kinclong mengkilap mengilap licin_bersih ayem
    tentram plong pulas fit panjang_umur tahu_diri sadar_diri mengerti_warga memahami pengertian peka kepekaan
    menyentuh tersentuh haru pantang_menyerah tahan_banting berdaya berdikari mandiri kemandirian jempol angkat_topi
    dukung_penuh dukung_terus terkabul dikabulkan mengabulkan berkat diberkati selamat_ya selamat_atas selamat_untuk
    congrats congratulations selamat_ulang_tahun gampang ringkas berfungsi_normal berjalan_normal menggiurkan
    menggoda_selera kangen rindu merindukan dirindukan ngangenin asik_banget chill santuy slow_aja woles selow
    durian_runtuh cuan dapat_bonus dapat_diskon diskon_besar harga_promo harga_miring menggemaskan_hati rapih_bersih
    bening_jernih kemilau berkilau berkilauan gemerlap gemerlapan cerah_ceria ceria_selalu bersemi mekar bermekaran
    merekah mendamaikan menenteramkan menyejukkan_hati melapangkan meringankan_beban memulihkan dipulihkan pemulihan
    menyembuhkan disembuhkan penyembuhan terobati mengobati diobati menolong_warga memajukan_warga memberdayakan
    diberdayakan pemberdayaan mencerdaskan mencerahkan tercerahkan pencerahan menginspirasi_warga mempersatukan
    bersatu persatuan kerukunan keakraban kekompakan disiplin_tinggi tertib_lalu_lintas taat patuh kepatuhan ketaatan
    setia_kawan solidaritas solider kesetiakawanan valid_datanya tervalidasi terverifikasi terjamin dijamin
    jaminan_mutu bergaransi garansi bersertifikat steril bernas memuaskan_hati pas_mantap nyaman_aman betah kerasan
  `,
  '1': `
    not_too_bad biasa_aja_sih cukupan pas_di_lidah pas_di_kantong masih_bisa_diterima masuk_akal logis rasional
    realistis objektif sewajarnya sepadan seimbang proporsional netral_saja sah_sah_saja tertib_antre antre_rapi
    teratur keteraturan runtut optimistis yakin meyakinkan keyakinan percaya jangan_menyerah turut_berduka
    turut_berdukacita belasungkawa mendoakan didoakan doakan alhamdulillahnya syukurnya untungnya beruntungnya
    naik_kelas cengar_cengir ramai_pengunjung ramai_pembeli antusiasme apa_adanya nrimo legowo berbesar_hati lumayanan
    mendinglah lumayanlah_ya sedang_sedang lazim umum_saja memadai_saja seadanya_tapi_enak tertolong_juga kebantu
    terobati_kangen memaafkan dimaafkan maafkan permintaan_maaf meminta_maaf mohon_maaf damai_damai akur_akur baikan
    berbaikan rujuk
  `,
  '-1': `
    biasa_banget standar biasa_biasa_saja so_so_saja gitu_gitu_saja begitu_begitu_saja tidak_sreg belum_maksimal
    belum_optimal belum_siap tidak_maksimal tidak_optimal kecil_kecilan seadanya ala_kadarnya apa_adanya_saja asal_ada
    tanggung setengah_hati setengah_setengah setengah_matang kemanisan keasaman kepedasan kepahitan kebesaran
    kekecilan kesempitan kepanjangan pegel encok kram kesemutan keringetan keringatan berkeringat basah_kuyup
    kehujanan kebasahan kesiangan ketinggalan kelewat lupa kelupaan terlupakan kesalahpahaman miskomunikasi sibuk
    kesibukan riweh rempong_banget hectic bosen_banget suntuk hampa kosong_hati canggung kikuk grogi gugup nervous
    deg_degan penasaran kepo ingin_tahu bimbang dilema rewel cerewet bawel banyak_omong banyak_alasan alasan_saja
    beralasan berdalih dalih ramai_banget nombok tekor boncos merugi kena_charge kena_biaya biaya_tersembunyi
    hidden_fee sayang_sekali_ya disayangkan sayang_uang sayang_waktu buang_waktu buang_buang_waktu buang_uang
    buang_buang_uang drama dramatis berlebihan klise formalitas kaku masa_bodo bodo_amat_lah sensi sensitif mellow
    skeptis pesimis pesimistis apatis tidak_jelas_juntrungannya tidak_karuan tak_karuan tidak_menentu tak_menentu
    labil kemalasan kebosanan kejenuhan kelelahan_fisik keletihan kepenatan kecapaian kesepian_hati kegalauan
    kebimbangan keraguan_warga kecanggungan kegugupan pelit_senyum nyindir menyindir sindiran disindir sarkas
    sarkastik satire nyinyiran menguap ngorok mendengkur pegal_linu kesemutan_kaki berliku berkelok terjal curam
    menanjak gerimis_deras telmi lemot_mikir lola_mikir kudet ketinggalan_zaman jadul ngomel ngomel_ngomel mengomel
    diomeli omelan menggerutu gerutu menggerundel bersungut_sungut terpaksa_antre mengantri_lama keteteran kewalahan
    kerepotan kesulitan_parkir susah_parkir parkir_susah
  `,
  '-2': `
    mahal_banget_banget nyesel_banget jauh_dari_harapan di_bawah_standar di_bawah_ekspektasi ngawur ngaco ngasal asbun
    asal_bunyi asal_ngomong sembrono ceroboh kecerobohan teledor keteledoran gegabah serampangan semaunya semau_gue
    egois keegoisan pura_pura_tidak_tahu tutup_mata tutup_telinga lepas_tangan_saja buang_badan cuci_tangan cari_muka
    cari_aman cari_panggung numpang_tenar panjat_sosial pansos caper cari_perhatian sok_pintar gila_hormat
    gila_jabatan haus_kekuasaan rakus serakah keserakahan tamak licik kelicikan culas picik bermuka_tebal muka_tebal
    tebal_muka tidak_beretika tidak_etis tak_etis tidak_bermoral amoral mesum genit ngeselin_banget bikin_naik_darah
    bikin_darah_tinggi darah_tinggi bikin_pusing bikin_susah bikin_repot bikin_ribet naik_pitam geregetan gregetan kzl
    sebel_banget bt gedek gedeg nyesek sesak_hati patah_semangat putus_harapan kehilangan_kepercayaan
    tidak_percaya_lagi tak_percaya_lagi krisis_kepercayaan resah_warga sia_sia_saja kecurian kebobolan dibobol
    membobol pembobolan diblokir terblokir dibekukan pembekuan_akun modus bodong pinjol rentenir lintah_darat
    jeratan_utang terjerat menjerat dijerat kambing_hitam dikambinghitamkan dijadikan_kambing_hitam dicemooh cemooh
    cemoohan dihujat hujat hujatan menghujat dirisak risak merisak perisakan dikucilkan mengucilkan diintimidasi
    diteror meneror diancam dipersekusi persekusi ketidakadilan berat_sebelah timpang ketimpangan kesenjangan senjang
    ketidakpastian tidak_pasti tak_pasti ketidakjelasan ketidakmampuan tidak_mampu_mengatasi ketidakpuasan
    ketidakpedulian ketidakbecusan ketidakprofesionalan ketidaktegasan plin_plan mencla_mencle esok_tele_sore_tempe
    bapuk remuk babak_belur compang_camping ancur_ancuran kocar_kacir porak_poranda busuk_hati iri_hati dengki_hati
    dendam mendendam dendam_kesumat menghina_warga mencibir cibiran dicibir mengolok olok olokan diolok_olok
    mempermainkan dipermainkan permainan_kotor mengelabui dikelabui menyesatkan_warga mengecoh dikecoh kecoh tipu_tipu
    tipuan jebakan dijebak menjebak terjebak_tipu mengancam_warga menakut_nakuti ditakut_takuti intimidatif congkak
    pongah takabur sombongnya mangkir membangkang pembangkangan melanggar_aturan langgar_aturan ketidakpatuhan
    indisipliner bolos membolos absen_terus malas_kerja makan_gaji_buta gaji_buta korupsi_waktu kotornya joroknya
    baunya_minta_ampun bau_menyengat menyengat apak lembap lembab berjamur jamuran jamur retak_retak keropos lapuk
    rapuh reot ringkih goyah miring tumpah tumpahan ceceran kebisingan kegaduhan keributan_warga cekcok bertengkar
    pertengkaran adu_mulut berselisih perselisihan sengketa konflik berkonflik terlilit_utang terlilit kelilit
    kehabisan_uang kere bokek tongpes terasing terpinggirkan dipinggirkan termarjinalkan marginal tersisih tersisihkan
    disisihkan diasingkan kelaparan_warga busung_lapar kurus_kering lemah_lesu sakit_sakitan penyakitan
  `,
  '-3': `
    jelek_banget_banget najis amit_amit benar_benar_mengecewakan menyesal_seumur_hidup kapok tidak_akan_kembali
    tak_akan_kembali tidak_mau_lagi ogah amit_amit_deh jangan_ke_sini jangan_pernah jangan_beli jangan_mampir
    tukang_bohong pembohong_besar dusta pendusta berdusta kedustaan durhaka tidak_beradab tak_beradab barbar
    sampah_masyarakat kayak_sampah seperti_sampah sampahan bejat kebejatan dongo bloon geblek gebleg pekok bebal
    otak_udang tidak_punya_otak tak_punya_otak tidak_punya_hati tak_punya_hati tidak_punya_malu tak_punya_malu
    muka_badak urat_malu_putus zolim zhalim zalimnya kejamnya tertindas penindas mencekam rusak_total lenyap musnah
    binasa punah diperdaya memperdaya dikibuli mengibuli kibul kadal dikadalin ngadalin diakalin ngakalin manipulasi
    memanipulasi dimanipulasi rekayasa direkayasa pemalsuan dipalsukan memalsukan kejahatan_siber peretasan diretas
    meretas kebocoran_data data_bocor data_dijual jual_data pencurian_motor curanmor maling_motor maling_helm
    pemalsuan_dokumen dokumen_palsu ijazah_palsu surat_palsu uang_palsu obat_palsu vaksin_palsu penyelundupan
    selundupan diselundupkan menyelundupkan ilegal_logging pembalakan_liar perambahan pelecehan_verbal catcalling
    digodain digoda_preman kejinya biadabnya bejatnya
  `,
  '-4': `
    kontol memek ngentot pantek puki pukimak jembut bangsad anjeng anjim anying kampang setan iblis dajjal keji
    kekejian terkutuklah celakalah mampus modar bangsat_lah anjing_lah kontolnya
  `,
};
