/**
 * Fact-check collector Lambda: on its schedule, searches the Google Fact Check Tools API for each
 * watch topic and adds new debunks to the claims store that hoax matching reads. Thin wiring over
 * shared/pipeline/collect-factchecks.ts.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoClaimStore } from '../../shared/adapters/claims';
import { makeClients } from '../../shared/adapters/clients';
import { DynamoCollectorState, DynamoRunLock } from '../../shared/adapters/collector-state';
import { FACTCHECK_API_KEY, readSecret } from '../../shared/adapters/secrets';
import { ConfigError, loadConfig, type Config, type FactCheckSource } from '../../shared/config';
import { optionalEnv, requireEnv } from '../../shared/env';
import {
  collectFactChecks,
  FACTCHECK_BASE_URL,
  FACTCHECK_COLLECTOR,
  factCheckQueries,
  type FactCheckDeps,
  type FactCheckResult,
} from '../../shared/pipeline/collect-factchecks';
import type { RunLock } from '../../shared/pipeline/ports';
import { underLock } from '../../shared/pipeline/run-lock';
import { COLLECTOR, TABLES } from '../../shared/resources';

export interface FactCheckHandlerDeps extends Omit<FactCheckDeps, 'log'> {
  readonly config: Config;
  readonly baseUrl: string;
  /** The API key, read on first use (once per cold start). */
  readonly apiKey: () => Promise<string>;
  readonly lock: RunLock;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

export type FactCheckOutcome = FactCheckResult | { readonly notRun: string };
export type FactCheckHandler = (event: unknown) => Promise<FactCheckOutcome>;

function factCheckSource(config: Config): FactCheckSource {
  const source = config.sources.factchecks;
  if (!source?.enabled)
    throw new ConfigError('sources.factchecks: the fact-check collector runs only when sources.factchecks.enabled is true');
  return source;
}

export function makeHandler(deps: FactCheckHandlerDeps): FactCheckHandler {
  const { logger, metrics, config } = deps;
  const source = factCheckSource(config);
  const queries = factCheckQueries(config.topics);
  let apiKey: Promise<string> | undefined;

  return async () => {
    try {
      const key = await (apiKey ??= deps.apiKey().catch((err: unknown) => {
        apiKey = undefined;
        throw err;
      }));
      const run = await underLock(deps.lock, FACTCHECK_COLLECTOR, COLLECTOR.lockSeconds * 1000, () =>
        collectFactChecks(
          queries,
          { ...source, baseUrl: deps.baseUrl, apiKey: key },
          { ...deps, log: (level, message, fields) => logger[level](message, fields ?? {}) },
        ),
      );
      if (!run.ran) {
        metrics.addMetric('runs_skipped', MetricUnit.Count, 1);
        logger.warn('another run of the fact-check collector is still going; this one does nothing');
        return { notRun: 'another run holds the lock' };
      }
      const result = run.result;
      const failed = result.queries.filter((q) => q.error !== undefined);
      metrics.addMetric('claims_stored', MetricUnit.Count, result.stored.length);
      metrics.addMetric('queries_failed', MetricUnit.Count, failed.length);
      for (const query of failed) logger.error('fact-check query failed; the others went on', { ...query });
      logger.info('fact checks collected', { stored: result.stored.length, skipped: result.skipped, queries: result.queries.length });
      if (failed.length > 0 && failed.length === result.queries.length) {
        throw new Error(`every fact-check query failed (${failed.length}): ${failed.map((q) => q.error).join('; ')}`);
      }
      // Only a run that did its work counts: the ops alarm fires when a collector has not succeeded for two schedules.
      metrics.addMetric('runs_succeeded', MetricUnit.Count, 1);
      return result;
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}

export function wireFromEnv(): FactCheckHandlerDeps {
  const config = loadConfig(optionalEnv('PANTAU_CONFIG', 'pantau.config.json'));
  const { doc } = makeClients();
  const stateTable = requireEnv(TABLES.state.envVar);
  return {
    config,
    baseUrl: optionalEnv('FACTCHECK_API_BASE_URL', FACTCHECK_BASE_URL),
    apiKey: () => readSecret(FACTCHECK_API_KEY),
    claims: new DynamoClaimStore(doc, stateTable),
    state: new DynamoCollectorState(doc, stateTable, config.retention.stateDays),
    lock: new DynamoRunLock(doc, stateTable),
    now: Date.now,
    logger: new Logger({ serviceName: 'factcheck-collector' }),
    metrics: new Metrics({ namespace: 'Pantau', serviceName: 'factcheck-collector' }),
  };
}

let wired: FactCheckHandler | undefined;

export const handler: FactCheckHandler = (event) => {
  wired ??= makeHandler(wireFromEnv());
  return wired(event);
};
