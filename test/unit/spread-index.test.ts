/** How far a text has spread: distinct accounts on a key within a window of event time. */
import { SpreadIndex, claimSpreadKey, type SpreadEntry } from '../../shared/alerts/spread';

const MIN = 60_000;
const T0 = Date.parse('2026-11-26T12:00:00Z');
const entry = (author: string, minute: number, keys: string[], followers = 10): SpreadEntry => ({
  author,
  followers,
  atMs: T0 + minute * MIN,
  keys,
});

test('counts each account once, within [at − window, at], on the widest of the keys asked', () => {
  const index = new SpreadIndex();
  index.add(entry('x:1', 0, ['0aa', '1bb']));
  index.add(entry('x:2', 5, ['0aa']));
  index.add(entry('x:2', 6, ['0aa'])); // the same account again
  index.add(entry('x:3', 10, ['1bb']));
  index.add(entry('x:4', 30, ['0aa'])); // after the time asked about
  expect(index.widest(['0aa', '1bb'], T0 + 15 * MIN, 15 * MIN)).toEqual({ authors: 2, followers: 20, key: '0aa' });
  // Twenty minutes on, the first account has left the window.
  expect(index.widest(['0aa'], T0 + 20 * MIN, 15 * MIN)).toEqual({ authors: 1, followers: 10, key: '0aa' });
  expect(index.widest(['0aa'], T0 + 30 * MIN, 15 * MIN)).toMatchObject({ authors: 1 });
  expect(index.widest(['zzz'], T0, 15 * MIN)).toEqual({ authors: 0, followers: 0 });
  expect(index.widest([], T0, 15 * MIN)).toEqual({ authors: 0, followers: 0 });
});

test("an account's followers are those of its latest post in the window", () => {
  const index = new SpreadIndex();
  index.add(entry('x:1', 0, ['k'], 100));
  index.add(entry('x:1', 3, ['k'], 250));
  index.add(entry('x:2', 1, ['k'], 5));
  expect(index.widest(['k'], T0 + 5 * MIN, 15 * MIN)).toEqual({ authors: 2, followers: 255, key: 'k' });
});

test('a key repeated within one entry counts its account once', () => {
  const index = new SpreadIndex();
  index.add(entry('x:1', 0, ['k', 'k', claimSpreadKey('seed-1')]));
  expect(index.widest(['k'], T0, MIN)).toMatchObject({ authors: 1 });
  expect(index.widest([claimSpreadKey('seed-1')], T0, MIN)).toMatchObject({ authors: 1, key: 'claim-seed-1' });
});
