/**
 * `pantau collect <x|news|factchecks>`: one collection run on this machine, printing what the
 * source has that is new as JSON lines on stdout (posts in contract v1; claims in the
 * `pantau claims import` format), with a report on stderr. The checkpoint (since_id, ETag and
 * Last-Modified, ids already printed) is kept in `<data>/collect/<collector>.json`, so the next
 * run prints only what is new. `--dry-run` neither reads nor moves it: it shows what the source
 * has now and changes nothing — except X's daily read budget, since X bills the reads all the same.
 */
import { join } from 'node:path';
import { MemoryCollectorState } from '../../shared/adapters/memory-state';
import { FACTCHECK_API_KEY, readSecret, X_BEARER_TOKEN } from '../../shared/adapters/secrets';
import { TwitterSearch, X_API_BASE } from '../../shared/adapters/x-api';
import type { ClaimRecord } from '../../shared/claims/types';
import { FactCheckSourceSchema, FeedSchema, NewsSourceSchema, XSourceSchema, type Config } from '../../shared/config';
import { ENV } from '../../shared/env-names';
import { collectFactChecks, FACTCHECK_BASE_URL, factCheckQueries } from '../../shared/pipeline/collect-factchecks';
import { collectNews, newsFeeds } from '../../shared/pipeline/collect-news';
import { collectX } from '../../shared/pipeline/collect-x';
import type { CollectorState, DeadLetters, PostQueue } from '../../shared/pipeline/ports';
import { buildXQueries } from '../../shared/sources/x';
import { fetchHttp } from '../../shared/adapters/http';
import { FileCollectorState } from '../../infra/local/file-state';
import { CONFIG_OPTION, DATA_OPTION, configOf, dataDirOf, UsageError, type Command } from '../args';
import { plainMessage } from '../text';

export const COLLECTORS = ['x', 'news', 'factchecks'] as const;
export type CollectorName = (typeof COLLECTORS)[number];

export const collect: Command = {
  name: 'collect',
  usage: `  pantau collect <x|news|factchecks> [--config FILE] [--feed URL]... [--dry-run] [--data DIR]
      Runs one collection from a real source and prints what is new as JSON lines on stdout
      (posts, or claims in the claims import format); a report goes to stderr. The checkpoint
      is kept in DATA/collect/, so the next run prints only what is new. --dry-run neither
      reads nor moves it. --feed adds a feed address (news; repeatable). Secrets come from
      X_BEARER_TOKEN and FACTCHECK_API_KEY. Exits 1 when a feed, query or item failed.
`,
  options: {
    config: CONFIG_OPTION,
    data: DATA_OPTION,
    feed: { type: 'string', multiple: true, value: 'URL', help: 'news: read this RSS/Atom feed too (http or https; repeatable)' },
    'dry-run': { type: 'boolean', help: 'show what the source has now, changing no checkpoint' },
  },
  positionals: true,
  run(values, positionals) {
    const [collector, ...extra] = positionals;
    if (!COLLECTORS.includes(collector as CollectorName) || extra.length > 0) {
      throw new UsageError(
        `collect: expected one of ${COLLECTORS.join(', ')}${collector ? `, got "${positionals.join(' ')}"` : ''} (see pantau collect --help)`,
      );
    }
    const feeds = (values.feed as string[] | undefined) ?? [];
    if (feeds.length > 0 && collector !== 'news') throw new UsageError('collect: --feed is for the news collector');
    for (const feed of feeds) {
      // The same check as a feed listed in the config.
      if (!FeedSchema.shape.url.safeParse(feed).success) throw new UsageError(`collect: --feed ${feed} is not an http(s) address`);
    }
    return collectCommand({
      collector: collector as CollectorName,
      config: configOf(values),
      dataDir: dataDirOf(values),
      dryRun: values['dry-run'] === true,
      feeds,
    });
  },
};

/** Warnings the report at the end lists anyway (one line per feed or query): not printed as they happen. */
const REPORTED_AT_THE_END = new Set(['feed failed', 'fact-check query failed; the other queries go on']);

export interface CollectCommandOptions {
  readonly collector: CollectorName;
  readonly config: Config;
  readonly dataDir: string;
  readonly dryRun: boolean;
  /** Feed addresses added to the configured ones (news only). */
  readonly feeds: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly out?: NodeJS.WritableStream;
  readonly err?: NodeJS.WritableStream;
}

/** Where `pantau collect` keeps a collector's checkpoint. */
export function collectStateFile(dataDir: string, collector: CollectorName): string {
  return join(dataDir, 'collect', `${collector}.json`);
}

