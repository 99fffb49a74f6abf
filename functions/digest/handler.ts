/**
 * Daily digest Lambda: on `alerts.digest.schedule` (07:00 in Jakarta by default), sends the team
 * the last 24 hours in figures and the day's alerts. Thin wiring over shared/pipeline/daily-digest.ts.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoCounters } from '../../shared/adapters/dynamodb';
import { alertOutbox } from '../../shared/adapters/alert-outbox';
import { makeDocumentClient } from '../../shared/adapters/clients';
import { makeSnsClient } from '../../shared/adapters/sns';
import * as kit from '../../shared/adapters/wiring';
import { DynamoTopicStore } from '../../shared/adapters/topic-store';
import { LiveTopics } from '../../shared/classify/live-topics';
import { sendDailyDigest, type DigestDeps } from '../../shared/pipeline/daily-digest';

export interface DigestHandlerDeps extends DigestDeps, kit.Observability {
  readonly now: () => number;
}

export type DigestHandler = (event: unknown) => Promise<{ readonly sent?: string }>;

export function makeHandler(deps: DigestHandlerDeps): DigestHandler {
  const { logger, metrics } = deps;
  return () =>
    kit.publishingMetrics(metrics, async () => {
      const digest = await sendDailyDigest(deps.now(), deps);
      metrics.addMetric('digests_sent', MetricUnit.Count, digest ? 1 : 0);
      if (digest)
        logger.info('daily digest sent', { alertId: digest.alertId, posts: digest.observed, alerts: digest.digest?.alerts.length });
      else logger.info("today's digest was already sent");
      return { sent: digest?.alertId };
    });
}

export function wireFromEnv(): DigestHandlerDeps {
  const w = kit.wiring('digest', { doc: makeDocumentClient(), sns: makeSnsClient() });
  return {
    config: w.config,
    counters: new DynamoCounters(w.clients.doc, w.stateTable),
    topics: new LiveTopics(w.config.topics, new DynamoTopicStore(w.clients.doc, w.stateTable)),
    ...alertOutbox(w),
    ...kit.tools(w),
  };
}

export const handler: DigestHandler = kit.wiredOnFirstCall(() => makeHandler(wireFromEnv()));
