/**
 * The classifier process killed (SIGKILL) while a batch is under way, then started again: the
 * batch's records come back after the visibility timeout (at-least-once), and idempotent writes
 * make the effects exactly-once: each post stored and counted once, each alert sent once.
 */
import type { ChildProcess } from 'node:child_process';
import { demoPosts, FAULT_TIMEOUT_MS, figures, Rig, scriptProcess, type ScriptProcess } from './rig';

const LEASE_S = 5;
let rig: Rig;
const children: ChildProcess[] = [];

beforeAll(async () => {
  // A send lease shorter than the default minute, so that an alert the killed process had claimed
  // but not sent is taken over within the test; still far longer than a publish takes.
  rig = await Rig.start('killed', { config: (c) => ({ ...c, alerts: { ...c.alerts, sendLeaseSeconds: LEASE_S } }) });
}, FAULT_TIMEOUT_MS);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rig?.stop();
}, FAULT_TIMEOUT_MS);

/** A classifier process; `lines` is what it printed so far, `ready` resolves when it polls. */
const classifierProcess = (): ScriptProcess => {
  const started = scriptProcess('classifier-process.ts', rig.env);
  children.push(started.child);
  return started;
};

const running = (lines: readonly string[]): number =>
  lines.filter((l) => l.startsWith('batch ')).length - lines.filter((l) => l.startsWith('done ')).length;

test(
  'killed mid-batch and restarted: every post stored once, counted once, alerted once',
  async () => {
    const posts = demoPosts();
    // The aggregator runs here, behind the stream; only the classifier is killed.
    await rig.startAggregator();
    const first = classifierProcess();
    await first.ready;
    await rig.collect(posts);
    await rig.until('100 posts stored', async () => (await rig.storedCount()) >= 100);
    // Kill it while at least one invocation is between its start and its end.
    await rig.until('a batch under way', async () => running(first.lines) > 0, 10_000);
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await exited;
    const cut = running(first.lines);
    const storedAtKill = await rig.storedCount();

    const second = classifierProcess();
    await second.ready;
    await rig.settle();
    await new Promise((r) => setTimeout(r, LEASE_S * 1000));
    const sent = await rig.sweep(Date.parse(posts.at(-1)?.createdAt ?? ''));
    await rig.settle();
    const stopped = new Promise((r) => second.child.once('exit', r));
    second.child.kill('SIGTERM');
    await stopped;

    const report = await rig.books();
    console.log(
      `${figures('classifier killed', report, rig.received.length)}; batches cut short ${cut}, stored at the kill ${storedAtKill}, sent by the sweep ${sent}`,
    );
    expect(cut).toBeGreaterThan(0);
    expect(storedAtKill).toBeLessThan(posts.length);
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ collected: posts.length, stored: posts.length, deadLettered: 0, missing: 0 });
    expect(report.storedTwice).toBe(0);
    expect(report.alerts).toMatchObject({ pending: 0, repeated: 0 });
    expect(rig.received.length).toBeGreaterThan(0);
  },
  FAULT_TIMEOUT_MS,
);
