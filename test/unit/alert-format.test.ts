import { episodeLink, type Alert } from '../../shared/alerts/alert';
import { alertSms, alertSubject, alertText } from '../../shared/alerts/format';
import { alertMessage } from '../../shared/adapters/sns';
import { parseInboxBody, sqsPayload } from '../../infra/local/alert-inbox';

const alert: Alert = {
  alertId: 'spike:banjir:2026-11-26T09:05Z',
  kind: 'spike',
  topic: 'banjir',
  topicLabel: 'Banjir dan genangan',
  severity: 7,
  revision: 1,
  firedAt: '2026-11-26T09:02:00.000Z',
  windowStart: '2026-11-26T08:05:00.000Z',
  windowEnd: '2026-11-26T09:05:00.000Z',
  observed: 42,
  expected: 3,
  ratio: 14,
  windowTotal: 50,
  places: [{ name: 'Kemang', count: 30 }],
  cities: [{ name: 'Jakarta Selatan', count: 35 }],
  samples: [{ postKey: 'x#1', text: 'Banjir lagi di Kemang', url: 'https://x.com/i/status/1', createdAt: '2026-11-26T09:00:00Z' }],
};

test('the Indonesian alert says what, where, how big, shows evidence and a first step', () => {
  const text = alertText(alert);
  expect(text).toContain('42 unggahan negatif');
  expect(text).toContain('60 menit');
  expect(text).toContain('14x dari biasanya');
  expect(text).toContain('16.05 WIB');
  expect(text).toContain('Kemang (30)');
  expect(text).toContain('https://x.com/i/status/1');
  expect(text).toMatch(/Langkah pertama/);
});

test('English on request; subject and SMS stay short', () => {
  expect(alertText(alert, 'en')).toContain('42 negative posts');
  expect(alertSubject({ ...alert, topicLabel: 'x'.repeat(200) }).length).toBeLessThanOrEqual(100);
  expect(alertSubject({ ...alert, revision: 2 })).toContain('pembaruan');
  expect(alertSms(alert).length).toBeLessThan(160);
});

test('SQS subscribers get the alert JSON, as AWS delivers the `sqs` key of a JSON-structured message', () => {
  const message = JSON.stringify(alertMessage(alert, 'id'));
  expect(JSON.parse(sqsPayload(message))).toEqual(alert);
  expect(sqsPayload('plain text')).toBe('plain text');
  const envelope = JSON.stringify({
    Type: 'Notification',
    Message: message,
    MessageAttributes: { kind: { Type: 'String', Value: 'spike' } },
  });
  expect(parseInboxBody(envelope)).toMatchObject({ alert: { alertId: alert.alertId }, attributes: { kind: 'spike' } });
});

const hoax: Alert = {
  ...alert,
  alertId: 'hoax:banjir:2026-11-26T12:50Z',
  kind: 'hoax',
  severity: 6,
  windowStart: '2026-11-26T11:50:00.000Z',
  windowEnd: '2026-11-26T12:50:00.000Z',
  observed: 9,
  expected: 5,
  ratio: 1.8,
  claim: { text: 'Pintu Air Manggarai jebol malam ini', rating: 'salah', source: 'https://cekfakta.com/manggarai' },
  indicators: [
    { name: 'known_claim', evidence: ['"Pintu Air Manggarai jebol malam ini" (salah)'] },
    { name: 'call_to_share', evidence: ['sebarkan'] },
  ],
  followers: 12_400,
  samples: [{ postKey: 'x#9', text: 'AWAS!! Pintu air Manggarai jebol', author: 'warga_baru9', createdAt: '2026-11-26T12:49:00Z' }],
};

