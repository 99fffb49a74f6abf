import { CapacityMeter, itemBytes, updateBytes } from '../../scripts/bench/capacity';
import { median, percentile, sig } from '../../scripts/bench/stats';
import { formatNumber, markdownTable } from '../../scripts/bench/table';

describe('benchmark percentiles (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);

  it('takes the value at rank ceil(p/100 · n) of the sorted values, leaving the input unsorted', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7, 3, 5], 50)).toBe(5);
    expect(median([10, 20])).toBe(10);
    expect(hundred[0]).toBe(100);
  });

  it('is NaN for no values, and the one value for one', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(percentile([42], 99)).toBe(42);
  });

  it('rounds to significant digits', () => {
    expect(sig(123456, 3)).toBe(123000);
    expect(sig(0.0012345, 2)).toBe(0.0012);
    expect(sig(0)).toBe(0);
  });
});

describe('item size as DynamoDB bills it', () => {
  it('counts names and string values in UTF-8 bytes', () => {
    expect(itemBytes({ a: 'xyz' })).toBe(4);
    expect(itemBytes({ text: 'banjir 🌊' })).toBe(4 + 7 + 4);
  });

  it('counts a number by its significant digits, zeros at either end trimmed', () => {
    expect(itemBytes({ n: 12345 })).toBe(1 + 3 + 1);
    expect(itemBytes({ n: 1000 })).toBe(1 + 1 + 1);
    expect(itemBytes({ n: 0.0125 })).toBe(1 + 2 + 1);
    expect(itemBytes({ n: -7 })).toBe(1 + 1 + 1);
  });

  it('counts lists and maps as 3 bytes plus 1 per element, booleans as 1, and skips undefined', () => {
    expect(itemBytes({ l: ['ab', 'c'] })).toBe(1 + 3 + (1 + 2) + (1 + 1));
    expect(itemBytes({ m: { k: 'v' } })).toBe(1 + 3 + (1 + 1 + 1));
    expect(itemBytes({ b: true, gone: undefined })).toBe(1 + 1);
  });
});

describe('the benchmark table', () => {
  it('prints each figure with its baseline, ratio and whether its target holds', () => {
    const table = markdownTable([
      {
        part: 'classify',
        figure: 'full classification',
        value: 11140.4,
        unit: 'posts/s',
        baseline: { name: 'AFINN', value: 301400 },
        ratio: 0.03696,
        target: { text: '≥ 0.10 of AFINN', met: false },
      },
      { part: 'bundles', figure: 'a | b', value: 1.0806, unit: 'MB', target: { text: '≤ 1.5 MB', met: true } },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toBe('| part | figure | value | baseline | ratio | target |');
    expect(lines[2]).toBe('| classify | full classification | 11,140 posts/s | AFINN: 301,400 | 0.037 | ≥ 0.10 of AFINN: **not met** |');
    expect(lines[3]).toBe('| bundles | a \\| b | 1.081 MB |  |  | ≤ 1.5 MB: **met** |');
  });

  it('shows at most four significant digits, thousands separated', () => {
    expect(formatNumber(57.5812)).toBe('57.58');
    expect(formatNumber(2293.4)).toBe('2,293');
    expect(formatNumber(0.025123)).toBe('0.0251');
    expect(formatNumber(21.87)).toBe('21.87');
  });
});

describe('transactions as AWS bills them, from the request', () => {
  const meter = new CapacityMeter({ posts: [{ name: 'byTopic', keys: ['topic', 'createdAt'] }] });
  const counter = (topic: string) => ({
    Update: {
      TableName: 'state',
      Key: { pk: `AGG#${topic}`, sk: '2026-12-06T10:00#shard-1' },
      UpdateExpression: 'ADD #total :total, #hoax :hoax SET #exp = if_not_exists(#exp, :exp)',
      ExpressionAttributeNames: { '#total': 'total', '#hoax': 'hoax', '#exp': 'expiresAt' },
      ExpressionAttributeValues: { ':total': 3, ':hoax': 0, ':exp': 1_800_000_000 },
    },
  });

  it('sizes an update by its key and the attributes it writes, each name once', () => {
    // Key: pk (2 + 10) and sk (2 + 24); names total, hoax, expiresAt; values 3, 0 and 1,800,000,000 (2 significant digits).
    expect(updateBytes(counter('banjir').Update)).toBe(2 + 10 + 2 + 24 + 5 + 4 + 9 + 2 + 1 + 2);
    expect(
      updateBytes({ Key: { k: 'a' }, UpdateExpression: 'SET revision = revision + :one', ExpressionAttributeValues: { ':one': 1 } }),
    ).toBe(1 + 1 + 8 + 2);
  });

  it('bills a window commit 2 units per small update, a put 2 per KB plus 1 per KB on its index, by table', () => {
    const commit = meter.transactionUnits([counter('a'), counter('b'), counter('c')]);
    expect(Object.fromEntries(commit)).toEqual({ state: 6 });
    const big = { Update: { ...counter('d').Update, ExpressionAttributeValues: { ':total': 1, ':hoax': 0, ':exp': 'x'.repeat(1500) } } };
    expect(meter.transactionUnits([big]).get('state')).toBe(4);
    const put = { Put: { TableName: 'posts', Item: { postKey: 'k', topic: 'banjir', createdAt: '2026', text: 'x'.repeat(2100) } } };
    expect(Object.fromEntries(meter.transactionUnits([put, counter('e')]))).toEqual({ posts: 6, 'posts/byTopic': 3, state: 2 });
    const offTopic = { Put: { TableName: 'posts', Item: { postKey: 'k', text: 'short' } } };
    expect(Object.fromEntries(meter.transactionUnits([offTopic]))).toEqual({ posts: 2 });
  });
});
