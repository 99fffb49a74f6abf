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

describe('at the pace of event time', () => {
  const timed = (id: string, createdAt: string): OutgoingPost => ({
    key: `file#${id}`,
    body: JSON.stringify({ id, createdAt }),
    source: 'file',
  });

  function paced(speed: number, stopped = () => false) {
    const sends: { at: number; keys: string[] }[] = [];
    let clock = 1_000;
    const inner: PostQueue = { sendAll: async (posts) => (sends.push({ at: clock, keys: posts.map((p) => p.key) }), []) };
    const queue = new PacedQueue(inner, {
      maxBacklog: Infinity,
      backlog: async () => 0,
      speed,
      stopped,
      sleep: async (ms) => void (clock += ms),
      now: () => clock,
    });
    return { queue, sends };
  }

  test('each post goes when its event time comes round at the speed, from the first post sent; posts due together go together', async () => {
    const h = paced(3_600);
    // An hour of event time at 3,600 times is a second.
    await h.queue.sendAll([
      timed('a', '2026-11-26T00:00:00Z'),
      timed('b', '2026-11-26T00:00:00Z'),
      timed('c', '2026-11-26T00:30:00Z'),
      timed('d', '2026-11-26T01:00:00Z'),
    ]);
    expect(h.sends).toEqual([
      { at: 1_000, keys: ['file#a', 'file#b'] },
      { at: 1_500, keys: ['file#c'] },
      { at: 2_000, keys: ['file#d'] },
    ]);
    // The next page keeps the same clock: its posts wait for their own time.
    await h.queue.sendAll([timed('e', '2026-11-26T02:00:00Z')]);
    expect(h.sends[3]).toEqual({ at: 3_000, keys: ['file#e'] });
    expect(h.queue.waitedMs).toBe(2_000);
  });

  test('a post without a readable time goes at once, and once stopping nothing waits', async () => {
    let stopping = false;
    const h = paced(1, () => stopping);
    await h.queue.sendAll([timed('a', '2026-11-26T00:00:00Z'), post('no-time')]);
    expect(h.sends.flatMap((s) => s.keys)).toEqual(['file#a', 'file#no-time']);
    stopping = true;
    await h.queue.sendAll([timed('b', '2026-12-26T00:00:00Z')]);
    expect(h.sends[h.sends.length - 1]?.keys).toEqual(['file#b']);
    expect(h.queue.waitedMs).toBe(0);
  });
});
