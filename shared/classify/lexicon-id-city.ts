/**
 * The vocabulary of city life for Pantau's Indonesian lexicon: floods and weather, traffic and
 * transport, waste and environment, public services and bureaucracy, health, housing, safety,
 * politics and governance, prices and money. Written for this project from knowledge of the
 * language (not derived from any data set); merged into LEXICON_ID by `lexicon-id.ts`, same
 * format (`a_b` is a phrase, scores −5..+5).
 *
 * Rule of thumb: a neutral topic word (`pompa`, `halte`, `anggaran`) stays out; a word that is
 * bad news in itself (`genangan`, `pungli`, `lumpuh`) or good news in itself (`surut`, `tepat
 * waktu`, `dibenahi`) goes in. News verbs that merely report (`meninjau`, `meresmikan`) stay out
 * or weigh little, so headlines that mention a disaster stay close to neutral.
 */
export const LEXICON_CITY_GROUPS: Readonly<Record<string, string>> = {
  // Names of policies, programmes and places that contain an opinion word but state none:
  // `ganjil genap` (odd-even plates) is not `ganjil` (odd), `Kebayoran Lama` is not `lama`
  // (slow), `abis ini` is "after this", not `habis` (used up). Washing hands with soap, in a
  // health campaign, is not `cuci tangan` (evading responsibility).
  '0': `
    ganjil_genap rekayasa_lalu_lintas kebayoran_lama kartu_jakarta_pintar jakarta_pintar bpjs_mandiri
    habis_ini habis_itu habis_magrib habis_maghrib habis_isya habis_subuh habis_kerja habis_makan
    cuci_tangan_pakai cuci_tangan_dengan cuci_tangan_sebelum cuci_tangan_sesudah cuci_tangan_setelah
    hari_cuci_tangan kampanye_cuci_tangan sambil_cuci_tangan mencuci_tangan
  `,
  '3': `
    bebas_banjir bebas_macet tertata tepat_janji pelayanan_cepat layanan_cepat respons_cepat respon_cepat
    tanggap_darurat gratis_ongkir aman_terkendali normal_kembali kembali_normal sudah_surut sudah_normal terpenuhi
    dipenuhi terlayani terakomodasi terurus diurus_cepat menyala penyelamat menyelamatkan diselamatkan terselamatkan
    dievakuasi_selamat pelopor teladan keteladanan patut_dicontoh layak_dicontoh pro_rakyat berpihak_rakyat
    blusukan_nyata kerja_nyata bukti_nyata hasil_nyata berkeadilan mengayomi pengayom melindungi dilindungi
    perlindungan tepat_guna berdaya_guna
  `,
  '2': `
    cepet berterima_kasih
    berangsur_normal normalisasi_sungai naturalisasi sodetan tanggul_diperkuat pompa_berfungsi disedot penyedotan
    dialirkan tertangani posko_siaga siaga_bencana siap_siaga bantuan_datang bantuan_tiba tersalurkan disalurkan
    menyalurkan pembagian_bantuan bansos_tepat dapur_umum tertib tertibnya ketertiban dimulus dihaluskan jalan_mulus
    trotoar_lebar jalur_sepeda terintegrasi integrasi ac_dingin armada_baru bus_baru taman_kota ruang_terbuka_hijau
    rth rimbun sampah_terangkut terangkut diangkut dipilah pemilahan daur_ulang didaur_ulang bank_sampah bebas_sampah
    bebas_polusi langit_biru cerah tersedia ketersediaan tercukupi mencukupi cukup_stok harga_turun turun_harga
    subsidi_tepat bantuan_tunai bersubsidi disubsidi digratiskan bebas_biaya tanpa_biaya tanpa_antre antre_tertib
    antrean_tertib terang_benderang penerangan_jalan terlindungi kebal imun aspiratif mendengarkan_warga
    mendengar_aspirasi menampung_aspirasi ditindaklanjuti menindaklanjuti tindak_lanjut ditindak penindakan diusut
    mengusut diproses_hukum keterbukaan terbuka_informasi reformasi_birokrasi inovasi_layanan digitalisasi
    terdigitalisasi tanpa_pungutan bebas_pungli antikorupsi bersih_korupsi perbaikan_nyata meningkat_pesat
    peningkatan_layanan berbenah diresmikan_warga manfaatnya_terasa terasa_manfaatnya dirasakan_warga bersinergi
    sinergi kolaborasi berkolaborasi kerja_sama gotong_royong_warga guyub
  `,
  '1': `
    relawan kerelawanan diperlebar pelebaran diaspal pengaspalan ditangkap_polisi dibekuk membekuk diringkus meringkus
    tertangkap diamankan_polisi dibongkar membongkar terbongkar terungkap mengungkap diungkap berangsur_angsur
    siaga_satu waspada_dini peringatan_dini sistem_peringatan antisipasi mengantisipasi diantisipasi pencegahan
    mencegah dicegah preventif mitigasi dimitigasi normalisasi padat_lancar headway_singkat
    rekayasa_lalu_lintas_berhasil pengangkutan_sampah_rutin perencanaan_matang aduan_ditanggapi laporan_ditanggapi
    keluhan_ditanggapi direspon direspons merespon merespons posyandu_aktif nyala_lagi hidup_lagi mengalir_lagi
    air_mengalir merata pemerataan kemerdekaan merdeka kebebasan bebas demokratis partisipatif partisipasi_warga
    bersahaja sederhana_rendah_hati dekat_rakyat dekat_warga turun_langsung turun_ke_lapangan hati_hati_di_jalan
    get_well_soon
  `,
  '-1': `
    hujan_badai angin_kencang cuaca_ekstrem pasang_naik air_pasang air_naik air_mulai_naik naik_lagi siaga_tiga
    siaga_dua kepadatan volume_kendaraan merambat rush_hour putar_balik dialihkan pengalihan_arus ditutup_sementara
    penutupan_jalan penyempitan galian derek diderek dikandangkan gembok_ban digembok ngetem naik_trotoar
    motor_di_trotoar lawan_arah melawan_arah menerobos terobos bunyi_klakson knalpot_brong tps_penuh
    sampah_belum_diangkut tidak_sehat_udara suhu_tinggi kemarau belum_cair belum_dibayar belum_diganti
    belum_ditanggapi belum_dibalas belum_selesai belum_ada_kabar masih_menunggu sistem_down server_down tarif_naik
    harga_naik naik_harga kenaikan_tarif kenaikan_harga kenaikan_pajak pajak_naik iuran_naik biaya_tambahan
    biaya_admin ongkos_naik bensin_naik bbm_naik selangit daya_beli_turun melemah pelemahan lesu kelesuan omzet_turun
    omset_turun tutup_sementara pengalihan_isu isu_miring simpang_siur tidak_jelas_info informasi_simpang_siur
    tumpang_tindih saling_lempar ego_sektoral birokrasi_panjang prosedur_panjang kamar_penuh ruangan_penuh igd_penuh
    rs_penuh bed_penuh radang alergi insomnia lemas lemes anemia
  `,
  '-2': `
    ngungsi
    genangan_air jalan_tergenang jalanan_tergenang meluber luber air_masuk_rumah masuk_rumah_air sepaha sepinggang
    selutut semata_kaki sedada seleher langganan_banjir daerah_langganan_banjir rembesan pompa_tidak_berfungsi lumpuh
    lumpuhnya kelumpuhan tidak_bergerak stuck stagnan mandek mandeg ditinggal_begitu_saja jalan_berlubang mengelupas
    terkelupas lubang_jalan bolong gelap_gelapan gelap_total listrik_padam pemadaman_bergilir byarpet
    air_tidak_mengalir krisis_air_bersih air_kuning kereta_gangguan gangguan_krl gangguan_mrt anjlokan
    berdesak_desakan_di_krl penuh_sesak umpel_umpelan dempet_dempetan ditinggal_bus ditinggal_kereta
    tidak_datang_datang tidak_ada_bus armada_kurang kurang_armada ngetem_lama sopir_ugal_ugalan supir_ugal_ugalan
    ngebut_ngebutan kebut_kebutan tertabrak tertimpa dinding_retak korsleting hangus ludes si_jago_merah busuk
    membusuk pembusukan menggunung gunungan_sampah sungai_hitam kali_hitam air_sungai_hitam asap_tebal sesak_nafas
    batuk_batuk birokrasi_ribet birokrasi_berbelit dilempar_lempar dioper_oper dipingpong dicuekin dicuekkan
    tidak_ditanggapi tak_ditanggapi tidak_ada_respon tidak_ada_respons tidak_ada_tanggapan tanpa_kabar
    tidak_ada_kejelasan tanpa_kejelasan digantung tidak_ada_solusi tanpa_solusi janji_doang janji_manis janji_kampanye
    cuma_janji omong_doang omongan_kosong sekadar_janji sebatas_janji bantuan_tidak_merata dipotong_bantuan
    pemotongan_bantuan bantuan_dipotong disunat penyunatan dipulangkan_paksa telat_ditangani terlambat_ditangani
    antre_berjam_jam antre_seharian nunggu_berjam_jam menunggu_berjam_jam berjam_jam_menunggu obat_habis obat_kosong
    stok_kosong stok_habis vaksin_habis kosong_stok harga_melonjak harga_meroket melambung melambungnya beras_mahal
    cabai_mahal sembako_mahal kebutuhan_pokok_mahal gaji_dipotong gaji_belum_dibayar upah_rendah upah_murah
    dibayar_murah tergusur kriminalisasi dikriminalisasi pembungkaman dibungkam membungkam disensor mencabut_subsidi
    subsidi_dicabut penyalahgunaan menyalahgunakan disalahgunakan penyelewengan menyelewengkan diselewengkan
    pemborosan_anggaran proyek_asal_jadi politisasi dipolitisasi politik_identitas politik_dinasti dinasti_politik
    kampanye_hitam black_campaign tidak_netral ketidaknetralan gimik gimmick seremonial laka diserempet menyerempet
    jatuh_dari_motor terperosok terjeblos terjerembap tersesat kesasar nyasar_jauh gangguan_jiwa gangguan_mental
    kelelahan kecapekan kecapean panas_tinggi dirawat_inap opname diopname masuk_igd kasus_naik kasus_meningkat
    lonjakan_kasus muntaber cacingan malnutrisi gizi_kurang
  `,
  '-3': `
    banjir_besar banjir_setinggi banjir_sepinggang banjir_sedada banjir_seleher terisolasi terjebak_banjir
    terseret_arus hanyut terhanyut dihanyutkan tersapu tertimbun ambles_jalan jalan_amblas tanggul_ambrol macet_horor
    macet_gila neraka mimpi_buruk kacau_balau ruwet tidak_manusiawi tidak_berperikemanusiaan semena_mena_petugas
    kasar_petugas petugas_kasar petugas_galak dibentak membentak bentak dimaki memaki maki_maki caci_maki dicaci
    mencaci dimintai_uang diminta_uang_rokok pelicin uang_damai damai_di_tempat main_mata permainan_anggaran raib
    dibawa_kabur kabur_membawa penggelapan menggelapkan digelapkan penyelewengan_dana dana_diselewengkan
    mark_up_anggaran makan_uang_rakyat memakan_uang_rakyat tikus_berdasi garong copet_di_krl pencopetan kdrt
    perdagangan_orang trafficking bentrok_warga bentrokan_massa ricuh_demo penjarahan dijarah menjarah jarah
    pembakaran dibakar membakar bakar_bakaran gagal_ginjal gizi_buruk_akut kejadian_luar_biasa klb darurat_kesehatan
    darurat_sampah darurat_polusi darurat_banjir status_darurat korban_jiwa korban_banjir korban_longsor
    korban_kebakaran korban_kecelakaan korban_meninggal meninggal_dunia kesetrum tersetrum tersengat_listrik
    hilang_terseret belum_ditemukan bohongi_rakyat membohongi_rakyat khianat khianati mengkhianati dikhianati
    pengkhianat pengkhianatan menyengsarakan brutal brutalitas arogansi sewenang_wenangnya gagal_total gagal_paham
    gagal_maning kegagalan_total
  `,
  '-4': `
    maling_uang_rakyat rampok_uang_rakyat tragedi_banjir bencana_besar bencana_nasional bencana_kemanusiaan mutilasi
    dimutilasi pembantaian dibantai membantai genosida pelecehan_anak pedofil pedofilia
  `,
};
