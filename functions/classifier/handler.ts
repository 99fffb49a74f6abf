/**
 * Classifier Lambda: consumes the posts queue in batches and reports per-record failures; each
 * post is classified and stored with one conditional put. Thin wiring over
 * shared/pipeline/classify-post.ts (counting and alerts happen in the aggregator).
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { DynamoClaimStore } from '../../shared/adapters/claims';
import type { AwsClients } from '../../shared/adapters/clients';
import { DynamoCounters, DynamoPostStore } from '../../shared/adapters/dynamodb';
import { makeDocumentClient } from '../../shared/adapters/clients';
import { makeSqsClient, postsDeadLetters } from '../../shared/adapters/sqs';
import * as kit from '../../shared/adapters/wiring';
import { LiveClaims } from '../../shared/claims/live';
import { LiveTopics } from '../../shared/classify/live-topics';
import { DynamoTopicStore } from '../../shared/adapters/topic-store';
import { makeClassifier } from '../../shared/classify';
import { requireEnv } from '../../shared/env';
import { DuplicateTally, handlePostMessage, type ClassifierDeps } from '../../shared/pipeline/classify-post';
import type { Counters } from '../../shared/pipeline/ports';
import { TABLES } from '../../shared/resources';

export interface ClassifierHandlerDeps extends ClassifierDeps, kit.Observability {
  /** Where each batch's repeat deliveries of stored posts are counted. */
  readonly counters: Pick<Counters, 'noteDuplicates'>;
  /** Debunked claims to bring up to date before each batch (imports reach running classifiers). */
  readonly claims?: Pick<LiveClaims, 'refresh' | 'size'>;
  /** Watch topics to bring up to date before each batch (the console's additions and edits). */
  readonly topics?: Pick<LiveTopics, 'refresh' | 'all'>;
}

export type ClassifierHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

export function makeHandler(deps: ClassifierHandlerDeps): ClassifierHandler {
  const { logger, metrics } = deps;

  const recordHandler =
    (duplicates: DuplicateTally) =>
    async (record: SQSRecord): Promise<void> => {
      try {
        const result = await handlePostMessage(record.body, deps);
        metrics.addMetric(`posts_${result.outcome}`, MetricUnit.Count, 1);
        if (result.outcome === 'duplicate') duplicates.note(result.source, record.messageId);
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
    if (deps.topics) {
      try {
        await deps.topics.refresh();
      } catch (err) {
        logger.warn('could not reload watch topics; using the ones loaded before', { topics: deps.topics.all.length, error: err as Error });
      }
    }
    // A processor per invocation: it holds the batch's successes and failures, and the local
    // poller runs invocations of one handler side by side (Lambda runs one at a time per instance).
    return kit.publishingMetrics(metrics, async () => {
      const duplicates = new DuplicateTally();
      const response = await processPartialResponse(event, recordHandler(duplicates), new BatchProcessor(EventType.SQS), { context });
      const uncounted = await duplicates.write(deps.counters, (source, error) =>
        logger.error('could not count repeat deliveries; those messages are retried', { source, error: error as Error }),
      );
      return { batchItemFailures: [...response.batchItemFailures, ...uncounted.map((itemIdentifier) => ({ itemIdentifier }))] };
    });
  };
}

/**
 * The real wiring, from the environment: clients, config and classifier, once per cold start.
 * `clients` are made from the environment unless given (the benchmark passes its own, to count
 * the capacity the writes consume).
 */
export function wireFromEnv(clients?: AwsClients): ClassifierHandlerDeps {
  const w = kit.wiring('classifier', clients ?? { doc: makeDocumentClient(), sqs: makeSqsClient() });
  const { doc } = w.clients;
  const claims = new LiveClaims(new DynamoClaimStore(doc, w.stateTable));
  const topics = new LiveTopics(w.config.topics, new DynamoTopicStore(doc, w.stateTable));
  return {
    config: w.config,
    classify: makeClassifier(topics, { claims }),
    claims,
    topics,
    posts: new DynamoPostStore(doc, requireEnv(TABLES.posts.envVar)),
    counters: new DynamoCounters(doc, w.stateTable),
    deadLetters: postsDeadLetters(w),
    ...kit.tools(w),
  };
}

export const handler: ClassifierHandler = kit.wiredOnFirstCall(() => makeHandler(wireFromEnv()));
