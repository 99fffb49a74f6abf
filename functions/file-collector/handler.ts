/**
 * File collector Lambda: on its schedule, sends new lines of a posts file to the posts queue.
 * Thin wiring over shared/pipeline/collect-file.ts.
 */
import { resolve } from 'node:path';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { DynamoCheckpoints } from '../../shared/adapters/dynamodb';
import { makeDocumentClient } from '../../shared/adapters/clients';
import { makeSqsClient, postQueues } from '../../shared/adapters/sqs';
import * as kit from '../../shared/adapters/wiring';
import { optionalEnv } from '../../shared/env';
import { ENV } from '../../shared/env-names';
import { collectFile, type FileCollectResult, type FileCollectorDeps, type FilePageProgress } from '../../shared/pipeline/collect-file';

/** Stop reading new pages when less than this is left of the invocation's time. */
const SAFETY_MS = 15_000;

export interface FileCollectorHandlerDeps extends FileCollectorDeps, kit.Observability {
  readonly path: string;
  readonly pageSize: number;
  readonly onPage?: (progress: FilePageProgress) => void;
}

export type FileCollectorHandler = (event: unknown, context: Pick<Context, 'getRemainingTimeInMillis'>) => Promise<FileCollectResult>;

export function makeHandler(deps: FileCollectorHandlerDeps): FileCollectorHandler {
  const { logger, metrics } = deps;
  return (_event, context) =>
    kit.publishingMetrics(metrics, async () => {
      const result = await collectFile(
        {
          path: deps.path,
          checkpointKey: resolve(deps.path),
          pageSize: deps.pageSize,
          shouldStop: () => context.getRemainingTimeInMillis() < SAFETY_MS,
          onPage: deps.onPage,
        },
        deps,
      );
      metrics.addMetric('posts_collected', MetricUnit.Count, result.read);
      metrics.addMetric('posts_sent', MetricUnit.Count, result.sent);
      metrics.addMetric('posts_invalid', MetricUnit.Count, result.invalid.length);
      for (const bad of result.invalid) logger.warn('invalid line sent to the DLQ', { ...bad });
      if (result.restarted) logger.warn('posts file is shorter than its checkpoint: read again from the start', { path: deps.path });
      logger.info('file collected', {
        path: deps.path,
        read: result.read,
        sent: result.sent,
        invalid: result.invalid.length,
        done: result.done,
      });
      return kit.succeeded(metrics, result);
    });
}

export function wireFromEnv(): FileCollectorHandlerDeps {
  const w = kit.wiring('file-collector', { doc: makeDocumentClient(), sqs: makeSqsClient() });
  const file = w.config.sources.file;
  return {
    path: optionalEnv(ENV.postsFile, file?.path ?? ''),
    pageSize: file?.pageSize ?? 500,
    ...postQueues(w),
    checkpoints: new DynamoCheckpoints(w.clients.doc, w.stateTable),
    ...kit.tools(w),
  };
}

export const handler: FileCollectorHandler = kit.wiredOnFirstCall(() => makeHandler(wireFromEnv()));
