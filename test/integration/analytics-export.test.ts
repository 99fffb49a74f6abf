/**
 * The analysts' path on one machine: the demo day through `pantau run`, `pantau export`, and the
 * saved queries (the Athena ones) run by DuckDB on the export, each checked against the same
 * figures computed straight from the tables.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ScanCommand, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import { SAVED_QUERIES } from '../../shared/analytics/sql';
import { openExport, type ExportDatabase } from '../../cli/commands/query';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS, startDynamoDbLocal } from '../../infra/local/emulators';
import { LOCAL_REGION } from '../../infra/local/stack';
import { makeDocumentClient } from '../../shared/adapters/clients';
import { TABLES, physicalName } from '../../shared/resources';

const ROOT = resolve(__dirname, '../..');
const PANTAU = join(ROOT, 'bin', 'pantau.js');

function pantau(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [PANTAU, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
}

type Row = Record<string, unknown>;

const work = mkdtempSync(join(tmpdir(), 'pantau-export-'));
const data = join(work, 'data');
const exported = join(work, 'export');
let posts: Row[] = [];
let alerts: Row[] = [];
let db: ExportDatabase;

beforeAll(async () => {
  const run = pantau(['run', '--data', data]);
  expect(run.status).toBe(0);
  const exportRun = pantau(['export', '--data', data, '--out', exported]);
  expect(exportRun.stderr).not.toMatch(/Error/);
  expect(exportRun.status).toBe(0);
  // The tables as stored, read directly from the data folder the run left.
  const dynamoDb = await startDynamoDbLocal({ dataDir: join(data, 'dynamodb'), region: LOCAL_REGION });
  const dynamo = new DynamoDBClient({ region: LOCAL_REGION, endpoint: dynamoDb.endpoint, credentials: LOCAL_CREDENTIALS });
  const doc = makeDocumentClient(dynamo);
  const scan = async (table: string): Promise<Row[]> => {
    const rows: Row[] = [];
    const input: ScanCommandInput = { TableName: table, ConsistentRead: true };
    for (;;) {
      const page = await doc.send(new ScanCommand(input));
      rows.push(...((page.Items ?? []) as Row[]));
      if (!page.LastEvaluatedKey) return rows;
      input.ExclusiveStartKey = page.LastEvaluatedKey;
    }
  };
  try {
    posts = await scan(physicalName('pantau', TABLES.posts.name));
    alerts = await scan(physicalName('pantau', TABLES.alerts.name));
  } finally {
    dynamo.destroy();
    await dynamoDb.stop();
  }
  db = await openExport(exported);
}, 300_000);

afterAll(() => db?.close());

/** The export's rows with numbers as numbers, in a stable order, for comparing with a recount. */
async function saved(name: string): Promise<Row[]> {
  const query = SAVED_QUERIES.find((q) => q.name === name);
  if (!query) throw new Error(`no saved query ${name}`);
  const rows = await db.query(query.sql);
  return rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v])),
  );
}

/** Rows in one order whatever order their fields came in. */
const canonical = (row: Row): string => JSON.stringify(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1)));
const sorted = (rows: Row[]): Row[] => [...rows].sort((a, b) => (canonical(a) < canonical(b) ? -1 : canonical(a) > canonical(b) ? 1 : 0));

/** Monday of the week holding a `YYYY-MM-DD` day. */
function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** SQL engines order strings by their bytes, not by locale. */
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const strings = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);
const isNegative = (p: Row): boolean => p.sentimentLabel === 'negative';

