/**
 * Alert sweeper Lambda: on its schedule (`alerts.resolveSchedule`), sends the resolution message
 * of each alert episode that nothing has raised for a whole cooldown. Thin wiring over
 * shared/pipeline/resolve-episodes.ts.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { alertOutbox } from '../../shared/adapters/alert-outbox';
import { makeDocumentClient } from '../../shared/adapters/clients';
import { makeSnsClient } from '../../shared/adapters/sns';
import * as kit from '../../shared/adapters/wiring';
import type { Alert } from '../../shared/alerts/alert';
import { resolveEpisodes, type ResolveDeps } from '../../shared/pipeline/resolve-episodes';

export interface SweeperDeps extends ResolveDeps, kit.Observability {
  readonly now: () => number;
}

export type SweeperHandler = (event: unknown) => Promise<{ readonly resolved: readonly string[] }>;

export function makeHandler(deps: SweeperDeps): SweeperHandler {
  const { logger, metrics } = deps;
  const core: ResolveDeps = { ...deps, onHeld: kit.reportHeld(deps, 'for the next sweep') };
  return () =>
    kit.publishingMetrics(metrics, async () => {
      const sent: Alert[] = await resolveEpisodes(deps.now(), core);
      metrics.addMetric('alerts_resolved', MetricUnit.Count, sent.filter((a) => a.resolvedAt).length);
      metrics.addMetric('alerts_from_outbox', MetricUnit.Count, sent.filter((a) => !a.resolvedAt).length);
      for (const alert of sent) {
        const what = alert.resolvedAt ? 'alert episode resolved' : 'alert sent from the outbox';
        logger.info(what, { alertId: alert.alertId, kind: alert.kind, revision: alert.revision });
      }
      return { resolved: sent.map((a) => a.alertId) };
    });
}

export function wireFromEnv(): SweeperDeps {
  const w = kit.wiring('alert-sweeper', { doc: makeDocumentClient(), sns: makeSnsClient() });
  return { ...alertOutbox(w), ...kit.tools(w) };
}

export const handler: SweeperHandler = kit.wiredOnFirstCall(() => makeHandler(wireFromEnv()));
