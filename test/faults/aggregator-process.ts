/**
 * The aggregator (the real handler, wired from the environment) behind the local stream poller,
 * in a process of its own, so that a fault test can kill it mid-window. Started by
 * aggregator-killed.test.ts with the rig's environment, the posts stream's ARN and the file of
 * the stream checkpoints (kept as the event source mapping keeps them: a new process reads on from
 * the last window that closed). Windows are short, so several close within the test.
 * Prints `ready` once reading, `close <n>` as a window's final invocation starts, `counted <n>`
 * once that window's counters are written and `closed <n>` as it ends; on SIGUSR2 it reads the
 * stream to its end, closes the open window and prints `drained`; SIGTERM stops it. With
 * PANTAU_DIE_AFTER_COUNTING=n it kills itself (SIGKILL) right after window n's counters are
 * written: the window's posts are counted, but neither the shard's mark nor the stream checkpoint
 * has moved, and its alerts are not raised.
 */
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import * as aggregator from '../../functions/aggregator/handler';
import { StreamPoller } from '../../infra/local/stream-poller';
import { requireEnv } from '../../shared/env';
import { AGGREGATOR } from '../../shared/resources';

export const WINDOW_SECONDS = 2;

async function main(): Promise<void> {
  const wired = aggregator.wireFromEnv();
  const dieAfter = Number(process.env.PANTAU_DIE_AFTER_COUNTING ?? 0);
  let closing = 0;
  const handle = aggregator.makeHandler({
    ...wired,
    tally: {
      counted: (writer) => wired.tally.counted(writer),
      mark: (writer, upTo) => wired.tally.mark(writer, upTo),
      async add(writer, posts) {
        await wired.tally.add(writer, posts);
        process.stdout.write(`counted ${closing}\n`);
        if (closing === dieAfter) process.kill(process.pid, 'SIGKILL');
      },
    },
  });
  const poller = new StreamPoller({
    streams: new DynamoDBStreamsClient({ endpoint: requireEnv('AWS_ENDPOINT_URL_DYNAMODB') }),
    streamArn: requireEnv('PANTAU_POSTS_STREAM_ARN'),
    region: requireEnv('AWS_REGION'),
    handler: async (event, context) => {
      if (!event.isFinalInvokeForWindow) return handle(event, context);
      const n = ++closing;
      process.stdout.write(`close ${n}\n`);
      try {
        return await handle(event, context);
      } finally {
        process.stdout.write(`closed ${n}\n`);
      }
    },
    functionName: 'pantau-aggregator',
    spec: { ...AGGREGATOR, windowSeconds: WINDOW_SECONDS, maxBatchingWindowSeconds: 0.5, batchSize: 100 },
    checkpointFile: requireEnv('PANTAU_STREAM_CHECKPOINTS'),
  });
  await poller.start();
  process.on('SIGUSR2', () => {
    void poller.drained().then(() => process.stdout.write('drained\n'));
  });
  process.once('SIGTERM', () => {
    void poller.stop().then(() => process.exit(0));
  });
  process.stdout.write('ready\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
