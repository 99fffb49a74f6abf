/**
 * Gazetteer of DKI Jakarta. Two layers:
 * - the administrative areas (the five kota administrasi and Kepulauan Seribu, all 44 kecamatan
 *   and all 267 kelurahan), generated from idn-area-data into `areas-dki.ts` (ODbL);
 * - written here by hand: the ways people write them (abbreviations such as `jaksel`, spellings
 *   such as `Pulo Gadung` for the source's `Pulogadung`), and the neighbourhoods, roads and
 *   landmarks posts actually name (Kemang, Kota Tua, Monas, Bundaran HI, Blok M…), each placed
 *   in its kecamatan (and kelurahan when it lies in one).
 *
 * Many kelurahan are ordinary words (Baru, Tengah, Menteng the fruit, Gambir the plant, Senen
 * the Betawi Monday, Kebon Jeruk "orange garden"). `AMBIGUOUS` says which names need place
 * context before they count; places.ts applies it.
 */
import { DKI_CITIES, DKI_KECAMATAN, DKI_KELURAHAN } from './areas-dki';

export const CITIES = ['Jakarta Pusat', 'Jakarta Utara', 'Jakarta Barat', 'Jakarta Selatan', 'Jakarta Timur', 'Kepulauan Seribu'] as const;

export type City = (typeof CITIES)[number];

/** What a gazetteer entry is; when one phrase names several, the lower kind wins (a kecamatan over a same-named kelurahan). */
export type PlaceKind = 'city' | 'kecamatan' | 'area' | 'kelurahan';

export interface GazetteerEntry {
  readonly name: string;
  /** Defaults to `area`. */
  readonly kind?: PlaceKind;
  readonly kelurahan?: string;
  readonly kecamatan?: string;
  readonly city: City;
  readonly aliases?: readonly string[];
}

/**
 * How much evidence an ambiguous name needs before it counts as a place:
 * - `context`: an everyday word or phrase (menteng, gambir, kebon jeruk). Counts after a place
 *   word (`di`, `ke`, `dari`, `daerah`, `kawasan`, `jalan`, `stasiun`, `kelurahan`…), before a
 *   city or its kecamatan, or when written capitalised inside a sentence. A phrase of several
 *   words written in lower case in a post that capitalises words (`di tanah tinggi`, `ke kota
 *   tua`) is the ordinary phrase: a bare `di`/`ke`/`dari` is then no evidence, a naming word
 *   (`daerah`, `jalan`, `stasiun`, `kelurahan`…) still is; a kecamatan (`di kebon jeruk`) keeps
 *   the bare `di`.
 * - `name`: also the name of something else people capitalise (Kartini, Mount Tambora, Deli
 *   Serdang): as `context`, but capitals are no evidence.
 * - `strict`: so common that `di`/`ke` precede it in ordinary sentences (`di tengah`, `jalan
 *   baru`, `di gunung`, `ke bangka`): only after `kelurahan`/`kel.`/`kecamatan`/`kec.`, or
 *   before its own kecamatan or city.
 * Single-word names that are common Indonesian or English words (language.ts word lists, the
 * sentiment lexicon) are `context` even when not listed.
 */
export type Ambiguity = 'context' | 'name' | 'strict';

const tier = (level: Ambiguity, phrases: string): [string, Ambiguity][] =>
  phrases
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => [p, level]);

/** Lower-case phrases (names or aliases) and the evidence they need. */
export const AMBIGUOUS: ReadonlyMap<string, Ambiguity> = new Map([
  ...tier(
    'context',
    `menteng, gambir, senen, galur, bungur, gelora, kapuk, krukut, joglo, rambutan, harmoni, kalibaru, kali baru,
     keagungan, kebon jeruk, cempaka putih, kayu putih, kayu manis, pasar baru, kebon kelapa, kebon kosong, kebon baru,
     kebon pala, kebon kacang, kebon manggis, kebon sirih, kebon melati, kebon bawang, jembatan besi, jembatan lima,
     tanah tinggi, duren tiga, sumur batu, kampung bali, kampung rawa, bambu apus, sungai bambu, rawa barat, rawa bunga,
     rawa buaya, pondok kopi, pondok bambu, pondok kelapa, mangga besar, mangga dua, sawah besar, pasar manggis, cempaka baru,
     kota bambu, pulau kelapa, pulau harapan, kota tua, gandaria, jeruk purut`,
  ),
  ...tier(
    'name',
    `kartini, guntur, tambora, serdang, pekayon, susukan, kelapa dua, karang anyar, setia budi, harapan mulia, harapan mulya,
     sukabumi utara, sukabumi selatan, batu ampar, wijaya kusuma, kramat`,
  ),
  ...tier('strict', `baru, tengah, gunung, jati, dukuh, setu, pulo, karet, kenari, kamal, selong, gedong, bangka, makasar, tangki`),
]);

