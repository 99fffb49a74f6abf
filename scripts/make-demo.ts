/**
 * Writes the demo scenario `demo/jakarta-day.jsonl`: a simulated Thursday, 26 November 2026, in
 * Jakarta (Asia/Jakarta, UTC+7), as posts in contract v1. Deterministic: a seeded PRNG drives
 * every choice, so each run writes the same bytes.
 *
 * What happens that day (see demo/README.md):
 * - ordinary chatter about the watch topics and off-topic life, quiet at night, peaks at the
 *   commute hours, a realistic mix of positive, neutral and negative, about 12% English;
 * - rain over South Jakarta from about 14:00 WIB, then a burst of flood complaints around
 *   Kemang and Cipete, 15:00–17:30 WIB, that should fire the banjir spike rule;
 * - a chain-message hoax ("pintu air Manggarai jebol…") pushed by many new accounts around
 *   19:40–20:20 WIB, followed by debunks.
 *
 * Every post is checked against PostSchema before anything is written; a scenario self-check
 * replays the spike rule on the intended sentiment and fails if the day does not tell its story.
 *
 * The storylines live in scripts/scenarios/demo/ (one file each: chatter, flood, hoax; the
 * day's setting, accounts, vocabulary, posts and self-check beside them); what the demo shares
 * with the load generator (dice, accounts, text filling, post fields) in scripts/scenarios/.
 *
 * Run: npm run demo:make   (or: npx tsx scripts/make-demo.ts)
 */
import { join } from 'node:path';
import { loadConfig } from '../shared/config';
import { makeDemoDay } from './scenarios/demo/make';
import { checkDay, describeCheck } from './scenarios/demo/self-check';
import { writeJsonLinesFile } from './scenarios/jsonl';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'demo', 'jakarta-day.jsonl');

const { drafts, posts } = makeDemoDay();

// The self-check uses the pipeline's own topic matcher and spike rule, so it judges the day the
// way the classifier will.
const check = checkDay(drafts, posts.length, loadConfig(join(ROOT, 'pantau.config.json')));
for (const line of describeCheck(check)) console.log(line);
if (check.failures.length > 0) {
  console.error(`scenario self-check failed, nothing written:\n- ${check.failures.join('\n- ')}`);
  process.exit(1);
}
writeJsonLinesFile(OUT, posts);
console.log(`wrote ${posts.length} posts to ${OUT}`);
