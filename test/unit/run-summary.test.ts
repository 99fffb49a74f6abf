import { loadConfig } from '../../shared/config';
import { formatSummary, type RunSummary } from '../../cli/summary';
import { resolve } from 'node:path';

const config = loadConfig(resolve(__dirname, '../../pantau.config.json'));

function summaryWith(alerts: RunSummary['alerts']): RunSummary {
  return {
    postsFile: 'demo/jakarta-day.jsonl',
    startedAt: '2026-11-26T00:00:00.000Z',
    seconds: 12,
    read: 100,
    requeued: 0,
    fromSources: 0,
    stored: 100,
    repeated: 0,
    duplicates: 0,
    failed: 0,
    addsUp: true,
    books: { collected: 100, deliveries: 100, stored: 100, deadLettered: 0, missing: 0, ok: true },
    deadLetters: [],
    sentiment: { negative: 40, neutral: 20, positive: 40 },
    hoaxLevels: { none: 100 },
    languages: { id: 100 },
    topics: [{ topic: 'banjir', posts: 30 }],
    alerts,
  };
}

test('the summary counts the alerts per kind and topic and says where each one is, instead of listing every ID', () => {
  const alerts = Array.from({ length: 40 }, (_, i) => ({
    alertId: `${i % 3 === 0 ? 'hoax' : 'spike'}:banjir:2026-11-26T0${i % 10}:${10 + i}Z`,
    kind: i % 3 === 0 ? 'hoax' : 'spike',
    topic: 'banjir',
    severity: 1 + (i % 9),
    revision: 1,
    resolved: i === 5,
  }));
  const text = formatSummary(summaryWith(alerts), config, { alertsFile: 'out/alerts.jsonl', check: 'pantau check' });
  const alertLines = text.split('\n').filter((l) => /^ {2}alerts |^ {20}each one/.test(l));
  expect(alertLines).toEqual([
    '  alerts            40 messages (1 of them resolutions): spike banjir 26 (up to 9/10), hoax banjir 14 (up to 7/10)',
    '                    each one: out/alerts.jsonl; their books: pantau check',
  ]);
  for (const line of text.split('\n')) expect(line.length).toBeLessThan(200);
  expect(text).not.toContain('spike:banjir:');
});

test('the summary reads "lines read", the books\' word "collected" is left to the books', () => {
  const text = formatSummary(summaryWith([]), config, { check: 'pantau check' });
  expect(text).toMatch(/ {2}lines read {8}100 /);
  expect(text).toMatch(/check {13}read 100 = stored 100 \+ repeated 0 \+ failed 0\n/);
  expect(text).not.toMatch(/collected/);
  expect(text).toMatch(/alerts {12}0\n/);
});
