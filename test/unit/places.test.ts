import { DKI_KECAMATAN, DKI_KELURAHAN } from '../../shared/classify/areas-dki';
import { normalise } from '../../shared/classify/normalise';
import { buildPlaceIndex, findPlaces, placeIndexCounts } from '../../shared/classify/places';
import { AMBIGUOUS, CITIES, GAZETTEER, KECAMATAN_SPELLING } from '../../shared/classify/places-jakarta';
import type { Place } from '../../shared/classify/types';

const places = (text: string): Place[] => findPlaces(normalise(text), text);
const placeNames = (text: string): string[] => places(text).map((p) => p.name);
const spell = (kecamatan: string): string => KECAMATAN_SPELLING[kecamatan] ?? kecamatan;

describe('findPlaces', () => {
  it('puts Kemang in Kecamatan Mampang Prapatan, Jakarta Selatan', () => {
    expect(places('banjir di kemang')).toEqual([
      { name: 'Kemang', kelurahan: 'Bangka', kecamatan: 'Mampang Prapatan', city: 'Jakarta Selatan' },
    ]);
  });

  it('reads jaksel and the other city abbreviations', () => {
    expect(places('macet parah di jaksel')).toEqual([{ name: 'Jakarta Selatan', city: 'Jakarta Selatan' }]);
    expect(placeNames('jakut jakbar jaktim jakpus')).toEqual(['Jakarta Utara', 'Jakarta Barat', 'Jakarta Timur', 'Jakarta Pusat']);
  });

  it('prefers the longest name', () => {
    expect(placeNames('air naik di Pintu Air Manggarai')).toEqual(['Pintu Air Manggarai']);
    expect(places('Kelapa Gading Barat tergenang')[0]).toMatchObject({
      name: 'Kelapa Gading Barat',
      kecamatan: 'Kelapa Gading',
      city: 'Jakarta Utara',
    });
    expect(placeNames('Grogol Utara')).toEqual(['Grogol Utara']);
    expect(places('Grogol Utara')[0]?.city).toBe('Jakarta Selatan');
    expect(places('Grogol')[0]?.city).toBe('Jakarta Barat');
    expect(places('pulo gadung banjir')).toEqual([{ name: 'Pulo Gadung', kecamatan: 'Pulo Gadung', city: 'Jakarta Timur' }]);
    expect(placeNames('genangan di Jalan Mampang Prapatan')).toEqual(['Mampang Prapatan']);
  });

  it('matches whole words only', () => {
    expect(placeNames('kemangi segar banget, pancoran macet')).toEqual(['Pancoran']);
    expect(placeNames('kemangi')).toEqual([]);
  });

  it('lists each place once, in order of first mention', () => {
    expect(placeNames('Kemang banjir, Cipete banjir, kemang lagi, jaksel parah')).toEqual(['Kemang', 'Cipete', 'Jakarta Selatan']);
  });

  it('finds places in hashtags, whole or at either end', () => {
    expect(placeNames('parah #BanjirKemang #PasarMinggu').sort()).toEqual(['Kemang', 'Pasar Minggu']);
    expect(findPlaces({ ...normalise('parah'), hashtags: ['KemangBanjir', 'infomacetjakbar'] }).map((p) => p.name)).toEqual([
      'Kemang',
      'Jakarta Barat',
    ]);
  });

  it('knows landmarks and roads people name', () => {
    expect(places('Monas rame')[0]).toMatchObject({ kecamatan: 'Gambir', city: 'Jakarta Pusat' });
    expect(places('halte Bundaran HI')[0]).toMatchObject({ name: 'Bundaran HI', city: 'Jakarta Pusat' });
    expect(places('kp melayu')[0]).toMatchObject({ name: 'Kampung Melayu', kecamatan: 'Jatinegara', city: 'Jakarta Timur' });
    expect(places('Bintaro')[0]).toMatchObject({ kecamatan: 'Pesanggrahan', city: 'Jakarta Selatan' });
    expect(places('macet di jl. thamrin')[0]).toMatchObject({ name: 'Thamrin', kecamatan: 'Menteng' });
    expect(places('rame di Kota Tua')[0]).toMatchObject({ name: 'Kota Tua', kecamatan: 'Taman Sari', city: 'Jakarta Barat' });
  });

  it('refuses a gazetteer where one phrase names two places of the same kind', () => {
    expect(() =>
      buildPlaceIndex([
        { name: 'Kemang', city: 'Jakarta Selatan' },
        { name: 'Kemang Bogor', city: 'Jakarta Selatan', aliases: ['kemang'] },
      ]),
    ).toThrow(/kemang/);
  });

  it('lets the broader kind win when a kecamatan and a kelurahan share a name', () => {
    expect(places('kecamatan Menteng')).toEqual([{ name: 'Menteng', kecamatan: 'Menteng', city: 'Jakarta Pusat' }]);
    expect(places('di Jatinegara')[0]).toMatchObject({ kecamatan: 'Jatinegara', city: 'Jakarta Timur' });
  });
});

