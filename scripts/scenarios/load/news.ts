/** What the news and report sources carry in the load: outlets, headlines and body sentences, residents' reports. */
import { type Lang } from '../text';

/** Formal Indonesian and English news: headlines and body sentences per watch topic. */
export const NEWS: Readonly<
  Record<Lang, Readonly<Record<string, { readonly head: readonly string[]; readonly body: readonly string[] }>>>
> = {
  in: {
    banjir: {
      head: [
        'Banjir Rendam {place}, Ketinggian Air Capai {depth}',
        'BPBD DKI Siagakan Pompa Air di {place}',
        'Warga {kel} Mengungsi akibat Banjir',
      ],
      body: [
        'Badan Penanggulangan Bencana Daerah (BPBD) DKI Jakarta mencatat genangan di sejumlah titik di {city}.',
        'Petugas menyiagakan {n} pompa air untuk mempercepat surutnya genangan.',
        'Warga diimbau memantau informasi resmi dan menghindari kawasan {place} untuk sementara.',
      ],
    },
    transjakarta: {
      head: ['Transjakarta Tambah Armada di {koridor}', 'Penumpang MRT dan KRL Meningkat, Halte {place} Dipadati Warga'],
      body: [
        'PT Transjakarta menyebut penambahan armada dilakukan untuk mengurangi waktu tunggu penumpang.',
        'Pada jam sibuk, antrean penumpang terlihat mengular hingga ke luar halte.',
      ],
    },
    macet: {
      head: ['Lalu Lintas di {place} Padat Merayap', 'Ganjil Genap Diperluas ke {place}'],
      body: [
        'Direktorat Lalu Lintas mencatat kepadatan kendaraan meningkat pada jam berangkat kerja.',
        'Pengendara disarankan menggunakan jalur alternatif melalui {place2}.',
      ],
    },
    sampah: {
      head: ['Volume Sampah di TPST Bantargebang Terus Naik', 'Tumpukan Sampah di {kel} Dikeluhkan Warga'],
      body: ['Dinas Lingkungan Hidup DKI menyatakan pengangkutan sampah dilakukan setiap hari.'],
    },
    'air-bersih': {
      head: ['Perbaikan Pipa, Aliran Air PAM di {kel} Terganggu'],
      body: ['PAM Jaya meminta maaf atas gangguan air bersih dan menargetkan perbaikan selesai malam ini.'],
    },
    kesehatan: {
      head: ['Kasus DBD di {city} Meningkat', 'Kualitas Udara Jakarta Masuk Kategori Tidak Sehat'],
      body: ['Dinas Kesehatan meminta warga melakukan pemberantasan sarang nyamuk dan memeriksakan diri ke puskesmas terdekat.'],
    },
    pemprov: {
      head: ['Gubernur DKI Tinjau {masalah} di {place}', 'Pemprov DKI Umumkan Program Perbaikan Trotoar'],
      body: [
        'Pemprov DKI Jakarta menyatakan anggaran perbaikan telah disiapkan tahun ini.',
        'Gubernur meminta dinas terkait bergerak cepat.',
      ],
    },
    other: {
      head: [
        'Festival Kuliner Digelar di {place} Akhir Pekan Ini',
        'Persija Menang Tipis di Laga Kandang',
        'Harga Cabai di Pasar Induk Naik',
      ],
      body: [
        'Panitia memperkirakan ribuan pengunjung akan hadir.',
        'Para pedagang berharap penjualan meningkat menjelang akhir tahun.',
        'Pertandingan berlangsung ketat sejak menit awal.',
      ],
    },
  },
  en: {
    banjir: { head: ['Floods Hit {place} After Heavy Rain'], body: ['The disaster agency said water pumps were deployed across {city}.'] },
    transjakarta: { head: ['TransJakarta Adds Buses on Busy Routes'], body: ['Commuters reported long queues during the morning rush.'] },
    macet: { head: ['Traffic Gridlock Around {place}'], body: ['Police advised drivers to avoid the area.'] },
    pemprov: { head: ['Jakarta Governor Announces Sidewalk Program'], body: ['City hall said the budget has been approved.'] },
    other: { head: ['Food Festival Opens in {place}'], body: ['Organisers expect thousands of visitors over the weekend.'] },
  },
};

/** Sentences any Indonesian news item may carry after its own. */
export const NEWS_FILLER = [
  'Sejumlah warga {kel} mengaku sudah beberapa kali menyampaikan keluhan serupa kepada pengurus RT dan RW setempat.',
  'Kepala Seksi di kecamatan {place} menyebut pihaknya akan berkoordinasi dengan suku dinas terkait.',
  'Menurut pantauan di lapangan, kondisi di sekitar {place} masih ramai hingga sore hari.',
  'Camat setempat mengatakan laporan warga melalui aplikasi JAKI akan ditindaklanjuti paling lambat dalam {n} hari.',
  'Seorang pedagang di {place} mengatakan situasi ini sudah berlangsung sejak pekan lalu.',
  'Pengamat tata kota menilai persoalan ini membutuhkan penanganan jangka panjang, bukan hanya tambal sulam.',
  'Anggota DPRD DKI Jakarta meminta Pemprov mengevaluasi anggaran untuk wilayah {city}.',
  'Petugas gabungan dari kelurahan {kel} diterjunkan untuk membantu warga.',
  'Hingga berita ini diturunkan, belum ada keterangan resmi tambahan dari pihak terkait.',
  'Warga berharap pemerintah segera memberikan solusi agar kejadian serupa tidak terulang.',
];

export const REPORTS = [
  'Mohon ditindaklanjuti, {masalah} di {place} sudah dua minggu belum diperbaiki.',
  'Lapor: banjir {depth} di {kel}, saluran air tersumbat sampah.',
  'Lapor: tumpukan sampah di {kel} belum diangkut sejak tiga hari lalu.',
  'Air PAM di {kel} mati sejak pagi, mohon informasinya.',
  'Lampu jalan di {place} mati, rawan kejahatan malam hari.',
  'Halte transjakarta {place} rusak, atapnya bocor saat hujan.',
  'Terima kasih, {masalah} di {place} sudah diperbaiki dengan cepat.',
];

export const OUTLETS = [
  { name: 'Kabar Kota', host: 'kabarkota.example', lang: 'id' },
  { name: 'Warta Jakarta', host: 'wartajakarta.example', lang: 'id' },
  { name: 'Suara Betawi', host: 'suarabetawi.example', lang: 'id' },
  { name: 'Metro Harian', host: 'metroharian.example', lang: 'id' },
  { name: 'Berita Ibu Kota', host: 'beritaibukota.example', lang: 'id' },
  { name: 'Jakarta Daily', host: 'jakartadaily.example', lang: 'en' },
  { name: 'Capital Post', host: 'capitalpost.example', lang: 'en' },
] as const;
