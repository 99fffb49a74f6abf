/**
 * SNS failing for a while: the posts are stored all the same, the alerts wait in the outbox
 * (and the books say so), and once SNS is back the sweep sends each of them once.
 */
import * as aggregator from '../../functions/aggregator/handler';
import { resolveEpisodes } from '../../shared/pipeline/resolve-episodes';
import { demoPosts, FAULT_TIMEOUT_MS, figures, Rig } from './rig';

let rig: Rig;

beforeAll(async () => {
  rig = await Rig.start('sns', { config: (c) => ({ ...c, alerts: { ...c.alerts, sendLeaseSeconds: 1 } }) });
}, FAULT_TIMEOUT_MS);

afterAll(async () => {
  await rig?.stop();
}, FAULT_TIMEOUT_MS);

test(
  'alerts SNS refused are kept, then sent once when it returns; nothing lost, nothing repeated',
  async () => {
    const posts = demoPosts();
    rig.sns.down = true;
    await rig.startClassifier();
    await rig.collect(posts);
    await rig.settle();

    expect(rig.sns.refused).toBeGreaterThan(0);
    expect(rig.received).toHaveLength(0);
    const during = await rig.books();
    console.log(figures('sns outage (while down)', during, rig.received.length));
    expect(during.totals).toMatchObject({ collected: posts.length, stored: posts.length, deadLettered: 0, missing: 0 });
    // The check does not hide alerts that are owed: they are in the outbox.
    expect(during.alerts?.pending).toBeGreaterThan(0);
    expect(during.ok).toBe(false);

    // A sweep while SNS is still down keeps them; one after it is back sends them.
    const sweep = aggregator.wireFromEnv();
    const lastEvent = Date.parse(posts.at(-1)?.createdAt ?? '');
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await resolveEpisodes(lastEvent, sweep)).toEqual([]);
    rig.sns.down = false;
    await new Promise((r) => setTimeout(r, 1_100));
    const sent = await resolveEpisodes(lastEvent, sweep);
    expect(sent.length).toBe(during.alerts?.pending);
    // A second sweep has nothing left to send.
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await resolveEpisodes(lastEvent, sweep)).toEqual([]);
    await rig.settle();

    const after = await rig.books();
    console.log(figures('sns outage (after)', after, rig.received.length));
    expect(after.problems).toEqual([]);
    expect(after.alerts).toMatchObject({ pending: 0, repeated: 0 });
    expect(rig.received.length).toBe(sent.length);
  },
  FAULT_TIMEOUT_MS,
);
