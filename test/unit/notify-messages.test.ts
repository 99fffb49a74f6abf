/**
 * How an alert reads in Telegram (HTML) and Slack (Block Kit mrkdwn): the email's words, every
 * outside string escaped, only web addresses linked, and within each chat's limits.
 */
import type { Alert, AlertSample } from '../../shared/alerts/alert';
import { alertText } from '../../shared/alerts/format';
import {
  SLACK_HEADER_MAX,
  SLACK_SECTION_MAX,
  TELEGRAM_MAX_LENGTH,
  slackMessage,
  telegramMessage,
  wants,
  type SlackBlock,
} from '../../shared/notify/messages';
import { makeAlert, telegramHtmlError } from '../helpers/notify';

/** Posts written to break the markup: HTML, entities, quotes, a script URL, Slack's mentions. */
const hostile: Alert = makeAlert({
  topicLabel: 'Banjir & <Genangan>',
  places: [{ name: 'Kemang <Raya>', count: 30 }],
  samples: [
    {
      postKey: 'x#1',
      text: '<script>alert("pwned")</script>  Banjir &\nmacet, kata "warga"',
      url: 'https://x.com/i/status/1?ref=a&b="2"',
      author: 'warga<b>',
      createdAt: '2026-11-26T09:00:00Z',
    },
    {
      postKey: 'x#2',
      text: 'Klik <!channel> <@U123> sekarang!',
      url: 'javascript:alert(1)',
      author: 'spammer',
      createdAt: '2026-11-26T09:01:00Z',
    },
  ],
});

const HOAX = { kind: 'hoax', alertId: 'hoax:claim-seed-014:2026-11-26T08:41Z', observed: 6, expected: 5 } as const;

const sectionTexts = (blocks: readonly SlackBlock[]): string[] => blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : []));

