/**
 * The classifier (the real handler, wired from the environment) behind the local poller, in a
 * process of its own, so that a fault test can kill it mid-batch. Started by classifier-killed.test.ts
 * with the rig's environment. Prints `ready` once polling, `batch <n>` as each invocation starts
 * and `done <n>` as it ends; SIGTERM stops it cleanly.
 */
import { makeSqsClient } from '../../shared/adapters/sqs';
import * as classifier from '../../functions/classifier/handler';
import { SqsPoller } from '../../infra/local/poller';
import { requireEnv } from '../../shared/env';
import { CLASSIFIER, QUEUES } from '../../shared/resources';

async function main(): Promise<void> {
  const handler = classifier.makeHandler(classifier.wireFromEnv());
  let invocation = 0;
  const poller = new SqsPoller({
    sqs: makeSqsClient(),
    queueUrl: requireEnv(QUEUES.posts.envVar),
    region: requireEnv('AWS_REGION'),
    handler: async (event, context) => {
      const n = ++invocation;
      process.stdout.write(`batch ${n}\n`);
      try {
        return await handler(event, context);
      } finally {
        process.stdout.write(`done ${n}\n`);
      }
    },
    functionName: 'pantau-classifier',
    batchSize: CLASSIFIER.batchSize,
    maxConcurrency: CLASSIFIER.maxConcurrency,
    timeoutSeconds: CLASSIFIER.timeoutSeconds,
  });
  await poller.start();
  process.once('SIGTERM', () => {
    void poller.stop().then(() => process.exit(0));
  });
  process.stdout.write('ready\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
