/**
 * File collector Lambda: on its schedule, sends new lines of a posts file to the posts queue.
 * Thin wiring over shared/pipeline/collect-file.ts.
 */
import { resolve } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { makeClients } from '../../shared/adapters/clients';
import { DynamoCheckpoints } from '../../shared/adapters/dynamodb';
import { SqsDeadLetters, SqsPostQueue } from '../../shared/adapters/sqs';
import { loadConfig } from '../../shared/config';
import { optionalEnv, requireEnv } from '../../shared/env';
import { collectFile, type FileCollectResult, type FileCollectorDeps, type FilePageProgress } from '../../shared/pipeline/collect-file';
import { QUEUES, TABLES } from '../../shared/resources';

/** Stop reading new pages when less than this is left of the invocation's time. */
const SAFETY_MS = 15_000;

export interface FileCollectorHandlerDeps extends FileCollectorDeps {
  readonly path: string;
  readonly pageSize: number;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly onPage?: (progress: FilePageProgress) => void;
}

export type FileCollectorHandler = (event: unknown, context: Pick<Context, 'getRemainingTimeInMillis'>) => Promise<FileCollectResult>;

export function makeHandler(deps: FileCollectorHandlerDeps): FileCollectorHandler {
  const { logger, metrics } = deps;
  return async (_event, context) => {
    try {
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
      // Only a run that did its work counts: the ops alarm fires when a collector has not succeeded for two schedules.
      metrics.addMetric('runs_succeeded', MetricUnit.Count, 1);
      return result;
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}

export function wireFromEnv(): FileCollectorHandlerDeps {
  const config = loadConfig(optionalEnv('PANTAU_CONFIG', 'pantau.config.json'));
  const file = config.sources.file;
  const { doc, sqs } = makeClients();
  return {
    path: optionalEnv('POSTS_FILE', file?.path ?? ''),
    pageSize: file?.pageSize ?? 500,
    queue: new SqsPostQueue(sqs, requireEnv(QUEUES.posts.envVar)),
    deadLetters: new SqsDeadLetters(sqs, requireEnv(QUEUES.posts.deadLetter.envVar)),
    checkpoints: new DynamoCheckpoints(doc, requireEnv(TABLES.state.envVar)),
    now: Date.now,
    logger: new Logger({ serviceName: 'file-collector' }),
    metrics: new Metrics({ namespace: 'Pantau', serviceName: 'file-collector' }),
  };
}

let wired: FileCollectorHandler | undefined;

export const handler: FileCollectorHandler = (event, context) => {
  wired ??= makeHandler(wireFromEnv());
  return wired(event, context);
};
