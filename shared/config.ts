/**
 * Pantau's configuration: one JSON file (default `pantau.config.json`) read by the local stack,
 * by the functions and by CDK. Validated once, failing fast with the name of the bad field.
 * Secrets never live here.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { ALERT_KINDS } from './alerts/alert';
import { describeIssues } from './post';
import { parseSchedule } from './schedule';

const name = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,47}$/, 'must be lower-case letters, digits, - or _');

export const WatchTopicSchema = z.strictObject({
  name,
  /** How alerts name the topic to people. */
  label: z.string().min(1),
  /**
   * Words or phrases (any case, Indonesian and English); a post matches if at least one occurs as
   * whole words. A word is a root: its Indonesian affixed forms match too (`banjir` matches
   * `kebanjiran`, `dibanjiri`, `banjirnya`), and so do hashtags (`#BanjirJakarta`).
   */
  keywords: z.array(z.string().min(2)).min(1),
  /** Every one of these must also occur (e.g. `pohon` with `all: ["tumbang"]`); none when absent. */
  all: z.array(z.string().min(2)).default([]),
  /** A post that contains one of these never matches the topic. */
  exclude: z.array(z.string().min(2)).default([]),
  /**
   * The search phrase for sources that take one short query per topic (the fact-check search);
   * the first keyword when absent.
   */
  query: z.string().min(2).optional(),
});

/** An EventBridge schedule expression (`rate(...)` or `cron(...)` in UTC), checked here so a bad one names its field. */
const schedule = z.string().superRefine((value, ctx) => {
  try {
    parseSchedule(value);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
});

export const FileSourceSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** Posts file (JSON lines, contract v1). Locally a path; deployed, a file bundled with the function. */
  path: z.string().min(1),
  schedule: schedule.default('rate(15 minutes)'),
  /** Lines read and sent per page; the checkpoint advances after each page. */
  pageSize: z.number().int().min(1).max(10_000).default(500),
});

/** How many posts or reads a collector may take; both limits apply. */
export const XBudgetSchema = z.strictObject({
  /** Posts read in one run, over every query. */
  perRun: z.number().int().min(10).default(1_000),
  /** Posts read in one day (the configured timezone's calendar day), over every run. */
  perDay: z.number().int().min(10).default(10_000),
});

export const XSourceSchema = z.strictObject({
  enabled: z.boolean().default(false),
  schedule: schedule.default('rate(10 minutes)'),
  /** X language codes searched (`lang:` operator); posts in any of them. */
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'must be an X language code such as id or en')).default(['id', 'en']),
  /**
   * `exclude` (default) leaves reposts out of the search: they repeat an original's text, X bills
   * each one read, and the original's `reposts` count already carries the spread. `include`
   * collects them as posts with `repostOf` naming the original.
   */
  retweets: z.enum(['exclude', 'include']).default('exclude'),
  /** X's query length limit for the account's access level (512 for pay-per-use and Basic). */
  maxQueryLength: z.number().int().min(64).max(4096).default(512),
  /** Posts asked for per request (X allows 10 to 100). */
  pageSize: z.number().int().min(10).max(100).default(100),
  /** Pages read per query in one run; what is left is read by the next run. */
  maxPages: z.number().int().min(1).max(100).default(5),
  /** A query's first run looks back this far (X's recent search reaches seven days). */
  backfillMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  budget: XBudgetSchema.default(XBudgetSchema.parse({})),
});

export const FeedSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }),
  /** The outlet's name, used as the author of its items when the feed does not name itself. */
  name: z.string().min(1).optional(),
});

export const NewsSourceSchema = z.strictObject({
  enabled: z.boolean().default(false),
  schedule: schedule.default('rate(15 minutes)'),
  /** RSS 2.0 or Atom feeds (news portals' own feeds). */
  feeds: z.array(FeedSchema).default([]),
  /**
   * Adds a Google News search feed per watch topic, built from its keywords
   * (`hl=id&gl=ID&ceid=ID:id`), covering the last `googleNewsWindow`.
   */
  googleNews: z.boolean().default(true),
  googleNewsWindow: z.enum(['1h', '12h', '1d', '7d']).default('1d'),
  /** Seconds to wait for a feed before giving up on it for this run. */
  timeoutSeconds: z.number().int().min(1).max(120).default(20),
});

