/**
 * Writes a load file for the embedded stack: N posts (contract v1, one JSON line each) over a few
 * days in Jakarta, deterministic for a given seed and N (seeded mulberry32, scripts/prng.ts).
 *
 * What is in it, and why (it should load the pipeline the way real traffic would):
 * - sources shaped like the collectors write them: `x` (about 80%: short posts, a thin tail of
 *   long ones), `news` (about 13%: headline and summary, a tail of near-full articles up to the
 *   news collector's 4,000 characters; the article address as id, the outlet as author) and
 *   `file` (about 7%: residents' reports exported from a complaint channel);
 * - Indonesian first (informal on X, formal in the news), about 12% English;
 * - the watch topics of the config in a realistic share (about 40% of posts), the rest off
 *   topic; places drawn from the classifier's own gazetteer (shared/classify/places-jakarta.ts);
 * - a daily rhythm (quiet at night, busy at the commute hours) and three episodes: a flood in
 *   the afternoon of day 2, a transport breakdown in the morning of day 3, a chain-message hoax
 *   (a debunked claim of the seed list) pushed by new accounts in the evening of day 3;
 * - lines in collection order, `createdAt` a little earlier (seconds on X, minutes to hours for
 *   news and reports), so event times are in order with some jitter;
 * - about 3% of lines repeat an earlier post exactly (same source and id, same bytes): some
 *   right after it (a resent page), some a few hundred lines later (overlapping polls), some
 *   far back (a re-import).
 *
 * Every new post is checked against PostSchema. A summary goes to stderr.
 *
 *   npx tsx scripts/make-load.ts [--count 100000] [--seed 20261206] [--days 4] [--out FILE]
 *
 * Without --out it writes to stdout, or to /tmp/pantau-load-<count>-<seed>.jsonl when stdout
 * is a terminal. (The demo day, scripts/make-demo.ts, is a scenario with a self-check; this is
 * volume.) The vocabulary, the generator and the writer live in scripts/scenarios/load/; what both
 * scenarios share (dice, accounts, text filling, post fields, JSON lines) in scripts/scenarios/.
 */
import { parseArgs } from 'node:util';
import { wholeNumber } from './options';
import {
  describeLoad,
  DEFAULT_COUNT,
  DEFAULT_DAYS,
  DEFAULT_SEED,
  writeLoad,
  writeLoadFile,
  type LoadOptions,
} from './scenarios/load/write';

// What the load run and the benchmarks take from here.
export { DEFAULT_SEED, describeLoad, loadLines, writeLoadFile } from './scenarios/load/write';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      seed: { type: 'string' },
      days: { type: 'string' },
      out: { type: 'string' },
      config: { type: 'string' },
    },
    strict: true,
  });
  const options: LoadOptions = {
    count: wholeNumber('count', values.count, 1) ?? DEFAULT_COUNT,
    seed: wholeNumber('seed', values.seed, 0) ?? DEFAULT_SEED,
    days: wholeNumber('days', values.days, 1) ?? DEFAULT_DAYS,
    configPath: values.config,
  };
  const path = values.out ?? (process.stdout.isTTY ? `/tmp/pantau-load-${options.count}-${options.seed}.jsonl` : undefined);
  const stats = path ? await writeLoadFile(options, path) : await writeLoad(options, process.stdout);
  process.stderr.write(`make-load: seed ${options.seed}, ${options.days} days${path ? `, wrote ${path}` : ''}\n${describeLoad(stats)}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`make-load: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
