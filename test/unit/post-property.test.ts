/**
 * Property tests of the post contract (any valid post round-trips; any broken one is rejected
 * naming its field; no string makes parsePost throw) and of the classifier on text that
 * classify-property.test.ts does not reach: huge generated texts, every code point, and any
 * author and posting time beside them.
 */
import { resolve } from 'node:path';
import fc from 'fast-check';
import { ClaimIndex } from '../../shared/claims/match';
import { SEED_CLAIMS } from '../../shared/claims/seed';
import { makeClassifier, type PostContext } from '../../shared/classify';
import { hoaxLevel } from '../../shared/classify/hoax';
import { SENTIMENT_THRESHOLDS } from '../../shared/classify/sentiment';
import { loadConfig } from '../../shared/config';
import { InvalidPostError, parsePost, validatePost, type Post } from '../../shared/post';

const NOW = Date.parse('2026-11-27T00:00:00Z');
const RUNS = { numRuns: 200 };

const iso = fc.date({ min: new Date('2006-03-21T00:00:00Z'), max: new Date(NOW), noInvalidDate: true }).map((d) => d.toISOString());
const count = fc.nat({ max: 10_000_000 });
/** Any text, including lone surrogates, controls and every plane. */
const anyText = fc.string({ unit: 'binary', minLength: 1, maxLength: 300 });
/** Fields the contract does not know, which it keeps. */
const unknownFields = fc.dictionary(
  fc.stringMatching(/^x_[a-z]{1,8}$/),
  fc.jsonValue({ maxDepth: 2 }).filter((v) => v !== null),
  { maxKeys: 3 },
);

const validPost: fc.Arbitrary<Post> = fc
  .record(
    {
      v: fc.constant(1 as const),
      source: fc.stringMatching(/^[a-z][a-z0-9_-]{0,31}$/),
      id: fc.string({ minLength: 1, maxLength: 256 }),
      url: fc.webUrl(),
      text: anyText,
      lang: fc.string({ maxLength: 16 }),
      createdAt: iso,
      author: fc.record(
        {
          id: fc.string({ minLength: 1, maxLength: 20 }),
          handle: fc.string({ maxLength: 30 }),
          name: anyText,
          followers: count,
          following: count,
          createdAt: iso,
          verified: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      metrics: fc.record({ likes: count, reposts: count, replies: count, quotes: count, views: count }, { requiredKeys: [] }),
      links: fc.array(fc.webUrl(), { maxLength: 3 }),
      extra: unknownFields,
    },
    { requiredKeys: ['v', 'source', 'id', 'text', 'createdAt', 'extra'] },
  )
  .map(({ extra, ...post }) => ({ ...extra, ...post }) as Post);

const REQUIRED = ['v', 'source', 'id', 'text', 'createdAt'] as const;
const notAString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);
/** For each field, values of a type it cannot hold. */
const WRONG: Record<string, fc.Arbitrary<unknown>> = {
  v: fc.oneof(
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.integer().filter((n) => n !== 1),
  ),
  source: notAString,
  id: notAString,
  text: notAString,
  createdAt: notAString,
  url: notAString,
  lang: notAString,
  collectedAt: notAString,
  author: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 })),
  'author.followers': fc.oneof(
    fc.string(),
    fc.boolean(),
    fc.integer({ max: -1 }),
    fc.double({ min: 0.1, max: 1e6, noNaN: true }).filter((n) => !Number.isInteger(n)),
  ),
  'metrics.likes': fc.oneof(fc.string(), fc.boolean(), fc.integer({ max: -1 })),
  links: fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer(), { minLength: 1, maxLength: 2 })),
};

function withField(post: Post, path: string, value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(post)) as Record<string, unknown>;
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) copy[head] = value;
  else copy[head] = { ...((copy[head] as Record<string, unknown> | undefined) ?? {}), [tail]: value };
  return copy;
}