export const FactCheckSourceSchema = z.strictObject({
  enabled: z.boolean().default(false),
  schedule: schedule.default('rate(6 hours)'),
  languageCode: z.string().min(2).default('id'),
  /** Only reviews published in this many past days. */
  maxAgeDays: z.number().int().min(1).max(3650).default(30),
  pageSize: z.number().int().min(1).max(100).default(50),
  /** Pages read per query in one run. */
  maxPages: z.number().int().min(1).max(50).default(3),
});

/** An event-time window of 5 minutes to a day. */
const windowOfMinutes = (fallback: number) =>
  z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(fallback);

export const SpikeRuleSchema = z.strictObject({
  /** Counter bucket width (event time). */
  bucketMinutes: z.number().int().min(1).max(60).default(5),
  /** Recent window compared with the baseline. */
  windowMinutes: windowOfMinutes(60),
  /** Hours before the window whose hourly rate is the short-term baseline. */
  baselineHours: z.number().int().min(1).max(48).default(12),
  /** The same window on this many previous days is the long-term baseline. */
  baselineDays: z.number().int().min(0).max(28).default(7),
  /** Fewest negative posts in the window before a spike can fire. */
  minCount: z.number().int().min(1).default(15),
  /** The window must hold at least this many times the expected count. */
  ratio: z.number().min(1).default(3),
  /** Expected count never assumed below this (a quiet night is not a zero baseline). */
  minExpected: z.number().min(0.1).default(3),
  /** After an alert, the same topic stays quiet this long unless severity rises. */
  cooldownMinutes: z.number().int().min(0).default(120),
  /** Within a cooldown, an update is sent only when severity has risen by at least this much. */
  severityStep: z.number().int().min(1).max(9).default(2),
  /**
   * One incident, one thread: when two topics' spikes rise together and at least this share of
   * the smaller one's complaints are about the larger one's topic too, the smaller one joins the
   * larger one's alert instead of opening an episode of its own. 1 keeps every topic apart.
   */
  joinOverlap: z.number().min(0.1).max(1).default(0.6),
});

export const HoaxAlertRuleSchema = z.strictObject({
  /**
   * Distinct accounts spreading one hoax (posts repeating the same debunked claim, or the same
   * coordinated text) within the window before the team is alerted.
   */
  minAuthors: z.number().int().min(2).max(10_000).default(5),
  windowMinutes: windowOfMinutes(60),
  /** Only posts at this hoax level or above count. */
  minLevel: z.enum(['medium', 'high']).default('medium'),
  /** Followers of the spreading accounts, added up, at which severity goes up one step. */
  reachStep: z.number().int().min(1).default(10_000),
  cooldownMinutes: z.number().int().min(0).default(360),
  severityStep: z.number().int().min(1).max(9).default(2),
});

export const ReachAlertRuleSchema = z.strictObject({
  /** A hoax-like post from an account at least this large alerts... */
  minFollowers: z.number().int().min(1).default(100_000),
  /** ...and so does a hoax-like post or a complaint about a watch topic reposted this often. */
  minReposts: z.number().int().min(1).default(1_000),
  /** After an alert about an account's post, its next posts stay quiet this long unless severity rises. */
  cooldownMinutes: z.number().int().min(0).default(360),
  severityStep: z.number().int().min(1).max(9).default(2),
});

export const CoordinatedRuleSchema = z.strictObject({
  /**
   * Distinct accounts posting near-identical text within the window before a post is marked
   * `coordinated` (the post that reaches this count, and every later one in the window).
   */
  minAuthors: z.number().int().min(2).max(10_000).default(5),
  /** How far back (event time) near-identical posts by other accounts are counted. */
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
});

