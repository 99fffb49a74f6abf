import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig, parseConfig } from '../../shared/config';

const topic = { name: 'banjir', label: 'Banjir', keywords: ['banjir'] };

describe('config', () => {
  test('the bundled pantau.config.json is valid', () => {
    const config = loadConfig(resolve(__dirname, '../../pantau.config.json'));
    expect(config.region).toBe('ap-southeast-3');
    expect(config.topics.map((t) => t.name)).toContain('banjir');
  });

  test('fills defaults', () => {
    const config = parseConfig({ topics: [topic] });
    expect(config.alerts.spike.windowMinutes).toBe(60);
    expect(config.alerts.language).toBe('id');
    expect(config.retention.postsDays).toBeGreaterThan(0);
  });

  test('names the bad field', () => {
    expect(() => parseConfig({ topics: [{ ...topic, keywords: [] }] })).toThrow(/topics\.0\.keywords/);
    expect(() => parseConfig({ topics: [topic], alerts: { spike: { ratio: 0 } } })).toThrow(/alerts\.spike\.ratio/);
    expect(() => parseConfig({ topics: [topic], surprise: 1 })).toThrow(ConfigError);
  });

  test('the coordinated-posting rule has defaults, can be set, and names its bad fields', () => {
    expect(parseConfig({ topics: [topic] }).hoax.coordinated).toEqual({ minAuthors: 5, windowMinutes: 15 });
    expect(parseConfig({ topics: [topic], hoax: { coordinated: { minAuthors: 8 } } }).hoax.coordinated).toEqual({
      minAuthors: 8,
      windowMinutes: 15,
    });
    expect(() => parseConfig({ topics: [topic], hoax: { coordinated: { minAuthors: 1 } } })).toThrow(/hoax\.coordinated\.minAuthors/);
    expect(() => parseConfig({ topics: [topic], hoax: { coordinated: { windowMinutes: 0 } } })).toThrow(/hoax\.coordinated\.windowMinutes/);
    expect(() => parseConfig({ topics: [topic], hoax: { typo: 1 } })).toThrow(ConfigError);
  });

  test('rejects a topic listed twice', () => {
    expect(() => parseConfig({ topics: [topic, topic] })).toThrow(/"banjir" is listed twice/);
  });

  test('a missing file is a clear error', () => {
    expect(() => loadConfig('/nonexistent/pantau.config.json')).toThrow(/cannot read config \/nonexistent\/pantau.config.json: ENOENT/);
  });

  test('broken JSON is pointed at by line and column, with the line shown', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-config-'));
    const path = join(dir, 'pantau.config.json');
    writeFileSync(path, '{\n  "topics": [\n    { "name": "banjir", }\n  ]\n}\n');
    expect(() => loadConfig(path)).toThrow(`${path}:3:25: not valid JSON`);
    expect(() => loadConfig(path)).toThrow('    { "name": "banjir", }\n' + ' '.repeat(26) + '^');
    writeFileSync(path, '{\n  "topics": [');
    expect(() => loadConfig(path)).toThrow(`${path}:2:14: not valid JSON`);
    rmSync(dir, { recursive: true });
  });
});

test('a bad collector schedule names its field and what is wrong', () => {
  const topics = [topic];
  expect(() => parseConfig({ topics, sources: { news: { schedule: 'cron(0 7 * * *)' } } })).toThrow(
    /sources\.news\.schedule: .*six fields/,
  );
  const config = parseConfig({ topics, sources: { x: { enabled: true }, factchecks: { schedule: 'cron(0 0 * * ? *)' } } });
  expect(config.sources.x).toMatchObject({ schedule: 'rate(10 minutes)', retweets: 'exclude', budget: { perRun: 1000, perDay: 10000 } });
  expect(config.sources.factchecks?.schedule).toBe('cron(0 0 * * ? *)');
});

