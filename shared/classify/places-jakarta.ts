/**
 * Gazetteer of DKI Jakarta: the five kota administrasi and Kepulauan Seribu, all 44 kecamatan,
 * and the kelurahan, neighbourhoods, roads and landmarks people name in posts. Names are matched
 * as whole words after normalisation (lower case, spaces between words); `aliases` are the other
 * ways people write them (abbreviations, slang, spelling variants).
 *
 * Left out on purpose: kelurahan whose name is an everyday word or another well-known place
 * (Gunung, Pulo, Selong, Baru, Tengah, Dukuh, Jati, Setu, Tugu, Kamal, Karet, Kramat, Kenari,
 * Bangka, Harmoni), because they would match ordinary sentences, and Krukut, which posts
 * mostly name as Kali Krukut, the river through South Jakarta. Their neighbourhoods still
 * carry them as `kelurahan` (e.g. Kemang → Bangka).
 */

export const CITIES = ['Jakarta Pusat', 'Jakarta Utara', 'Jakarta Barat', 'Jakarta Selatan', 'Jakarta Timur', 'Kepulauan Seribu'] as const;

export type City = (typeof CITIES)[number];

export interface GazetteerEntry {
  readonly name: string;
  readonly kelurahan?: string;
  readonly kecamatan?: string;
  readonly city: City;
  readonly aliases?: readonly string[];
}

/** A place inside a kecamatan: `kel` is an official kelurahan, `area` a neighbourhood, road or landmark. */
interface Local {
  readonly name: string;
  readonly kelurahan?: string;
  readonly aliases?: readonly string[];
  /** The kecamatan it is reported under when it is not the block's own (roads crossing a border). */
  readonly kecamatan?: string;
}

const kel = (name: string, aliases?: readonly string[]): Local => ({ name, kelurahan: name, ...(aliases ? { aliases } : {}) });
const area = (name: string, kelurahan?: string, aliases?: readonly string[]): Local => ({
  name,
  ...(kelurahan ? { kelurahan } : {}),
  ...(aliases ? { aliases } : {}),
});

interface CityBlock {
  readonly city: City;
  readonly aliases: readonly string[];
  /** Kecamatan → its places. A kecamatan may carry aliases via `kecamatanAliases`. */
  readonly kecamatan: Readonly<Record<string, readonly Local[]>>;
  readonly kecamatanAliases?: Readonly<Record<string, readonly string[]>>;
}