export const HoaxSchema = z.strictObject({
  /** The `coordinated` indicator: the same text pushed by several accounts within minutes. */
  coordinated: CoordinatedRuleSchema.default(CoordinatedRuleSchema.parse({})),
});

/** The kinds of message on the alerts topic: the incidents and the daily digest. */
export const MESSAGE_KINDS: readonly string[] = [...ALERT_KINDS, 'digest'];

/**
 * Which kinds of message a subscriber or a chat receives: at least one, each a kind Pantau sends.
 * A typo would become a filter that matches nothing and silently mute the officer.
 */
const messageKinds = z
  .array(z.string())
  .min(1, 'list at least one alert kind, or leave kinds out for all alerts')
  .superRefine((kinds, ctx) => {
    const unknown = kinds.filter((kind) => !MESSAGE_KINDS.includes(kind));
    if (unknown.length > 0)
      ctx.addIssue({ code: 'custom', message: `unknown alert kind ${unknown.join(', ')} (kinds: ${MESSAGE_KINDS.join(', ')})` });
  });

/** An address SNS can deliver to, by protocol: an email address, a phone number in E.164, an https URL. */
const ENDPOINTS = { email: z.email(), sms: z.e164(), https: z.url({ protocol: /^https$/ }) } as const;

export const SubscriptionSchema = z
  .strictObject({
    protocol: z.enum(['email', 'sms', 'https']),
    endpoint: z.string().min(3),
    /** Only alerts of these kinds (SNS filter policy on the `kind` attribute); all when absent. */
    kinds: messageKinds.optional(),
  })
  .superRefine((subscription, ctx) => {
    const { protocol, endpoint } = subscription;
    if (ENDPOINTS[protocol].safeParse(endpoint).success) return;
    const problem =
      protocol === 'email'
        ? 'is not an email address'
        : protocol === 'sms'
          ? 'is not a phone number in E.164 form, with the country code (e.g. +6281234567890)'
          : 'is not an https:// address';
    ctx.addIssue({ code: 'custom', path: ['endpoint'], message: `"${endpoint}" ${problem}` });
  });

/** Which alerts a chat channel receives. */
const channelFilter = {
  /** Only alerts of these kinds; all when absent. */
  kinds: messageKinds.optional(),
  /** Only alerts at least this severe (1..10). */
  minSeverity: z.number().int().min(1).max(10).default(1),
};

export const NotifySchema = z.strictObject({
  /** Telegram: the bot (token in a secret) posts to this chat, e.g. `-1001234567890` or `@humas_dki_alerts`. */
  telegram: z.strictObject({ chatId: z.string().min(1), ...channelFilter }).optional(),
  /** Slack: an incoming webhook (its URL is a secret). */
  slack: z.strictObject({ ...channelFilter }).optional(),
});

/** Exports of the posts and alerts tables to S3 for analysts (deployed; `pantau export` locally). */
export const AnalyticsSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** When to export; `cron(30 17 * * ? *)` is 00:30 in Jakarta, after the day's posts are in. */
  schedule: schedule.default('cron(30 17 * * ? *)'),
  /**
   * A full export at least this often; the runs in between export only what changed since the
   * previous export (incremental), when that is between 15 minutes and 24 hours ago. 1: always full.
   */
  fullExportEveryDays: z.number().int().min(1).max(30).default(7),
  /** Exports are deleted from the bucket after this many days. */
  keepExportsDays: z.number().int().min(7).default(90),
  /** Athena query results are deleted after this many days. */
  keepQueryResultsDays: z.number().int().min(1).default(30),
});

/** The console: the web page the on-call officer opens from an alert (docs/console.md). */
export const ConsoleSchema = z.strictObject({
  /**
   * The console's address (deployed: the CloudFront address or the team's own domain). When set,
   * every alert message links to its episode's page there. Locally, `pantau run` links to the
   * address it prints unless this is set.
   */
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://pantau.example.go.id' }).optional(),
  /** The colleagues and agencies (dinas) an episode can be assigned to. */
  assignees: z.array(z.string().trim().min(1).max(120)).default([]),
});

