/**
 * The X collector failing halfway through pagination (X answering 503 past the retries): the
 * pages read stay sent and checkpointed, the gap below them is remembered, and the next runs read
 * the rest and the posts that arrived meanwhile, without a gap or a post sent twice.
 */
import { XSourceSchema } from '../../shared/config';
import type { XCollectResult } from '../../shared/pipeline/collect-x';
import * as xCollector from '../../functions/x-collector/handler';
import { JournaledQueue } from '../../infra/local/run-journal';
import { startXStandIn, xError, type XStandIn } from '../helpers/x-standin';
import { FAULT_TIMEOUT_MS, figures, Rig } from './rig';

const lambdaContext = { getRemainingTimeInMillis: () => 300_000 };
let rig: Rig;
let x: XStandIn;

beforeAll(async () => {
  x = await startXStandIn({ withFixture: false });
  rig = await Rig.start('pagination', {
    config: (c) => ({
      ...c,
      topics: c.topics.filter((t) => t.name === 'banjir'),
      sources: { ...c.sources, x: XSourceSchema.parse({ enabled: true, pageSize: 10, maxPages: 5, backfillMinutes: 24 * 60 }) },
    }),
  });
  Object.assign(process.env, { X_BEARER_TOKEN: 'local-test-token', X_API_BASE_URL: x.url });
}, FAULT_TIMEOUT_MS);

afterAll(async () => {
  await rig?.stop();
  await x?.close();
}, FAULT_TIMEOUT_MS);

test(
  'a collector that fails halfway through pagination: the next runs resume, without gaps or duplicates',
  async () => {
    const first = x.generate(35, { idBase: 1_997_000_000_000_000_000n, at: Date.now() - 30 * 60_000 });
    x.add(first);
    const wired = xCollector.wireFromEnv();
    const handler = xCollector.makeHandler({ ...wired, queue: new JournaledQueue(wired.queue, rig.journal) });
    const collect = async (): Promise<XCollectResult> => {
      const outcome = await handler({}, lambdaContext);
      if ('notRun' in outcome) throw new Error(`the collector did not run: ${outcome.notRun}`);
      return outcome;
    };

    // Pages 1 and 2 are read; the third request fails, and so do its three retries.
    const calls = x.calls.length;
    for (const n of [3, 4, 5, 6]) x.failOn(calls + n, xError(503));
    const broken = await collect();
    expect(broken).toMatchObject({ sent: 20, stopped: 'unavailable' });

    // New posts arrive before the next run.
    const later = x.generate(5, { idBase: 1_997_000_000_000_001_000n, at: Date.now() - 60_000 });
    x.add(later);
    const runs = [broken];
    while (runs.length < 5 && (runs.at(-1)?.stopped !== 'done' || (runs.at(-1)?.sent ?? 0) > 0)) runs.push(await collect());
    expect(runs.at(-1)).toMatchObject({ sent: 0, stopped: 'done' });

    const expected = [...first, ...later].map((t) => `x#${t.id}`).sort();
    const collected = rig.journal.readCollected();
    // Each post sent once over all runs: the journal holds one line per post sent.
    expect([...collected].sort()).toEqual(expected);

    await rig.startClassifier();
    await rig.settle();
    const report = await rig.books();
    console.log(
      `${figures('collector pagination', report, rig.received.length)}; runs ${runs.map((r) => `${r.stopped}:${r.sent}`).join(', ')}`,
    );
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ collected: 40, deliveries: 40, stored: 40, deadLettered: 0, missing: 0 });
    expect(report.storedTwice).toBe(0);
  },
  FAULT_TIMEOUT_MS,
);
