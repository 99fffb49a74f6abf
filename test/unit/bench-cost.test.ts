/** The benchmark's cost model (scripts/bench/cost.ts) on hand-computed cases, and the shipped price table. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_PRICES_PATH,
  POSTS_TABLE_CLASS,
  comprehendCostPerMillionPosts,
  comprehendUnits,
  costPerMillionPosts,
  costRows,
  loadPrices,
  parsePrices,
  type PriceName,
  type PriceTable,
} from '../../scripts/bench/cost';
import type { UnitsPerPost } from '../../scripts/bench/types';

const NOTHING: UnitsPerPost = {
  lambdaGbSeconds: 0,
  lambdaRequests: 0,
  sqsRequests: 0,
  postsTableWriteUnits: 0,
  postsTableReadUnits: 0,
  otherTablesWriteUnits: 0,
  otherTablesReadUnits: 0,
  storedBytes: 0,
  storageMonths: 0,
  snsPublishes: 0,
};

/** Round prices so that every case below can be worked out by hand. */
function table(): PriceTable {
  const entry = <Per extends string>(usd: number, per: Per) => ({ usd, per, source: 'https://aws.amazon.com/pricing/', assumption: false });
  return parsePrices({
    region: 'ap-southeast-3',
    currency: 'USD',
    retrieved: '2026-12-06',
    prices: {
      lambdaArmGbSecond: entry(0.00001, 'GB-second'),
      lambdaRequests: entry(0.2, '1M requests'),
      sqsRequests: entry(0.4, '1M requests'),
      dynamoWriteUnits: entry(0.7, '1M write request units'),
      dynamoReadUnits: entry(0.15, '1M read request units'),
      dynamoStorage: entry(0.3, 'GB-month'),
      dynamoIaWriteUnits: entry(0.875, '1M write request units'),
      dynamoIaReadUnits: entry(0.1875, '1M read request units'),
      dynamoIaStorage: entry(0.12, 'GB-month'),
      snsPublishes: entry(0.5, '1M publishes'),
      comprehendSentimentUnit: { ...entry(0.0001, 'unit of 100 characters'), region: 'ap-southeast-1' },
    },
  });
}

const POSTS_WRITES = 'DynamoDB writes, posts table (Standard-IA)';
const OTHER_WRITES = 'DynamoDB writes, state and alerts tables (Standard)';
const POSTS_READS = 'DynamoDB reads, posts table (Standard-IA)';
const OTHER_READS = 'DynamoDB reads, state and alerts tables (Standard)';
const STORAGE = 'DynamoDB storage, posts table (Standard-IA)';

function line(units: Partial<UnitsPerPost>, item: string) {
  const found = costPerMillionPosts({ ...NOTHING, ...units }, table()).lines.find((l) => l.item === item);
  if (!found) throw new Error(`no line ${item}`);
  return found;
}

describe('Comprehend units', () => {
  test('a text is charged max(3, ceil(characters / 100)) units', () => {
    expect(comprehendUnits(0)).toBe(3);
    expect(comprehendUnits(250)).toBe(3);
    expect(comprehendUnits(300)).toBe(3);
    expect(comprehendUnits(301)).toBe(4);
    expect(comprehendUnits(1_000)).toBe(10);
  });

  test('the cost per million posts is the mean units per text × the unit price × 1,000,000', () => {
    // 3 + 4 + 10 units over three texts: 17/3 units a post, USD 0.0001 each.
    const got = comprehendCostPerMillionPosts([250, 301, 1_000], table());
    expect(got.unitsPerPost).toBeCloseTo(17 / 3, 12);
    expect(got.usd).toBeCloseTo((17 / 3) * 100, 9);
    expect(comprehendCostPerMillionPosts([140], table()).usd).toBeCloseTo(300, 9);
  });

  test('lengths must be whole characters, and there must be some', () => {
    expect(() => comprehendCostPerMillionPosts([], table())).toThrow(/no text lengths/);
    expect(() => comprehendUnits(-1)).toThrow(/whole number/);
    expect(() => comprehendUnits(12.5)).toThrow(/whole number/);
  });
});

