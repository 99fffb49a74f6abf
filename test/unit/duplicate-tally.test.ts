import { DuplicateTally } from '../../shared/pipeline/classify-post';

describe("a batch's repeat deliveries", () => {
  it('are counted with one write per source, and a source whose write fails gives back its messages for a retry', async () => {
    const tally = new DuplicateTally();
    tally.note('x', 'm1');
    tally.note('news', 'm2');
    tally.note('x', 'm3');
    const writes: [string, number][] = [];
    const failed: string[] = [];
    const counters = {
      noteDuplicates: async (source: string, count: number): Promise<void> => {
        if (source === 'news') throw new Error('throttled');
        writes.push([source, count]);
      },
    };
    const unwritten = await tally.write(counters, (source) => failed.push(source));
    expect(writes).toEqual([['x', 2]]);
    expect(failed).toEqual(['news']);
    expect(unwritten).toEqual(['m2']);
  });

  it('writes nothing for a batch without any', async () => {
    let calls = 0;
    const unwritten = await new DuplicateTally().write({ noteDuplicates: async () => void (calls += 1) }, () => undefined);
    expect(calls).toBe(0);
    expect(unwritten).toEqual([]);
  });
});
