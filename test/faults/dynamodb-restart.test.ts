/**
 * DynamoDB Local stopped for several seconds mid-run and started again on the same data folder:
 * the classifier's writes fail (connection refused), its records fail and come back after the
 * visibility timeout, and every post ends stored once, counted once.
 */
import { demoPosts, FAULT_TIMEOUT_MS, figures, Rig } from './rig';

const OUTAGE_MS = 6_000;
/**
 * Longer than a classifier keeps retrying the mark of an alert it published while DynamoDB is
 * down (about 17 s at most: shared/pipeline/mark-sent.ts), as the default (60 s) is: a post
 * redelivered meanwhile must find the alert still claimed, not send it again.
 */
const LEASE_S = 25;
let rig: Rig;

beforeAll(async () => {
  // Longer than the outage, so that a record that failed during it is retried after it.
  rig = await Rig.start('dynamodb', {
    visibilityTimeoutSeconds: 10,
    config: (c) => ({ ...c, alerts: { ...c.alerts, sendLeaseSeconds: LEASE_S } }),
  });
}, FAULT_TIMEOUT_MS);

afterAll(async () => {
  await rig?.stop();
}, FAULT_TIMEOUT_MS);

test(
  'DynamoDB down mid-run: failures become retries; nothing lost, nothing stored or counted twice',
  async () => {
    const posts = demoPosts();
    await rig.startClassifier();
    await rig.collect(posts);
    await rig.until('150 posts stored', async () => (await rig.storedCount()) >= 150);

    await rig.stopDynamo();
    const failedBefore = rig.poller?.stats.failed ?? 0;
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    const failedDuring = (rig.poller?.stats.failed ?? 0) - failedBefore;
    await rig.startDynamo();
    await rig.settle();
    // An alert claimed by a sender that failed before publishing waits out its lease in the
    // outbox; the sweep after it sends it.
    await new Promise((r) => setTimeout(r, LEASE_S * 1000));
    const sent = await rig.sweep(Date.parse(posts.at(-1)?.createdAt ?? ''));
    await rig.settle();

    const report = await rig.books();
    console.log(
      `${figures('dynamodb restart', report, rig.received.length)}; records failed during the outage ${failedDuring}, sent by the sweep ${sent}`,
    );
    // The outage was felt: records failed and were retried, none of them reached the DLQ.
    expect(failedDuring).toBeGreaterThan(0);
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ collected: posts.length, stored: posts.length, deadLettered: 0, missing: 0 });
    expect(report.storedTwice).toBe(0);
    expect(report.alerts).toMatchObject({ pending: 0, repeated: 0 });
    expect(rig.received.length).toBeGreaterThan(0);
  },
  FAULT_TIMEOUT_MS,
);