describe('Pantau cost per million posts', () => {
  test('the posts table is deployed in Standard-IA, and priced so', () => {
    expect(POSTS_TABLE_CLASS).toBe('Standard-IA');
  });

  test('one write request unit a post on the posts table costs exactly the Standard-IA WRU price per million', () => {
    const got = costPerMillionPosts({ ...NOTHING, postsTableWriteUnits: 1 }, table());
    expect(got.totalUsd).toBeCloseTo(0.875, 12);
    expect(got.lines.filter((l) => l.usd !== 0).map((l) => l.item)).toEqual([POSTS_WRITES]);
    expect(line({ postsTableWriteUnits: 1 }, POSTS_WRITES)).toEqual({
      item: POSTS_WRITES,
      quantity: 1_000_000,
      unit: 'write request units',
      usd: 0.875,
      tableClass: 'Standard-IA',
    });
  });

  test('the other tables’ units are priced at Standard, the posts table’s at Standard-IA', () => {
    expect(line({ otherTablesWriteUnits: 1 }, OTHER_WRITES)).toMatchObject({ usd: 0.7, tableClass: 'Standard' });
    expect(line({ otherTablesReadUnits: 2 }, OTHER_READS)).toMatchObject({ usd: 0.3, tableClass: 'Standard' });
    expect(line({ postsTableReadUnits: 2 }, POSTS_READS)).toMatchObject({ usd: 0.375, tableClass: 'Standard-IA' });
    // A posts table's unit and another table's are not interchangeable.
    expect(line({ postsTableWriteUnits: 1 }, OTHER_WRITES).usd).toBe(0);
    expect(line({ otherTablesWriteUnits: 1 }, POSTS_WRITES).usd).toBe(0);
  });

  test('storage is a million posts’ bytes in GB (2^30 bytes) × the months they are kept × the Standard-IA GB-month price', () => {
    // 2^30 / 10^6 bytes a post make exactly 1 GB for a million posts; kept 12 months: 12 GB-months.
    const storage = line({ storedBytes: 2 ** 30 / 1e6, storageMonths: 12 }, STORAGE);
    expect(storage.quantity).toBeCloseTo(12, 9);
    expect(storage.unit).toBe('GB-months');
    expect(storage.tableClass).toBe('Standard-IA');
    expect(storage.usd).toBeCloseTo(12 * 0.12, 9);
    // 1,500 bytes kept 6 months: 1.5e9 / 2^30 × 6 GB-months.
    expect(line({ storedBytes: 1_500, storageMonths: 6 }, STORAGE).usd).toBeCloseTo((1.5e9 / 2 ** 30) * 6 * 0.12, 9);
    expect(line({ storedBytes: 1_500, storageMonths: 0 }, STORAGE).usd).toBe(0);
  });

  test('the posts table priced at Standard instead: its lines change class and price, the others stay', () => {
    const units: UnitsPerPost = {
      ...NOTHING,
      postsTableWriteUnits: 2,
      otherTablesWriteUnits: 1,
      storedBytes: 2 ** 30 / 1e6,
      storageMonths: 10,
    };
    const standard = costPerMillionPosts(units, table(), 'Standard');
    const byItem = Object.fromEntries(standard.lines.map((l) => [l.item, l]));
    expect(byItem['DynamoDB writes, posts table (Standard)']).toMatchObject({ usd: 1.4, tableClass: 'Standard' });
    expect(byItem['DynamoDB storage, posts table (Standard)']?.usd).toBeCloseTo(10 * 0.3, 9);
    expect(byItem[OTHER_WRITES]?.usd).toBeCloseTo(0.7, 12);
    // 2 × 0.875 + 0.7 + 10 × 0.12 in Standard-IA; 2 × 0.7 + 0.7 + 10 × 0.3 in Standard.
    expect(costPerMillionPosts(units, table()).totalUsd).toBeCloseTo(1.75 + 0.7 + 1.2, 9);
    expect(standard.totalUsd).toBeCloseTo(1.4 + 0.7 + 3, 9);
  });

  test('every line is priced from its own unit, with no free tier taken off, and the lines by class add up to the total', () => {
    const units: UnitsPerPost = {
      lambdaGbSeconds: 0.01,
      lambdaRequests: 0.1,
      sqsRequests: 0.3,
      postsTableWriteUnits: 2,
      postsTableReadUnits: 0.4,
      otherTablesWriteUnits: 0.5,
      otherTablesReadUnits: 1,
      storedBytes: 0,
      storageMonths: 13,
      snsPublishes: 0.002,
    };
    const got = costPerMillionPosts(units, table());
    const byItem = Object.fromEntries(got.lines.map((l) => [l.item, l.usd]));
    // 10,000 GB-seconds × 0.00001; 100,000 requests × 0.2/1M; 300,000 × 0.4/1M; 2M WRU × 0.875/1M; 400,000 RRU × 0.1875/1M;
    // 500,000 WRU × 0.7/1M; 1M RRU × 0.15/1M; 2,000 publishes × 0.5/1M.
    expect(byItem['Lambda compute']).toBeCloseTo(0.1, 12);
    expect(byItem['Lambda requests']).toBeCloseTo(0.02, 12);
    expect(byItem['SQS requests']).toBeCloseTo(0.12, 12);
    expect(byItem[POSTS_WRITES]).toBeCloseTo(1.75, 12);
    expect(byItem[POSTS_READS]).toBeCloseTo(0.075, 12);
    expect(byItem[OTHER_WRITES]).toBeCloseTo(0.35, 12);
    expect(byItem[OTHER_READS]).toBeCloseTo(0.15, 12);
    expect(byItem[STORAGE]).toBe(0);
    expect(byItem['SNS publishes']).toBeCloseTo(0.001, 12);
    expect(got.totalUsd).toBeCloseTo(0.1 + 0.02 + 0.12 + 1.75 + 0.075 + 0.35 + 0.15 + 0.001, 12);
    const byClass = (c: string | undefined) => got.lines.filter((l) => l.tableClass === c).reduce((n, l) => n + l.usd, 0);
    expect(byClass('Standard-IA')).toBeCloseTo(1.75 + 0.075, 12);
    expect(byClass('Standard')).toBeCloseTo(0.35 + 0.15, 12);
    expect(byClass('Standard-IA') + byClass('Standard') + byClass(undefined)).toBeCloseTo(got.totalUsd, 12);
    // Every DynamoDB line names its class; no other line has one.
    for (const l of got.lines)
      expect(l.item.startsWith('DynamoDB')).toBe(l.tableClass !== undefined && l.item.endsWith(`(${l.tableClass})`));
    expect(got.lines.find((l) => l.item === 'Lambda compute')).toMatchObject({ quantity: 10_000, unit: 'GB-seconds' });
  });

  test('a negative or missing figure is refused, naming the field', () => {
    expect(() => costPerMillionPosts({ ...NOTHING, sqsRequests: -1 }, table())).toThrow(/sqsRequests/);
    expect(() => costPerMillionPosts({ ...NOTHING, storageMonths: Number.NaN }, table())).toThrow(/storageMonths/);
  });
});

