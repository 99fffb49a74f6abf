/**
 * News collector Lambda: on its schedule, reads the configured RSS/Atom feeds and the Google News
 * searches of the watch topics, and sends new items to the posts queue. Thin wiring over
 * shared/pipeline/collect-news.ts.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { makeDocumentClient } from '../../shared/adapters/clients';
import { makeSqsClient, postQueues } from '../../shared/adapters/sqs';
import * as kit from '../../shared/adapters/wiring';
import { enabledSource, type Config } from '../../shared/config';
import { collectNews, NEWS_COLLECTOR, newsFeeds, type NewsCollectorDeps, type NewsCollectResult } from '../../shared/pipeline/collect-news';
import type { RunLock } from '../../shared/pipeline/ports';
import { fetchHttp } from '../../shared/adapters/http';

export interface NewsCollectorHandlerDeps extends Omit<NewsCollectorDeps, 'log'>, kit.Observability {
  readonly config: Config;
  readonly lock: RunLock;
}

export type NewsCollectorOutcome = NewsCollectResult | kit.NotRun;
export type NewsCollectorHandler = (event: unknown) => Promise<NewsCollectorOutcome>;

export function makeHandler(deps: NewsCollectorHandlerDeps): NewsCollectorHandler {
  const { logger, metrics, config } = deps;
  const source = enabledSource(config, 'news', 'the news collector');
  const feeds = newsFeeds(config);

  return () =>
    kit.publishingMetrics(metrics, () =>
      kit.runLocked(
        deps,
        NEWS_COLLECTOR,
        'the news collector',
        () =>
          collectNews(feeds, { timeoutMs: source.timeoutSeconds * 1000, timeZone: config.timezone }, { ...deps, log: kit.logTo(logger) }),
        (result) => {
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
          return kit.succeeded(metrics, result);
        },
      ),
    );
}

export function wireFromEnv(): NewsCollectorHandlerDeps {
  const w = kit.wiring('news-collector', { doc: makeDocumentClient(), sqs: makeSqsClient() });
  return {
    config: w.config,
    web: fetchHttp,
    ...kit.collectorState(w),
    ...postQueues(w),
    ...kit.tools(w),
  };
}

export const handler: NewsCollectorHandler = kit.wiredOnFirstCall(() => makeHandler(wireFromEnv()));
