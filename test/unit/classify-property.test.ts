/**
 * Property tests: whatever text arrives (empty, huge, control characters, lone surrogates, RTL,
 * emoji sequences, JSON-ish noise), the classifier and `pantau classify`'s line handler never
 * throw and always return a well-formed answer.
 */
import { resolve } from 'node:path';
import fc from 'fast-check';
import { makeClassifier } from '../../shared/classify';
import type { Classification } from '../../shared/classify/types';
import { loadConfig } from '../../shared/config';
import { classifyLine } from '../../cli/commands/classify';

const config = loadConfig(resolve(__dirname, '../../pantau.config.json'));
const classify = makeClassifier(config.topics);
const RUNS = { numRuns: 300 };

const finite = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n);

function assertShape(c: Classification): void {
  expect(['id', 'en', 'und']).toContain(c.lang);
  expect(['positive', 'neutral', 'negative']).toContain(c.sentiment.label);
  expect(finite(c.sentiment.score)).toBe(true);
  expect(finite(c.sentiment.comparative)).toBe(true);
  for (const w of c.sentiment.words) expect(finite(w.score)).toBe(true);
  expect(finite(c.hoax.score)).toBe(true);
  expect(c.hoax.score).toBeGreaterThanOrEqual(0);
  expect(c.hoax.score).toBeLessThanOrEqual(1);
  expect(['none', 'low', 'medium', 'high']).toContain(c.hoax.level);
  for (const i of c.hoax.indicators) {
    expect(typeof i.name).toBe('string');
    expect(Array.isArray(i.evidence)).toBe(true);
  }
  const topicNames = new Set(config.topics.map((t) => t.name));
  for (const t of c.topics) {
    expect(topicNames.has(t.name)).toBe(true);
    expect(t.matched.length).toBeGreaterThan(0);
  }
  for (const p of c.places) {
    expect(typeof p.name).toBe('string');
    expect(typeof p.city).toBe('string');
  }
}

/** Pieces that stress normalisation: controls, lone surrogates, RTL marks and script, emoji ZWJ sequences, hashtags, slang. */
const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r\n',
  '\t',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\udc00\ud800',
  '\u202e',
  '\u2066',
  'مرحبا بالعالم',
  'שלום',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇮🇩',
  '👍🏽',
  '#',
  '##',
  '#BanjirJakarta',
  '#_',
  '@',
  '@@user',
  'http://',
  'https://x.co/a?b=c#d',
  'www.',
  'anak2',
  '2',
  'wkwkwk',
  'parahhhhhhh',
  'nya',
  ' nya nya',
  'kebanjiran',
  'di Menteng',
  'kelurahan',
  'Jl.',
  ':)',
  '<3',
  '...',
  '!!!',
  '-',
  '—',
  'e\u0301',
  'ﬁ',
  'Ａ',
  '\u{1F600}',
);
const jsonish = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null');
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(nasty, { maxLength: 40 }).map((parts) => parts.join(' ')),
  fc.array(nasty, { maxLength: 40 }).map((parts) => parts.join('')),
  jsonish,
);

describe('classifier on arbitrary text', () => {
  it('never throws and always answers in shape', () => {
    fc.assert(
      fc.property(text, (t) => {
        assertShape(classify(t));
      }),
      RUNS,
    );
  });

  it.each([
    ['empty', ''],
    ['only spaces', '     '],
    ['100k letters', 'a'.repeat(100_000)],
    ['100k words', 'banjir di menteng '.repeat(5_600)],
    ['100k hashtag', `#${'Banjir'.repeat(16_000)}`],
    ['100k emoji', '👨‍👩‍👧‍👦'.repeat(9_000)],
    ['100k lone surrogates', '\ud800'.repeat(100_000)],
    ['control characters', Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')],
    ['RTL override', '\u202eبانجير di kemang\u202c'],
  ])('%s', (_name, t) => {
    const started = Date.now();
    assertShape(classify(t));
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe('classifyLine on arbitrary lines', () => {
  const check = (line: string): void => {
    const out = classifyLine(line, classify);
    expect(typeof out).toBe('object');
    if ('error' in out) {
      expect(typeof out.error).toBe('string');
    } else {
      expect(['id', 'en', 'und']).toContain(out.lang);
      expect(Array.isArray(out.topics)).toBe(true);
      expect(Array.isArray(out.places)).toBe(true);
    }
    expect(() => JSON.stringify(out)).not.toThrow();
  };

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), jsonish), check), RUNS);
  });

  it('never throws on objects with arbitrary text and ids', () => {
    const record = fc.record(
      { id: fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null)), text: fc.oneof(text, fc.jsonValue({ maxDepth: 2 })) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(record, (r) => check(JSON.stringify(r))),
      RUNS,
    );
  });
});
