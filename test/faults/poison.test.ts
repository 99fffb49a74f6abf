/**
 * A poison message: valid JSON and a valid post, but it breaks the classifier every time. Only it
 * ends in the DLQ, after the queue's maxReceiveCount; its batch-mates are stored.
 */
import { QUEUES } from '../../shared/resources';
import { peekDeadLetters } from '../../infra/local/summary';
import { makePost } from '../helpers/posts';
import { demoPosts, FAULT_TIMEOUT_MS, figures, Rig } from './rig';

const PILL = 'POISON-PILL';
let rig: Rig;

beforeAll(async () => {
  rig = await Rig.start('poison', {
    // A fault in the classifier itself, for this text only.
    classifierDeps: (deps) => ({
      ...deps,
      classify: (text, context) => {
        if (text.includes(PILL)) throw new RangeError('classifier broke on this post');
        return deps.classify(text, context);
      },
    }),
  });
}, FAULT_TIMEOUT_MS);

afterAll(async () => {
  await rig?.stop();
}, FAULT_TIMEOUT_MS);

test(
  'only the poison message reaches the DLQ, after maxReceiveCount; its batch-mates are stored',
  async () => {
    const posts = demoPosts('2026-11-26T06:00:00Z', '2026-11-26T07:00:00Z');
    const poison = makePost({ source: 'x', id: 'poison-1', text: `Info penting ${PILL} soal banjir`, createdAt: '2026-11-26T06:30:00Z' });
    // In the middle of a batch of ten.
    const batch = [...posts.slice(0, 5), poison, ...posts.slice(5)];
    await rig.startClassifier();
    await rig.collect(batch);
    await rig.settle();

    const letters = await peekDeadLetters(rig.clients.sqs, rig.resources.dlqUrl);
    expect(letters.map((l) => l.key)).toEqual(['x#poison-1']);
    expect(letters[0]?.receiveCount).toBeGreaterThanOrEqual(1);
    // Only the poison failed, once per delivery: its batch-mates were never retried with it.
    expect(rig.poller?.stats.failed).toBe(QUEUES.posts.deadLetter.maxReceiveCount);
    expect(rig.failures.every((f) => f.messageIds.length === 1)).toBe(true);

    const report = await rig.books();
    console.log(figures('poison', report, rig.received.length));
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ collected: posts.length + 1, stored: posts.length, deadLettered: 1, missing: 0 });
  },
  FAULT_TIMEOUT_MS,
);