test('the export has the layout of DynamoDB export to S3, one item a line, every stored item once', () => {
  let exportedPosts: { Item: { createdAtEpoch: { N: string }; sentimentLabel: { S: string }; topics: { L: object[] } } }[] = [];
  for (const [table, stored] of [
    ['posts', posts],
    ['alerts', alerts],
  ] as const) {
    const base = join(exported, 'exports', table, 'full', 'AWSDynamoDB');
    const [exportId, ...more] = readdirSync(base);
    expect(more).toEqual([]);
    expect(exportId).toMatch(/^\d{14}-[0-9a-f]{8}$/);
    const dir = join(base, exportId as string);
    expect(existsSync(join(dir, '_started'))).toBe(true);
    const summary = JSON.parse(readFileSync(join(dir, 'manifest-summary.json'), 'utf8'));
    expect(summary).toMatchObject({
      version: '2020-06-30',
      outputFormat: 'DYNAMODB_JSON',
      exportType: 'FULL_EXPORT',
      itemCount: stored.length,
    });
    expect(summary.exportArn).toMatch(new RegExp(`:table/[^/]+/export/${exportId}$`));
    const files = readFileSync(join(exported, summary.manifestFilesS3Key), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const lines = files.flatMap((f) => {
      const text = gunzipSync(readFileSync(join(exported, f.dataFileS3Key))).toString('utf8');
      const fileLines = text.split('\n').filter((l) => l !== '');
      expect(fileLines.length).toBe(f.itemCount);
      return fileLines.map((l) => JSON.parse(l));
    });
    expect(lines.length).toBe(stored.length);
    const key = table === 'posts' ? 'postKey' : 'alertId';
    const keys = lines.map((l) => l.Item[key].S);
    expect(new Set(keys).size).toBe(stored.length);
    expect(new Set(keys)).toEqual(new Set(stored.map((s) => s[key])));
    if (table === 'posts') exportedPosts = lines;
  }
  // DynamoDB JSON: typed values, numbers as strings, lists as L of S.
  const firstPost = exportedPosts[0]?.Item;
  if (!firstPost) throw new Error('no posts exported');
  expect(firstPost.createdAtEpoch.N).toMatch(/^\d+$/);
  expect(firstPost.sentimentLabel.S).toMatch(/^(positive|neutral|negative)$/);
  expect(firstPost.topics.L.every((v: object) => Object.keys(v).join() === 'S')).toBe(true);
});

test('the demo day is in the export: 2,256 posts and the alert episodes', () => {
  expect(posts.length).toBe(2256);
  expect(alerts.length).toBeGreaterThanOrEqual(2);
  expect(db.exports.map((e) => [e.table, e.itemCount])).toEqual([
    ['posts', posts.length],
    ['alerts', alerts.length],
  ]);
});

test('negative share per city per day matches a recount from the posts table', async () => {
  const rows: Row[] = [];
  const byDayCity = countBy(
    posts.flatMap((p) => strings(p.placeCities).map((city) => ({ p, city }))),
    ({ p, city }) => `${String(p.createdDate)}|${city}`,
  );
  for (const [key, group] of byDayCity) {
    const [day, city] = key.split('|');
    const negative = group.filter(({ p }) => isNegative(p)).length;
    rows.push({
      day,
      city,
      posts: group.length,
      negative_posts: negative,
      negative_share: Math.round((negative / group.length) * 1000) / 1000,
    });
  }
  expect(rows.length).toBeGreaterThan(0);
  expect(sorted(await saved('negative-share-per-city-per-day'))).toEqual(sorted(rows));
});

test('top hoax indicators per week match a recount', async () => {
  const rows: Row[] = [];
  const groups = countBy(
    posts.flatMap((p) => strings(p.hoaxIndicators).map((indicator) => ({ p, indicator }))),
    ({ p, indicator }) => `${weekOf(String(p.createdDate))}|${indicator}`,
  );
  for (const [key, group] of groups) {
    const [week, indicator] = key.split('|');
    const hoaxLike = group.filter(({ p }) => p.hoaxLevel === 'medium' || p.hoaxLevel === 'high').length;
    rows.push({ week, indicator, posts: group.length, hoax_like_posts: hoaxLike });
  }
  expect(rows.some((r) => r.indicator === 'known_claim')).toBe(true);
  expect(sorted(await saved('top-hoax-indicators-per-week'))).toEqual(sorted(rows));
});

test('top authors by reach per topic match a recount', async () => {
  const rows: Row[] = [];
  const byTopic = countBy(
    posts.filter((p) => p.authorHandle !== undefined).flatMap((p) => strings(p.topics).map((topic) => ({ p, topic }))),
    ({ topic }) => topic,
  );
  for (const [topic, inTopic] of byTopic) {
    const authors = [...countBy(inTopic, ({ p }) => `${String(p.source)}|${String(p.authorHandle)}`)].map(([key, group]) => {
      const [source, handle] = key.split('|');
      const followers = group.map(({ p }) => p.authorFollowers).filter((f): f is number => typeof f === 'number');
      return {
        topic,
        source,
        author_handle: handle,
        followers: followers.length > 0 ? Math.max(...followers) : null,
        posts: group.length,
        negative_posts: group.filter(({ p }) => isNegative(p)).length,
        reposts: group.reduce((n, { p }) => n + (typeof p.reposts === 'number' ? p.reposts : 0), 0),
      };
    });
    authors.sort(
      (a, b) =>
        (b.followers ?? -1) - (a.followers ?? -1) || b.posts - a.posts || byteOrder(a.author_handle as string, b.author_handle as string),
    );
    authors.slice(0, 10).forEach((a, i) => rows.push({ ...a, author_rank: i + 1 }));
  }
  expect(rows.length).toBeGreaterThan(10);
  expect(sorted(await saved('top-authors-by-reach-per-topic'))).toEqual(sorted(rows));
});

test('alerts per kind per week match a recount from the alerts table', async () => {
  const rows: Row[] = [];
  for (const [key, group] of countBy(alerts, (a) => `${weekOf(String(a.firedDate))}|${String(a.kind)}`)) {
    const [week, kind] = key.split('|');
    rows.push({
      week,
      kind,
      episodes: group.length,
      max_severity: Math.max(...group.map((a) => Number(a.severity))),
      resolved: group.filter((a) => a.resolvedAt !== undefined).length,
      capped: group.filter((a) => a.status === 'capped').length,
    });
  }
  expect(rows.map((r) => r.kind).sort()).toEqual(expect.arrayContaining(['hoax', 'spike']));
  expect(sorted(await saved('alerts-per-kind-per-week'))).toEqual(sorted(rows));
});

test('returning hoax claims match a recount', async () => {
  const rows: Row[] = [];
  for (const [claim, group] of countBy(
    posts.filter((p) => p.claimId !== undefined),
    (p) => String(p.claimId),
  )) {
    const days = group.map((p) => String(p.createdDate)).sort();
    rows.push({
      claim_id: claim,
      posts: group.length,
      authors: new Set(group.map((p) => p.authorId).filter((a) => a !== undefined)).size,
      first_seen: days[0],
      last_seen: days[days.length - 1],
      weeks: new Set(days.map(weekOf)).size,
    });
  }
  expect(rows.length).toBeGreaterThan(0);
  expect(sorted(await saved('returning-hoax-claims'))).toEqual(sorted(rows));
});

test('the views give analysts typed columns: timestamps in UTC, dates, arrays', async () => {
  const [row] = await db.query(
    'SELECT post_key, created_at, created_date, created_at_epoch, topics FROM posts WHERE post_key = (SELECT min(post_key) FROM posts)',
  );
  const stored = posts.find((p) => p.postKey === row?.post_key);
  expect(stored).toBeDefined();
  expect(Date.parse(`${String(row?.created_at).replace(' ', 'T')}Z`)).toBe(Date.parse(String(stored?.createdAt)));
  expect(row?.created_date).toBe(stored?.createdDate);
  expect(Number(row?.created_at_epoch)).toBe(stored?.createdAtEpoch);
  expect(row?.topics).toEqual(stored?.topics);
});

test('export without local tables, and an unknown saved query, are refused with what to do', () => {
  const noData = pantau(['export', '--data', join(work, 'nothing-here'), '--out', join(work, 'x')]);
  expect(noData.status).toBe(1);
  expect(noData.stderr).toMatch(/no local tables in .*nothing-here: run "pantau run"/);
  const unknown = pantau(['query', '--from', exported, 'sentiment-per-planet']);
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toMatch(/no saved query named "sentiment-per-planet"; the saved queries are: negative-share-per-city-per-day/);
  const ran = pantau(['query', '--from', exported, 'alerts-per-kind-per-week', '--json']);
  expect(ran.status).toBe(0);
  expect(
    ran.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).kind),
  ).toEqual(expect.arrayContaining(['spike', 'hoax']));
});

test('query --json gives counts and decimals as JSON numbers, a BIGINT past 2^53 as its exact text', () => {
  const sql = 'SELECT count(*) AS posts, CAST(2.5 AS DECIMAL(4,1)) AS half, CAST(9007199254740993 AS BIGINT) AS huge FROM posts';
  const ran = pantau(['query', '--from', exported, '--sql', sql, '--json']);
  expect(ran.status).toBe(0);
  expect(JSON.parse(ran.stdout.trim())).toEqual({ posts: 2256, half: 2.5, huge: '9007199254740993' });
});
