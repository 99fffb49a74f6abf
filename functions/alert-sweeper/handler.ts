/**
 * Alert sweeper Lambda: on its schedule (`alerts.resolveSchedule`), sends the resolution message
 * of each alert episode that nothing has raised for a whole cooldown. Thin wiring over
 * shared/pipeline/resolve-episodes.ts.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import { makeClients } from '../../shared/adapters/clients';
import { alertLedger } from '../../shared/adapters/dynamodb';
import { SnsAlertPublisher } from '../../shared/adapters/sns';
import type { Alert } from '../../shared/alerts/alert';
import { loadConfig } from '../../shared/config';
import { optionalEnv, requireEnv } from '../../shared/env';
import { resolveEpisodes, type ResolveDeps } from '../../shared/pipeline/resolve-episodes';
import { TABLES, TOPICS } from '../../shared/resources';

export interface SweeperDeps extends ResolveDeps {
  readonly now: () => number;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

export type SweeperHandler = (event: unknown) => Promise<{ readonly resolved: readonly string[] }>;

export function makeHandler(deps: SweeperDeps): SweeperHandler {
  const { logger, metrics } = deps;
  const core: ResolveDeps = {
    ...deps,
    onHeld: (alert, error) => {
      metrics.addMetric('alerts_held', MetricUnit.Count, 1);
      logger.error('SNS refused the alert; it stays in the outbox for the next sweep', {
        alertId: alert.alertId,
        revision: alert.revision,
        error: error as Error,
      });
    },
  };
  return async () => {
    try {
      const sent: Alert[] = await resolveEpisodes(deps.now(), core);
      metrics.addMetric('alerts_resolved', MetricUnit.Count, sent.filter((a) => a.resolvedAt).length);
      metrics.addMetric('alerts_from_outbox', MetricUnit.Count, sent.filter((a) => !a.resolvedAt).length);
      for (const alert of sent) {
        const what = alert.resolvedAt ? 'alert episode resolved' : 'alert sent from the outbox';
        logger.info(what, { alertId: alert.alertId, kind: alert.kind, revision: alert.revision });
      }
      return { resolved: sent.map((a) => a.alertId) };
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}

export function wireFromEnv(): SweeperDeps {
  const config = loadConfig(optionalEnv('PANTAU_CONFIG', 'pantau.config.json'));
  const { doc, sns } = makeClients();
  return {
    ledger: alertLedger(doc, requireEnv(TABLES.alerts.envVar), requireEnv(TABLES.state.envVar), config),
    publisher: new SnsAlertPublisher(sns, requireEnv(TOPICS.alerts.envVar), config.alerts.language),
    now: Date.now,
    logger: new Logger({ serviceName: 'alert-sweeper' }),
    metrics: new Metrics({ namespace: 'Pantau', serviceName: 'alert-sweeper' }),
  };
}

let wired: SweeperHandler | undefined;

export const handler: SweeperHandler = (event) => {
  wired ??= makeHandler(wireFromEnv());
  return wired(event);
};
