/**
 * The whole pipeline on the embedded stack: the real handlers, wired from the environment exactly
 * as on Lambda, with the local poller in place of the SQS event source mapping and the alert
 * inbox in place of the officers' phones.
 */
import { resolve } from 'node:path';
import { CLASSIFIER } from '../../shared/resources';
import type { FileCollectResult, FilePageProgress } from '../../shared/pipeline/collect-file';
import * as classifier from '../../functions/classifier/handler';
import * as fileCollector from '../../functions/file-collector/handler';
import { receiveAlerts, type InboxMessage } from './alert-inbox';
import { SqsPoller } from './poller';
import type { LocalStack } from './stack';

export interface PipelineOptions {
  readonly stack: LocalStack;
  readonly configPath: string;
  readonly postsPath: string;
  readonly logLevel?: 'SILENT' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';
  readonly onPage?: (progress: FilePageProgress) => void;
  readonly onAlert?: (message: InboxMessage) => void;
  readonly onFailure?: (failure: { readonly messageIds: readonly string[]; readonly error?: unknown }) => void;
}

export interface LocalPipeline {
  readonly poller: SqsPoller;
  /** One scheduled run of the file collector. */
  collect(): Promise<FileCollectResult>;
  /** Waits until the posts queue is empty and every alert that was published has been read. */
  settle(): Promise<void>;
  readonly alerts: readonly InboxMessage[];
  stop(): Promise<void>;
}

/** Sets the functions' environment as the CDK app does on AWS, pointing at the emulators. */
export function applyFunctionEnv(opts: Pick<PipelineOptions, 'stack' | 'configPath' | 'postsPath' | 'logLevel'>): void {
  Object.assign(process.env, opts.stack.env, {
    PANTAU_CONFIG: resolve(opts.configPath),
    POSTS_FILE: resolve(opts.postsPath),
    POWERTOOLS_LOG_LEVEL: opts.logLevel ?? 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
}

export async function startPipeline(opts: PipelineOptions): Promise<LocalPipeline> {
  applyFunctionEnv(opts);
  const { stack } = opts;
  const classify = classifier.makeHandler(classifier.wireFromEnv());
  const collect = fileCollector.makeHandler({ ...fileCollector.wireFromEnv(), onPage: opts.onPage });

  const poller = new SqsPoller({
    sqs: stack.clients.sqs,
    queueUrl: stack.resources.postsQueueUrl,
    region: stack.region,
    handler: classify,
    functionName: 'pantau-classifier',
    batchSize: CLASSIFIER.batchSize,
    maxConcurrency: CLASSIFIER.maxConcurrency,
    timeoutSeconds: CLASSIFIER.timeoutSeconds,
    onFailure: opts.onFailure,
  });
  await poller.start();

  const alerts: InboxMessage[] = [];
  let reading = true;
  const drainInbox = async (wait: number): Promise<number> => {
    const got = await receiveAlerts(stack.clients.sqs, stack.resources.inboxQueueUrl, wait);
    for (const message of got) {
      alerts.push(message);
      opts.onAlert?.(message);
    }
    return got.length;
  };
  const inbox = (async () => {
    while (reading) {
      try {
        await drainInbox(1);
      } catch {
        if (reading) await new Promise((r) => setTimeout(r, 200));
      }
    }
  })();

  const collectorTimeoutMs = 15 * 60_000;
  return {
    poller,
    alerts,
    collect: () => {
      const deadline = Date.now() + collectorTimeoutMs;
      return collect({ source: 'local-scheduler' }, { getRemainingTimeInMillis: () => deadline - Date.now() });
    },
    async settle() {
      await poller.drained();
      // SNS delivery to the inbox queue is immediate on the emulator; read until it stays empty.
      while ((await drainInbox(0)) > 0);
    },
    async stop() {
      reading = false;
      await poller.stop();
      await inbox;
    },
  };
}
