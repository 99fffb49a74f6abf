/** The benchmark's cost model (scripts/bench/cost.ts) on hand-computed cases, and the shipped price table. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_PRICES_PATH,
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
  dynamoWriteUnits: 0,
  dynamoReadUnits: 0,
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
      snsPublishes: entry(0.5, '1M publishes'),
      comprehendSentimentUnit: { ...entry(0.0001, 'unit of 100 characters'), region: 'ap-southeast-1' },
    },
  });
}

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
  test('one write request unit a post and nothing else costs exactly the WRU price per million', () => {
    const got = costPerMillionPosts({ ...NOTHING, dynamoWriteUnits: 1 }, table());
    expect(got.totalUsd).toBeCloseTo(0.7, 12);
    expect(got.lines.filter((l) => l.usd !== 0).map((l) => l.item)).toEqual(['DynamoDB writes']);
    expect(line({ dynamoWriteUnits: 1 }, 'DynamoDB writes')).toEqual({
      item: 'DynamoDB writes',
      quantity: 1_000_000,
      unit: 'write request units',
      usd: 0.7,
    });
  });

  test('storage is a million posts’ bytes in GB (2^30 bytes) × the months they are kept × the GB-month price', () => {
    // 2^30 / 10^6 bytes a post make exactly 1 GB for a million posts; kept 12 months: 12 GB-months.
    const storage = line({ storedBytes: 2 ** 30 / 1e6, storageMonths: 12 }, 'DynamoDB storage');
    expect(storage.quantity).toBeCloseTo(12, 9);
    expect(storage.unit).toBe('GB-months');
    expect(storage.usd).toBeCloseTo(12 * 0.3, 9);
    // 1,500 bytes kept 6 months: 1.5e9 / 2^30 × 6 GB-months.
    expect(line({ storedBytes: 1_500, storageMonths: 6 }, 'DynamoDB storage').usd).toBeCloseTo((1.5e9 / 2 ** 30) * 6 * 0.3, 9);
    expect(line({ storedBytes: 1_500, storageMonths: 0 }, 'DynamoDB storage').usd).toBe(0);
  });

  test('every line is priced from its own unit, with no free tier taken off', () => {
    const units: UnitsPerPost = {
      lambdaGbSeconds: 0.01,
      lambdaRequests: 0.1,
      sqsRequests: 0.3,
      dynamoWriteUnits: 2,
      dynamoReadUnits: 0.5,
      storedBytes: 0,
      storageMonths: 13,
      snsPublishes: 0.002,
    };
    const got = costPerMillionPosts(units, table());
    const byItem = Object.fromEntries(got.lines.map((l) => [l.item, l.usd]));
    // 10,000 GB-seconds × 0.00001; 100,000 requests × 0.2/1M; 300,000 × 0.4/1M; 2M WRU × 0.7/1M; 500,000 RRU × 0.15/1M; 2,000 publishes × 0.5/1M.
    expect(byItem['Lambda compute']).toBeCloseTo(0.1, 12);
    expect(byItem['Lambda requests']).toBeCloseTo(0.02, 12);
    expect(byItem['SQS requests']).toBeCloseTo(0.12, 12);
    expect(byItem['DynamoDB writes']).toBeCloseTo(1.4, 12);
    expect(byItem['DynamoDB reads']).toBeCloseTo(0.075, 12);
    expect(byItem['DynamoDB storage']).toBe(0);
    expect(byItem['SNS publishes']).toBeCloseTo(0.001, 12);
    expect(got.totalUsd).toBeCloseTo(0.1 + 0.02 + 0.12 + 1.4 + 0.075 + 0.001, 12);
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
    const rows = costRows({ ...NOTHING, dynamoWriteUnits: 1 }, [140, 200], table());
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
      'DynamoDB writes',
      'DynamoDB reads',
      'DynamoDB storage',
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
    expect(names).toHaveLength(8);
    for (const name of names) {
      const entry = prices.prices[name];
      expect(new URL(entry.source).protocol).toBe('https:');
      expect(entry.usd).toBeGreaterThan(0);
      // An assumption says what it rests on.
      if (entry.assumption) expect(entry.note?.length ?? 0).toBeGreaterThan(20);
    }
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
