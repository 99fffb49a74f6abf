/** News feeds as posts, pure: feed documents read, items mapped to contract v1, odd dates, Google News searches. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePost } from '../../shared/post';
import {
  FeedFormatError,
  googleNewsFeeds,
  htmlToText,
  MAX_TEXT_LENGTH,
  type MappingContext,
  parseFeedDate,
  parseFeedDocument,
  toPostCandidate,
  type FeedEntry,
  type ParsedFeed,
} from '../../shared/sources/feeds';

const fixture = (name: string): string => readFileSync(join(__dirname, '../fixtures/feeds', name), 'utf8');

const collectedAt = Date.parse('2026-12-27T02:00:00Z');
const context = (url = 'https://www.kabaribukota.example/rss/megapolitan', name?: string): MappingContext => ({
  feed: { url, ...(name ? { name } : {}) },
  collectedAt,
  timeZone: 'Asia/Jakarta',
});

describe('parseFeedDocument', () => {
  it('reads an RSS 2.0 portal feed: CDATA HTML stripped, entities decoded, bylines, guids', () => {
    const feed = parseFeedDocument(fixture('portal-rss.xml'));
    expect(feed).toMatchObject({
      title: 'Kabar Ibukota - Megapolitan',
      site: 'https://www.kabaribukota.example/megapolitan',
      language: 'id',
    });
    expect(feed.entries).toHaveLength(5);
    const [first, , third] = feed.entries;
    expect(first).toEqual({
      guid: 'https://www.kabaribukota.example/megapolitan/2026/12/27/banjir-rendam-kemang',
      link: 'https://www.kabaribukota.example/megapolitan/2026/12/27/banjir-rendam-kemang',
      title: 'Banjir Rendam Kemang, Warga Keluhkan Pompa Air “Tak Berfungsi”',
      summary: expect.stringMatching(/^JAKARTA – Air setinggi 50 cm merendam permukiman di Kemang, .* pompa air & pintu air tak berfungsi/),
      published: 'Sen, 27 Des 2026 08:15:00 WIB',
      byline: 'Rina Wulandari',
      source: undefined,
    });
    expect(first?.summary).not.toMatch(/<|&nbsp;|&amp;|\u00a0/);
    // escaped (not CDATA) HTML with double-escaped entities
    expect(third?.summary).toBe('Rute baru 1B mulai beroperasi pekan depan & melayani penumpang pukul 05.00–22.00.');
    expect(third?.published).toBe('2026-12-26T10:00:00');
  });

  it('reads an Atom feed: entry ids, the alternate link, HTML content, published before updated', () => {
    const feed = parseFeedDocument(fixture('atom.xml'));
    expect(feed.title).toBe('Catatan Warga Jakarta');
    expect(feed.entries).toEqual([
      {
        guid: 'tag:catatanwarga.example,2026:entry-311',
        link: 'https://catatanwarga.example/2026/12/genangan-kemayoran',
        title: 'Genangan di Underpass Kemayoran & Jalan Benyamin Sueb',
        summary: 'Underpass Kemayoran ditutup sementara karena genangan setinggi 70 cm. Petugas mengalihkan arus ke Jalan Benyamin Sueb.',
        published: '2026-12-27T07:40:00+07:00',
        byline: 'Sari',
        source: undefined,
      },
      expect.objectContaining({ guid: 'tag:catatanwarga.example,2026:entry-309', published: '2026-12-26T18:20:00Z', byline: undefined }),
    ]);
  });

  it('reads the outlet Google News names per item', () => {
    const feed = parseFeedDocument(fixture('google-news.xml'));
    expect(feed.entries.map((e) => e.source)).toEqual([
      { name: 'Warta Metro', url: 'https://www.wartametro.example' },
      { name: 'Suara Betawi Online', url: 'https://suarabetawi.example' },
    ]);
  });

  it('refuses a feed cut short, whose last item would be half there', () => {
    expect(() => parseFeedDocument(fixture('truncated.xml'))).toThrow(
      new FeedFormatError('the feed is cut short: its root element never closes'),
    );
  });

  it.each([
    ['an HTML error page', fixture('error-page.html'), /^not an RSS or Atom feed .*it starts with "<!DOCTYPE html>/],
    ['JSON', '{"error":"rate limited"}', /^not an RSS or Atom feed .*it starts with "\{\\"error/],
    ['nothing', '', /^not an RSS or Atom feed/],
  ])('refuses %s, saying what it got', (_, body, message) => {
    expect(() => parseFeedDocument(body)).toThrow(FeedFormatError);
    expect(() => parseFeedDocument(body)).toThrow(message);
  });

  it('takes a feed with a trailing comment after its root, as WordPress caches write them', () => {
    expect(fixture('portal-rss.xml').trimEnd()).toMatch(/-->$/);
    expect(() => parseFeedDocument(fixture('portal-rss.xml'))).not.toThrow();
  });
});

describe('toPostCandidate', () => {
  const portal = parseFeedDocument(fixture('portal-rss.xml'));
  const portalPosts = portal.entries.map((item) => toPostCandidate(item, portal, context()));
  const entry = (fields: Partial<FeedEntry>): FeedEntry => ({ title: 'Judul', summary: 'Isi', ...fields });
  const bare: ParsedFeed = { entries: [] };

  it('maps a portal item to a valid post: outlet as author, WIB date as createdAt, headline and lead as text', () => {
    const post = portalPosts[0];
    expect(post).toEqual({
      v: 1,
      source: 'news',
      id: 'https://www.kabaribukota.example/megapolitan/2026/12/27/banjir-rendam-kemang',
      url: 'https://www.kabaribukota.example/megapolitan/2026/12/27/banjir-rendam-kemang',
      text: expect.stringMatching(/^Banjir Rendam Kemang, Warga Keluhkan Pompa Air “Tak Berfungsi”\. JAKARTA – Air setinggi 50 cm /),
      lang: 'id',
      createdAt: '2026-12-27T01:15:00.000Z',
      collectedAt: '2026-12-27T02:00:00.000Z',
      author: { id: 'kabaribukota.example', name: 'Kabar Ibukota - Megapolitan' },
      byline: 'Rina Wulandari',
      links: ['https://www.kabaribukota.example/megapolitan/2026/12/27/banjir-rendam-kemang'],
      feed: 'https://www.kabaribukota.example/rss/megapolitan',
    });
    for (const candidate of portalPosts) expect(validatePost(candidate)).toMatchObject({ ok: true });
  });

  it('reads +0700 offsets and zoneless ISO dates (Jakarta time), and flags an unreadable date as estimated', () => {
    expect(portalPosts.map((p) => [p.createdAt, p.createdAtEstimated])).toEqual([
      ['2026-12-27T01:15:00.000Z', undefined],
      ['2026-12-26T08:30:00.000Z', undefined],
      ['2026-12-26T03:00:00.000Z', undefined],
      ['2026-12-26T08:30:00.000Z', undefined],
      ['2026-12-27T02:00:00.000Z', true],
    ]);
  });

  it('does not believe a date after the collection (a wrong zone), within a little clock skew', () => {
    const at = (published: string) => toPostCandidate(entry({ published }), bare, context());
    expect(at('Sun, 27 Dec 2026 09:00:00 GMT')).toMatchObject({ createdAt: '2026-12-27T02:00:00.000Z', createdAtEstimated: true });
    expect(at('Sun, 27 Dec 2026 09:05:00 +0700')).toMatchObject({ createdAt: '2026-12-27T02:05:00.000Z' });
    expect(at('Sun, 27 Dec 2026 09:05:00 +0700')).not.toHaveProperty('createdAtEstimated');
  });

  it('takes the guid as id, prefixing one that is not a URI with the feed host, else the link', () => {
    expect(portalPosts.map((p) => p.id)).toEqual([
      'https://www.kabaribukota.example/megapolitan/2026/12/27/banjir-rendam-kemang',
      'https://www.kabaribukota.example/?p=48213',
      'kabaribukota.example:48190',
      'https://www.kabaribukota.example/?p=48213',
      'https://www.kabaribukota.example/megapolitan/cfd-pekan-ini',
    ]);
  });

  it('maps a Google News item: " - Outlet" dropped from the title, the repeated lead dropped, the outlet as author', () => {
    const feed = parseFeedDocument(fixture('google-news.xml'));
    const posts = feed.entries.map((item) => toPostCandidate(item, feed, context('https://news.google.com/rss/search?q=banjir')));
    expect(posts.map((p) => [p.text, p.author])).toEqual([
      ['Banjir Rendam 32 RT di Jakarta Timur Pagi Ini', { id: 'wartametro.example', name: 'Warta Metro' }],
      ['BPBD DKI: Genangan Air di 5 Ruas Jalan Sudah Surut', { id: 'suarabetawi.example', name: 'Suara Betawi Online' }],
    ]);
    expect(posts[0]?.id).toBe(
      'news.google.com:CBMiggFodHRwczovL3d3dy53YXJ0YW1ldHJvLmV4YW1wbGUvYmVyaXRhLzIwMjYvMTIvMjcvYmFuamlyLXJlbmRhbS0zMi1ydNIBAA',
    );
    expect(posts[0]?.createdAt).toBe('2026-12-27T00:47:00.000Z');
    for (const post of posts) expect(validatePost(post)).toMatchObject({ ok: true });
  });

  it('names the author from the configured feed name when the feed has no title, and the host from the feed address', () => {
    const post = toPostCandidate(
      entry({ link: 'https://a.example/1' }),
      bare,
      context('https://www.rss.portal.example/feed', 'Portal Kota'),
    );
    expect(post.author).toEqual({ id: 'rss.portal.example', name: 'Portal Kota' });
  });

  it('hashes an id longer than the contract allows, the same way every run', () => {
    const link = `https://a.example/${'x'.repeat(300)}`;
    const first = toPostCandidate(entry({ link }), bare, context());
    const again = toPostCandidate(entry({ link, title: 'Judul diperbarui' }), bare, context());
    expect(first.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(again.id).toBe(first.id);
    expect(first.url).toBe(link);
    expect(validatePost(first)).toMatchObject({ ok: true });
  });

  it('gives an item with neither guid nor link an id from its text', () => {
    const a = toPostCandidate(entry({}), bare, context());
    expect(a.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(toPostCandidate(entry({ summary: 'Lain' }), bare, context()).id).not.toBe(a.id);
    expect(a).not.toHaveProperty('url');
  });

  it('leaves out a link that is not an http(s) address rather than breaking the contract', () => {
    const post = toPostCandidate(entry({ guid: 'https://a.example/1', link: 'javascript:void(0)' }), bare, context());
    expect(post).not.toHaveProperty('url');
    expect(post.links).toEqual([]);
    expect(validatePost(post)).toMatchObject({ ok: true });
  });

  it('caps a long text at a word boundary with an ellipsis', () => {
    const post = toPostCandidate(entry({ summary: 'kata '.repeat(2_000) }), bare, context());
    expect(post.text.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    expect(post.text).toMatch(/kata…$/);
  });

  it('does not repeat a headline the lead opens with', () => {
    expect(toPostCandidate(entry({ title: 'Banjir', summary: 'Banjir di Kemang pagi ini' }), bare, context()).text).toBe(
      'Banjir di Kemang pagi ini',
    );
    expect(toPostCandidate(entry({ title: 'Banjir?', summary: 'Air naik.' }), bare, context()).text).toBe('Banjir? Air naik.');
  });

  it('gives an item with no title and no description an empty text, which the contract refuses by name', () => {
    const post = toPostCandidate(entry({ title: '', summary: '', link: 'https://a.example/kosong' }), bare, context());
    expect(post.text).toBe('');
    const checked = validatePost(post);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.error.message).toMatch(/text: must not be empty/);
  });
});

describe('parseFeedDate', () => {
  const iso = (text: string, timeZone = 'Asia/Jakarta'): string | undefined => {
    const ms = parseFeedDate(text, timeZone);
    return ms === undefined ? undefined : new Date(ms).toISOString();
  };

  it.each([
    ['Sat, 26 Dec 2026 15:30:00 +0700', '2026-12-26T08:30:00.000Z'],
    ['Sat, 26 Dec 2026 08:30:00 GMT', '2026-12-26T08:30:00.000Z'],
    ['26 Dec 2026 08:30 UT', '2026-12-26T08:30:00.000Z'],
    ['Sat, 26 Dec 26 03:30:00 EST', '2026-12-26T08:30:00.000Z'],
    ['Sen, 27 Des 2026 08:15:00 WIB', '2026-12-27T01:15:00.000Z'],
    ['Senin, 27 Desember 2026 - 09:15 WITA', '2026-12-27T01:15:00.000Z'],
    ["Jum'at, 27 Agustus 2026 10:15 WIT", '2026-08-27T01:15:00.000Z'],
    ['Rab, 3 Mei 2026 07:00:00 +07:00', '2026-05-03T00:00:00.000Z'],
    ['Mon, 27 Dec 2026 08:15:00 GMT+0700', '2026-12-27T01:15:00.000Z'],
    ['Dec 27, 2026 08:15:00 PST', '2026-12-27T16:15:00.000Z'],
    ['27 Okt 2026', '2026-10-26T17:00:00.000Z'],
    ['2026-12-27T08:15:00+07:00', '2026-12-27T01:15:00.000Z'],
    ['2026-12-27T01:15:00.123Z', '2026-12-27T01:15:00.123Z'],
    ['2026-12-27T08:15:00', '2026-12-27T01:15:00.000Z'],
    ['2026-12-27 08:15:00', '2026-12-27T01:15:00.000Z'],
    ['  2026-12-27  ', '2026-12-26T17:00:00.000Z'],
  ])('reads %j', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each([
    '',
    'kemarin sore',
    '31 Feb 2026 08:00',
    '27 Des 2026 25:00',
    '27 Des 2026 08:15 XYZ',
    '2026-13-01T00:00:00',
    'Sen, 27 Foo 2026',
  ])('gives up on %j rather than guessing', (text) => {
    expect(parseFeedDate(text, 'Asia/Jakarta')).toBeUndefined();
  });

  it('takes a zoneless date in the zone it is given, summer time included', () => {
    expect(iso('2026-07-01 12:00', 'America/New_York')).toBe('2026-07-01T16:00:00.000Z');
    expect(iso('2026-01-01 12:00', 'America/New_York')).toBe('2026-01-01T17:00:00.000Z');
  });
});

describe('htmlToText', () => {
  it('keeps words split by inline tags together, separates blocks, skips scripts, decodes entities', () => {
    expect(htmlToText('<p>Air&nbsp;setinggi <b>5</b>0&#8201;cm &amp; naik</p><p>Warga&#8217;s<br/>kata<img src="x" alt="a > b"></p>')).toBe(
      'Air setinggi 50 cm & naik Warga’s kata',
    );
    expect(htmlToText('<div>Satu</div><div>Dua</div><script>var p = "<p>";</script><style>p { color: red }</style>')).toBe('Satu Dua');
    expect(htmlToText('Harga < 5 juta & AT&T')).toBe('Harga < 5 juta & AT&T');
  });
});

describe('googleNewsFeeds', () => {
  it('builds one Indonesian search feed per topic: keywords OR-joined, phrases quoted, limited to the window', () => {
    const feeds = googleNewsFeeds(
      [
        { name: 'banjir', label: 'Banjir', keywords: ['banjir', 'genangan air', 'rob'], all: [], exclude: [] },
        { name: 'transjakarta', label: 'TransJakarta', keywords: ['transjakarta'], all: [], exclude: [] },
      ],
      '12h',
    );
    expect(feeds).toEqual([
      {
        url: 'https://news.google.com/rss/search?q=banjir%20OR%20%22genangan%20air%22%20OR%20rob%20when%3A12h&hl=id&gl=ID&ceid=ID:id',
        name: 'Google News: Banjir',
      },
      { url: 'https://news.google.com/rss/search?q=transjakarta%20when%3A12h&hl=id&gl=ID&ceid=ID:id', name: 'Google News: TransJakarta' },
    ]);
    expect(new URL(feeds[0]!.url).searchParams.get('q')).toBe('banjir OR "genangan air" OR rob when:12h');
  });
});

test('the WordPress footer "The post … appeared first on …" is left out of the text', () => {
  const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Portal</title><link>https://portal.example/</link>
<item><title>Pompa air mati</title><link>https://portal.example/a</link><pubDate>Sat, 05 Dec 2026 08:00:00 +0700</pubDate>
<description><![CDATA[<p>Warga Kemang mengeluh.</p><p>The post <a href="https://portal.example/a">Pompa air mati</a> appeared first on <a href="https://portal.example">Portal</a>.</p>]]></description></item>
</channel></rss>`;
  const parsed = parseFeedDocument(xml);
  expect(parsed.entries[0]?.summary).toBe('Warga Kemang mengeluh.');
});
