/**
 * The aggregator process killed (SIGKILL) while it closes a window, at the worst moment: right
 * after the window's counters are written, before the shard's mark and the stream checkpoint
 * move and before its alerts are raised. Started again, it reads that window again from the last checkpoint (as the
 * event source mapping does after a failure), with more records in it by then; each counter item
 * adds only the posts it lacks, and the episode record sends every revision once. The books balance.
 */
import type { ChildProcess } from 'node:child_process';
import { streamCheckpoints } from '../../infra/local/pipeline';
import { demoPosts, FAULT_TIMEOUT_MS, figures, Rig, scriptProcess, type ScriptProcess } from './rig';

const LEASE_S = 5;
let rig: Rig;
const children: ChildProcess[] = [];

beforeAll(async () => {
  // A send lease shorter than the default minute, so that an alert the killed process had claimed
  // but not sent is taken over within the test; still far longer than a publish takes.
  rig = await Rig.start('aggkilled', { config: (c) => ({ ...c, alerts: { ...c.alerts, sendLeaseSeconds: LEASE_S } }) });
}, FAULT_TIMEOUT_MS);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rig?.stop();
}, FAULT_TIMEOUT_MS);

/** An aggregator process on the rig's stream and checkpoints. */
const aggregatorProcess = (env: Record<string, string> = {}): ScriptProcess => {
  const started = scriptProcess('aggregator-process.ts', {
    ...rig.env,
    PANTAU_POSTS_STREAM_ARN: rig.resources.postsStreamArn,
    PANTAU_STREAM_CHECKPOINTS: streamCheckpoints(rig.dataDir),
    ...env,
  });
  children.push(started.child);
  return started;
};

test(
  'killed right after a window is counted, and started again: every post counted once, every alert revision sent once',
  async () => {
    const posts = demoPosts();
    await rig.startClassifier({ aggregator: false });
    const first = aggregatorProcess({ PANTAU_DIE_AFTER_COUNTING: '2' });
    await first.ready;
    const died = new Promise<NodeJS.Signals | null>((r) => first.child.once('exit', (_code, signal) => r(signal)));
    await rig.collect(posts);
    expect(await died).toBe('SIGKILL');
    const storedAtDeath = await rig.storedCount();

    const second = aggregatorProcess();
    await second.ready;
    await rig.settle();
    const drained = second.said('drained');
    second.child.kill('SIGUSR2');
    await drained;
    await new Promise((r) => setTimeout(r, LEASE_S * 1000));
    const sent = await rig.sweep(Date.parse(posts.at(-1)?.createdAt ?? ''));
    await rig.settle();
    const stopped = new Promise((r) => second.child.once('exit', r));
    second.child.kill('SIGTERM');
    await stopped;

    const report = await rig.books();
    console.log(
      `${figures('aggregator killed', report, rig.received.length)}; posts stored at the kill ${storedAtDeath}, windows closed before it ${first.lines.filter((l) => l.startsWith('closed ')).length}, closed after the restart ${second.lines.filter((l) => l.startsWith('closed ')).length}, sent by the sweep ${sent}`,
    );
    // It died inside window 2's final invocation, its counters written, the window not closed.
    expect(first.lines).toEqual(expect.arrayContaining(['closed 1', 'close 2', 'counted 2']));
    expect(first.lines).not.toContain('closed 2');
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ collected: posts.length, stored: posts.length, deadLettered: 0, missing: 0 });
    expect(report.counters.wrong).toBe(0);
    expect(report.counters.checked).toBeGreaterThan(0);
    expect(report.alerts).toMatchObject({ pending: 0, repeated: 0 });
    expect(rig.received.length).toBeGreaterThan(0);
  },
  FAULT_TIMEOUT_MS,
);
