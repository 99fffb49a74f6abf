/**
 * Every post delivered two or three times, in different batches and out of order: stored once,
 * counted once, alerted once.
 */
import { demoPosts, FAULT_TIMEOUT_MS, figures, Rig, shuffled } from './rig';

let rig: Rig;

beforeAll(async () => {
  rig = await Rig.start('duplicates');
}, FAULT_TIMEOUT_MS);

afterAll(async () => {
  await rig?.stop();
}, FAULT_TIMEOUT_MS);

test(
  'each post delivered 2-3 times, shuffled across batches, is stored once, counted once and alerted once',
  async () => {
    const posts = demoPosts();
    const deliveries = shuffled(
      posts.flatMap((post, i) => (i % 2 === 0 ? [post, post, post] : [post, post])),
      20261206,
    );
    await rig.startClassifier();
    await rig.collect(deliveries);
    await rig.settle();

    const report = await rig.books();
    console.log(figures('duplicates', report, rig.received.length));
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ collected: posts.length, deliveries: deliveries.length, stored: posts.length, deadLettered: 0 });
    // At least the repeats; more when a slow batch outlived its visibility timeout and came round again.
    expect(report.duplicatesAbsorbed).toBeGreaterThanOrEqual(deliveries.length - posts.length);
    expect(report.counters.wrong).toBe(0);
    // The banjir spike in this slice alerts; every revision reached the subscriber once.
    expect(rig.received.length).toBeGreaterThan(0);
    expect(report.alerts?.repeated).toBe(0);
  },
  FAULT_TIMEOUT_MS,
);
