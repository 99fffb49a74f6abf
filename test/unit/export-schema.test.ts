/**
 * The documented export schema (shared/analytics/schema.ts, docs/schema.md) against the items the
 * pipeline really stores: every attribute written is documented with its DynamoDB type, every
 * attribute documented as always present is there, and the document is the code's.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { episodeLink, type Alert } from '../../shared/alerts/alert';
import { renderSchemaDoc } from '../../shared/analytics/doc';
import { ALERTS_TABLE, POSTS_TABLE, columnName, type AttributeType, type ExportedTable } from '../../shared/analytics/schema';
import { duckdbItemType, glueItemType, viewAttributes, viewSql } from '../../shared/analytics/sql';
import { makeClassifier } from '../../shared/classify';
import type { Classification } from '../../shared/classify/types';
import { RESPONSE_ATTRIBUTES, fromAlertItem, toAlertItem, toPostItem } from '../../shared/items';
import { makePost } from '../helpers/posts';

const KEEP = { retentionDays: 30, nowMs: Date.parse('2026-11-27T00:00:00Z'), timeZone: 'Asia/Jakarta' };

/** The DynamoDB type the document client writes a value as (absent: undefined, which it drops). */
function typeOf(value: unknown): AttributeType | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return 'S';
  if (typeof value === 'number') return 'N';
  if (typeof value === 'boolean') return 'BOOL';
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? 'L<S>' : 'L<M>';
  if (typeof value === 'object' && value !== null) return 'M';
  throw new Error(`unexpected attribute value ${JSON.stringify(value)}`);
}

/** Names of the attributes an item writes (undefined ones are dropped by the document client). */
const written = (item: object): string[] =>
  Object.entries(item)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);

/** What is wrong with a stored item against the table's documentation (empty when nothing). */
function mismatches(table: ExportedTable, item: object): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(item)) {
    const type = typeOf(value);
    if (type === undefined) continue;
    const doc = table.attributes.find((a) => a.name === name);
    // An empty list fits either documented list type.
    const emptyList = Array.isArray(value) && value.length === 0 && doc?.type.startsWith('L<');
    if (!doc) problems.push(`${name}: stored but not documented`);
    else if (type !== doc.type && !emptyList) problems.push(`${name}: stored as ${type}, documented as ${doc.type}`);
  }
  const present = new Set(written(item));
  for (const a of table.attributes) if (a.always && !present.has(a.name)) problems.push(`${a.name}: documented as always present, missing`);
  return problems;
}

const fullClassification: Classification = {
  lang: 'id',
  sentiment: { label: 'negative', score: -4, comparative: -0.5, words: [{ word: 'banjir', score: -2 }] },
  hoax: {
    score: 0.81,
    level: 'high',
    indicators: [
      { name: 'known_claim', weight: 0.6, evidence: ['tanggul jebol'] },
      { name: 'urgency', weight: 0.2, evidence: ['sebarkan'] },
    ],
  },
  topics: [{ name: 'banjir', matched: ['banjir', 'jebol'] }],
  places: [
    { name: 'Kemang', kelurahan: 'Bangka', kecamatan: 'Mampang Prapatan', city: 'Jakarta Selatan' },
    { name: 'Jakarta Timur', city: 'Jakarta Timur' },
  ],
  knownClaim: { id: 'seed-007', text: 'Tanggul jebol malam ini', rating: 'salah', source: 'https://example.org/cek' },
};

const fullPost = makePost({
  source: 'x',
  id: '1861234567890',
  url: 'https://x.com/i/status/1861234567890',
  text: 'Tanggul jebol di Kemang, sebarkan!',
  lang: 'in',
  createdAt: '2026-11-26T18:15:00Z',
  collectedAt: '2026-11-26T18:16:02Z',
  author: { id: '42', handle: 'warga_kemang', followers: 120, following: 300, createdAt: '2019-03-01T00:00:00Z', verified: false },
  metrics: { likes: 3, reposts: 10, replies: 1, quotes: 0 },
  links: ['https://example.com/berita'],
});