describe('ordinary words are no places without context', () => {
  it.each([
    ['tugu peringatan kemerdekaan', []],
    ['macet di Tugu Tani', ['Tugu Tani']],
    ['beli buah menteng di pasar', []],
    ['banjir di menteng', ['Menteng']],
    ['kantor gw di daerah menteng', ['Menteng']],
    ['Banjir Menteng parah', ['Menteng']],
    ['menteng, jakarta pusat', ['Menteng', 'Jakarta Pusat']],
    ['menteng jaksel', ['Jakarta Selatan']],
    ['di tengah jalan macet', []],
    ['jalan baru dibuka', []],
    ['#JawaTengah', []],
    ['kelurahan tengah banjir', ['Tengah']],
    ['dari senen sampai jumat tutup', []],
    ['hari senen macet', []],
    ['macet di senen', ['Senen']],
    ['beli mangga dua kilo', []],
    ['macet di mangga dua', ['Mangga Dua']],
    ['hari kartini', []],
    ['selamat Hari Kartini', []],
    ['kebon jeruk bapak panen', []],
    ['Listrik padam di Kebon Jeruk', ['Kebon Jeruk']],
    ['minyak kayu putih', []],
    ['fogging di Kelurahan Kayu Putih', ['Kayu Putih']],
    ['ke bangka liburan', []],
    ['ke makasar naik pesawat', []],
    ['kecamatan makasar', ['Makasar']],
  ])('%s → %j', (text, expected) => {
    expect(placeNames(text)).toEqual(expected);
  });

  it('takes no capitals as evidence in a headline written in Title Case', () => {
    expect(placeNames('Harga Gambir Naik Tajam Bulan Ini')).toEqual([]);
    expect(placeNames('Banjir Rendam Permukiman di Kebon Jeruk')).toEqual(['Kebon Jeruk']);
  });

  it('lists only phrases the index knows as ambiguous', () => {
    const phrases = new Set(GAZETTEER.flatMap((e) => [e.name, ...(e.aliases ?? [])].map((p) => p.toLowerCase())));
    expect([...AMBIGUOUS.keys()].filter((p) => !phrases.has(p))).toEqual([]);
  });
});

describe('words that make a name the ordinary thing', () => {
  it.each([
    ['bibit pohon bintaro dijual murah', []],
    ['getah buah bintaro itu beracun', []],
    ['sayur asem pakai daun jeruk purut', []],
    ['Kursi anyaman dari bambu apus', []],
    ['meja ini terbuat dari kuningan', []],
    ['wasit meniup pluit tanda pelanggaran', []],
    ['mandi di bawah pancoran air', []],
    ['puasa senen kamis biar sehat', []],
    ['kasur dari kapuk randu', []],
  ])('%s → %j', (text, expected) => {
    expect(placeNames(text)).toEqual(expected);
  });

  it.each([
    ['pohon tumbang di Kemang', ['Kemang']],
    ['rob masuk lagi ke pluit', ['Pluit']],
    ['Genangan di Pancoran air setinggi betis', ['Pancoran']],
    ['Kerajinan dari Bambu Apus dipamerkan di balai kota', ['Bambu Apus', 'Balai Kota']],
    ['Toko bunga Rawa Belong rame jelang wisuda', ['Rawa Belong']],
    ['belanja ke pasar bunga rawa belong', ['Rawa Belong']],
    ['pemakaman Jeruk Purut tergenang', ['Jeruk Purut']],
  ])('still the place: %s → %j', (text, expected) => {
    expect(placeNames(text)).toEqual(expected);
  });
});

