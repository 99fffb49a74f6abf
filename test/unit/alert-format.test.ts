import type { Alert } from '../../shared/alerts/alert';
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