/** Runs one collection; 0 when everything was read, 1 when a feed, query or post failed. */
export async function collectCommand(opts: CollectCommandOptions): Promise<number> {
  const out = opts.out ?? process.stdout;
  const err = opts.err ?? process.stderr;
  const env = opts.env ?? process.env;
  const file = collectStateFile(opts.dataDir, opts.collector);
  const saved = FileCollectorState.open(file);
  const state: CollectorState = opts.dryRun ? new MemoryCollectorState() : saved;
  const log = (level: string, message: string, fields?: Record<string, unknown>): void => {
    if (level === 'info' || REPORTED_AT_THE_END.has(message)) return;
    const shown = fields && typeof fields.error === 'string' ? { ...fields, error: plainMessage(fields.error) } : fields;
    err.write(`  ${level}: ${message}${shown ? ` ${JSON.stringify(shown)}` : ''}\n`);
  };
  let rejected = 0;
  const queue: PostQueue = {
    async sendAll(posts) {
      for (const post of posts) out.write(`${post.body}\n`);
      return [];
    },
  };
  const deadLetters: DeadLetters = {
    async send(letter) {
      rejected += 1;
      err.write(`  rejected${letter.postId ? ` ${letter.postId}` : ''}: ${letter.reason}\n`);
    },
  };
  const enabled = opts.config.sources[opts.collector]?.enabled === true;
  if (!enabled) err.write(`Pantau: sources.${opts.collector} is not enabled in the config; collecting once all the same.\n`);
  err.write(opts.dryRun ? 'Pantau: dry run: the checkpoint is neither read nor moved.\n' : `Pantau: checkpoint in ${file}\n`);

  switch (opts.collector) {
    case 'x': {
      const source = opts.config.sources.x ?? XSourceSchema.parse({});
      const queries = buildXQueries(opts.config.topics, source);
      const x = new TwitterSearch(await readSecret(X_BEARER_TOKEN, env), { baseUrl: env[ENV.xApiBaseUrl]?.trim() || X_API_BASE });
      const result = await collectX(queries, source, {
        x,
        state,
        budget: saved,
        queue,
        deadLetters,
        now: Date.now,
        timeZone: opts.config.timezone,
        log,
      });
      for (const q of result.queries) {
        err.write(
          `  ${q.key} (${q.topics.join(', ')}): ${q.reads} read, ${q.sent} printed${q.more ? ', more waiting' : ''}${q.error ? `, ${plainMessage(q.error)}` : ''}\n`,
        );
      }
      err.write(
        `Pantau: X: ${result.reads} posts read, ${result.sent} printed, ${result.repostsSkipped} reposts left out; stopped: ${result.stopped}; ` +
          `${result.spentToday} of today's ${source.budget.perDay} reads spent\n`,
      );
      return result.rejected.length > 0 || result.queries.some((q) => q.error) ? 1 : 0;
    }
    case 'news': {
      const source = opts.config.sources.news ?? NewsSourceSchema.parse({});
      const feeds = newsFeeds(opts.config, opts.feeds);
      err.write(`Pantau: reading ${feeds.length} feed(s)\n`);
      const result = await collectNews(
        feeds,
        { timeoutMs: source.timeoutSeconds * 1000, timeZone: opts.config.timezone },
        { web: fetchHttp, state, queue, deadLetters, now: Date.now, log },
      );
      for (const f of result.feeds) {
        const what =
          f.status === 'failed' ? `failed: ${plainMessage(f.error ?? 'unknown error')}` : `${f.status}, ${f.items} items, ${f.sent} new`;
        err.write(`  ${f.url}: ${what}\n`);
      }
      err.write(`Pantau: news: ${result.sent} new items printed from ${feeds.length} feed(s)\n`);
      return rejected > 0 || result.feeds.some((f) => f.status === 'failed') ? 1 : 0;
    }
    case 'factchecks': {
      const source = opts.config.sources.factchecks ?? FactCheckSourceSchema.parse({});
      const printed: ClaimRecord[] = [];
      const result = await collectFactChecks(
        factCheckQueries(opts.config.topics),
        {
          baseUrl: env[ENV.factCheckApiBaseUrl]?.trim() || FACTCHECK_BASE_URL,
          apiKey: await readSecret(FACTCHECK_API_KEY, env),
          languageCode: source.languageCode,
          maxAgeDays: source.maxAgeDays,
          pageSize: source.pageSize,
          maxPages: source.maxPages,
        },
        {
          web: fetchHttp,
          claims: {
            async put(claims) {
              for (const claim of claims) out.write(`${JSON.stringify(claim)}\n`);
              printed.push(...claims);
              return claims.length;
            },
            all: async () => printed,
          },
          state,
          now: Date.now,
          log,
        },
      );
      for (const q of result.queries) {
        err.write(
          `  "${q.query}" (${q.topic}): ${q.reviews} reviews, ${q.stored} new${q.error ? `, failed: ${plainMessage(q.error)}` : ''}\n`,
        );
      }
      err.write(
        `Pantau: fact checks: ${result.stored.length} new claims printed (import them with \`pantau claims import FILE\`); skipped ${JSON.stringify(result.skipped)}\n`,
      );
      return result.queries.some((q) => q.error) ? 1 : 0;
    }
  }
}
