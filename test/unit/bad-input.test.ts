/**
 * Bad input, in the pure core and over in-memory ports: each bad line or post is rejected with a
 * reason that names the problem, goes to the DLQ, and never takes a good neighbour with it.
 */
import { writeFileSync } from 'node:fs';
import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { SQS_MAX_MESSAGE_BYTES, SqsDeadLetters, SqsPostQueue, sqsMessageBytes } from '../../shared/adapters/sqs';
import { ConfigError, loadConfig } from '../../shared/config';
import { collectFile, decodeLine, firstInvalidUtf8, type FileCollectorDeps } from '../../shared/pipeline/collect-file';
import type { Checkpoint, DeadLetter, OutgoingPost } from '../../shared/pipeline/ports';
import { sendPosts } from '../../shared/pipeline/send-posts';
import { MAX_CLOCK_AHEAD_MS, parsePost, parsePostAt, validatePost } from '../../shared/post';
import { tempDir, writeJson } from '../infra/fixtures';
import { makePost, writePostsFile } from '../helpers/posts';

const NOW = Date.parse('2026-11-27T00:00:00Z');
const valid = { v: 1, source: 'x', id: '42', text: 'Banjir lagi di Kemang', createdAt: '2026-11-26T08:15:00Z' };

function memoryDeps() {
  const sent: OutgoingPost[] = [];
  const dead: DeadLetter[] = [];
  const checkpoints = new Map<string, Checkpoint>();
  const deps: FileCollectorDeps = {
    queue: {
      sendAll: async (posts) => {
        sent.push(...posts);
        return [];
      },
    },
    deadLetters: { send: async (letter) => void dead.push(letter) },
    checkpoints: { get: async (c, k) => checkpoints.get(`${c}|${k}`), put: async (c, k, v) => void checkpoints.set(`${c}|${k}`, v) },
    now: () => NOW,
  };
  return { deps, sent, dead };
}

/** A posts file from raw byte lines (so a line can hold bytes that are not UTF-8). */
function writeBytesFile(lines: readonly (Buffer | string)[]): string {
  const path = `${tempDir()}/posts.jsonl`;
  writeFileSync(path, Buffer.concat(lines.flatMap((l) => [Buffer.isBuffer(l) ? l : Buffer.from(l, 'utf8'), Buffer.from('\n')])));
  return path;
}

describe('a post that breaks the contract is rejected with a reason naming the field', () => {
  test.each([
    ['a wrong type', { ...valid, id: 42 }, /^invalid post: id: .*expected string, received number/],
    ['a missing required field', { ...valid, createdAt: undefined }, /^invalid post: createdAt: required/],
    ['an impossible date', { ...valid, createdAt: '2026-02-30T10:00:00Z' }, /^invalid post: createdAt: /],
    ['a month 13', { ...valid, createdAt: '2026-13-01T10:00:00Z' }, /^invalid post: createdAt: /],
    ['a date without a time', { ...valid, createdAt: '2026-11-26' }, /^invalid post: createdAt: /],
    ['a date as a number', { ...valid, createdAt: 1764145000000 }, /^invalid post: createdAt: .*expected string/],
    ['a text over 40,000 characters', { ...valid, text: 'a'.repeat(40_001) }, /^invalid post: text: .*40000/],
  ])('%s', (_name, value, reason) => {
    const result = validatePost(value, { now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(reason);
  });

  test('several mistakes in one post are all named', () => {
    const result = validatePost({ v: 2, source: 'X!', id: '', text: 7, createdAt: 'kemarin' }, { now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) for (const field of ['v', 'source', 'id', 'text', 'createdAt']) expect(result.error.message).toContain(`${field}: `);
  });

  test('a line that is not JSON says so', () => {
    const result = parsePost('{"v":1,"source":"x",');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^not JSON: /);
  });

  test('unknown fields are kept, at the top and nested', () => {
    const result = validatePost({ ...valid, campaign: { id: 'c-7' }, author: { id: '1', badge: 'gold' } }, { now: NOW });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.post).toMatchObject({ campaign: { id: 'c-7' }, author: { id: '1', badge: 'gold' } });
  });
});

describe('a createdAt far in the future is a wrong clock: rejected with the reason', () => {
  test('more than 24 hours after collectedAt is rejected, naming createdAt and collectedAt', () => {
    const result = validatePost({ ...valid, createdAt: '2030-01-01T00:00:00Z', collectedAt: '2026-11-26T08:16:00Z' }, { now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toBe(
        "invalid post: createdAt: 2030-01-01T00:00:00Z is more than 24 hours after collectedAt (2026-11-26T08:16:00Z); the source's clock is wrong",
      );
      expect(result.error.postId).toBe('42');
    }
  });

  test('without collectedAt the clock is now', () => {
    const ahead = new Date(NOW + MAX_CLOCK_AHEAD_MS + 60_000).toISOString();
    const result = parsePostAt(JSON.stringify({ ...valid, createdAt: ahead }), NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(`more than 24 hours after now (${new Date(NOW).toISOString()})`);
  });

  test('up to 24 hours ahead is believed (clock skew, time zones written wrong), and a past date always', () => {
    const within = new Date(NOW + MAX_CLOCK_AHEAD_MS).toISOString();
    expect(parsePostAt(JSON.stringify({ ...valid, createdAt: within }), NOW).ok).toBe(true);
    // A replayed file: collected long ago, judged against its own collectedAt, not against today.
    expect(validatePost({ ...valid, createdAt: '2020-01-01T10:00:00+07:00', collectedAt: '2020-01-01T03:05:00Z' }).ok).toBe(true);
  });
});

describe('UTF-8', () => {
  test('finds the first byte that is not UTF-8, and its column', () => {
    expect(firstInvalidUtf8(Buffer.from('Banjir 🌧 di Kemang', 'utf8'))).toBeUndefined();
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3, 0x28]))).toBe(1); // a lead byte without its continuation
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xff]))).toBe(2); // never in UTF-8
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0); // an overlong '/'
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1); // cut short at the end
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // past U+10FFFF
  });

  test('a line with a Latin-1 byte is rejected, not read with U+FFFD in its place', () => {
    const bytes = Buffer.concat([Buffer.from('{"text":"ca', 'utf8'), Buffer.from([0xe9]), Buffer.from('"}', 'utf8')]);
    const decoded = decodeLine(bytes);
    expect(decoded).toEqual({ ok: false, text: '{"text":"ca\ufffd"}', reason: 'not valid UTF-8 (byte 0xE9 at column 12)' });
  });
});