describe('Telegram (parse_mode HTML)', () => {
  it('escapes every outside string and links only web addresses', () => {
    expect(telegramMessage(hostile, 'id')).toBe(
      [
        '<b>[Pantau 7/10] Lonjakan keluhan: Banjir &amp; &lt;Genangan&gt;</b>',
        '42 unggahan negatif tentang banjir &amp; &lt;genangan&gt; dalam 60 menit hingga 26 Nov 16.05 WIB: 14x dari biasanya (perkiraan 3).',
        'Lokasi terbanyak: Kemang &lt;Raya&gt; (30); kota: Jakarta Selatan (35).',
        '- @warga&lt;b&gt;: <a href="https://x.com/i/status/1?ref=a&amp;b=%222%22">"&lt;script&gt;alert("pwned")&lt;/script&gt; Banjir &amp; macet, kata "warga""</a>',
        '- @spammer: "Klik &lt;!channel&gt; &lt;@U123&gt; sekarang!"',
        'Langkah pertama: cek kondisi lapangan dengan dinas terkait, lalu siapkan tanggapan resmi di kanal Pemprov.',
        'ID: spike:banjir:2026-11-26T09:05Z',
      ].join('\n'),
    );
  });

  it('never makes a link of a script, data or malformed address, whatever its case', () => {
    for (const url of ['JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>x</b>', 'not a url', '//x.com/i/status/1']) {
      const text = telegramMessage(
        makeAlert({ samples: [{ postKey: 'x#1', text: 'Banjir', url, createdAt: '2026-11-26T09:00:00Z' }] }),
        'id',
      );
      expect(text).not.toContain('<a ');
      expect(text).toContain('- "Banjir"');
    }
  });

  it('says what the email says, in Indonesian or English', () => {
    for (const lang of ['id', 'en'] as const) {
      const alert = makeAlert({ revision: 2 });
      const chat = telegramMessage(alert, lang);
      const [subject, ...lines] = alertText(alert, lang).split('\n');
      expect(chat.startsWith(`<b>${subject}</b>\n`)).toBe(true);
      for (const line of lines.filter((l) => !l.startsWith('- '))) expect(chat).toContain(line);
    }
    expect(telegramMessage(makeAlert(), 'id')).toContain('unggahan negatif');
    expect(telegramMessage(makeAlert({ revision: 2 }), 'id')).toContain('(pembaruan)');
    const english = telegramMessage(makeAlert({ revision: 2 }), 'en');
    expect(english).toContain('42 negative posts about banjir dan genangan');
    expect(english).toContain('First step:');
    expect(english).toContain('(update)');
  });

  it('leaves sample posts out first, the last first, to stay within 4096 characters', () => {
    // A hoax with a long claim: about 3,650 characters before any sample post, room for one.
    const claim = { text: 'Pintu air Manggarai jebol & '.repeat(100).trim(), rating: 'salah', source: 'turnbackhoax.id' };
    const samples: AlertSample[] = [1, 2, 3].map((n) => ({
      postKey: `x#${n}`,
      text: `Sampel ${n} `.repeat(30),
      url: `https://x.com/i/status/${n}`,
      createdAt: '2026-11-26T09:00:00Z',
    }));
    const text = telegramMessage(makeAlert({ ...HOAX, claim, samples }), 'id');
    expect(text.length).toBeLessThanOrEqual(TELEGRAM_MAX_LENGTH);
    expect(text).toContain('Pintu air Manggarai jebol &amp; '.repeat(99));
    expect(text).toContain('<a href="https://x.com/i/status/1">');
    expect(text).not.toContain('https://x.com/i/status/2');
    expect(text).not.toContain('https://x.com/i/status/3');
    expect(text).toMatch(/\nID: hoax:claim-seed-014:2026-11-26T08:41Z$/);
    expect(telegramHtmlError(text)).toBeUndefined();
  });

  it('cuts the longest line, between escapes, when even without samples the text is too long', () => {
    const claim = { text: '<&>'.repeat(3000), rating: 'salah', source: 'cekfakta.example' };
    const text = telegramMessage(makeAlert({ ...HOAX, claim }), 'en');
    expect(text.length).toBeLessThanOrEqual(TELEGRAM_MAX_LENGTH);
    expect(text.length).toBeGreaterThan(TELEGRAM_MAX_LENGTH - 10);
    expect(text).not.toContain('<a ');
    expect(text).toContain('…');
    expect(text).toContain('First step:');
    expect(text).toMatch(/\nID: hoax:claim-seed-014:2026-11-26T08:41Z$/);
    expect(telegramHtmlError(text)).toBeUndefined();
  });
});