const spike: Alert = {
  alertId: 'spike:banjir:2026-11-26T08:25Z',
  kind: 'spike',
  topic: 'banjir',
  topicLabel: 'Banjir',
  severity: 6,
  revision: 2,
  firedAt: '2026-11-26T18:40:00Z',
  windowStart: '2026-11-26T18:10:00Z',
  windowEnd: '2026-11-26T18:40:00Z',
  observed: 40,
  expected: 5.5,
  ratio: 7.27,
  windowTotal: 61,
  places: [{ name: 'Kemang', count: 9 }],
  cities: [{ name: 'Jakarta Selatan', count: 12 }],
  samples: [{ postKey: 'x#1', text: 'Banjir!', url: 'https://x.com/i/status/1', author: 'a', createdAt: '2026-11-26T18:39:00Z' }],
};
const hoax: Alert = {
  ...spike,
  alertId: 'hoax:banjir:2026-11-26T12:50Z',
  kind: 'hoax',
  claim: { id: 'seed-007', text: 'Tanggul jebol malam ini', rating: 'salah', source: 'https://example.org/cek' },
  indicators: [{ name: 'known_claim', evidence: ['tanggul jebol'] }],
  followers: 5400,
  complaints: 31,
  related: ['Pemerintah Provinsi'],
};
const reach: Alert = {
  ...spike,
  alertId: 'reach:x:42:2026-11-26T09:00Z',
  kind: 'reach',
  reposts: 900,
  followers: 250_000,
  resolvedAt: '2026-11-27T01:00:00Z',
};
const digest: Alert = {
  ...spike,
  alertId: 'digest:2026-11-27',
  kind: 'digest',
  topic: 'semua',
  places: [],
  cities: [],
  samples: [],
  digest: { topics: [], alerts: [] },
};

test('a post with every field stores exactly the documented attributes, with their documented types', () => {
  const item = toPostItem(fullPost, fullClassification, KEEP);
  expect(mismatches(POSTS_TABLE, item)).toEqual([]);
  // Every documented attribute is written by some post: the list has nothing made up.
  expect(written(item).sort()).toEqual(POSTS_TABLE.attributes.map((a) => a.name).sort());
  expect(item).toMatchObject({
    createdDate: '2026-11-27', // 01:15 in Jakarta
    claimId: 'seed-007',
    placeKelurahan: ['Bangka'],
    placeKecamatan: ['Mampang Prapatan'],
    placeCities: ['Jakarta Selatan', 'Jakarta Timur'],
    hoaxIndicators: ['known_claim', 'urgency'],
  });
});

test('a bare post classified for real stores every attribute documented as always present', () => {
  const classify = makeClassifier([{ name: 'banjir', keywords: ['banjir'], all: [], exclude: [] }]);
  const post = makePost({ text: 'Banjir lagi di Kemang, air udah sepinggang!!' });
  const item = toPostItem(post, classify(post.text), KEEP);
  expect(mismatches(POSTS_TABLE, item)).toEqual([]);
  expect(item.placeKecamatan.length).toBeGreaterThan(0);
});

test('alerts of every kind store the documented attributes, and read back as the alert published', () => {
  const names = new Set<string>();
  const linked: Alert = { ...spike, link: episodeLink('https://pantau.example.go.id', spike.alertId) };
  for (const alert of [spike, hoax, reach, digest, linked]) {
    const item = toAlertItem(alert, KEEP);
    expect({ alertId: alert.alertId, problems: mismatches(ALERTS_TABLE, item) }).toEqual({ alertId: alert.alertId, problems: [] });
    for (const name of written(item)) names.add(name);
    expect(fromAlertItem({ ...item, status: 'sent', sentAt: '2026-11-27T00:00:01Z' })).toEqual({
      alert,
      status: 'sent',
    });
  }
  // Set by others than toAlertItem: sentAt when the message goes out (markSent), revisions when
  // it is recorded, the response log by the console.
  const byOthers = ['sentAt', 'revisions', ...RESPONSE_ATTRIBUTES];
  expect([...names, ...byOthers].sort()).toEqual(ALERTS_TABLE.attributes.map((a) => a.name).sort());
  expect(toAlertItem(hoax, KEEP)).toMatchObject({
    claimId: 'seed-007',
    claimRating: 'salah',
    indicatorNames: ['known_claim'],
    firedDate: '2026-11-27',
  });
});

test("docs/schema.md is the code's schema (regenerate it with npm run docs:schema)", () => {
  const root = join(__dirname, '..', '..');
  // Formatted as the repository formats it (prettier runs as a process: it loads plugins as ES modules).
  const formatted = spawnSync(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--stdin-filepath', 'docs/schema.md'], {
    cwd: root,
    input: renderSchemaDoc(),
    encoding: 'utf8',
  });
  expect(formatted.stderr).toBe('');
  expect(readFileSync(join(root, 'docs', 'schema.md'), 'utf8')).toBe(formatted.stdout);
});

test('the Glue and DuckDB item types and the views read every attribute that has a column', () => {
  for (const table of [POSTS_TABLE, ALERTS_TABLE]) {
    const columns = viewAttributes(table);
    expect(columns.length).toBeGreaterThan(10);
    for (const a of columns) {
      expect(glueItemType(table)).toContain(`${a.name}:struct<`);
      expect(duckdbItemType(table)).toContain(`"${a.name}" STRUCT(`);
      expect(viewSql(table, 'athena', 't')).toContain(` AS ${columnName(a.name)}\n`.trimEnd());
    }
    // Nested maps stay out of the views.
    for (const a of table.attributes.filter((x) => x.type === 'M' || x.type === 'L<M>'))
      expect(glueItemType(table)).not.toContain(`${a.name}:`);
  }
});
