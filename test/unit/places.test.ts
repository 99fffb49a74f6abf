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
    expect(placeNames('kemangi segar banget, pancoran air')).toEqual(['Pancoran']);
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
