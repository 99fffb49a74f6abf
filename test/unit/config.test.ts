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