/**
 * A name followed by a word that makes the pair an ordinary thing (`pancoran air`, a water
 * spout; `kapuk randu`, the kapok tree; `senen kamis`, fasting Mondays and Thursdays). The name
 * counts there only when written capitalised inside a sentence (`banjir di Pancoran air naik`).
 */
export const ORDINARY_PHRASES: ReadonlySet<string> = new Set(['pancoran air', 'kapuk randu', 'senen kamis']);

const CITY_ALIASES: Readonly<Record<City, readonly string[]>> = {
  'Jakarta Pusat': ['jakpus', 'jkt pusat', 'jakartapusat', 'central jakarta', 'jakarta central'],
  'Jakarta Utara': ['jakut', 'jkt utara', 'jakartautara', 'north jakarta'],
  'Jakarta Barat': ['jakbar', 'jkt barat', 'jakartabarat', 'west jakarta'],
  'Jakarta Selatan': ['jaksel', 'jkt selatan', 'jakartaselatan', 'south jakarta', 'jkt sel'],
  'Jakarta Timur': ['jaktim', 'jkt timur', 'jakartatimur', 'east jakarta'],
  'Kepulauan Seribu': ['kep seribu', 'pulau seribu', 'kepseribu', 'thousand islands', 'kabupaten kepulauan seribu'],
};

/** Kecamatan as the city government and residents write them, where the source spells them otherwise. */
export const KECAMATAN_SPELLING: Readonly<Record<string, string>> = {
  Pulogadung: 'Pulo Gadung',
  Kramatjati: 'Kramat Jati',
  'Pal Merah': 'Palmerah',
};

/** Keyed by the kecamatan as spelled above. */
const KECAMATAN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'Tanah Abang': ['tn abang', 'tanahabang'],
  'Tanjung Priok': ['tj priok', 'tanjungpriok', 'priok'],
  'Kelapa Gading': ['klp gading', 'kelapagading'],
  'Pasar Minggu': ['pasming', 'ps minggu', 'psr minggu', 'pasarminggu'],
  Setiabudi: ['setia budi'],
  'Kebayoran Baru': ['keb baru', 'kebbaru'],
  Pancoran: ['patung pancoran', 'tugu pancoran'],
  'Kebayoran Lama': ['keb lama', 'kebayoranlama'],
  'Pulo Gadung': ['pulogadung'],
  'Kramat Jati': ['kramatjati'],
  'Duren Sawit': ['durensawit'],
  Palmerah: ['pal merah'],
  'Kebon Jeruk': ['kebonjeruk'],
  'Cempaka Putih': ['cempakaputih'],
  'Sawah Besar': ['sawahbesar'],
  'Kepulauan Seribu Utara': ['kepulauan seribu utara', 'kep seribu utara'],
  'Kepulauan Seribu Selatan': ['kep seribu selatan'],
};

/** Keyed by the kelurahan as the source spells it. */
const KELURAHAN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'Pasar Baru': ['pasarbaru'],
  Rawasari: ['rawa sari'],
  'Harapan Mulia': ['harapan mulya'],
  'Bendungan Hilir': ['benhil'],
  Ancol: ['taman impian jaya ancol'],
  Kalibaru: ['kali baru'],
  'Bukit Duri': ['bukitduri'],
  'Jati Padang': ['jatipadang'],
  Ragunan: ['kebun binatang ragunan'],
  'Lebak Bulus': ['lebakbulus'],
  Kalibata: ['kali bata', 'taman makam pahlawan kalibata'],
  Rawajati: ['rawa jati'],
  'Tanjung Barat': ['tj barat'],
  Bintaro: ['bintaro jaya', 'bintaro sektor 1'],
  Ulujami: ['ulu jami'],
  Palmeriam: ['pal meriam'],
  Rawamangun: ['rawa mangun'],
  'Kampung Melayu': ['kp melayu', 'kampungmelayu'],
  'Bidara Cina': ['bidaracina'],
  Cawang: ['uki cawang'],
  Cililitan: ['pgc cililitan', 'pgc'],
  'Pulo Gebang': ['pulogebang', 'terminal pulo gebang'],
  Pinangranti: ['pinang ranti'],
  'Halim Perdana Kusuma': ['halim perdanakusuma'],
  Jatipulo: ['jati pulo'],
  'Tanjung Duren Selatan': ['tanjungduren selatan'],
  'Jelambar Baru': ['jelambarbaru'],
};