describe('config fields AWS reads, checked as AWS would before anything is deployed', () => {
  const bad = (value: Record<string, unknown>): string => {
    try {
      parseConfig({ topics: [topic], ...value });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as Error).message;
    }
    throw new Error(`accepted: ${JSON.stringify(value)}`);
  };

  test.each([
    ['rate(10 minute)', 'rate(10 minutes)'],
    ['rate(1 hours)', 'rate(1 hour)'],
  ])('a rate in the wrong number (%s) names its field and the form EventBridge takes', (expression, fixed) => {
    const message = bad({ sources: { x: { schedule: expression } } });
    expect(message).toContain('sources.x.schedule');
    expect(message).toContain(fixed);
    expect(bad({ alerts: { resolveSchedule: expression } })).toContain('alerts.resolveSchedule');
  });

  test('rates in the right number pass', () => {
    const config = parseConfig({
      topics: [topic],
      sources: { x: { schedule: 'rate(1 minute)' } },
      alerts: { resolveSchedule: 'rate(2 hours)' },
    });
    expect(config.sources.x?.schedule).toBe('rate(1 minute)');
    expect(config.alerts.resolveSchedule).toBe('rate(2 hours)');
  });

  test('a region that does not exist is refused by name; real ones pass', () => {
    expect(bad({ region: 'jakarta' })).toMatch(/region: "jakarta" is not an AWS Region code/);
    expect(bad({ region: 'ap-southeast-9' })).toContain('region');
    for (const region of ['ap-southeast-3', 'ap-southeast-1', 'us-east-1', 'eu-central-1'])
      expect(parseConfig({ topics: [topic], region }).region).toBe(region);
  });

  test.each([
    ['email', 'not-an-email', 'is not an email address'],
    ['sms', '0812-345', 'is not a phone number in E.164 form'],
    ['sms', '081234567890', 'is not a phone number in E.164 form'],
    ['https', 'http://hooks.example.go.id/pantau', 'is not an https:// address'],
    ['https', 'hooks.example.go.id', 'is not an https:// address'],
  ])('a %s subscription to %j is refused with its field named', (protocol, endpoint, problem) => {
    const message = bad({
      subscriptions: [
        { protocol: 'email', endpoint: 'humas@example.go.id' },
        { protocol, endpoint },
      ],
    });
    expect(message).toContain(`subscriptions.1.endpoint: "${endpoint}" ${problem}`);
  });

  test('good endpoints pass: an email address, a number with its country code, an https address', () => {
    const subscriptions = [
      { protocol: 'email', endpoint: 'humas@example.go.id' },
      { protocol: 'sms', endpoint: '+6281234567890' },
      { protocol: 'https', endpoint: 'https://hooks.example.go.id/pantau' },
    ];
    expect(parseConfig({ topics: [topic], subscriptions }).subscriptions).toHaveLength(3);
  });

  test('an alert kind misspelt anywhere would mute an officer: refused, naming the field and the kinds there are', () => {
    const subscription = { protocol: 'email', endpoint: 'humas@example.go.id' };
    expect(bad({ subscriptions: [{ ...subscription, kinds: ['spikes'] }] })).toContain(
      'subscriptions.0.kinds: unknown alert kind spikes (kinds: spike, hoax, reach, digest)',
    );
    expect(bad({ subscriptions: [{ ...subscription, kinds: [] }] })).toContain('subscriptions.0.kinds: list at least one alert kind');
    expect(bad({ notify: { slack: { kinds: ['hoaxes'] } } })).toContain('notify.slack.kinds: unknown alert kind hoaxes');
    expect(bad({ notify: { telegram: { chatId: '-100', kinds: ['reach', 'Spike'] } } })).toContain(
      'notify.telegram.kinds: unknown alert kind Spike',
    );
    expect(
      parseConfig({ topics: [topic], subscriptions: [{ ...subscription, kinds: ['hoax', 'digest'] }] }).subscriptions[0]?.kinds,
    ).toEqual(['hoax', 'digest']);
  });

  test('broken JSON is told with its line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-config-'));
    try {
      const path = join(dir, 'pantau.config.json');
      writeFileSync(path, '{\n  "region": "ap-southeast-3",\n  "topics": [\n    { "name": "banjir" "label": "Banjir" }\n  ]\n}\n');
      expect(() => loadConfig(path)).toThrow(`${path}:4:`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
