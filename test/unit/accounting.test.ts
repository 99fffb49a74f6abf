import { Accounts, formatAccounting, type StoredPostRecord } from '../../infra/local/books';
import { counterIncrements, type PostItem } from '../../shared/items';

const counting = { bucketMinutes: 5, stateDays: 35 };

function post(key: string, overrides: Partial<StoredPostRecord> = {}): StoredPostRecord {
  return {
    postKey: key,
    source: key.split('#')[0] as string,
    createdAtEpoch: Date.parse('2026-11-26T08:03:00Z') / 1000,
    sentimentLabel: 'negative',
    hoaxLevel: 'none',
    topics: ['banjir'],
    placeCities: ['Jakarta Timur'],
    ...overrides,
  };
}

/** Books where the counters are exactly what the posts add up to. */
function balanced(posts: StoredPostRecord[]): Accounts {
  const books = new Accounts(counting);
  for (const p of posts) {
    books.collect(p.postKey);
    books.storedPost(p);
    for (const inc of counterIncrements(p as PostItem, counting.bucketMinutes, counting.stateDays)) {
      books.counter({ topic: inc.topic, bucket: inc.bucket, ...inc.add });
    }
  }
  return books;
}

describe('the books of a run', () => {
  it('balance when every collected post is stored once and the counters match', () => {
    const books = balanced([post('x#1'), post('x#2', { sentimentLabel: 'positive' }), post('news#a', { topics: [] })]);
    const report = books.report();
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.sources).toEqual([
      { source: 'news', collected: 1, deliveries: 1, stored: 1, deadLettered: 0, missing: 0 },
      { source: 'x', collected: 2, deliveries: 2, stored: 2, deadLettered: 0, missing: 0 },
    ]);
    expect(report.counters.wrong).toBe(0);
    expect(report.counters.checked).toBeGreaterThan(0);
  });

  it('counts a post collected three times once, with its three deliveries', () => {
    const books = balanced([post('x#1')]);
    books.collect('x#1');
    books.collect('x#1');
    const report = books.report();
    expect(report.ok).toBe(true);
    expect(report.sources[0]).toMatchObject({ source: 'x', collected: 1, deliveries: 3, stored: 1 });
  });

  it('finds a collected post that is neither stored nor in the DLQ, and names it', () => {
    const books = balanced([post('x#1')]);
    books.collect('x#lost');
    const report = books.report();
    expect(report.ok).toBe(false);
    expect(report.sources[0]).toMatchObject({ collected: 2, stored: 1, missing: 1 });
    expect(report.problems.join('\n')).toContain('x#lost');
  });

  it('accounts for posts in the DLQ, with and without a key, per source', () => {
    const books = balanced([post('x#1')]);
    books.collect('x#poison');
    books.deadLetter({ stage: 'classifier', reason: 'failed maxReceiveCount times', key: 'x#poison' });
    books.deadLetter({ stage: 'collector', reason: 'line 3: not JSON', source: 'file' });
    books.deadLetter({ stage: 'collector', reason: 'id: required', source: 'news', key: 'news#bad' });
    const report = books.report();
    expect(report.ok).toBe(true);
    expect(report.totals).toEqual({ collected: 4, deliveries: 2, stored: 1, deadLettered: 3, missing: 0 });
    expect(report.sources.map((s) => [s.source, s.collected, s.deadLettered])).toEqual([
      ['file', 1, 1],
      ['news', 1, 1],
      ['x', 2, 1],
    ]);
  });

  it('counts a stored post whose message also reached the DLQ as stored, not twice', () => {
    const books = balanced([post('x#1')]);
    books.deadLetter({ stage: 'classifier', reason: 'failed maxReceiveCount times', key: 'x#1' });
    const report = books.report();
    expect(report.ok).toBe(true);
    expect(report.totals).toMatchObject({ collected: 1, stored: 1, deadLettered: 0 });
  });

  it('finds a counter that counted a post twice, and one that missed a post', () => {
    const books = balanced([post('x#1'), post('x#2')]);
    books.counter({ topic: 'banjir', bucket: '2026-11-26T08:00Z', total: 1, negative: 1, positive: 0, neutral: 0, hoax: 0, driven: 0 });
    books.storedPost(post('x#3', { topics: ['macet'] }));
    books.collect('x#3');
    const report = books.report();
    expect(report.ok).toBe(false);
    expect(report.counters.wrong).toBeGreaterThanOrEqual(2);
    const text = report.problems.join('\n');
    expect(text).toContain('banjir 2026-11-26T08:00Z: total 3 (recount 2)');
    expect(text).toContain('macet 2026-11-26T08:00Z: total 0 (recount 1)');
  });

  it('finds a post stored but never collected (a journal that misses hand-overs)', () => {
    const books = balanced([post('x#1')]);
    books.storedPost(post('x#ghost', { topics: [] }));
    const report = books.report();
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toContain('x#ghost');
  });

  describe('alerts', () => {
    it('balance when each sent revision arrived once', () => {
      const books = balanced([]);
      books.alert({ alertId: 'spike:banjir:1', revision: 2, kind: 'spike', status: 'sent' });
      books.alert({ alertId: 'hoax:banjir:1', revision: 1, kind: 'hoax', status: 'capped' });
      books.receivedAlert({ alertId: 'spike:banjir:1', revision: 1 });
      books.receivedAlert({ alertId: 'spike:banjir:1', revision: 2 });
      const report = books.report();
      expect(report.ok).toBe(true);
      expect(report.alerts).toEqual({ alerts: 2, sent: 1, capped: 1, pending: 0, messages: 2, repeated: 0 });
    });

    it('find a repeated message, a sent alert that never arrived, one left in the outbox, and a message with no alert', () => {
      const books = balanced([]);
      books.alert({ alertId: 'a', revision: 1, kind: 'spike', status: 'sent' });
      books.alert({ alertId: 'b', revision: 3, kind: 'hoax', status: 'sent' });
      books.alert({ alertId: 'c', revision: 1, kind: 'reach', status: 'pending' });
      books.receivedAlert({ alertId: 'a', revision: 1 });
      books.receivedAlert({ alertId: 'a', revision: 1 });
      books.receivedAlert({ alertId: 'b', revision: 2 });
      books.receivedAlert({ alertId: 'z', revision: 1 });
      const report = books.report();
      expect(report.ok).toBe(false);
      expect(report.alerts).toMatchObject({ repeated: 1, pending: 1, messages: 4 });
      const text = report.problems.join('\n');
      expect(text).toContain('more than once: a rev 1');
      expect(text).toContain('never reached the subscribers: b rev 3');
      expect(text).toContain('outbox (recorded, not sent): c rev 1');
      expect(text).toContain('no alert in the alerts table: z');
    });

    it('are left out when nobody listened to the topic', () => {
      const books = balanced([]);
      books.alert({ alertId: 'a', revision: 1, kind: 'spike', status: 'sent' });
      expect(books.report().alerts).toBeUndefined();
    });
  });

  it('prints a table with the totals, and each problem', () => {
    const books = balanced([post('x#1')]);
    books.collect('x#lost');
    const text = formatAccounting(books.report());
    expect(text).toContain('collected 2 != stored 1 + in DLQ 0');
    expect(text).toMatch(/x\s+2\s+2\s+1\s+0\s+1/);
    expect(text).toContain('1 problems:');
  });
});
