/**
 * A flood evening as DynamoDB would take it: 1,200 complaints about one watch topic from 1,200
 * accounts within four minutes of event time (one counter bucket), through the real classifier at
 * its deployed batch size and concurrency, with the embedded stack answering transaction conflicts
 * as DynamoDB does (infra/local/conflicts.ts). A data path that updates counters shared by every
 * post inside each post's own transaction loses posts to the DLQ here (their transactions are
 * cancelled with TransactionConflict, and after the queue's last receive they are redriven); the
 * data path must store every post once, count it once and raise the flood's alert.
 */
import { resolve } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { checkBooks } from '../../infra/local/accounting';
import { startPipeline, type LocalPipeline } from '../../infra/local/pipeline';
import { peekDeadLetters, type DeadLetterInfo } from '../../infra/local/summary';
import { loadConfig } from '../../shared/config';
import { postKey, type Post } from '../../shared/post';
import { CLASSIFIER, QUEUES } from '../../shared/resources';
import { mulberry32 } from '../../scripts/prng';
import { testStack, type TestStack } from '../helpers/local-stack';
import { makePost, writePostsFile } from '../helpers/posts';

const CONFIG = resolve(__dirname, '../../pantau.config.json');
const POSTS = 1_200;
const START = Date.parse('2026-11-26T11:00:00Z');
/** Retries come round in seconds rather than the deployed minutes. */
const VISIBILITY_S = 5;
const TIMEOUT_MS = 300_000;

const WORDS = (
  'jalan rumah warga motor mobil pagi sore malam kantor sekolah pasar gang kali got pompa listrik halte ' +
  'tetangga anak ibu bapak kakek nenek teman toko warung masjid gereja lapangan taman trotoar selokan atap ' +
  'kasur lemari dapur kamar teras pagar garasi sepeda gerobak becak bajaj angkot ojol kurir paket galon ' +
  'beras minyak gula kopi teh roti nasi mie sayur buah ikan ayam telur susu obat dokter bidan perawat ' +
  'kecamatan kelurahan rt rw posko tenda perahu pelampung karung pasir tanggul pintu saluran kolong ' +
  'jembatan tol stasiun terminal bandara gedung apartemen kos kontrakan ruko pabrik gudang bengkel ' +
  'laptop hp charger sandal sepatu baju celana seragam buku tas payung jas hujan ember gayung sapu pel'
).split(' ');
const PLACES = ['Kemang', 'Cipete', 'Pela Mampang', 'Bangka', 'Cilandak', 'Pondok Labu', 'Kuningan', 'Tebet'];

/** Complaints about flooding that share no run of words: each is its own post, none a copy of another. */
function floodEvening(): Post[] {
  const next = mulberry32(20261126);
  const pick = (list: readonly string[]): string => list[Math.floor(next() * list.length)] as string;
  const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  return Array.from({ length: POSTS }, (_, i) =>
    makePost({
      source: 'x',
      id: `evening-${i + 1}`,
      text: `${words(3)} banjir di ${pick(PLACES)} ${words(3)} parah kesal ${words(3)}`,
      createdAt: new Date(START + Math.floor((i * 240_000) / POSTS)).toISOString(),
      url: `https://x.com/i/status/evening${i + 1}`,
      author: { id: `warga-${i + 1}`, handle: `warga_${i + 1}`, followers: 50 + (i % 400) },
    }),
  );
}

let stack: TestStack;
let pipeline: LocalPipeline;
let posts: Post[];
let deadLetters: DeadLetterInfo[];
const failedRecords: string[] = [];

beforeAll(async () => {
  posts = floodEvening();
  stack = await testStack('burst', { visibilityTimeoutSeconds: VISIBILITY_S, conflicts: true });
  pipeline = await startPipeline({
    stack,
    configPath: CONFIG,
    postsPath: writePostsFile(posts),
    onFailure: (failure) => failedRecords.push(...failure.messageIds),
  });
  await pipeline.collect();
  await pipeline.settle();
  deadLetters = await peekDeadLetters(stack.clients.sqs, stack.resources.dlqUrl);
}, TIMEOUT_MS);

afterAll(async () => {
  await pipeline?.stop();
  await stack?.stop();
});

test('the burst is what it should be: one topic, one bucket, the classifier as deployed, conflicts answered as DynamoDB does', () => {
  expect(new Set(posts.map((p) => p.createdAt.slice(0, 15))).size).toBe(1); // 11:00–11:04: one 5-minute bucket
  expect(CLASSIFIER).toMatchObject({ batchSize: 10, maxConcurrency: 4 });
  expect(QUEUES.posts.deadLetter.maxReceiveCount).toBe(3);
  expect(stack.conflicts).toBeDefined();
  expect(stack.conflicts!.forwarded).toBeGreaterThan(POSTS);
});

test('every post is stored once and none is in the DLQ', async () => {
  expect(deadLetters.map((d) => `${d.key}: ${d.reason}`)).toEqual([]);
  let stored = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await stack.clients.doc.send(
      new ScanCommand({ TableName: stack.resources.tables.posts, Select: 'COUNT', ExclusiveStartKey: start }),
    );
    stored += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  expect(stored).toBe(POSTS);
});

test('no write of the data path was refused for a conflict', () => {
  expect(stack.conflicts!.transactionsCancelled).toBe(0);
  expect(stack.conflicts!.writesRejected).toBe(0);
  expect(failedRecords).toEqual([]);
});

test('the books balance: the counters equal a recount of the posts, each alert message arrived once', async () => {
  const report = await checkBooks({
    doc: stack.clients.doc,
    tables: stack.resources.tables,
    config: loadConfig(CONFIG),
    collected: posts.map(postKey),
    deadLetters: deadLetters.map(({ stage, reason, source, key }) => ({ stage, reason, source, key })),
    received: pipeline.alerts.map(({ alert }) => ({ alertId: alert.alertId, revision: alert.revision })),
  });
  expect(report.problems).toEqual([]);
  expect(report.totals).toMatchObject({ collected: POSTS, stored: POSTS, deadLettered: 0, missing: 0 });
  expect(report.counters.checked).toBeGreaterThanOrEqual(3);
});

test('the flood raised its spike alert for the watch topic', () => {
  const spikes = pipeline.alerts.filter((m) => m.alert.kind === 'spike' && m.alert.topic === 'banjir');
  expect(spikes.length).toBeGreaterThanOrEqual(1);
  expect(spikes.find((m) => m.alert.revision === 1)?.alert.places.map((p) => p.name)).toEqual(expect.arrayContaining([expect.any(String)]));
});