describe('Slack (incoming webhook, Block Kit)', () => {
  it('escapes & < > in mrkdwn, so a post cannot ping, and links web addresses as <url|label>', () => {
    const message = slackMessage(hostile, 'id');
    expect(message).toEqual({
      text: '[Pantau 7/10] Lonjakan keluhan: Banjir &amp; &lt;Genangan&gt;',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: '[Pantau 7/10] Lonjakan keluhan: Banjir & <Genangan>' } },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            verbatim: true,
            text:
              '42 unggahan negatif tentang banjir &amp; &lt;genangan&gt; dalam 60 menit hingga 26 Nov 16.05 WIB: 14x dari biasanya (perkiraan 3).\n' +
              'Lokasi terbanyak: Kemang &lt;Raya&gt; (30); kota: Jakarta Selatan (35).',
          },
        },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            verbatim: true,
            text:
              '- @warga&lt;b&gt;: <https://x.com/i/status/1?ref=a&amp;b=%222%22|"&lt;script&gt;alert("pwned")&lt;/script&gt; Banjir &amp; macet, kata "warga"">\n' +
              '- @spammer: "Klik &lt;!channel&gt; &lt;@U123&gt; sekarang!"',
          },
        },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            verbatim: true,
            text: 'Langkah pertama: cek kondisi lapangan dengan dinas terkait, lalu siapkan tanggapan resmi di kanal Pemprov.\nID: spike:banjir:2026-11-26T09:05Z',
          },
        },
        { type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: 'Pantau · 26 Nov 16.02 WIB' }] },
      ],
    });
    const everything = JSON.stringify(message);
    expect(everything).not.toMatch(/<!channel>|<@U123>|javascript:/);
  });

  it('keeps a pipe in an address from ending the link', () => {
    const sample = { postKey: 'x#1', text: 'Banjir', url: 'https://portal.example/a|b', createdAt: '2026-11-26T09:00:00Z' };
    expect(sectionTexts(slackMessage(makeAlert({ samples: [sample] }), 'id').blocks)).toContain(
      '- <https://portal.example/a%7Cb|"Banjir">',
    );
  });

  it('stays within the header and section limits', () => {
    const claim = { text: '<&>'.repeat(3000), rating: 'salah', source: 'cekfakta.example' };
    const samples = [1, 2, 3].map((n) => ({
      postKey: `x#${n}`,
      text: 'x',
      url: `https://x.com/${'a'.repeat(1400)}/${n}`,
      createdAt: '2026-11-26T09:00:00Z',
    }));
    const { blocks } = slackMessage(makeAlert({ ...HOAX, claim, topicLabel: 'T'.repeat(400), samples }), 'id');
    const header = blocks[0];
    expect(header?.type === 'header' && header.text.text.length).toBeLessThanOrEqual(SLACK_HEADER_MAX);
    const sections = sectionTexts(blocks);
    for (const text of sections) expect(text.length).toBeLessThanOrEqual(SLACK_SECTION_MAX);
    // Two of the three long sample links fit in a section; the third is left out.
    expect(sections.find((t) => t.includes('https://x.com/'))?.match(/https:\/\/x\.com\//g)).toHaveLength(2);
    expect(sections[0]).toMatch(/…$/);
  });

  it('speaks the configured language', () => {
    expect(sectionTexts(slackMessage(makeAlert(), 'en').blocks).join('\n')).toContain('Most mentioned places: Kemang (30)');
    expect(sectionTexts(slackMessage(makeAlert(), 'id').blocks).join('\n')).toContain('Lokasi terbanyak: Kemang (30)');
  });
});

describe('wants', () => {
  it('takes every alert at or above the minimum severity when no kinds are given', () => {
    expect(wants({ minSeverity: 1 }, makeAlert({ severity: 1 }))).toBe(true);
    expect(wants({ minSeverity: 7 }, makeAlert({ severity: 7 }))).toBe(true);
    expect(wants({ minSeverity: 8 }, makeAlert({ severity: 7 }))).toBe(false);
  });

  it('takes only the listed kinds', () => {
    expect(wants({ kinds: ['hoax'], minSeverity: 1 }, makeAlert({ kind: 'hoax' }))).toBe(true);
    expect(wants({ kinds: ['hoax'], minSeverity: 1 }, makeAlert({ kind: 'spike' }))).toBe(false);
    expect(wants({ kinds: ['hoax', 'spike'], minSeverity: 9 }, makeAlert({ kind: 'spike', severity: 7 }))).toBe(false);
  });
});

describe('the daily digest', () => {
  it('keeps its own list of topics and alerts in both chats, escaped', () => {
    const digest = makeAlert({
      alertId: 'digest:2026-11-27',
      kind: 'digest',
      severity: 1,
      observed: 300,
      samples: [],
      places: [],
      cities: [],
      digest: {
        topics: [{ topic: 'banjir', label: 'Banjir & <genangan>', total: 300, negative: 150, hoax: 2, cities: [] }],
        alerts: [],
      },
    });
    const html = telegramMessage(digest, 'id');
    expect(html).toContain('- Banjir &amp; &lt;genangan&gt;: 300 (negatif 50%, 2 mirip hoaks)');
    expect(html).toContain('Tidak ada peringatan.');
    expect(telegramHtmlError(html)).toBeUndefined();
    expect(sectionTexts(slackMessage(digest, 'id').blocks).join('\n')).toContain('Banjir &amp; &lt;genangan&gt;: 300');
  });
});