/** A neighbourhood, road or landmark: its kelurahan when it lies in one. */
interface Local {
  readonly name: string;
  readonly kelurahan?: string;
  readonly aliases?: readonly string[];
}

const area = (name: string, kelurahan?: string, aliases?: readonly string[]): Local => ({
  name,
  ...(kelurahan ? { kelurahan } : {}),
  ...(aliases ? { aliases } : {}),
});

/** Keyed by the kecamatan as spelled above; kelurahan as the source spells them (a unit test checks both). */
const AREAS: Readonly<Record<string, readonly Local[]>> = {
  Gambir: [
    area('Monas', 'Gambir', ['monumen nasional']),
    area('Stasiun Gambir', 'Gambir'),
    area('Petojo'),
    area('Balai Kota', 'Gambir', ['balaikota', 'balkot']),
    area('Harmoni', undefined, ['halte harmoni']),
    area('Roxy', 'Cideng', ['roxy mas', 'itc roxy']),
    area('Pecenongan', 'Kebon Kelapa'),
  ],
  'Sawah Besar': [
    area('Istiqlal', 'Pasar Baru', ['masjid istiqlal']),
    area('Gunung Sahari', 'Gunung Sahari Utara'),
    area('Lapangan Banteng', 'Pasar Baru'),
  ],
  Kemayoran: [area('JIExpo', undefined, ['jiexpo kemayoran', 'pekan raya jakarta', 'prj'])],
  Senen: [
    area('Pasar Senen', 'Senen', ['stasiun senen', 'atrium senen']),
    area('Salemba', 'Paseban', ['salemba raya']),
    area('Kramat Raya', 'Kramat'),
  ],
  Menteng: [
    area('Cikini', 'Cikini', ['cikini raya']),
    area('Thamrin', undefined, ['mh thamrin']),
    area('Bundaran HI', 'Menteng', ['bundaran hotel indonesia', 'bunderan hi', 'bundaran h i', 'bundaranhi']),
    area('Taman Suropati', 'Menteng'),
    area('Tugu Tani', undefined, ['patung pak tani']),
    area('Sarinah', 'Gondangdia'),
    area('Taman Ismail Marzuki', 'Cikini'),
    // The transit hub around Stasiun Sudirman (once Stasiun Dukuh Atas), Jalan Kendal and Jalan Blora.
    area('Dukuh Atas', 'Menteng', ['stasiun sudirman', 'stasiun dukuh atas', 'tod dukuh atas']),
  ],
  'Tanah Abang': [
    area('Pasar Tanah Abang', 'Kampung Bali'),
    area('Stasiun Tanah Abang', 'Kampung Bali'),
    area('Pintu Air Karet', 'Karet Tengsin'),
    area('GBK', 'Gelora', ['gelora bung karno', 'stadion gbk']),
    area('Pejompongan', 'Bendungan Hilir'),
    // Jalan Sudirman is the border of Jakarta Pusat (Tanah Abang) and Jakarta Selatan (Setiabudi).
    area('Sudirman', undefined, ['jend sudirman']),
    area('Stasiun Karet', 'Kebon Melati'),
    area('Karet Bivak', 'Karet Tengsin', ['tpu karet bivak']),
  ],
  Penjaringan: [
    area('Muara Karang', 'Pluit'),
    area('Muara Angke', 'Pluit'),
    area('Waduk Pluit', 'Pluit'),
    area('Pantai Indah Kapuk', 'Kamal Muara', ['pik', 'pik 2', 'pantai indah kapuk 2']),
    area('Sunda Kelapa', 'Penjaringan', ['pelabuhan sunda kelapa']),
    area('Kalijodo', 'Pejagalan', ['kali jodo']),
    area('Muara Baru', 'Penjaringan', ['pelabuhan muara baru']),
  ],
  Pademangan: [area('Mangga Dua', 'Ancol', ['mangga dua square']), area('Kampung Bandan', 'Ancol', ['kp bandan'])],
  'Tanjung Priok': [
    area('Sunter', 'Sunter Agung'),
    area('Pelabuhan Tanjung Priok', 'Tanjung Priok', ['pelabuhan priok']),
    area('JIS', 'Papanggo', ['jakarta international stadium']),
  ],
  Koja: [area('Rawa Badak', undefined, ['rawabadak'])],
  'Kelapa Gading': [area('Mal Kelapa Gading', 'Kelapa Gading Timur', ['mkg'])],
  // Semper spans the kelurahan Semper Barat and Semper Timur.
  Cilincing: [area('Rusun Marunda', 'Marunda'), area('Semper', undefined, ['pasar semper'])],
  'Grogol Petamburan': [
    area('Tanjung Duren', undefined, ['tanjungduren']),
    area('Central Park', 'Tanjung Duren Selatan', ['central park mall']),
  ],
  'Taman Sari': [
    area('Kota Tua', 'Pinangsia', ['kota tua jakarta', 'museum fatahillah', 'kotu']),
    area('Stasiun Jakarta Kota', 'Pinangsia', ['stasiun kota', 'stasiun beos']),
  ],
  'Kebon Jeruk': [
    area('Kedoya', undefined, ['kedoya raya']),
    area('Green Ville', 'Duri Kepa', ['greenville']),
    area('Rawa Belong', 'Sukabumi Utara', ['rawabelong', 'pasar bunga rawa belong']),
  ],
  Kalideres: [area('Terminal Kalideres', 'Kalideres')],
  Palmerah: [area('Kota Bambu', undefined, ['kotabambu'])],
  Kembangan: [area('Meruya', undefined, ['meruya ilir']), area('Puri Indah', 'Kembangan Selatan', ['puri kembangan']), area('Daan Mogot')],
  Tebet: [
    area('Pintu Air Manggarai', 'Manggarai', ['bendung manggarai']),
    area('Stasiun Manggarai', 'Manggarai'),
    area('Tebet Eco Park', 'Tebet Timur', ['tebet ecopark']),
    area('Casablanca', 'Menteng Dalam', ['kokas', 'kota kasablanka']),
  ],
  Setiabudi: [
    area('Kuningan', 'Karet Kuningan', ['mega kuningan', 'rasuna said']),
    area('Semanggi', 'Karet Semanggi', ['bundaran semanggi', 'simpang susun semanggi']),
    area('Pasar Rumput', 'Pasar Manggis'),
  ],
  'Mampang Prapatan': [
    area('Kemang', 'Bangka', ['kemang raya', 'kemang selatan', 'kemang timur', 'kemang utara']),
    area('Mampang', 'Mampang Prapatan', ['mampang raya']),
    area('Gatot Subroto', undefined, ['gatsu']),
  ],
  'Pasar Minggu': [
    area('Pejaten', 'Pejaten Barat', ['pejaten village']),
    area('Stasiun Pasar Minggu', 'Pasar Minggu'),
    area('Jeruk Purut', 'Cilandak Timur', ['tpu jeruk purut']),
  ],
  'Kebayoran Lama': [
    area('Pondok Indah', 'Pondok Pinang', ['pim', 'pondok indah mall']),
    // `Gandaria` alone is the mall; the kelurahan Gandaria Utara and Gandaria Selatan lie in Kebayoran Baru and Cilandak.
    area('Gandaria', 'Kebayoran Lama Utara', ['gandaria city', 'gancit', 'mal gandaria']),
    area('Permata Hijau', 'Grogol Utara'),
    area('Tanah Kusir', 'Kebayoran Lama Selatan', ['tpu tanah kusir']),
  ],
  Cilandak: [
    area('Cipete', 'Cipete Selatan', ['cipete raya']),
    area('Fatmawati', 'Cilandak Barat', ['rs fatmawati']),
    area('Cilandak Town Square', 'Cilandak Barat', ['citos']),
    area('Pangeran Antasari', 'Cipete Selatan', ['antasari']),
    area('TB Simatupang', undefined, ['simatupang']),
  ],
  'Kebayoran Baru': [
    area('Blok M', 'Melawai', ['blokm', 'blok m plaza', 'terminal blok m']),
    area('SCBD', 'Senayan', ['sudirman central business district']),
    area('Senopati', 'Selong'),
    area('Taman Puring', 'Kramat Pela'),
  ],
  Jagakarsa: [area('Setu Babakan', 'Srengseng Sawah', ['situ babakan', 'perkampungan budaya betawi'])],
  Pesanggrahan: [area('Petukangan', 'Petukangan Utara')],
  Matraman: [area('Utan Kayu', undefined, ['utankayu']), area('Stasiun Jatinegara', 'Pisangan Baru')],
  'Pulo Gadung': [area('Terminal Pulo Gadung', 'Jatinegara Kaum'), area('Pulomas', 'Kayu Putih', ['pulo mas'])],
  Jatinegara: [area('Kampung Pulo', 'Kampung Melayu', ['kp pulo']), area('Cipinang Besar')],
  'Kramat Jati': [area('Condet', 'Balekambang', ['condet raya']), area('Pasar Induk Kramat Jati', 'Tengah', ['pasar induk'])],
  'Duren Sawit': [area('Kalimalang', 'Pondok Kelapa', ['kali malang'])],
  Makasar: [area('Halim', 'Halim Perdana Kusuma', ['bandara halim'])],
  Cipayung: [area('TMII', 'Ceger', ['taman mini', 'taman mini indonesia indah'])],
  Ciracas: [area('Kampung Rambutan', 'Rambutan', ['kp rambutan', 'terminal kampung rambutan'])],
  'Kepulauan Seribu Utara': [area('Pulau Pramuka', 'Pulau Panggang')],
};