/**
 * The AWS Region codes (AWS's list of Regions and their codes, December 2026: the commercial
 * Regions, GovCloud and China). A Region AWS opens later has to be added here before a stack can
 * be deployed there.
 */
const AWS_REGIONS: ReadonlySet<string> = new Set(
  `us-east-1 us-east-2 us-west-1 us-west-2 ca-central-1 ca-west-1 mx-central-1 sa-east-1 af-south-1
  ap-east-1 ap-east-2 ap-northeast-1 ap-northeast-2 ap-northeast-3 ap-south-1 ap-south-2 ap-southeast-1
  ap-southeast-2 ap-southeast-3 ap-southeast-4 ap-southeast-5 ap-southeast-6 ap-southeast-7
  eu-central-1 eu-central-2 eu-north-1 eu-south-1 eu-south-2 eu-west-1 eu-west-2 eu-west-3
  il-central-1 me-central-1 me-south-1 us-gov-east-1 us-gov-west-1 cn-north-1 cn-northwest-1`.split(/\s+/),
);

export const ConfigSchema = z.strictObject({
  /** Deployment prefix for resource names. */
  name: name.default('pantau'),
  /** The AWS Region to deploy to (Jakarta: ap-southeast-3). */
  region: z
    .string()
    .default('ap-southeast-3')
    .refine((region) => AWS_REGIONS.has(region), {
      error: (issue) =>
        `"${String(issue.input)}" is not an AWS Region code (Jakarta is ap-southeast-3; others: us-east-1, ap-southeast-1, …)`,
    }),
  timezone: z.string().default('Asia/Jakarta'),
  topics: z.array(WatchTopicSchema).min(1),
  sources: z
    .strictObject({
      file: FileSourceSchema.optional(),
      x: XSourceSchema.optional(),
      news: NewsSourceSchema.optional(),
      factchecks: FactCheckSourceSchema.optional(),
    })
    .default({}),
  alerts: z
    .strictObject({
      language: z.enum(['id', 'en']).default('id'),
      spike: SpikeRuleSchema.default(SpikeRuleSchema.parse({})),
      hoax: HoaxAlertRuleSchema.default(HoaxAlertRuleSchema.parse({})),
      reach: ReachAlertRuleSchema.default(ReachAlertRuleSchema.parse({})),
      /** How often open episodes are checked for a resolution message. */
      resolveSchedule: schedule.default('rate(15 minutes)'),
      /**
       * At most this many alert messages (new episodes and updates, every kind) per hour of event
       * time; the rest are kept in the alerts table as `capped`. Resolution messages always go.
       */
      maxPerHour: z.number().int().min(1).default(12),
      /**
       * How long a sender has to publish a claimed alert before another delivery or the sweep may
       * send it instead (an SNS outage leaves the alert waiting; the sweep sends it once SNS is back).
       */
      sendLeaseSeconds: z.number().int().min(1).max(900).default(60),
      /** The team's daily summary; `cron(0 0 * * ? *)` is 07:00 in Jakarta. */
      digest: z
        .strictObject({ enabled: z.boolean().default(true), schedule: schedule.default('cron(0 0 * * ? *)') })
        .default({ enabled: true, schedule: 'cron(0 0 * * ? *)' }),
    })
    .default({
      language: 'id',
      spike: SpikeRuleSchema.parse({}),
      hoax: HoaxAlertRuleSchema.parse({}),
      reach: ReachAlertRuleSchema.parse({}),
      resolveSchedule: 'rate(15 minutes)',
      maxPerHour: 12,
      sendLeaseSeconds: 60,
      digest: { enabled: true, schedule: 'cron(0 0 * * ? *)' },
    }),
  hoax: HoaxSchema.default(HoaxSchema.parse({})),
  retention: z
    .strictObject({
      postsDays: z.number().int().min(1).default(400),
      alertsDays: z.number().int().min(1).default(730),
      stateDays: z.number().int().min(1).default(35),
    })
    .default({ postsDays: 400, alertsDays: 730, stateDays: 35 }),
  analytics: AnalyticsSchema.default(AnalyticsSchema.parse({})),
  subscriptions: z.array(SubscriptionSchema).default([]),
  /** Chat channels the notifier forwards alerts to (Telegram, Slack). */
  notify: NotifySchema.default({}),
  console: ConsoleSchema.default({ assignees: [] }),
});