test('a hoax alert names the claim and its debunk, how many accounts spread it, the signs, and what to do', () => {
  const text = alertText(hoax);
  expect(alertSubject(hoax)).toBe('[Pantau 6/10] Hoaks menyebar: Banjir dan genangan');
  expect(text).toContain('"Pintu Air Manggarai jebol malam ini" (salah; cek fakta: https://cekfakta.com/manggarai)');
  expect(text).toContain('9 akun berbeda dalam 60 menit hingga 26 Nov 19.50 WIB (ambang 5), menjangkau sekitar 12.400 pengikut');
  expect(text).toContain('Tanda hoaks: klaim yang sudah dibantah, ajakan menyebarkan.');
  expect(text).toContain('@warga_baru9: "AWAS!! Pintu air Manggarai jebol"');
  expect(text).toMatch(/Langkah pertama: siapkan klarifikasi singkat dengan tautan cek fakta/);
  expect(alertText(hoax, 'en')).toContain('9 different accounts in the 60 minutes');
  expect(alertSms(hoax)).toBe(
    'Pantau 6/10: hoaks banjir dan genangan Kemang disebar 9 akun (sudah dibantah). hoax:banjir:2026-11-26T12:50Z',
  );
});

test('one incident, one thread: a hoax says how many complaints it drives and about what; a joined spike names the topics it took in', () => {
  expect(alertText(hoax)).not.toContain('memicu');
  const driving = alertText({ ...hoax, complaints: 31, related: ['Pemprov DKI dan gubernur'] });
  expect(driving).toContain(
    'Hoaks ini memicu 31 unggahan negatif (juga tentang pemprov dki dan gubernur); itu bagian dari peringatan ini, bukan lonjakan keluhan tersendiri.',
  );
  expect(alertText({ ...hoax, complaints: 31 }, 'en')).toContain('The hoax is driving 31 negative posts; they belong to this alert');
  expect(alertText(alert)).not.toContain('Satu kejadian');
  const joined = { ...alert, related: ['Pemprov DKI dan gubernur', 'Air bersih dan PAM'] };
  expect(alertText(joined)).toContain(
    'Satu kejadian: keluhan tentang pemprov dki dan gubernur, air bersih dan pam sebagian besar unggahan yang sama, jadi tidak diberi peringatan terpisah.',
  );
  expect(alertText(joined, 'en')).toContain(
    'One incident: the complaints about pemprov dki dan gubernur, air bersih dan pam are mostly the same posts',
  );
});

test('a reach alert says who posted, to how many, and what to do', () => {
  const reach: Alert = {
    ...alert,
    alertId: 'reach:x:42:2026-11-26T09:00Z',
    kind: 'reach',
    severity: 5,
    firedAt: '2026-11-26T09:00:00.000Z',
    observed: 2500,
    expected: 1000,
    followers: 5600,
    reposts: 2500,
    samples: [{ postKey: 'x#7', text: 'Banjir di Kemang sepinggang', author: 'rina_kemang', createdAt: '2026-11-26T09:00:00Z' }],
  };
  expect(alertSubject(reach)).toBe('[Pantau 5/10] Unggahan berjangkauan luas: Banjir dan genangan');
  expect(alertText(reach)).toContain(
    '@rina_kemang (5.600 pengikut, dibagikan 2.500 kali) mengunggah keluhan tentang banjir dan genangan pada 26 Nov 16.00 WIB.',
  );
  expect(alertText({ ...reach, indicators: [{ name: 'alarm', evidence: ['AWAS'] }] })).toContain('mengunggah kemungkinan hoaks');
  expect(alertSms(reach).length).toBeLessThan(160);
});

test('the resolution message says it calmed down and what its peak was, in a line for SMS too', () => {
  const resolved: Alert = { ...alert, revision: 4, resolvedAt: '2026-11-26T11:05:00.000Z' };
  expect(alertSubject(resolved)).toBe('[Pantau] Selesai: Lonjakan keluhan: Banjir dan genangan');
  expect(alertText(resolved)).toContain(
    'Sudah mereda: tidak ada kenaikan baru sejak 26 Nov 16.02 WIB. Puncaknya tingkat 7/10 (42 unggahan negatif dalam satu jendela).',
  );
  expect(alertText(resolved, 'en')).toContain('Calmed down');
  expect(alertSms(resolved)).toBe('Pantau: selesai, lonjakan keluhan banjir dan genangan. spike:banjir:2026-11-26T09:05Z');
});

