import { allItems } from '../../shared/adapters/pages';

type Key = { readonly sk: string };

/** Pages of a table of `rows` keys, `size` a page, read from where the last page ended. */
function pagesOf(rows: readonly string[], size: number) {
  const asked: (Key | undefined)[] = [];
  const read = async (start: Key | undefined) => {
    asked.push(start);
    const from = start ? rows.indexOf(start.sk) + 1 : 0;
    const items = rows.slice(from, from + size);
    const last = items.at(-1);
    return from + size < rows.length && last !== undefined ? { Items: items, LastEvaluatedKey: { sk: last } } : { Items: items };
  };
  return { read, asked };
}

async function collect<T>(items: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('reading every page', () => {
  const rows = Array.from({ length: 7 }, (_, i) => `k${i}`);

  it('yields every item once, in order, each page asked for from where the last ended', async () => {
    const { read, asked } = pagesOf(rows, 3);
    expect(await collect(allItems(read))).toEqual(rows);
    expect(asked).toEqual([undefined, { sk: 'k2' }, { sk: 'k5' }]);
  });

  it('reads one page when everything fits, and nothing is lost from an empty page with more to come', async () => {
    const one = pagesOf(rows, 10);
    expect(await collect(allItems(one.read))).toEqual(rows);
    expect(one.asked).toHaveLength(1);
    // DynamoDB may answer a page with no items (a filter dropped them) and a key to go on from.
    const answers = [{ Items: [], LastEvaluatedKey: { sk: 'k0' } }, { Items: ['k1'] }];
    expect(await collect(allItems(async () => answers.shift() ?? {}))).toEqual(['k1']);
  });
});