export type Config = z.infer<typeof ConfigSchema>;
export type WatchTopic = z.infer<typeof WatchTopicSchema>;
export type SpikeRule = z.infer<typeof SpikeRuleSchema>;
export type CoordinatedRule = z.infer<typeof CoordinatedRuleSchema>;
export type HoaxAlertRule = z.infer<typeof HoaxAlertRuleSchema>;
export type ReachAlertRule = z.infer<typeof ReachAlertRuleSchema>;
export type XSource = z.infer<typeof XSourceSchema>;
export type NewsSource = z.infer<typeof NewsSourceSchema>;
export type FactCheckSource = z.infer<typeof FactCheckSourceSchema>;
export type NotifyConfig = z.infer<typeof NotifySchema>;
export type AnalyticsConfig = z.infer<typeof AnalyticsSchema>;
export type ConsoleConfig = z.infer<typeof ConsoleSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Validates a decoded config; the error names every bad field at once, e.g.
 * `topics.0.keywords: ...; topics.2.name: "banjir" is listed twice (as topics.0.name)`.
 */
export function parseConfig(value: unknown, origin = 'config'): Config {
  const result = ConfigSchema.safeParse(value);
  const problems = [...(result.success ? [] : [describeIssues(result.error, value, '(top level)')]), ...repeatedTopics(value)];
  if (problems.length > 0 || !result.success) throw new ConfigError(`${origin}: ${problems.join('; ')}`);
  return result.data;
}

/** A topic name used twice, read from the raw value so that it is told with the schema's issues. */
function repeatedTopics(value: unknown): string[] {
  const topics = (value as { topics?: unknown } | null)?.topics;
  if (!Array.isArray(topics)) return [];
  const first = new Map<string, number>();
  const problems: string[] = [];
  topics.forEach((topic: unknown, i) => {
    const name = (topic as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') return;
    const seen = first.get(name);
    if (seen === undefined) first.set(name, i);
    else problems.push(`topics.${i}.name: "${name}" is listed twice (as topics.${seen}.name)`);
  });
  return problems;
}

export function loadConfig(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read config ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(jsonErrorMessage(path, text, err as Error));
  }
  return parseConfig(value, path);
}

/**
 * A JSON syntax error as an editor points at it: `file:line:column`, the parser's reason, and the
 * line itself with a caret under the place (JSON.parse only says the character's position).
 */
export function jsonErrorMessage(path: string, text: string, err: Error): string {
  const reason = err.message.replace(/\s*(in JSON )?at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
  const position = /at position (\d+)/.exec(err.message);
  const at = position ? Number(position[1]) : /end of (JSON|data)/i.test(err.message) ? text.length : undefined;
  if (at === undefined) return `${path} is not valid JSON: ${reason}`;
  const before = text.slice(0, at).split('\n');
  const line = before.length;
  const column = (before.at(-1) ?? '').length + 1;
  const source = text.split('\n')[line - 1] ?? '';
  return `${path}:${line}:${column}: not valid JSON: ${reason}\n  ${source}\n  ${' '.repeat(column - 1)}^`;
}

/** A source a collector needs, checked enabled: `collector` names it in the error (`the X collector`). */
export function enabledSource<K extends 'x' | 'news' | 'factchecks'>(
  config: Config,
  key: K,
  collector: string,
): NonNullable<Config['sources'][K]> {
  const source = config.sources[key];
  if (!source?.enabled) throw new ConfigError(`sources.${key}: ${collector} runs only when sources.${key}.enabled is true`);
  return source;
}