describe('benchmark rows', () => {
  test('Pantau against Comprehend with the 1/50 target, then one row per line item', () => {
    // USD 0.7 a million posts against 3 units × 0.0001 × 1M = USD 300: ratio 0.7/300, met.
    const rows = costRows({ ...NOTHING, otherTablesWriteUnits: 1 }, [140, 200], table());
    const [head, ...items] = rows;
    expect(head).toMatchObject({
      part: 'cost',
      unit: 'USD per 1M posts',
      baseline: { name: 'Amazon Comprehend sentiment' },
      target: { text: '≤ 1/50 of Comprehend', met: true },
    });
    expect(head!.value).toBeCloseTo(0.7, 12);
    expect(head!.baseline!.value).toBeCloseTo(300, 9);
    expect(head!.ratio).toBeCloseTo(0.7 / 300, 12);
    expect(items.map((r) => r.figure)).toEqual([
      'Lambda compute',
      'Lambda requests',
      'SQS requests',
      POSTS_WRITES,
      OTHER_WRITES,
      POSTS_READS,
      OTHER_READS,
      STORAGE,
      'SNS publishes',
    ]);
    expect(items.every((r) => r.part === 'cost' && r.target === undefined && r.unit === 'USD per 1M posts')).toBe(true);
  });

  test('the target is missed above 1/50 and met at exactly 1/50', () => {
    // 3 units a post: Comprehend USD 300 per 1M posts; 1/50 of it is USD 6, i.e. 12 publishes a post at USD 0.5 per 1M.
    const at = (publishes: number) => costRows({ ...NOTHING, snsPublishes: publishes }, [100], table())[0]!;
    expect(at(12).value).toBe(6);
    expect(at(12).target!.met).toBe(true);
    expect(at(12.5).target!.met).toBe(false);
  });
});

