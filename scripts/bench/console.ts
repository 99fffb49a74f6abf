/**
 * The console's API on the demo day, as `npm start` serves it: the demo day replayed through the
 * pipeline on the embedded stack (DynamoDB Local on disk in a temporary data folder, as a run
 * keeps it), then the local console server asked over HTTP on loopback, one request at a time:
 * - overview (every watch topic's last 24 hours in buckets, and the open episodes);
 * - each alert episode's page (revisions, timeline, the posts behind it, places, spreaders);
 * after a warm-up of each. Latency percentiles per route, against the baseline of one plain
 * DynamoDB Query of a topic's 24 hours of counters through the same endpoint, in the same process.
 * Also the page's JavaScript, built as the server serves it: its size gzipped.
 *
 *   npx tsx scripts/bench/console.ts [--requests N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { buildPage } from '../../web/build';
import { aggKey } from '../../shared/adapters/dynamodb';
import { loadConfig } from '../../shared/config';
import type { AlertSummary, Overview, Page } from '../../shared/console/contract';
import { startConsoleServer } from '../../infra/local/console-server';
import { startPipeline } from '../../infra/local/pipeline';
import { startLocalStack } from '../../infra/local/stack';
import { percentile, sig } from './stats';
import type { PartResult } from './types';

const ROOT = resolve(__dirname, '..', '..');
const WARM_UP = 10;
const DEFAULT_REQUESTS = 100;
/** The targets: the routes an officer opens from an alert, and the page's weight. */
const ROUTE_P95_MS = 300;
const PAGE_JS_GZIP_KB = 250;

export interface ConsoleBenchOptions {
  readonly requests?: number;
  readonly log?: (line: string) => void;
}

export interface ConsoleDetail {
  readonly posts: number;
  readonly episodes: number;
  readonly requests: number;
  readonly routes: Record<string, { n: number; p50: number; p95: number; p99: number; max: number }>;
  readonly baselineQueryMs: { p50: number; p95: number };
  readonly pageJsBytes: number;
  readonly pageJsGzipBytes: number;
}

async function timeEach(n: number, ask: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i += 1) await ask(i);
  const ms: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    await ask(i);
    ms.push(performance.now() - t);
  }
  return ms;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const summary = (ms: readonly number[]) => ({
  n: ms.length,
  p50: sig(percentile(ms, 50)),
  p95: sig(percentile(ms, 95)),
  p99: sig(percentile(ms, 99)),
  max: sig(percentile(ms, 100)),
});

export async function benchConsole(opts: ConsoleBenchOptions = {}): Promise<PartResult<ConsoleDetail>> {
  const log = opts.log ?? (() => undefined);
  const requests = opts.requests ?? DEFAULT_REQUESTS;
  const configPath = join(ROOT, 'pantau.config.json');
  const config = loadConfig(configPath);
  const work = mkdtempSync(join(tmpdir(), 'pantau-bench-console-'));
  try {
    const page = await buildPage(join(work, 'page'));
    const stack = await startLocalStack({ dataDir: join(work, 'data'), fresh: true, region: config.region, command: 'bench console' });
    try {
      log('console: replaying the demo day ...');
      const pipeline = await startPipeline({ stack, configPath, postsPath: join(ROOT, 'demo', 'jakarta-day.jsonl') });
      let posts = 0;
      try {
        for (;;) {
          const run = await pipeline.collect();
          posts += run.sent;
          if (run.done) break;
        }
        await pipeline.settle();
      } finally {
        await pipeline.stop();
      }
      const server = await startConsoleServer({ doc: stack.clients.doc, tables: stack.resources.tables, config, port: 0 });
      try {
        const api = `${server.url}/api`;
        const overview = await getJson<Overview>(`${api}/overview`);
        const alerts = await getJson<Page<AlertSummary>>(`${api}/alerts?limit=100`);
        if (alerts.items.length === 0) throw new Error('the demo day raised no alert episode to open');
        log(`console: ${alerts.items.length} episodes; ${requests} requests per route after ${WARM_UP} to warm up`);
        const overviewMs = await timeEach(requests, () => getJson(`${api}/overview`));
        const episodeMs = await timeEach(requests, (i) =>
          getJson(`${api}/alerts/${encodeURIComponent((alerts.items[i % alerts.items.length] as AlertSummary).alertId)}`),
        );
        const alertsMs = await timeEach(requests, () => getJson(`${api}/alerts?limit=20`));
        const from = overview.from;
        const baselineMs = await timeEach(requests, () =>
          stack.clients.doc.send(
            new QueryCommand({
              TableName: stack.resources.tables.state,
              KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
              ExpressionAttributeValues: { ':pk': aggKey('banjir'), ':from': from, ':to': overview.asOf },
            }),
          ),
        );
        const routes = { overview: summary(overviewMs), episode: summary(episodeMs), alerts: summary(alertsMs) };
        const base = { p50: sig(percentile(baselineMs, 50)), p95: sig(percentile(baselineMs, 95)) };
        const baseline = { name: 'one DynamoDB Query of a topic’s 24 h of counters, p95', value: base.p95 };
        const row = (route: 'overview' | 'episode' | 'alerts', target: boolean) => ({
          part: 'console',
          figure: `${route} route, p95 over HTTP`,
          value: routes[route].p95,
          unit: 'ms',
          baseline,
          ratio: sig(routes[route].p95 / base.p95),
          ...(target ? { target: { text: `≤ ${ROUTE_P95_MS} ms`, met: routes[route].p95 <= ROUTE_P95_MS } } : {}),
        });
        return {
          rows: [
            row('overview', true),
            row('episode', true),
            row('alerts', false),
            {
              part: 'console',
              figure: 'page JavaScript, gzipped',
              value: sig(page.jsGzipBytes / 1024),
              unit: 'KB',
              target: { text: `≤ ${PAGE_JS_GZIP_KB} KB`, met: page.jsGzipBytes <= PAGE_JS_GZIP_KB * 1024 },
            },
          ],
          detail: {
            posts,
            episodes: alerts.items.length,
            requests,
            routes,
            baselineQueryMs: base,
            pageJsBytes: page.jsBytes,
            pageJsGzipBytes: page.jsGzipBytes,
          },
        };
      } finally {
        await server.close();
      }
    } finally {
      await stack.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const at = process.argv.indexOf('--requests');
  const requests = at > 0 ? Number(process.argv[at + 1]) : undefined;
  benchConsole({ requests, log: (line) => process.stderr.write(`${line}\n`) })
    .then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`))
    .catch((err: unknown) => {
      process.stderr.write(`bench console: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    });
}