describe('the file collector keeps going past bad lines', () => {
  test('a line with bad bytes goes to the DLQ with its line, byte and column; the lines around it are sent', async () => {
    const good = (id: string): string => JSON.stringify(makePost({ id, text: 'Genangan di Kemang' }));
    const bad = Buffer.concat([
      Buffer.from('{"v":1,"source":"file","id":"b","text":"Jalan', 'utf8'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const path = writeBytesFile([good('a'), bad, good('c')]);
    const { deps, sent, dead } = memoryDeps();

    const result = await collectFile({ path, checkpointKey: path, pageSize: 10 }, deps);

    expect(sent.map((p) => p.key)).toEqual(['file#a', 'file#c']);
    expect(result.invalid).toEqual([{ line: 2, reason: 'line 2: not valid UTF-8 (byte 0xC3 at column 46)', id: undefined }]);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ line: 2, reason: 'line 2: not valid UTF-8 (byte 0xC3 at column 46)', stage: 'collector' });
    expect(dead[0]?.body).toContain('"text":"Jalan\ufffd(');
  });

  test('a UTF-8 byte-order mark and CRLF endings are read as the same posts', async () => {
    const path = writeBytesFile([`\ufeff${JSON.stringify(makePost({ id: 'bom' }))}\r`, `${JSON.stringify(makePost({ id: 'crlf' }))}\r`]);
    const { deps, sent, dead } = memoryDeps();
    await collectFile({ path, checkpointKey: path, pageSize: 10 }, deps);
    expect(sent.map((p) => p.key)).toEqual(['file#bom', 'file#crlf']);
    expect(dead).toEqual([]);
  });

  test('every kind of bad line is dead-lettered with its reason; unknown fields reach the queue', async () => {
    const lines = [
      JSON.stringify(makePost({ id: 'ok-1', ...{ campaign: 'c-7' } })),
      '{"v":1,"source":"file",',
      JSON.stringify({ ...makePost({ id: 'wrong-type' }), metrics: { likes: 'many' } }),
      JSON.stringify({ v: 1, source: 'file', id: 'no-text', createdAt: '2026-11-26T03:00:00Z' }),
      JSON.stringify(makePost({ id: 'bad-date', createdAt: '26/11/2026 10:00' })),
      JSON.stringify(makePost({ id: 'future', createdAt: '2031-01-01T00:00:00Z' })),
      JSON.stringify(makePost({ id: 'huge', text: 'banjir '.repeat(160_000) })),
      '[]',
      JSON.stringify(makePost({ id: 'ok-2' })),
    ];
    const path = writePostsFile(lines);
    const { deps, sent, dead } = memoryDeps();

    const result = await collectFile({ path, checkpointKey: path, pageSize: 4 }, deps);

    expect(sent.map((p) => p.key)).toEqual(['file#ok-1', 'file#ok-2']);
    expect(JSON.parse(sent[0]?.body ?? '{}')).toMatchObject({ campaign: 'c-7' });
    expect(result).toMatchObject({ read: 9, sent: 2, done: true });
    expect(dead.map((d) => [d.line, d.postId])).toEqual([
      [2, undefined],
      [3, 'wrong-type'],
      [4, 'no-text'],
      [5, 'bad-date'],
      [6, 'future'],
      [7, 'huge'],
      [8, undefined],
    ]);
    const reasons = dead.map((d) => d.reason);
    expect(reasons[0]).toMatch(/^line 2: not JSON: /);
    expect(reasons[1]).toMatch(/^line 3: invalid post: metrics\.likes: .*expected number, received string/);
    expect(reasons[2]).toBe('line 4: invalid post: text: required');
    expect(reasons[3]).toMatch(/^line 5: invalid post: createdAt: /);
    expect(reasons[4]).toMatch(/^line 6: invalid post: createdAt: 2031-01-01T00:00:00Z is more than 24 hours after now/);
    expect(reasons[5]).toMatch(/^line 7: invalid post: text: .*40000/);
    expect(reasons[6]).toMatch(/^line 8: invalid post: \(post\): .*expected object/);
    // The huge line is dead-lettered whole here; the SQS adapter keeps it within a message (below).
    expect(dead[5]?.body.length).toBeGreaterThan(1_000_000);
  });

  test('an empty file, or one of blank lines only, sends nothing, rejects nothing and does not fail', async () => {
    for (const content of ['', '\n\n  \n\t\n']) {
      const path = `${tempDir()}/empty.jsonl`;
      writeFileSync(path, content);
      const { deps, sent, dead } = memoryDeps();
      const result = await collectFile({ path, checkpointKey: path, pageSize: 10 }, deps);
      expect(result).toMatchObject({ read: 0, sent: 0, invalid: [], done: true });
      expect(sent).toEqual([]);
      expect(dead).toEqual([]);
    }
  });
});

describe('the source collectors (sendPosts)', () => {
  test('a candidate that breaks the contract is dead-lettered; the rest are sent with their unknown fields', async () => {
    const sent: OutgoingPost[] = [];
    const dead: DeadLetter[] = [];
    const outcome = await sendPosts(
      'x',
      [
        { ...valid, id: '1', collectedAt: '2026-11-26T08:16:00Z', conversation_id: '99' },
        { ...valid, id: '2', createdAt: '2027-06-01T00:00:00Z', collectedAt: '2026-11-26T08:16:00Z' },
        { ...valid, id: '3', text: '' },
      ],
      {
        queue: {
          sendAll: async (posts) => {
            sent.push(...posts);
            return [];
          },
        },
        deadLetters: { send: async (l) => void dead.push(l) },
      },
    );
    expect(outcome.sent).toEqual(['x#1']);
    expect(JSON.parse(sent[0]?.body ?? '{}')).toMatchObject({ conversation_id: '99' });
    expect(outcome.rejected.map((r) => r.id)).toEqual(['2', '3']);
    expect(dead.map((d) => d.reason)).toEqual([
      expect.stringMatching(/^invalid post: createdAt: 2027-06-01T00:00:00Z is more than 24 hours after collectedAt/),
      'invalid post: text: must not be empty',
    ]);
  });
});

describe('SQS adapters keep every message within the limit', () => {
  const sqs = mockClient(SQSClient);
  beforeEach(() => sqs.reset());
  afterAll(() => sqs.restore());

  test('a dead letter over 256 KiB is cut with a marker; its whole size is kept in an attribute', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm' });
    const body = JSON.stringify({ v: 1, id: 'huge', text: 'banjir 🌧 '.repeat(120_000) });
    await new SqsDeadLetters(new SQSClient({}), 'https://dlq').send({
      body,
      reason: 'line 7: invalid post: text: Too big',
      stage: 'collector',
      source: 'file',
      postId: 'huge',
      line: 7,
    });

    const input = sqs.commandCalls(SendMessageCommand)[0]?.args[0].input;
    const sentBody = input?.MessageBody ?? '';
    const attributes = input?.MessageAttributes ?? {};
    expect(sqsMessageBytes(sentBody, attributes)).toBeLessThanOrEqual(SQS_MAX_MESSAGE_BYTES);
    expect(sentBody.startsWith('{"v":1,"id":"huge","text":"banjir \\ud83c\\udf27 banjir')).toBe(true);
    expect(sentBody).toMatch(/\n\[cut by Pantau: the first \d+ characters of \d+ \(\d+ bytes\) kept\]$/);
    expect(attributes).toMatchObject({
      bodyBytes: { DataType: 'Number', StringValue: String(Buffer.byteLength(body, 'utf8')) },
      truncated: { DataType: 'String', StringValue: 'true' },
      error: { StringValue: 'line 7: invalid post: text: Too big' },
      line: { StringValue: '7' },
    });
  });

  test('a small dead letter is sent whole, without the cut attributes', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm' });
    await new SqsDeadLetters(new SQSClient({}), 'https://dlq').send({ body: '{"v":1,', reason: 'not JSON', stage: 'classifier' });
    const input = sqs.commandCalls(SendMessageCommand)[0]?.args[0].input;
    expect(input?.MessageBody).toBe('{"v":1,');
    expect(input?.MessageAttributes).not.toHaveProperty('truncated');
  });

  test('attributes taken from bad input are made valid for SQS and cut', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm' });
    await new SqsDeadLetters(new SQSClient({}), 'https://dlq').send({
      body: 'x',
      reason: `not JSON: Unexpected token \u0000 in "\u0007${'é'.repeat(5000)}"`,
      stage: 'collector',
      postId: `id-\u0001-${'9'.repeat(5000)}`,
    });
    const attributes = sqs.commandCalls(SendMessageCommand)[0]?.args[0].input.MessageAttributes ?? {};
    for (const name of ['error', 'postId']) {
      const value = attributes[name]?.StringValue ?? '';
      expect([...value].some((ch) => ch.charCodeAt(0) < 0x09)).toBe(false);
      expect(value.length).toBeLessThanOrEqual(6 * 1000);
    }
    expect(attributes.error?.StringValue).toContain('\\u0000');
  });

  test('the posts queue refuses a message over the limit (for the DLQ) and keeps each batch request within it', async () => {
    sqs.on(SendMessageBatchCommand).callsFake((input: { Entries: { Id: string }[] }) => ({
      Successful: input.Entries.map((e) => ({ Id: e.Id, MessageId: e.Id, MD5OfMessageBody: '' })),
      Failed: [],
    }));
    const post = (key: string, size: number): OutgoingPost => ({
      key,
      source: 'x',
      body: JSON.stringify({ id: key, extra: 'a'.repeat(size) }),
    });
    const posts = [post('x#1', 100_000), post('x#2', 100_000), post('x#huge', 300_000), post('x#3', 100_000), post('x#4', 10)];

    const refused = await new SqsPostQueue(new SQSClient({}), 'https://posts').sendAll(posts);

    expect(refused.map((r) => r.post.key)).toEqual(['x#huge']);
    expect(refused[0]?.reason).toMatch(/^the posts queue refused it: the message is 3\d{5} bytes, over SQS's limit of 262144$/);
    const batches = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input.Entries ?? []);
    expect(batches.map((entries) => entries.length)).toEqual([2, 2]);
    for (const entries of batches) {
      const total = entries.reduce((sum, e) => sum + sqsMessageBytes(e.MessageBody ?? '', e.MessageAttributes ?? {}), 0);
      expect(total).toBeLessThanOrEqual(SQS_MAX_MESSAGE_BYTES);
    }
  });
});

test('a config file with several mistakes names every one of them', () => {
  const path = writeJson(tempDir(), 'pantau.config.json', {
    topics: [
      { name: 'banjir', label: 'Banjir', keywords: [] },
      { name: 'banjir', label: 'Banjir lagi', keywords: ['genangan'] },
    ],
    alerts: { spike: { ratio: 0 }, language: 'jv' },
    retention: { postsDays: -1 },
    sources: { news: { schedule: 'cron(0 7 * * *)' } },
    surprise: true,
  });
  let error: unknown;
  try {
    loadConfig(path);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const message = (error as Error).message;
  expect(message.startsWith(`${path}: `)).toBe(true);
  for (const field of ['topics.0.keywords', 'alerts.spike.ratio', 'alerts.language', 'retention.postsDays', 'sources.news.schedule']) {
    expect(message).toContain(`${field}: `);
  }
  expect(message).toContain('(top level): Unrecognized key: "surprise"');
  expect(message).toContain('topics.1.name: "banjir" is listed twice (as topics.0.name)');
});