const BLOCKS: readonly CityBlock[] = [
  {
    city: 'Jakarta Pusat',
    aliases: ['jakpus', 'jakarta pusat', 'jkt pusat', 'jakartapusat', 'central jakarta'],
    kecamatan: {
      Gambir: [
        area('Monas', 'Gambir', ['monumen nasional']),
        area('Stasiun Gambir', 'Gambir'),
        kel('Cideng'),
        kel('Petojo', ['petojo utara', 'petojo selatan']),
        kel('Duri Pulo'),
        kel('Kebon Kelapa'),
        area('Balai Kota', 'Gambir', ['balaikota', 'balkot']),
      ],
      'Sawah Besar': [
        kel('Pasar Baru', ['pasarbaru']),
        area('Istiqlal', 'Pasar Baru', ['masjid istiqlal']),
        area('Gunung Sahari', 'Gunung Sahari Utara'),
        kel('Mangga Dua Selatan'),
        kel('Kartini'),
        kel('Karang Anyar'),
      ],
      Kemayoran: [
        kel('Serdang'),
        kel('Utan Panjang'),
        kel('Harapan Mulya'),
        kel('Sumur Batu'),
        kel('Cempaka Baru'),
        kel('Kebon Kosong'),
        area('JIExpo', undefined, ['jiexpo kemayoran', 'pekan raya jakarta', 'prj']),
      ],
      Senen: [
        area('Pasar Senen', 'Senen', ['stasiun senen']),
        kel('Kwitang'),
        kel('Bungur'),
        kel('Paseban'),
        area('Salemba', 'Paseban', ['salemba raya']),
        area('Kramat Raya', 'Kramat'),
      ],
      'Cempaka Putih': [kel('Rawasari', ['rawa sari']), kel('Cempaka Putih Timur'), kel('Cempaka Putih Barat')],
      Menteng: [
        area('Cikini', 'Cikini', ['cikini raya']),
        kel('Gondangdia'),
        kel('Pegangsaan'),
        kel('Kebon Sirih'),
        area('Thamrin', undefined, ['jalan thamrin', 'jl thamrin', 'mh thamrin']),
        area('Bundaran HI', 'Menteng', ['bundaran hotel indonesia', 'bunderan hi', 'bundaran h i', 'bundaranhi']),
        area('Taman Suropati', 'Menteng'),
      ],
      'Tanah Abang': [
        area('Pasar Tanah Abang', 'Kampung Bali'),
        kel('Bendungan Hilir', ['benhil']),
        kel('Karet Tengsin'),
        kel('Petamburan'),
        kel('Kebon Melati'),
        kel('Kebon Kacang'),
        kel('Kampung Bali'),
        kel('Gelora'),
        area('GBK', 'Gelora', ['gelora bung karno', 'stadion gbk']),
        // Jalan Sudirman is the border of Jakarta Pusat (Tanah Abang) and Jakarta Selatan (Setiabudi).
        area('Sudirman', undefined, ['jalan sudirman', 'jl sudirman', 'jend sudirman', 'dukuh atas']),
      ],
      'Johar Baru': [kel('Galur'), kel('Tanah Tinggi'), kel('Kampung Rawa')],
    },
    kecamatanAliases: { 'Tanah Abang': ['tn abang', 'tanahabang'] },
  },
  {
    city: 'Jakarta Utara',
    aliases: ['jakut', 'jakarta utara', 'jkt utara', 'jakartautara', 'north jakarta'],
    kecamatan: {
      Penjaringan: [
        kel('Pluit'),
        area('Muara Karang', 'Pluit'),
        area('Muara Angke', 'Pluit'),
        area('Waduk Pluit', 'Pluit'),
        kel('Kamal Muara'),
        kel('Kapuk Muara'),
        area('Pantai Indah Kapuk', 'Kamal Muara', ['pik', 'pik 2', 'pantai indah kapuk 2']),
        area('Sunda Kelapa', 'Penjaringan', ['pelabuhan sunda kelapa']),
      ],
      Pademangan: [
        kel('Ancol', ['taman impian jaya ancol']),
        area('Mangga Dua', 'Ancol', ['mangga dua square']),
        kel('Pademangan Barat'),
        kel('Pademangan Timur'),
      ],
      'Tanjung Priok': [
        area('Sunter', 'Sunter Agung'),
        kel('Sunter Agung'),
        kel('Sunter Jaya'),
        kel('Kebon Bawang'),
        kel('Papanggo'),
        kel('Warakas'),
        kel('Sungai Bambu'),
        area('Pelabuhan Tanjung Priok', 'Tanjung Priok', ['pelabuhan priok']),
      ],
      Koja: [kel('Rawa Badak', ['rawa badak utara', 'rawa badak selatan']), kel('Lagoa'), kel('Tugu Utara'), kel('Tugu Selatan')],
      'Kelapa Gading': [
        kel('Kelapa Gading Barat'),
        kel('Kelapa Gading Timur'),
        kel('Pegangsaan Dua'),
        area('Mal Kelapa Gading', 'Kelapa Gading Timur', ['mkg']),
      ],
      Cilincing: [
        kel('Marunda'),
        kel('Semper', ['semper barat', 'semper timur']),
        kel('Rorotan'),
        kel('Kalibaru', ['kali baru']),
        kel('Sukapura'),
      ],
    },
    kecamatanAliases: { 'Tanjung Priok': ['tj priok', 'tanjungpriok', 'priok'], 'Kelapa Gading': ['klp gading', 'kelapagading'] },
  },
  {
    city: 'Jakarta Barat',
    aliases: ['jakbar', 'jakarta barat', 'jkt barat', 'jakartabarat', 'west jakarta'],
    kecamatan: {
      Cengkareng: [
        kel('Kapuk'),
        kel('Rawa Buaya'),
        kel('Duri Kosambi'),
        kel('Kedaung Kali Angke'),
        kel('Cengkareng Barat'),
        kel('Cengkareng Timur'),
      ],
      'Grogol Petamburan': [
        kel('Grogol'),
        kel('Tomang'),
        kel('Jelambar', ['jelambar baru']),
        kel('Tanjung Duren', ['tanjung duren utara', 'tanjung duren selatan', 'tanjungduren']),
        kel('Wijaya Kusuma'),
        area('Central Park', 'Tanjung Duren Selatan', ['central park mall']),
      ],
      'Taman Sari': [
        area('Glodok', 'Glodok', ['pancoran glodok']),
        kel('Pinangsia'),
        area('Kota Tua', 'Pinangsia', ['kota tua jakarta', 'museum fatahillah', 'kotu']),
        kel('Mangga Besar'),
        kel('Tangki'),
        kel('Keagungan'),
        area('Stasiun Jakarta Kota', 'Pinangsia', ['stasiun kota', 'stasiun beos']),
      ],
      Tambora: [
        kel('Angke'),
        kel('Jembatan Besi'),
        kel('Jembatan Lima'),
        kel('Pekojan'),
        kel('Roa Malaka'),
        kel('Tanah Sereal'),
        kel('Krendang'),
      ],
      'Kebon Jeruk': [
        kel('Duri Kepa'),
        kel('Kedoya', ['kedoya utara', 'kedoya selatan']),
        kel('Sukabumi Utara'),
        kel('Sukabumi Selatan'),
        kel('Kelapa Dua'),
        area('Green Ville', 'Duri Kepa', ['greenville']),
      ],
      Kalideres: [kel('Tegal Alur'), kel('Pegadungan'), kel('Semanan'), area('Terminal Kalideres', 'Kalideres')],
      Palmerah: [kel('Slipi'), kel('Kemanggisan'), kel('Kota Bambu', ['kota bambu utara', 'kota bambu selatan']), kel('Jati Pulo')],
      Kembangan: [
        kel('Meruya', ['meruya utara', 'meruya selatan']),
        kel('Srengseng'),
        kel('Joglo'),
        area('Puri Indah', 'Kembangan Selatan', ['puri kembangan']),
        area('Daan Mogot', 'Kembangan', ['jalan daan mogot', 'jl daan mogot']),
      ],
    },
  },
  {
    city: 'Jakarta Selatan',
    aliases: ['jaksel', 'jakarta selatan', 'jkt selatan', 'jakartaselatan', 'south jakarta', 'jkt sel'],
    kecamatan: {
      Tebet: [
        kel('Manggarai', ['manggarai selatan']),
        area('Pintu Air Manggarai', 'Manggarai', ['bendung manggarai', 'stasiun manggarai']),
        kel('Bukit Duri', ['bukitduri']),
        kel('Tebet Barat'),
        kel('Tebet Timur'),
        kel('Kebon Baru'),
        kel('Menteng Dalam'),
        area('Tebet Eco Park', 'Tebet Timur', ['tebet ecopark']),
        area('Casablanca', 'Menteng Dalam', ['jalan casablanca', 'kokas', 'kota kasablanka']),
      ],
      Setiabudi: [
        area('Kuningan', 'Karet Kuningan', ['kuningan timur', 'rasuna said', 'mega kuningan']),
        kel('Karet Kuningan'),
        kel('Karet Semanggi'),
        area('Semanggi', 'Karet Semanggi', ['bundaran semanggi', 'simpang susun semanggi']),
        kel('Menteng Atas'),
        kel('Pasar Manggis'),
        kel('Guntur'),
      ],
      'Mampang Prapatan': [
        area('Kemang', 'Bangka', ['kemang raya', 'jalan kemang raya', 'jl kemang raya', 'kemang selatan', 'kemang timur', 'kemang utara']),
        area('Mampang', 'Mampang Prapatan', ['jalan mampang', 'mampang raya']),
        kel('Pela Mampang'),
        kel('Tegal Parang'),
        kel('Kuningan Barat'),
        area('Gatot Subroto', undefined, ['gatsu', 'jalan gatot subroto', 'jl gatot subroto']),
      ],
      'Pasar Minggu': [
        area('Pejaten', 'Pejaten Barat', ['pejaten village']),
        kel('Pejaten Barat'),
        kel('Pejaten Timur'),
        kel('Jati Padang', ['jatipadang']),
        kel('Ragunan', ['kebun binatang ragunan']),
        kel('Kebagusan'),
        kel('Cilandak Timur'),
        area('Stasiun Pasar Minggu', 'Pasar Minggu'),
      ],
      'Kebayoran Lama': [
        area('Pondok Indah', 'Pondok Pinang', ['pim', 'pondok indah mall']),
        kel('Pondok Pinang'),
        kel('Kebayoran Lama Utara'),
        kel('Kebayoran Lama Selatan'),
        kel('Grogol Utara'),
        kel('Grogol Selatan'),
        kel('Cipulir'),
        area('Gandaria City', 'Kebayoran Lama Utara', ['gancit']),
      ],
      Cilandak: [
        area('Cipete', 'Cipete Selatan', ['cipete raya', 'jalan cipete raya']),
        kel('Cipete Selatan'),
        kel('Cilandak Barat'),
        kel('Lebak Bulus', ['lebakbulus']),
        kel('Pondok Labu'),
        kel('Gandaria Selatan'),
        area('Fatmawati', 'Cilandak Barat', ['jalan fatmawati', 'jl fatmawati', 'rs fatmawati']),
        area('Cilandak Town Square', 'Cilandak Barat', ['citos']),
        area('Pangeran Antasari', 'Cipete Selatan', ['antasari', 'jalan antasari', 'jl antasari']),
        area('TB Simatupang', undefined, ['simatupang', 'jalan tb simatupang', 'jl tb simatupang']),
      ],
      'Kebayoran Baru': [
        area('Blok M', 'Melawai', ['blokm', 'blok m plaza', 'terminal blok m']),
        kel('Melawai'),
        kel('Senayan'),
        area('SCBD', 'Senayan', ['sudirman central business district']),
        kel('Gandaria Utara'),
        kel('Cipete Utara'),
        kel('Petogogan'),
        kel('Kramat Pela'),
        kel('Rawa Barat'),
        area('Senopati', 'Selong', ['jalan senopati']),
        area('Taman Puring', 'Kramat Pela'),
      ],
      Pancoran: [
        kel('Kalibata', ['kali bata', 'taman makam pahlawan kalibata']),
        kel('Rawajati', ['rawa jati']),
        kel('Duren Tiga'),
        kel('Cikoko'),
        kel('Pengadegan'),
      ],
      Jagakarsa: [
        kel('Lenteng Agung'),
        kel('Srengseng Sawah'),
        kel('Ciganjur'),
        kel('Tanjung Barat', ['tj barat']),
        kel('Cipedak'),
        area('Setu Babakan', 'Srengseng Sawah'),
      ],
      Pesanggrahan: [
        // Bintaro the kelurahan is in Pesanggrahan; most of "Bintaro Jaya" lies in Tangerang Selatan, outside DKI.
        kel('Bintaro', ['bintaro jaya', 'bintaro sektor 1']),
        kel('Ulujami', ['ulu jami']),
        kel('Petukangan Utara'),
        kel('Petukangan Selatan'),
        area('Petukangan', 'Petukangan Utara'),
      ],
    },
    kecamatanAliases: {
      'Pasar Minggu': ['pasming', 'ps minggu', 'psr minggu', 'pasarminggu'],
      Setiabudi: ['setia budi'],
      'Kebayoran Baru': ['keb baru', 'kebbaru'],
      Pancoran: ['patung pancoran', 'tugu pancoran'],
      'Kebayoran Lama': ['keb lama', 'kebayoranlama'],
    },
  },
  {
    city: 'Jakarta Timur',
    aliases: ['jaktim', 'jakarta timur', 'jkt timur', 'jakartatimur', 'east jakarta'],
    kecamatan: {
      Matraman: [
        kel('Utan Kayu', ['utan kayu utara', 'utan kayu selatan']),
        kel('Palmeriam', ['pal meriam']),
        kel('Kebon Manggis'),
        kel('Pisangan Baru'),
        kel('Kayu Manis'),
      ],
      'Pulo Gadung': [
        kel('Rawamangun', ['rawa mangun']),
        kel('Jatinegara Kaum'),
        kel('Kayu Putih'),
        kel('Pisangan Timur'),
        area('Terminal Pulo Gadung', 'Jatinegara Kaum'),
        area('Pulomas', 'Kayu Putih', ['pulo mas']),
      ],
      Jatinegara: [
        kel('Kampung Melayu', ['kp melayu', 'kampungmelayu']),
        area('Kampung Pulo', 'Kampung Melayu', ['kp pulo']),
        kel('Bidara Cina', ['bidaracina']),
        kel('Cipinang Besar', ['cipinang besar utara', 'cipinang besar selatan']),
        kel('Cipinang Cempedak'),
        kel('Cipinang Muara'),
        kel('Rawa Bunga'),
        kel('Bali Mester'),
      ],
      'Kramat Jati': [
        kel('Cawang', ['uki cawang']),
        kel('Cililitan', ['pgc cililitan', 'pgc']),
        area('Condet', 'Balekambang', ['condet raya']),
        kel('Balekambang'),
        kel('Batu Ampar'),
        area('Pasar Induk Kramat Jati', 'Tengah', ['pasar induk']),
      ],
      'Pasar Rebo': [kel('Kalisari'), kel('Pekayon'), kel('Cijantung')],
      Cakung: [
        kel('Pulo Gebang', ['pulogebang', 'terminal pulo gebang']),
        kel('Penggilingan'),
        kel('Ujung Menteng'),
        kel('Rawa Terate'),
        kel('Cakung Barat'),
        kel('Cakung Timur'),
      ],
      'Duren Sawit': [
        kel('Klender'),
        kel('Pondok Kopi'),
        kel('Pondok Bambu'),
        kel('Pondok Kelapa'),
        kel('Malaka Jaya'),
        kel('Malaka Sari'),
        area('Kalimalang', 'Pondok Kelapa', ['kali malang', 'jalan kalimalang']),
      ],
      Makasar: [
        area('Halim', 'Halim Perdanakusuma', ['halim perdanakusuma', 'bandara halim']),
        kel('Pinang Ranti'),
        kel('Kebon Pala'),
        kel('Cipinang Melayu'),
      ],
      Ciracas: [
        // Cibubur straddles the border with Depok and Bogor; the DKI part is in Ciracas.
        kel('Cibubur'),
        kel('Kelapa Dua Wetan'),
        kel('Rambutan', ['kampung rambutan', 'terminal kampung rambutan']),
        kel('Susukan'),
      ],
      Cipayung: [
        kel('Bambu Apus'),
        kel('Pondok Ranggon'),
        kel('Munjul'),
        kel('Lubang Buaya'),
        kel('Ceger'),
        kel('Cilangkap'),
        area('TMII', 'Ceger', ['taman mini', 'taman mini indonesia indah']),
      ],
    },
    kecamatanAliases: { 'Pulo Gadung': ['pulogadung'], 'Kramat Jati': ['kramatjati'], 'Duren Sawit': ['durensawit'] },
  },
  {
    city: 'Kepulauan Seribu',
    aliases: ['kepulauan seribu', 'kep seribu', 'pulau seribu', 'kepseribu', 'thousand islands'],
    kecamatan: {
      'Kepulauan Seribu Utara': [kel('Pulau Pramuka'), kel('Pulau Harapan'), kel('Pulau Kelapa'), kel('Pulau Panggang')],
      'Kepulauan Seribu Selatan': [kel('Pulau Tidung'), kel('Pulau Untung Jawa'), kel('Pulau Pari')],
    },
  },
];

function flatten(blocks: readonly CityBlock[]): GazetteerEntry[] {
  const entries: GazetteerEntry[] = [];
  for (const block of blocks) {
    entries.push({ name: block.city, city: block.city, aliases: block.aliases });
    for (const [kecamatan, locals] of Object.entries(block.kecamatan)) {
      const kecAliases = block.kecamatanAliases?.[kecamatan] ?? [];
      entries.push({ name: kecamatan, kecamatan, city: block.city, ...(kecAliases.length > 0 ? { aliases: kecAliases } : {}) });
      for (const local of locals) {
        entries.push({
          name: local.name,
          ...(local.kelurahan ? { kelurahan: local.kelurahan } : {}),
          kecamatan: local.kecamatan ?? kecamatan,
          city: block.city,
          ...(local.aliases ? { aliases: local.aliases } : {}),
        });
      }
    }
  }
  return entries;
}

/** Every place Pantau knows in DKI Jakarta, cities first, then kecamatan and their places. */
export const GAZETTEER: readonly GazetteerEntry[] = flatten(BLOCKS);
