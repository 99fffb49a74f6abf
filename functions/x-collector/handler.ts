/**
 * X collector Lambda: on its schedule, reads new posts of the watch topics from X's recent search
 * and sends them to the posts queue. Thin wiring over shared/pipeline/collect-x.ts.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { makeClients } from '../../shared/adapters/clients';
import { DynamoCollectorState, DynamoReadBudget, DynamoRunLock } from '../../shared/adapters/collector-state';
import { readSecret, X_BEARER_TOKEN } from '../../shared/adapters/secrets';
import { SqsDeadLetters, SqsPostQueue } from '../../shared/adapters/sqs';
import { TwitterSearch, X_API_BASE } from '../../shared/adapters/x-api';
import { ConfigError, loadConfig, type Config, type XSource } from '../../shared/config';
import { optionalEnv, requireEnv } from '../../shared/env';
import { collectX, X_COLLECTOR, type XCollectorDeps, type XCollectResult } from '../../shared/pipeline/collect-x';
import type { CollectorState, ReadBudget, RunLock } from '../../shared/pipeline/ports';
import { underLock } from '../../shared/pipeline/run-lock';
import { COLLECTOR, QUEUES, TABLES } from '../../shared/resources';
import { buildXQueries, type XSearch } from '../../shared/sources/x';

export interface XCollectorHandlerDeps extends Omit<XCollectorDeps, 'x' | 'shouldStop' | 'log' | 'timeZone' | 'budget' | 'state'> {
  readonly config: Config;
  /** The X client, made on first use (the token is read once per cold start). */
  readonly x: () => Promise<XSearch>;
  readonly state: CollectorState;
  readonly budget: ReadBudget;
  readonly lock: RunLock;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

export type XCollectorOutcome = XCollectResult | { readonly notRun: string };
export type XCollectorHandler = (event: unknown, context: Pick<Context, 'getRemainingTimeInMillis'>) => Promise<XCollectorOutcome>;

function xSource(config: Config): XSource {
  const source = config.sources.x;
  if (!source?.enabled) throw new ConfigError('sources.x: the X collector runs only when sources.x.enabled is true');
  return source;
}

export function makeHandler(deps: XCollectorHandlerDeps): XCollectorHandler {
  const { logger, metrics, config } = deps;
  const source = xSource(config);
  const queries = buildXQueries(config.topics, source);
  let client: Promise<XSearch> | undefined;

  return async (_event, context) => {
    try {
      const run = await underLock(deps.lock, X_COLLECTOR, COLLECTOR.lockSeconds * 1000, async () =>
        collectX(queries, source, {
          ...deps,
          x: await (client ??= deps.x().catch((err: unknown) => {
            // Not kept: the next invocation tries again (e.g. after the secret is filled in).
            client = undefined;
            throw err;
          })),
          timeZone: config.timezone,
          shouldStop: () => context.getRemainingTimeInMillis() < COLLECTOR.safetySeconds * 1000,
          log: (level, message, fields) => logger[level](message, fields ?? {}),
        }),
      );
      if (!run.ran) {
        metrics.addMetric('runs_skipped', MetricUnit.Count, 1);
        logger.warn('another run of the X collector is still going; this one does nothing');
        return { notRun: 'another run holds the lock' };
      }
      const result = run.result;
      metrics.addMetric('x_reads', MetricUnit.Count, result.reads);
      metrics.addMetric('x_reads_today', MetricUnit.Count, result.spentToday);
      metrics.addMetric('posts_sent', MetricUnit.Count, result.sent);
      metrics.addMetric('posts_rejected', MetricUnit.Count, result.rejected.length);
      metrics.addMetric('x_budget_exhausted', MetricUnit.Count, result.stopped.endsWith('budget') ? 1 : 0);
      metrics.addMetric('x_rate_limited', MetricUnit.Count, result.stopped === 'rate-limited' ? 1 : 0);
      for (const bad of result.rejected) logger.warn('post sent to the DLQ', { ...bad });
      logger.info('X collected', {
        reads: result.reads,
        sent: result.sent,
        repostsSkipped: result.repostsSkipped,
        stopped: result.stopped,
        spentToday: result.spentToday,
        budgetPerDay: source.budget.perDay,
        queries: result.queries,
      });
      // Only a run that did its work counts: the ops alarm fires when a collector has not succeeded for two schedules.
      metrics.addMetric('runs_succeeded', MetricUnit.Count, 1);
      return result;
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}

export function wireFromEnv(): XCollectorHandlerDeps {
  const config = loadConfig(optionalEnv('PANTAU_CONFIG', 'pantau.config.json'));
  const { doc, sqs } = makeClients();
  const stateTable = requireEnv(TABLES.state.envVar);
  const baseUrl = optionalEnv('X_API_BASE_URL', X_API_BASE);
  return {
    config,
    x: async () => new TwitterSearch(await readSecret(X_BEARER_TOKEN), { baseUrl }),
    state: new DynamoCollectorState(doc, stateTable, config.retention.stateDays),
    budget: new DynamoReadBudget(doc, stateTable, X_COLLECTOR),
    lock: new DynamoRunLock(doc, stateTable),
    queue: new SqsPostQueue(sqs, requireEnv(QUEUES.posts.envVar)),
    deadLetters: new SqsDeadLetters(sqs, requireEnv(QUEUES.posts.deadLetter.envVar)),
    now: Date.now,
    logger: new Logger({ serviceName: 'x-collector' }),
    metrics: new Metrics({ namespace: 'Pantau', serviceName: 'x-collector' }),
  };
}

let wired: XCollectorHandler | undefined;

export const handler: XCollectorHandler = (event, context) => {
  wired ??= makeHandler(wireFromEnv());
  return wired(event, context);
};
