/**
 * Fact-check collector Lambda: on its schedule, searches the Google Fact Check Tools API for each
 * watch topic and adds new debunks to the claims store that hoax matching reads. Thin wiring over
 * shared/pipeline/collect-factchecks.ts.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoClaimStore } from '../../shared/adapters/claims';
import { FACTCHECK_API_KEY, readSecret } from '../../shared/adapters/secrets';
import { makeDocumentClient } from '../../shared/adapters/clients';
import * as kit from '../../shared/adapters/wiring';
import { enabledSource, type Config } from '../../shared/config';
import { optionalEnv } from '../../shared/env';
import { ENV } from '../../shared/env-names';
import {
  collectFactChecks,
  FACTCHECK_BASE_URL,
  FACTCHECK_COLLECTOR,
  factCheckQueries,
  type FactCheckDeps,
  type FactCheckResult,
} from '../../shared/pipeline/collect-factchecks';
import type { RunLock } from '../../shared/pipeline/ports';
import { fetchHttp } from '../../shared/adapters/http';

export interface FactCheckHandlerDeps extends Omit<FactCheckDeps, 'log'>, kit.Observability {
  readonly config: Config;
  readonly baseUrl: string;
  /** The API key, read on first use (once per cold start). */
  readonly apiKey: () => Promise<string>;
  readonly lock: RunLock;
}

export type FactCheckOutcome = FactCheckResult | kit.NotRun;
export type FactCheckHandler = (event: unknown) => Promise<FactCheckOutcome>;

export function makeHandler(deps: FactCheckHandlerDeps): FactCheckHandler {
  const { logger, metrics, config } = deps;
  const source = enabledSource(config, 'factchecks', 'the fact-check collector');
  const queries = factCheckQueries(config.topics);
  const apiKey = kit.memoUntilSuccess(deps.apiKey);

  return () =>
    kit.publishingMetrics(metrics, async () => {
      const key = await apiKey();
      return kit.runLocked(
        deps,
        FACTCHECK_COLLECTOR,
        'the fact-check collector',
        () => collectFactChecks(queries, { ...source, baseUrl: deps.baseUrl, apiKey: key }, { ...deps, log: kit.logTo(logger) }),
        (result) => {
          const failed = result.queries.filter((q) => q.error !== undefined);
          metrics.addMetric('claims_stored', MetricUnit.Count, result.stored.length);
          metrics.addMetric('queries_failed', MetricUnit.Count, failed.length);
          for (const query of failed) logger.error('fact-check query failed; the others went on', { ...query });
          logger.info('fact checks collected', { stored: result.stored.length, skipped: result.skipped, queries: result.queries.length });
          if (failed.length > 0 && failed.length === result.queries.length) {
            throw new Error(`every fact-check query failed (${failed.length}): ${failed.map((q) => q.error).join('; ')}`);
          }
          return kit.succeeded(metrics, result);
        },
      );
    });
}

export function wireFromEnv(): FactCheckHandlerDeps {
  const w = kit.wiring('factcheck-collector', { doc: makeDocumentClient() });
  return {
    config: w.config,
    baseUrl: optionalEnv(ENV.factCheckApiBaseUrl, FACTCHECK_BASE_URL),
    apiKey: () => readSecret(FACTCHECK_API_KEY),
    web: fetchHttp,
    claims: new DynamoClaimStore(w.clients.doc, w.stateTable),
    ...kit.collectorState(w),
    ...kit.tools(w),
  };
}

export const handler: FactCheckHandler = kit.wiredOnFirstCall(() => makeHandler(wireFromEnv()));