describe('names that are phrases of their own', () => {
  it('reads Kampung Rambutan whole, in its kelurahan Rambutan', () => {
    expect(places('Antre bus di Terminal Kampung Rambutan')).toEqual([
      { name: 'Kampung Rambutan', kelurahan: 'Rambutan', kecamatan: 'Ciracas', city: 'Jakarta Timur' },
    ]);
    expect(placeNames('kp rambutan macet')).toEqual(['Kampung Rambutan']);
    expect(placeNames('kantor kelurahan rambutan')).toEqual(['Rambutan']);
  });

  it('reads Dukuh Atas as the hub in Menteng, not as Jalan Sudirman', () => {
    expect(places('rapat deket Dukuh Atas aja')).toEqual([
      { name: 'Dukuh Atas', kelurahan: 'Menteng', kecamatan: 'Menteng', city: 'Jakarta Pusat' },
    ]);
    expect(placeNames('Stasiun Sudirman penuh sesak')).toEqual(['Dukuh Atas']);
    expect(placeNames('Jalan Sudirman macet total')).toEqual(['Sudirman']);
  });
});

describe('how the post is written', () => {
  it.each([
    ['Mending beli rumah di tanah tinggi', []],
    ['mending beli rumah di tanah tinggi', ['Tanah Tinggi']],
    ['Banjir lagi di Tanah Tinggi', ['Tanah Tinggi']],
    ['Banjir lagi di daerah tanah tinggi', ['Tanah Tinggi']],
    ['Pengen ke kota tua di Praha', []],
    ['Weekend ke Kota Tua', ['Kota Tua']],
    ['Ngopi2 di tanah tinggi jakpus', ['Tanah Tinggi', 'Jakarta Pusat']],
    ['Ngaso di pondok bambu pinggir kali', []],
    ['Halte pondok bambu ditutup', ['Pondok Bambu']],
    ['Macet di kebon jeruk', ['Kebon Jeruk']],
    ['Banjir di menteng', ['Menteng']],
  ])('%s → %j', (text, expected) => {
    expect(placeNames(text)).toEqual(expected);
  });

  it('leaves off a lower-case ordinary last word after a capitalised name', () => {
    expect(placeNames('Air di Jelambar baru mengalir subuh')).toEqual(['Jelambar']);
    expect(placeNames('Air di Jelambar Baru mengalir subuh')).toEqual(['Jelambar Baru']);
    expect(placeNames('air di jelambar baru mengalir subuh')).toEqual(['Jelambar Baru']);
    expect(placeNames('Rob di Kelapa Gading barat')).toEqual(['Kelapa Gading']);
    // Kebayoran alone is no place, so the whole name stands.
    expect(placeNames('Jalan di Kebayoran baru diaspal')).toEqual(['Kebayoran Baru']);
  });
});

