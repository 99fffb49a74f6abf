/** A window's posts added to its writer's counter items: each post once per item, however often the window is tried. */
import type { CounterIncrement } from '../../shared/items';
import { seqKey } from '../../shared/pipeline/sequence';
import { counterId, countersTouched, nextCounters, type CounterState, type PostIncrements } from '../../shared/pipeline/tally';

const inc = (topic: string, bucket: string, negative: 0 | 1, expiresAt = 100): CounterIncrement => ({
  topic,
  bucket,
  add: { total: 1, negative, positive: 1 - negative, neutral: 0, hoax: 0, driven: 0 },
  expiresAt,
});
const post = (seq: string, ...increments: CounterIncrement[]): PostIncrements => ({ seq, increments });
const byId = (states: readonly CounterState[]) => new Map(states.map((s) => [counterId(s.topic, s.bucket), s]));

const window = [
  post('11', inc('*', 'b1', 1), inc('banjir', 'b1', 1)),
  post('12', inc('*', 'b1', 0)),
  post('13', inc('*', 'b2', 1, 200), inc('banjir', 'b2', 1, 200)),
];

test('new items hold the sums of their posts and the last post’s sequence number', () => {
  const next = byId(nextCounters(new Map(), window));
  expect(countersTouched(window)).toHaveLength(4);
  expect(next.get(counterId('*', 'b1'))).toEqual({
    topic: '*',
    bucket: 'b1',
    counts: { total: 2, negative: 1, positive: 1, neutral: 0, hoax: 0, driven: 0 },
    seq: seqKey('12'),
    expiresAt: 100,
  });
  expect(next.get(counterId('banjir', 'b2'))).toMatchObject({ counts: { total: 1, negative: 1 }, seq: seqKey('13'), expiresAt: 200 });
});

test('a window tried again after all its items were written writes nothing', () => {
  const written = byId(nextCounters(new Map(), window));
  expect(nextCounters(written, window)).toEqual([]);
});

test('a window tried again after some items were written adds to the others only; a longer window adds only what is new', () => {
  const all = byId(nextCounters(new Map(), window));
  // The first try wrote the b1 items and died.
  const partly = new Map([...all].filter(([, s]) => s.bucket === 'b1'));
  const retried = byId(nextCounters(partly, window));
  expect([...retried.keys()].sort()).toEqual([counterId('*', 'b2'), counterId('banjir', 'b2')].sort());
  // Read again with a record more (the window read again from its checkpoint after a crash).
  const longer = [...window, post('14', inc('*', 'b1', 1))];
  const again = byId(nextCounters(all, longer));
  expect([...again.keys()]).toEqual([counterId('*', 'b1')]);
  expect(again.get(counterId('*', 'b1'))).toMatchObject({ counts: { total: 3, negative: 2 }, seq: seqKey('14') });
});