test('the daily digest lists the day per watch topic and its alerts', () => {
  const digest: Alert = {
    ...alert,
    alertId: 'digest:2026-11-27',
    kind: 'digest',
    topic: 'semua',
    topicLabel: 'Semua topik pantauan',
    severity: 1,
    windowStart: '2026-11-26T00:00:00.000Z',
    windowEnd: '2026-11-27T00:00:00.000Z',
    observed: 1200,
    places: [],
    cities: [],
    samples: [],
    digest: {
      topics: [
        {
          topic: 'banjir',
          label: 'Banjir dan genangan',
          total: 300,
          negative: 180,
          hoax: 44,
          cities: [
            { city: 'Jakarta Selatan', total: 120, negative: 90 },
            { city: 'Jakarta Timur', total: 20, negative: 5 },
          ],
        },
        { topic: 'sampah', label: 'Sampah dan kebersihan', total: 0, negative: 0, hoax: 0, cities: [] },
      ],
      alerts: [
        {
          alertId: 'spike:banjir:2026-11-26T08:30Z',
          kind: 'spike',
          topicLabel: 'Banjir dan genangan',
          severity: 9,
          status: 'sent',
          resolved: true,
        },
      ],
    },
  };
  const text = alertText(digest);
  expect(alertSubject(digest)).toBe('[Pantau] Ringkasan harian 27 Nov 07.00 WIB');
  expect(text).toContain('1.200 unggahan tentang topik pantauan dalam 24 jam hingga 27 Nov 07.00 WIB.');
  expect(text).toContain('- Banjir dan genangan: 300 (negatif 60%, 44 mirip hoaks; terbanyak di Jakarta Selatan: 90 negatif)');
  expect(text).not.toContain('Sampah');
  expect(text).toContain('- lonjakan keluhan: Banjir dan genangan, tingkat 9/10, selesai (spike:banjir:2026-11-26T08:30Z)');
  expect(alertSms(digest)).toBe('Pantau: ringkasan harian, 1.200 unggahan, 1 peringatan. digest:2026-11-27');
});

test('an update of an episode someone handles says who, instead of the first step; every message links to the console', () => {
  const link = episodeLink('https://pantau.example.go.id/', alert.alertId);
  expect(link).toBe(`https://pantau.example.go.id/#/alerts/${encodeURIComponent(alert.alertId)}`);
  const assigned: Alert = {
    ...alert,
    revision: 2,
    link,
    handling: { state: 'assigned', assignee: 'Dinas Sumber Daya Air', by: 'rina', at: '2026-11-26T08:40:00Z' },
  };
  const text = alertText(assigned);
  expect(text).toContain('Ditangani: Dinas Sumber Daya Air (ditugaskan oleh rina, 26 Nov 15.40 WIB).');
  expect(text).not.toContain('Langkah pertama');
  expect(text).toContain(`Buka di konsol: ${link}`);
  expect(alertText({ ...assigned, handling: { state: 'acknowledged', by: 'rina', at: '2026-11-26T08:40:00Z' } }, 'en')).toContain(
    'Handled by: rina (since 26 Nov 15.40 WIB).',
  );
  // Nobody on it yet: the first step, and still the link.
  expect(alertText({ ...alert, link })).toMatch(/Langkah pertama[\s\S]*Buka di konsol/);
  // A link that is not a web address is never offered.
  expect(alertText({ ...alert, link: 'javascript:alert(1)' })).not.toContain('konsol');
  expect(alertText({ ...alert, revision: 3, resolvedAt: '2026-11-26T10:00:00Z', handling: assigned.handling, link })).toMatch(
    /Ditangani: Dinas Sumber Daya Air[\s\S]*Buka di konsol/,
  );
});