const spell = (kecamatan: string): string => KECAMATAN_SPELLING[kecamatan] ?? kecamatan;

function asCity(name: string): City {
  const city = CITIES.find((c) => c === name);
  if (!city) throw new Error(`areas-dki: unknown city ${name}`);
  return city;
}

function withAliases(aliases: readonly string[] | undefined): { aliases?: readonly string[] } {
  return aliases && aliases.length > 0 ? { aliases } : {};
}

function build(): GazetteerEntry[] {
  const entries: GazetteerEntry[] = [];
  for (const city of CITIES) {
    entries.push({ name: city, kind: 'city', city, aliases: CITY_ALIASES[city] });
  }
  const cityOfKecamatan = new Map<string, City>();
  for (const k of DKI_KECAMATAN) {
    const name = spell(k.name);
    const city = asCity(k.city);
    cityOfKecamatan.set(name, city);
    const aliases = [...(name !== k.name ? [k.name] : []), ...(KECAMATAN_ALIASES[name] ?? [])];
    entries.push({ name, kind: 'kecamatan', kecamatan: name, city, ...withAliases(aliases) });
  }
  for (const [kecamatan, locals] of Object.entries(AREAS)) {
    const city = cityOfKecamatan.get(kecamatan);
    if (!city) throw new Error(`places-jakarta: AREAS names an unknown kecamatan ${kecamatan}`);
    for (const local of locals) {
      entries.push({
        name: local.name,
        kind: 'area',
        ...(local.kelurahan ? { kelurahan: local.kelurahan } : {}),
        kecamatan,
        city,
        ...withAliases(local.aliases),
      });
    }
  }
  for (const k of DKI_KELURAHAN) {
    entries.push({
      name: k.name,
      kind: 'kelurahan',
      kelurahan: k.name,
      kecamatan: spell(k.kecamatan),
      city: asCity(k.city),
      ...withAliases(KELURAHAN_ALIASES[k.name]),
    });
  }
  if (DKI_CITIES.length !== CITIES.length) throw new Error('areas-dki: expected the six cities of DKI Jakarta');
  return entries;
}

/** Every place Pantau knows in DKI Jakarta: cities, kecamatan, hand-written areas, kelurahan. */
export const GAZETTEER: readonly GazetteerEntry[] = build();
