/**
 * X collector Lambda: on its schedule, reads new posts of the watch topics from X's recent search
 * and sends them to the posts queue. Thin wiring over shared/pipeline/collect-x.ts.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { DynamoReadBudget } from '../../shared/adapters/collector-state';
import { readSecret, X_BEARER_TOKEN } from '../../shared/adapters/secrets';
import { makeDocumentClient } from '../../shared/adapters/clients';
import { makeSqsClient, postQueues } from '../../shared/adapters/sqs';
import * as kit from '../../shared/adapters/wiring';
import { TwitterSearch, X_API_BASE } from '../../shared/adapters/x-api';
import { enabledSource, type Config } from '../../shared/config';
import { optionalEnv } from '../../shared/env';
import { ENV } from '../../shared/env-names';
import { collectX, X_COLLECTOR, type XCollectorDeps, type XCollectResult } from '../../shared/pipeline/collect-x';
import type { CollectorState, ReadBudget, RunLock } from '../../shared/pipeline/ports';
import { COLLECTOR } from '../../shared/resources';
import { buildXQueries, type XSearch } from '../../shared/sources/x';

export interface XCollectorHandlerDeps
  extends Omit<XCollectorDeps, 'x' | 'shouldStop' | 'log' | 'timeZone' | 'budget' | 'state'>, kit.Observability {
  readonly config: Config;
  /** The X client, made on first use (the token is read once per cold start). */
  readonly x: () => Promise<XSearch>;
  readonly state: CollectorState;
  readonly budget: ReadBudget;
  readonly lock: RunLock;
}

export type XCollectorOutcome = XCollectResult | kit.NotRun;
export type XCollectorHandler = (event: unknown, context: Pick<Context, 'getRemainingTimeInMillis'>) => Promise<XCollectorOutcome>;

export function makeHandler(deps: XCollectorHandlerDeps): XCollectorHandler {
  const { logger, metrics, config } = deps;
  const source = enabledSource(config, 'x', 'the X collector');
  const queries = buildXQueries(config.topics, source);
  const client = kit.memoUntilSuccess(deps.x);

  return (_event, context) =>
    kit.publishingMetrics(metrics, () =>
      kit.runLocked(
        deps,
        X_COLLECTOR,
        'the X collector',
        async () =>
          collectX(queries, source, {
            ...deps,
            x: await client(),
            timeZone: config.timezone,
            shouldStop: () => context.getRemainingTimeInMillis() < COLLECTOR.safetySeconds * 1000,
            log: kit.logTo(logger),
          }),
        (result) => {
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
          return kit.succeeded(metrics, result);
        },
      ),
    );
}

export function wireFromEnv(): XCollectorHandlerDeps {
  const w = kit.wiring('x-collector', { doc: makeDocumentClient(), sqs: makeSqsClient() });
  const baseUrl = optionalEnv(ENV.xApiBaseUrl, X_API_BASE);
  return {
    config: w.config,
    x: async () => new TwitterSearch(await readSecret(X_BEARER_TOKEN), { baseUrl }),
    ...kit.collectorState(w),
    budget: new DynamoReadBudget(w.clients.doc, w.stateTable, X_COLLECTOR),
    ...postQueues(w),
    ...kit.tools(w),
  };
}

export const handler: XCollectorHandler = kit.wiredOnFirstCall(() => makeHandler(wireFromEnv()));
