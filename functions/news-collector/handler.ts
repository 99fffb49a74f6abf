/**
 * News collector Lambda: on its schedule, reads the configured RSS/Atom feeds and the Google News
 * searches of the watch topics, and sends new items to the posts queue. Thin wiring over
 * shared/pipeline/collect-news.ts.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import { makeClients } from '../../shared/adapters/clients';
import { DynamoCollectorState, DynamoRunLock } from '../../shared/adapters/collector-state';
import { SqsDeadLetters, SqsPostQueue } from '../../shared/adapters/sqs';
import { ConfigError, loadConfig, type Config, type NewsSource } from '../../shared/config';
import { optionalEnv, requireEnv } from '../../shared/env';
import { collectNews, NEWS_COLLECTOR, newsFeeds, type NewsCollectorDeps, type NewsCollectResult } from '../../shared/pipeline/collect-news';
import type { RunLock } from '../../shared/pipeline/ports';
import { underLock } from '../../shared/pipeline/run-lock';
import { COLLECTOR, QUEUES, TABLES } from '../../shared/resources';

export interface NewsCollectorHandlerDeps extends Omit<NewsCollectorDeps, 'log'> {
  readonly config: Config;
  readonly lock: RunLock;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

export type NewsCollectorOutcome = NewsCollectResult | { readonly notRun: string };
export type NewsCollectorHandler = (event: unknown) => Promise<NewsCollectorOutcome>;

function newsSource(config: Config): NewsSource {
  const source = config.sources.news;
  if (!source?.enabled) throw new ConfigError('sources.news: the news collector runs only when sources.news.enabled is true');
  return source;
}

export function makeHandler(deps: NewsCollectorHandlerDeps): NewsCollectorHandler {
  const { logger, metrics, config } = deps;
  const source = newsSource(config);
  const feeds = newsFeeds(config);

  return async () => {
    try {
      const run = await underLock(deps.lock, NEWS_COLLECTOR, COLLECTOR.lockSeconds * 1000, () =>
        collectNews(
          feeds,
          { timeoutMs: source.timeoutSeconds * 1000, timeZone: config.timezone },
          { ...deps, log: (level, message, fields) => logger[level](message, fields ?? {}) },
        ),
      );
      if (!run.ran) {
        metrics.addMetric('runs_skipped', MetricUnit.Count, 1);
        logger.warn('another run of the news collector is still going; this one does nothing');
        return { notRun: 'another run holds the lock' };
      }
      const result = run.result;
      const failed = result.feeds.filter((f) => f.status === 'failed');
      metrics.addMetric('posts_sent', MetricUnit.Count, result.sent);
      metrics.addMetric('posts_rejected', MetricUnit.Count, result.rejected.length);
      metrics.addMetric('feeds_failed', MetricUnit.Count, failed.length);
      metrics.addMetric('feeds_unchanged', MetricUnit.Count, result.feeds.filter((f) => f.status === 'unchanged').length);
      for (const feed of failed) logger.error('feed failed; the other feeds went on', { ...feed });
      for (const bad of result.rejected) logger.warn('post sent to the DLQ', { ...bad });
      logger.info('news collected', { feeds: result.feeds.length, failed: failed.length, sent: result.sent });
      // One broken feed is a warning; every feed failing means the collector is not working.
      if (failed.length > 0 && failed.length === result.feeds.length) {
        throw new Error(`every feed failed (${failed.length}): ${failed.map((f) => f.error).join('; ')}`);
      }
      // Only a run that did its work counts: the ops alarm fires when a collector has not succeeded for two schedules.
      metrics.addMetric('runs_succeeded', MetricUnit.Count, 1);
      return result;
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}

export function wireFromEnv(): NewsCollectorHandlerDeps {
  const config = loadConfig(optionalEnv('PANTAU_CONFIG', 'pantau.config.json'));
  const { doc, sqs } = makeClients();
  const stateTable = requireEnv(TABLES.state.envVar);
  return {
    config,
    state: new DynamoCollectorState(doc, stateTable, config.retention.stateDays),
    lock: new DynamoRunLock(doc, stateTable),
    queue: new SqsPostQueue(sqs, requireEnv(QUEUES.posts.envVar)),
    deadLetters: new SqsDeadLetters(sqs, requireEnv(QUEUES.posts.deadLetter.envVar)),
    now: Date.now,
    logger: new Logger({ serviceName: 'news-collector' }),
    metrics: new Metrics({ namespace: 'Pantau', serviceName: 'news-collector' }),
  };
}

let wired: NewsCollectorHandler | undefined;

export const handler: NewsCollectorHandler = (event) => {
  wired ??= makeHandler(wireFromEnv());
  return wired(event);
};
