/**
 * Classifier Lambda: consumes the posts queue in batches and reports per-record failures; each
 * post is classified and stored with one conditional put. Thin wiring over
 * shared/pipeline/classify-post.ts (counting and alerts happen in the aggregator).
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { DynamoClaimStore } from '../../shared/adapters/claims';
import { makeClients, type AwsClients } from '../../shared/adapters/clients';
import { DynamoCounters, DynamoPostStore } from '../../shared/adapters/dynamodb';
import { SqsDeadLetters } from '../../shared/adapters/sqs';
import { LiveClaims } from '../../shared/claims/live';
import { makeClassifier } from '../../shared/classify';
import { loadConfig } from '../../shared/config';
import { optionalEnv, requireEnv } from '../../shared/env';
import { handlePostMessage, type ClassifierDeps } from '../../shared/pipeline/classify-post';
import { QUEUES, TABLES } from '../../shared/resources';

export interface ClassifierHandlerDeps extends ClassifierDeps {
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Debunked claims to bring up to date before each batch (imports reach running classifiers). */
  readonly claims?: Pick<LiveClaims, 'refresh' | 'size'>;
}

export type ClassifierHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

export function makeHandler(deps: ClassifierHandlerDeps): ClassifierHandler {
  const { logger, metrics } = deps;

  const recordHandler = async (record: SQSRecord): Promise<void> => {
    try {
      const result = await handlePostMessage(record.body, deps);
      metrics.addMetric(`posts_${result.outcome}`, MetricUnit.Count, 1);
      if (result.outcome === 'rejected') {
        logger.warn('post rejected to the DLQ', { messageId: record.messageId, reason: result.reason });
      }
    } catch (err) {
      metrics.addMetric('posts_failed', MetricUnit.Count, 1);
      logger.error('post failed; it stays on the queue for a retry', {
        messageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        error: err as Error,
      });
      throw err;
    }
  };

  return async (event, context) => {
    logger.addContext(context);
    if (deps.claims) {
      try {
        await deps.claims.refresh();
      } catch (err) {
        // Matching goes on with the claims already loaded (at least the seed list).
        logger.warn('could not reload debunked claims; using the ones loaded before', { claims: deps.claims.size, error: err as Error });
      }
    }
    try {
      // A processor per invocation: it holds the batch's successes and failures, and the local
      // poller runs invocations of one handler side by side (Lambda runs one at a time per instance).
      return await processPartialResponse(event, recordHandler, new BatchProcessor(EventType.SQS), { context });
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}

/**
 * The real wiring, from the environment: clients, config and classifier, once per cold start.
 * `clients` are made from the environment unless given (the benchmark passes its own, to count
 * the capacity the writes consume).
 */
export function wireFromEnv(clients: AwsClients = makeClients()): ClassifierHandlerDeps {
  const config = loadConfig(optionalEnv('PANTAU_CONFIG', 'pantau.config.json'));
  const { doc, sqs } = clients;
  const claims = new LiveClaims(new DynamoClaimStore(doc, requireEnv(TABLES.state.envVar)));
  return {
    config,
    classify: makeClassifier(config.topics, { claims }),
    claims,
    posts: new DynamoPostStore(doc, requireEnv(TABLES.posts.envVar)),
    counters: new DynamoCounters(doc, requireEnv(TABLES.state.envVar)),
    deadLetters: new SqsDeadLetters(sqs, requireEnv(QUEUES.posts.deadLetter.envVar)),
    now: Date.now,
    logger: new Logger({ serviceName: 'classifier' }),
    metrics: new Metrics({ namespace: 'Pantau', serviceName: 'classifier' }),
  };
}

let wired: ClassifierHandler | undefined;

export const handler: ClassifierHandler = (event, context) => {
  wired ??= makeHandler(wireFromEnv());
  return wired(event, context);
};