describe('neighbourhoods and landmarks people write', () => {
  it.each([
    ['Macet di depan mal Gandaria', 'Gandaria', 'Kebayoran Lama', 'Jakarta Selatan'],
    ['ziarah ke TPU Jeruk Purut', 'Jeruk Purut', 'Pasar Minggu', 'Jakarta Selatan'],
    ['Pasar Semper becek', 'Semper', 'Cilincing', 'Jakarta Utara'],
    ['Tanggul Muara Baru jebol', 'Muara Baru', 'Penjaringan', 'Jakarta Utara'],
    ['jalan pagi di situ babakan', 'Setu Babakan', 'Jagakarsa', 'Jakarta Selatan'],
    ['Macet di Kramat arah Senen', 'Kramat', 'Senen', 'Jakarta Pusat'],
    ['Stasiun Karet ramai', 'Stasiun Karet', 'Tanah Abang', 'Jakarta Pusat'],
    ['makam di Karet Bivak', 'Karet Bivak', 'Tanah Abang', 'Jakarta Pusat'],
    ['TPU Tanah Kusir', 'Tanah Kusir', 'Kebayoran Lama', 'Jakarta Selatan'],
    ['Rusun Pasar Rumput', 'Pasar Rumput', 'Setiabudi', 'Jakarta Selatan'],
    ['konser di Lapangan Banteng', 'Lapangan Banteng', 'Sawah Besar', 'Jakarta Pusat'],
    ['teater di Taman Ismail Marzuki', 'Taman Ismail Marzuki', 'Menteng', 'Jakarta Pusat'],
    ['kuliner Pecenongan', 'Pecenongan', 'Gambir', 'Jakarta Pusat'],
  ])('%s → %s (%s, %s)', (text, name, kecamatan, city) => {
    expect(places(text)[0]).toMatchObject({ name, kecamatan, city });
  });

  it('needs context for the ones that are also fruits, trees or things', () => {
    expect(placeNames('buah gandaria asem banget')).toEqual([]);
    expect(placeNames('ada makam kramat di ujung kampung')).toEqual([]);
    expect(placeNames('ikat pakai karet gelang')).toEqual([]);
    expect(placeNames('kantor kelurahan karet')).toEqual(['Karet']);
  });
});

describe('coverage of DKI Jakarta', () => {
  it('has the six cities, all 44 kecamatan and all 267 kelurahan', () => {
    expect(GAZETTEER.filter((e) => e.kind === 'city').map((e) => e.name)).toEqual([...CITIES]);
    expect(GAZETTEER.filter((e) => e.kind === 'kecamatan')).toHaveLength(44);
    expect(GAZETTEER.filter((e) => e.kind === 'kelurahan')).toHaveLength(267);
    expect(DKI_KELURAHAN).toHaveLength(267);
    const counts = placeIndexCounts();
    expect(counts.byKind.city).toBe(6);
    expect(counts.byKind.kecamatan).toBe(44);
  });

  it('finds every kecamatan of DKI by its name after a place word', () => {
    for (const k of DKI_KECAMATAN) {
      const found = places(`di kecamatan ${k.name}`);
      expect({ k: k.name, found: found[0] }).toEqual({
        k: k.name,
        found: expect.objectContaining({ kecamatan: spell(k.name), city: k.city }),
      });
    }
  });

  it('finds every kelurahan in its own kecamatan, or as the same-named kecamatan', () => {
    const wrong = DKI_KELURAHAN.filter((k) => {
      const found = places(`di kelurahan ${k.name}`)[0];
      return !found || found.city !== k.city || (found.kecamatan !== spell(k.kecamatan) && found.kecamatan !== spell(k.name));
    }).map((k) => k.name);
    expect(wrong).toEqual([]);
  });

  it('resolves kelurahan to the right kecamatan and city', () => {
    expect(places('banjir di Kelurahan Cipinang Melayu')[0]).toEqual({
      name: 'Cipinang Melayu',
      kelurahan: 'Cipinang Melayu',
      kecamatan: 'Makasar',
      city: 'Jakarta Timur',
    });
    expect(places('Rawa Badak Utara')[0]).toMatchObject({ kecamatan: 'Koja', city: 'Jakarta Utara' });
    expect(places('Srengseng Sawah')[0]).toMatchObject({ kecamatan: 'Jagakarsa', city: 'Jakarta Selatan' });
    expect(places('warga Pulau Tidung')[0]).toMatchObject({ kecamatan: 'Kepulauan Seribu Selatan', city: 'Kepulauan Seribu' });
    expect(places('Kedaung Kali Angke')[0]).toMatchObject({ kecamatan: 'Cengkareng', city: 'Jakarta Barat' });
  });

  it('places each hand-written neighbourhood in a kelurahan of its own kecamatan', () => {
    const official = new Set(DKI_KELURAHAN.map((k) => `${k.name}|${spell(k.kecamatan)}`));
    const stray = GAZETTEER.filter((e) => e.kind === 'area' && e.kelurahan !== undefined && !official.has(`${e.kelurahan}|${e.kecamatan}`));
    expect(stray.map((e) => `${e.name}: ${e.kelurahan} not in ${e.kecamatan}`)).toEqual([]);
  });
});