describe('price table', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pantau-prices-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function shipped(): Record<string, unknown> & { prices: Record<string, Record<string, unknown>> } {
    return JSON.parse(readFileSync(DEFAULT_PRICES_PATH, 'utf8'));
  }

  function write(value: unknown): string {
    const path = join(dir, `prices-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, JSON.stringify(value));
    return path;
  }

  test('the shipped bench/prices.json loads, for ap-southeast-3, and every price has an https source', () => {
    const prices = loadPrices();
    expect(prices.region).toBe('ap-southeast-3');
    expect(prices.currency).toBe('USD');
    const names = Object.keys(prices.prices) as PriceName[];
    expect(names).toHaveLength(11);
    for (const name of names) {
      const entry = prices.prices[name];
      expect(new URL(entry.source).protocol).toBe('https:');
      expect(entry.usd).toBeGreaterThan(0);
      // An assumption says what it rests on.
      if (entry.assumption) expect(entry.note?.length ?? 0).toBeGreaterThan(20);
    }
    // Standard-IA as AWS sets it against Standard: requests 25% dearer, storage 60% cheaper (to the rounding of 4 decimals).
    const p = prices.prices;
    expect(p.dynamoIaWriteUnits.usd / p.dynamoWriteUnits.usd).toBeCloseTo(1.25, 3);
    expect(p.dynamoIaReadUnits.usd / p.dynamoReadUnits.usd).toBeCloseTo(1.25, 3);
    expect(p.dynamoIaStorage.usd / p.dynamoStorage.usd).toBeCloseTo(0.4, 3);
    // Comprehend is not offered in Jakarta: its price is another Region's, and says so.
    expect(prices.prices.comprehendSentimentUnit.region).toBe('ap-southeast-1');
  });

  test('a table missing a price is refused, naming it', () => {
    const value = shipped();
    delete value.prices.snsPublishes;
    expect(() => loadPrices(write(value))).toThrow(/prices\.snsPublishes/);
  });

  test('a price in another unit, or with a plain-http source, is refused, naming the field', () => {
    const perUnit = shipped();
    perUnit.prices.dynamoWriteUnits!.per = 'write request unit';
    expect(() => loadPrices(write(perUnit))).toThrow(/prices\.dynamoWriteUnits\.per/);
    const http = shipped();
    http.prices.lambdaRequests!.source = 'http://aws.amazon.com/lambda/pricing/';
    expect(() => loadPrices(write(http))).toThrow(/prices\.lambdaRequests\.source/);
    const negative = shipped();
    negative.prices.sqsRequests!.usd = -0.4;
    expect(() => loadPrices(write(negative))).toThrow(/prices\.sqsRequests\.usd/);
  });

  test('an unreadable or non-JSON file is refused, naming the file', () => {
    const missing = join(dir, 'nope.json');
    expect(() => loadPrices(missing)).toThrow(missing);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "region": ');
    expect(() => loadPrices(broken)).toThrow(/broken\.json: not JSON/);
  });
});