describe('post contract v1, for any post', () => {
  it('a valid post round-trips through JSON and validates, unknown fields and all', () => {
    fc.assert(
      fc.property(validPost, (post) => {
        const line = JSON.stringify(post);
        const result = parsePost(line);
        expect(result.ok).toBe(true);
        // What JSON can carry: an unknown field's -0 arrives as 0.
        if (result.ok) expect(result.post).toEqual(JSON.parse(line));
      }),
      RUNS,
    );
  });

  it('a post without one of its required fields is rejected as `field: required`', () => {
    fc.assert(
      fc.property(validPost, fc.constantFrom(...REQUIRED), (post, field) => {
        const broken: Record<string, unknown> = { ...post };
        delete broken[field];
        const result = validatePost(broken, { now: NOW });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.message).toContain(`${field}: required`);
      }),
      RUNS,
    );
  });

  it('a field of the wrong type is rejected with a message that names it', () => {
    const field = fc.constantFrom(...Object.keys(WRONG));
    const broken = field.chain((name) => fc.tuple(fc.constant(name), WRONG[name] as fc.Arbitrary<unknown>));
    fc.assert(
      fc.property(validPost, broken, (post, [name, value]) => {
        const result = validatePost(withField(post, name, value), { now: NOW });
        expect(result.ok).toBe(false);
        // An array's element is named by its index: `links.0: ...`.
        if (!result.ok) expect(result.error.message).toMatch(new RegExp(`[ ;]${name.replace('.', '\\.')}(\\.\\d+)?: `));
      }),
      RUNS,
    );
  });

  it('no string makes parsePost throw: it answers ok: false with an InvalidPostError', () => {
    const line = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 500 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.object({ maxDepth: 2 }).map((o) => JSON.stringify(o)),
      validPost.chain((p) => fc.nat({ max: JSON.stringify(p).length - 1 }).map((n) => JSON.stringify(p).slice(0, n))),
    );
    fc.assert(
      fc.property(line, (text) => {
        const result = parsePost(text);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error).toBeInstanceOf(InvalidPostError);
          expect(result.error.message).toMatch(/^(not JSON|invalid post): ./);
        }
      }),
      RUNS,
    );
  });
});

describe('the classifier, for any text and context', () => {
  const config = loadConfig(resolve(__dirname, '../../pantau.config.json'));
  const classify = makeClassifier(config.topics, { claims: new ClaimIndex(SEED_CLAIMS) });
  const topicNames = new Set(config.topics.map((t) => t.name));

  const context = fc.record(
    {
      author: fc.record(
        {
          createdAt: fc.oneof(iso, fc.string({ maxLength: 30 })),
          followers: fc.oneof(count, fc.integer(), fc.double()),
          following: fc.oneof(count, fc.double()),
          verified: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      postedAt: fc.oneof(iso, fc.string({ maxLength: 30 })),
    },
    { requiredKeys: [] },
  );

  /** Every answer within its domain, and the labels agreeing with the scores they come from. */
  function assertDomains(text: string, ctx: PostContext): void {
    const c = classify(text, ctx);
    expect(['id', 'en', 'und']).toContain(c.lang);
    expect(['positive', 'neutral', 'negative']).toContain(c.sentiment.label);
    expect(Number.isFinite(c.sentiment.score) && Number.isFinite(c.sentiment.comparative)).toBe(true);
    const expectedLabel =
      c.sentiment.score >= SENTIMENT_THRESHOLDS.positive
        ? 'positive'
        : c.sentiment.score <= SENTIMENT_THRESHOLDS.negative
          ? 'negative'
          : 'neutral';
    expect(c.sentiment.label).toBe(expectedLabel);
    expect(c.hoax.score).toBeGreaterThanOrEqual(0);
    expect(c.hoax.score).toBeLessThanOrEqual(1);
    expect(c.hoax.level).toBe(hoaxLevel(c.hoax.score));
    for (const t of c.topics) expect(topicNames.has(t.name)).toBe(true);
    for (const p of c.places) expect(typeof p.city).toBe('string');
    expect(() => JSON.stringify(c)).not.toThrow();
  }

  it('any code point, controls included, with any author and time beside it', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 2_000 }),
      fc
        .array(
          fc.integer({ min: 0, max: 0x1f }).map((n) => String.fromCharCode(n)),
          { maxLength: 200 },
        )
        .map((a) => a.join('')),
      fc
        .array(
          fc.oneof(
            fc.constantFrom('banjir', 'HOAKS', 'sebarkan!!!', 'Kemang', '#', '@', '\u0000'),
            fc.string({ unit: 'binary', maxLength: 5 }),
          ),
          {
            maxLength: 300,
          },
        )
        .map((a) => a.join(' ')),
    );
    fc.assert(fc.property(text, context, assertDomains), RUNS);
  });

  it('huge generated texts (up to 300,000 characters) answer in domain and in reasonable time', () => {
    const huge = fc
      .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), fc.integer({ min: 50_000, max: 300_000 }))
      .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));
    fc.assert(
      fc.property(huge, context, (text, ctx) => {
        const started = Date.now();
        assertDomains(text, ctx);
        expect(Date.now() - started).toBeLessThan(5_000);
      }),
      { numRuns: 12 },
    );
  });
});
