/**
 * Daily digest Lambda: on `alerts.digest.schedule` (07:00 in Jakarta by default), sends the team
 * the last 24 hours in figures and the day's alerts. Thin wiring over shared/pipeline/daily-digest.ts.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import { makeClients } from '../../shared/adapters/clients';
import { alertLedger, DynamoCounters } from '../../shared/adapters/dynamodb';
import { SnsAlertPublisher } from '../../shared/adapters/sns';
import { loadConfig } from '../../shared/config';
import { optionalEnv, requireEnv } from '../../shared/env';
import { sendDailyDigest, type DigestDeps } from '../../shared/pipeline/daily-digest';
import { TABLES, TOPICS } from '../../shared/resources';

export interface DigestHandlerDeps extends DigestDeps {
  readonly now: () => number;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

export type DigestHandler = (event: unknown) => Promise<{ readonly sent?: string }>;

export function makeHandler(deps: DigestHandlerDeps): DigestHandler {
  const { logger, metrics } = deps;
  return async () => {
    try {
      const digest = await sendDailyDigest(deps.now(), deps);
      metrics.addMetric('digests_sent', MetricUnit.Count, digest ? 1 : 0);
      if (digest)
        logger.info('daily digest sent', { alertId: digest.alertId, posts: digest.observed, alerts: digest.digest?.alerts.length });
      else logger.info("today's digest was already sent");
      return { sent: digest?.alertId };
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}

export function wireFromEnv(): DigestHandlerDeps {
  const config = loadConfig(optionalEnv('PANTAU_CONFIG', 'pantau.config.json'));
  const { doc, sns } = makeClients();
  const stateTable = requireEnv(TABLES.state.envVar);
  return {
    config,
    counters: new DynamoCounters(doc, stateTable),
    ledger: alertLedger(doc, requireEnv(TABLES.alerts.envVar), stateTable, config),
    publisher: new SnsAlertPublisher(sns, requireEnv(TOPICS.alerts.envVar), config.alerts.language),
    now: Date.now,
    logger: new Logger({ serviceName: 'digest' }),
    metrics: new Metrics({ namespace: 'Pantau', serviceName: 'digest' }),
  };
}

let wired: DigestHandler | undefined;

export const handler: DigestHandler = (event) => {
  wired ??= makeHandler(wireFromEnv());
  return wired(event);
};
