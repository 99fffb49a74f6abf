import type { Metafile } from 'esbuild';
import {
  bundleRows,
  contents,
  contributorOf,
  formatRows,
  functionNames,
  quantile,
  roundRobin,
  summarise,
  type BundleFigures,
} from '../../scripts/bench/bundles';

const figures = (name: string, bytes: number, loadMedian: number): BundleFigures => {
  const summary = (median: number) => ({ median, p10: median, p90: median, min: median, max: median });
  return {
    name,
    bytes,
    mapBytes: bytes,
    zippedBytes: bytes / 4,
    zippedMapBytes: bytes / 4,
    loadMs: summary(loadMedian),
    requireMs: summary(loadMedian - 100),
    runs: 21,
    warnings: [],
  };
};

describe('quantile and summarise', () => {
  it('takes the middle value of an odd count and interpolates between ranks', () => {
    expect(quantile([5, 1, 3], 0.5)).toBe(3);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([0, 10], 0.1)).toBeCloseTo(1);
    expect(quantile([7], 0.9)).toBe(7);
  });

  it('refuses no values', () => {
    expect(() => quantile([], 0.5)).toThrow('no values');
  });

  it('summarises with median, p10, p90, min and max', () => {
    const values = Array.from({ length: 21 }, (_, i) => 20 - i);
    expect(summarise(values)).toEqual({ median: 10, p10: 2, p90: 18, min: 0, max: 20 });
  });
});

describe('roundRobin', () => {
  it('runs every item once per round, each round starting one further on', () => {
    expect(roundRobin(['a', 'b', 'c'], 4)).toEqual([
      ['a', 'b', 'c'],
      ['b', 'c', 'a'],
      ['c', 'a', 'b'],
      ['a', 'b', 'c'],
    ]);
  });
});

describe('contributorOf', () => {
  it.each([
    ['node_modules/zod/v4/core/schemas.js', 'zod'],
    ['node_modules/@aws-sdk/client-dynamodb/dist-cjs/index.js', '@aws-sdk/client-dynamodb'],
    ['node_modules/@smithy/core/node_modules/@smithy/util/dist/index.js', '@smithy/util'],
    ['shared/classify/hoax.ts', 'shared/classify'],
    ['functions/classifier/handler.ts', 'functions/classifier'],
    ['shared/env.ts', 'shared'],
    ['index.ts', 'index.ts'],
  ])('%s belongs to %s', (input, name) => {
    expect(contributorOf(input)).toBe(name);
  });
});

describe('contents', () => {
  const metafile = {
    inputs: {},
    outputs: {
      'out/index.js': {
        bytes: 1000,
        imports: [],
        exports: [],
        inputs: {
          'node_modules/zod/a.js': { bytesInOutput: 300 },
          'node_modules/zod/b.js': { bytesInOutput: 200 },
          'shared/classify/hoax.ts': { bytesInOutput: 400 },
          'shared/classify/types.ts': { bytesInOutput: 0 },
          'functions/classifier/handler.ts': { bytesInOutput: 100 },
        },
      },
    },
  } as unknown as Metafile;

  it('adds up each package and folder, largest first, and lists the files', () => {
    const { packages, files } = contents(metafile, 'out/index.js', { packages: 2, files: 3 });
    expect(packages).toEqual([
      { name: 'zod', bytes: 500, share: 0.5 },
      { name: 'shared/classify', bytes: 400, share: 0.4 },
    ]);
    expect(files.map((f) => f.name)).toEqual(['shared/classify/hoax.ts', 'node_modules/zod/a.js', 'node_modules/zod/b.js']);
  });

  it('refuses an output the metafile does not have', () => {
    expect(() => contents(metafile, 'out/other.js', { packages: 1, files: 1 })).toThrow('no output');
  });
});

describe('bundleRows', () => {
  const empty = figures('empty handler', 500, 100);

  it('gives a size row and a load row per function, the classifier with its targets', () => {
    const rows = bundleRows(empty, [figures('classifier', 1_400_000, 290), figures('notifier', 1_000_000, 250)]);
    expect(rows.map((r) => r.figure)).toEqual([
      'classifier bundle size',
      'notifier bundle size',
      'classifier spawn → loaded (median)',
      'notifier spawn → loaded (median)',
      'classifier require alone (median)',
    ]);
    expect(rows[0]).toMatchObject({ value: 1.4, unit: 'MB', ratio: 2800, target: { text: '≤ 1.5 MB', met: true } });
    expect(rows[1]!.target).toBeUndefined();
    expect(rows[2]).toMatchObject({
      value: 290,
      unit: 'ms',
      baseline: { value: 100 },
      ratio: 2.9,
      target: { text: '≤ 3× the empty bundle', met: true },
    });
    expect(rows[3]!.target).toBeUndefined();
    expect(rows[4]).toMatchObject({ value: 190, unit: 'ms' });
  });

  it('marks the targets missed past 1.5 MB and 3× the empty load', () => {
    const rows = bundleRows(empty, [figures('classifier', 1_500_001, 301)]);
    expect(rows[0]!.target!.met).toBe(false);
    expect(rows[1]!.target!.met).toBe(false);
  });

  it('formats as a table with a line per row', () => {
    const rows = bundleRows(empty, [figures('classifier', 1_400_000, 400)]);
    const text = formatRows(rows);
    expect(text.split('\n')).toHaveLength(2 + rows.length);
    expect(text).toContain('NOT MET');
  });
});

describe('functionNames', () => {
  it("lists the repository's functions, the classifier first", () => {
    const names = functionNames();
    expect(names[0]).toBe('classifier');
    expect(names).toEqual(expect.arrayContaining(['notifier', 'x-collector', 'file-collector']));
    expect(new Set(names).size).toBe(names.length);
  });
});
