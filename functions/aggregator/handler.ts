/**
 * Aggregator Lambda: consumes the posts table's stream (new posts only, by the event source
 * mapping's filter) in tumbling windows. Each invocation folds its records into the window's
 * state; the window's final invocation counts them, checks them for coordinated posting and
 * holds them against the alert rules, once (shared/pipeline/aggregate.ts).
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue as StreamAttributeValue, Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { AwsClients } from '../../shared/adapters/clients';
import { DynamoCounters, DynamoPostStore, DynamoWindowTally } from '../../shared/adapters/dynamodb';
import { DynamoSpreadLog } from '../../shared/adapters/spread-log';
import { alertOutbox } from '../../shared/adapters/alert-outbox';
import { makeDocumentClient } from '../../shared/adapters/clients';
import { makeSnsClient } from '../../shared/adapters/sns';
import * as kit from '../../shared/adapters/wiring';
import { requireEnv } from '../../shared/env';
import { LiveTopics } from '../../shared/classify/live-topics';
import { DynamoTopicStore } from '../../shared/adapters/topic-store';
import type { PostItem } from '../../shared/items';
import { closeWindow, type AggregatorDeps } from '../../shared/pipeline/aggregate';
import { foldPosts, windowState, type StreamedPost } from '../../shared/pipeline/window';
import { TABLES } from '../../shared/resources';

/** A DynamoDB stream event with a tumbling window (Lambda adds these fields when the mapping has one). */
export interface WindowedStreamEvent extends DynamoDBStreamEvent {
  readonly window: { readonly start: string; readonly end: string };
  /** What the previous successful invocation of this window on this shard answered (`{}` at first). */
  readonly state: Record<string, unknown>;
  readonly shardId: string;
  readonly eventSourceARN: string;
  /** The window is over: act on the folded state (its own records, if any, are folded first). */
  readonly isFinalInvokeForWindow: boolean;
  /** The window ended before its time (its state reached Lambda's limit). */
  readonly isWindowTerminatedEarly: boolean;
}

/** What a windowed invocation answers: the window's state so far (without it, Lambda counts the invocation failed). */
export interface WindowedStreamResponse {
  readonly state: Record<string, unknown>;
  readonly batchItemFailures?: readonly { readonly itemIdentifier: string }[];
}

export type AggregatorHandler = (event: WindowedStreamEvent, context: Context) => Promise<WindowedStreamResponse>;

export interface AggregatorHandlerDeps extends AggregatorDeps, kit.Observability {
  /** The watch topics in effect, brought up to date before each window is closed (labels of the console's topics). */
  readonly liveTopics?: Pick<LiveTopics, 'refresh' | 'label'>;
}

export function makeHandler(deps: AggregatorHandlerDeps): AggregatorHandler {
  const { logger, metrics } = deps;
  const core: AggregatorDeps = { ...deps, onHeld: kit.reportHeld(deps, 'and the sweep sends it') };

  return async (event, context) => {
    logger.addContext(context);
    return kit.publishingMetrics(metrics, async () => {
      const posts: StreamedPost[] = [];
      for (const record of event.Records) {
        const post = streamedPost(record);
        if (post) posts.push(post);
        else {
          // Stored, but not a post this code can read: it stays in the table, uncounted, and is named here.
          metrics.addMetric('stream_records_unreadable', MetricUnit.Count, 1);
          logger.error('a stream record holds no readable post; it is left uncounted', {
            eventID: record.eventID,
            sequenceNumber: record.dynamodb?.SequenceNumber,
          });
        }
      }
      const state = foldPosts(windowState(event.state), posts);
      metrics.addMetric('posts_folded', MetricUnit.Count, posts.length);
      if (!event.isFinalInvokeForWindow) return { state: { ...state } };

      await refreshTopics(deps);
      const outcome = await closeWindow(event.shardId, state.facts, core);
      metrics.addMetric('window_posts', MetricUnit.Count, outcome.posts);
      metrics.addMetric('posts_counted', MetricUnit.Count, outcome.counted);
      metrics.addMetric('posts_coordinated', MetricUnit.Count, outcome.coordinated);
      for (const alert of outcome.alerts) {
        metrics.addMetric('alerts_sent', MetricUnit.Count, 1);
        // Per kind for the operations dashboard (its own EMF record: the window's other metrics have no kind).
        metrics.singleMetric().addDimension('kind', alert.kind).addMetric('alerts_sent', MetricUnit.Count, 1);
        logger.info('alert sent', { alertId: alert.alertId, severity: alert.severity, revision: alert.revision });
      }
      logger.info('window closed', {
        shardId: event.shardId,
        window: event.window,
        endedEarly: event.isWindowTerminatedEarly,
        ...outcome,
        alerts: outcome.alerts.length,
      });
      return { state: {} };
    });
  };
}

/** A failed reload keeps the topics loaded before: labels are not worth failing a window for. */
async function refreshTopics(deps: AggregatorHandlerDeps): Promise<void> {
  try {
    await deps.liveTopics?.refresh();
  } catch (err) {
    deps.logger.warn('could not reload watch topics; using the ones loaded before', { error: err as Error });
  }
}

/** The post a stream record carries, with its sequence number; undefined when it holds none. */
function streamedPost(record: DynamoDBRecord): StreamedPost | undefined {
  const image = record.dynamodb?.NewImage;
  const seq = record.dynamodb?.SequenceNumber;
  if (!image || !seq) return undefined;
  // Lambda's record types and the SDK's attribute values are the same DynamoDB JSON.
  const item = unmarshall(image as Record<string, StreamAttributeValue> as Parameters<typeof unmarshall>[0]) as PostItem;
  if (typeof item.postKey !== 'string' || typeof item.createdAtEpoch !== 'number' || typeof item.text !== 'string') return undefined;
  return { seq, item: { ...item, topics: item.topics ?? [], placeCities: item.placeCities ?? [], hoaxWeights: item.hoaxWeights ?? [] } };
}

/** The real wiring, from the environment: clients and config once per cold start. */
export function wireFromEnv(clients?: AwsClients): AggregatorHandlerDeps {
  const w = kit.wiring('aggregator', clients ?? { doc: makeDocumentClient(), sns: makeSnsClient() });
  const { config, stateTable } = w;
  const { doc } = w.clients;
  const liveTopics = new LiveTopics(config.topics, new DynamoTopicStore(doc, stateTable));
  return {
    config,
    liveTopics,
    topics: liveTopics,
    posts: new DynamoPostStore(doc, requireEnv(TABLES.posts.envVar)),
    counters: new DynamoCounters(doc, stateTable, { consistent: true }),
    tally: new DynamoWindowTally(doc, stateTable, config.retention.stateDays),
    spread: new DynamoSpreadLog(doc, stateTable),
    ...alertOutbox(w),
    logger: w.logger,
    metrics: w.metrics,
  };
}

export const handler: AggregatorHandler = kit.wiredOnFirstCall(() => makeHandler(wireFromEnv()));
