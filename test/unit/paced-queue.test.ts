import { PacedQueue } from '../../infra/local/paced-queue';
import type { OutgoingPost, PostQueue } from '../../shared/pipeline/ports';

const post = (id: string): OutgoingPost => ({ key: `file#${id}`, body: `{"id":"${id}"}`, source: 'file' });

/** A queue whose backlog is read from a list of figures, one per look, and a clock moved by each wait. */
function harness(figures: number[], maxBacklog: number) {
  const sent: string[] = [];
  const looks: number[] = [];
  let clock = 0;
  const inner: PostQueue = { sendAll: async (posts) => (sent.push(...posts.map((p) => p.key)), []) };
  const queue = new PacedQueue(inner, {
    maxBacklog,
    pollMs: 250,
    backlog: async () => {
      const figure = figures.shift() ?? 0;
      looks.push(figure);
      return figure;
    },
    sleep: async (ms) => void (clock += ms),
    now: () => clock,
  });
  return { queue, sent, looks };
}

test('a page waits while the queue holds maxBacklog messages or more, then goes; the wait is counted', async () => {
  const h = harness([5_000, 7_200, 5_000, 4_999], 5_000);
  await h.queue.sendAll([post('1'), post('2')]);
  expect(h.looks).toEqual([5_000, 7_200, 5_000, 4_999]);
  expect(h.sent).toEqual(['file#1', 'file#2']);
  expect(h.queue.waitedMs).toBe(750);
});

test('below the mark a page goes at once, and the waits of several pages add up', async () => {
  const h = harness([10, 6_000, 12], 5_000);
  await h.queue.sendAll([post('1')]);
  expect(h.queue.waitedMs).toBe(0);
  await h.queue.sendAll([post('2')]);
  expect(h.queue.waitedMs).toBe(250);
  expect(h.sent).toEqual(['file#1', 'file#2']);
});

test('without a mark (Infinity) the queue is never asked and nothing waits', async () => {
  const h = harness([1_000_000], Infinity);
  await h.queue.sendAll([post('1')]);
  expect(h.looks).toEqual([]);
  expect(h.sent).toEqual(['file#1']);
});
