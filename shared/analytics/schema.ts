/**
 * The documented shape of the two exported tables, posts and alerts: every attribute an item can
 * hold, its DynamoDB type and what it means. docs/schema.md is written from this list
 * (`npm run docs:schema`), the Glue tables and the analysts' views are built from it, and a test
 * checks it against the items the pipeline really stores.
 */

/**
 * DynamoDB types as they appear in an export: `S`, `N`, `BOOL`, a list of strings (`L` of `S`),
 * a map (`M`) or a list of maps (`L` of `M`).
 */
export type AttributeType = 'S' | 'N' | 'BOOL' | 'L<S>' | 'M' | 'L<M>';

/** How a view reads an attribute: numbers as integers or decimals, strings as dates or timestamps. */
export type ColumnKind = 'varchar' | 'bigint' | 'double' | 'boolean' | 'date' | 'timestamp' | 'array(varchar)';

export interface AttributeDoc {
  /** The attribute's name in the item (and in the export's `Item`). */
  readonly name: string;
  readonly type: AttributeType;
  /** On every item; otherwise present only when the source or the alert has it. */
  readonly always: boolean;
  readonly meaning: string;
  /** How the analysts' view exposes it; absent: not in the view (nested maps kept for messages). */
  readonly column?: ColumnKind;
}

export interface ExportedTable {
  /** The logical table (shared/resources.ts) and the analysts' view of it. */
  readonly name: 'posts' | 'alerts';
  /** Its partition key, which names an item across exports. */
  readonly key: string;
  readonly summary: string;
  readonly attributes: readonly AttributeDoc[];
}

/** An attribute on every item; `column` absent: not in the analysts' view (a nested map kept for messages). */
const attr = (name: string, type: AttributeType, meaning: string, column?: ColumnKind): AttributeDoc => ({
  name,
  type,
  always: true,
  meaning,
  ...(column ? { column } : {}),
});
const s = (name: string, meaning: string, column: ColumnKind = 'varchar'): AttributeDoc => attr(name, 'S', meaning, column);
const n = (name: string, meaning: string, column: ColumnKind = 'bigint'): AttributeDoc => attr(name, 'N', meaning, column);
const list = (name: string, meaning: string): AttributeDoc => attr(name, 'L<S>', meaning, 'array(varchar)');
const optional = (a: AttributeDoc): AttributeDoc => ({ ...a, always: false });

export const POSTS_TABLE: ExportedTable = {
  name: 'posts',
  key: 'postKey',
  summary: 'One item per classified post, stored once however often it was collected or delivered.',
  attributes: [
    s('postKey', "The post's identity, `<source>#<id>` (partition key)."),
    s('source', 'The collector that brought it: `x`, `news`, `file`, or another configured source.'),
    s('id', "The post's id at its source (unique within the source)."),
    optional(s('url', 'Where the post can be read.')),
    s('text', 'The text as collected (never rewritten).'),
    s('lang', 'The language Pantau detected: `id`, `en` or `und`.'),
    optional(s('sourceLang', 'The language the source reported, when it did.')),
    s('createdAt', 'When it was posted (event time), ISO 8601 UTC.', 'timestamp'),
    n('createdAtEpoch', '`createdAt` as epoch seconds.'),
    s('createdDate', 'The calendar day of `createdAt` in the configured timezone (Asia/Jakarta by default), `YYYY-MM-DD`.', 'date'),
    optional(s('collectedAt', 'When the collector read it, ISO 8601.', 'timestamp')),
    s('storedAt', 'When the classifier stored it, ISO 8601 UTC.', 'timestamp'),
    s('sentimentLabel', '`positive`, `neutral` or `negative`.'),
    n('sentimentScore', 'Sum of the scored words after negation, intensifiers and contrast (negative below 0).', 'double'),
    n('sentimentComparative', '`sentimentScore` per token.', 'double'),
    list('sentimentWords', 'The words that carried the score, `word:score` (`banjir:-2`).'),
    n('hoaxScore', 'Hoax likelihood, 0 to 1.', 'double'),
    s('hoaxLevel', '`none`, `low`, `medium` or `high` (medium and high count as hoax-like).'),
    list('hoaxIndicators', 'Names of the hoax indicators that fired (`known_claim`, `coordinated`, `urgency`, ...).'),
    list('hoaxEvidence', 'What made each indicator fire, `indicator: evidence`.'),
    list(
      'hoaxWeights',
      "Each indicator's weight in `hoaxScore`, `indicator:weight` (`call_to_share:0.35`; counter-signals below 0). `coordinated` is added by the aggregator once several accounts have posted the text.",
    ),
    optional(s('claimId', 'The debunked claim the post repeats (`known_claim`), as stored in the claims list.')),
    optional(s('claimText', "That claim's text, as it was when the post was classified.")),
    optional(s('claimRating', "The fact-checker's rating of it (`salah`, `menyesatkan`, ...).")),
    optional(s('claimSource', 'Where its debunk can be read.')),
    optional(s('topic', 'The first watch topic it matched (the `byTopic` index); absent when it matched none.')),
    list('topics', 'Every watch topic it matched.'),
    list('topicWords', 'Why each topic matched, `topic:word` (`banjir:kebanjiran`).'),
    list('places', 'Jakarta places named in the text (`Kemang`, `Pintu Air Manggarai`).'),
    list('placeKelurahan', 'The kelurahan of those places, where a place is in one.'),
    list('placeKecamatan', 'The kecamatan of those places, where a place is in one.'),
    list('placeCities', 'The kota administrasi of those places (`Jakarta Selatan`).'),
    optional(s('authorId', "The author's id at the source.")),
    optional(s('authorHandle', "The author's handle or, for news, the outlet.")),
    optional(n('authorFollowers', "The author's followers when collected.")),
    optional(n('authorFollowing', 'Accounts the author follows.')),
    optional(s('authorCreatedAt', "When the author's account was made, ISO 8601.", 'timestamp')),
    optional(attr('authorVerified', 'BOOL', 'Whether the source marks the author verified.', 'boolean')),
    optional(n('likes', 'Likes when collected.')),
    optional(n('reposts', 'Reposts when collected.')),
    optional(n('replies', 'Replies when collected.')),
    optional(n('quotes', 'Quotes when collected.')),
    optional(list('links', 'Links in the post.')),
    n('expiresAt', 'When DynamoDB deletes the item (TTL, epoch seconds): stored time plus `retention.postsDays`.'),
  ],
};

export const ALERTS_TABLE: ExportedTable = {
  name: 'alerts',
  key: 'alertId',
  summary:
    'One item per alert episode at its latest message (a spike, hoax or reach incident, or a daily digest); a later revision of the same episode replaces the item.',
  attributes: [
    s('alertId', 'The episode, `<kind>:<topic or account>:<start>` (`spike:banjir:2026-11-26T08:25Z`; partition key).'),
    s('kind', '`spike`, `hoax`, `reach` or `digest`.'),
    s('topic', 'The watch topic (for digests, `semua`: all of them).'),
    s('topicLabel', 'The topic as officers read it (`Banjir`).'),
    n('severity', '1 (low) to 10 (act now).'),
    n('revision', 'Messages sent for the episode so far: 1 for the first, +1 for each escalation and for the resolution.'),
    s('firedAt', 'Event time of the post that raised the latest message, ISO 8601 UTC.', 'timestamp'),
    n('firedAtEpoch', '`firedAt` as epoch seconds.'),
    s('firedDate', 'The calendar day of `firedAt` in the configured timezone, `YYYY-MM-DD`.', 'date'),
    s('windowStart', 'Start of the window the rule looked at.', 'timestamp'),
    s('windowEnd', 'End of that window.', 'timestamp'),
    n('observed', "spike: negative posts in the window; hoax: distinct accounts spreading it; reach: the post's audience."),
    n('expected', 'What the rule compared `observed` with: the baseline, or the threshold.', 'double'),
    n('ratio', '`observed` / `expected`.', 'double'),
    n('windowTotal', 'All posts about the topic in the window.'),
    list('placeNames', "Places named in the window's negative posts, most named first."),
    list('cityNames', 'Their kota administrasi, most named first.'),
    attr('places', 'L<M>', 'The same places with counts, `{name, count}`.'),
    attr('cities', 'L<M>', 'The same cities with counts, `{name, count}`.'),
    list('samplePostKeys', 'The `postKey`s of the sample posts in the message (join with posts).'),
    attr('samples', 'L<M>', 'The sample posts as sent, `{postKey, text, url?, author?, createdAt}`.'),
    list('indicatorNames', 'hoax and reach: the hoax indicators of the post that raised it (empty otherwise).'),
    optional(attr('indicators', 'L<M>', 'The same indicators with their evidence, `{name, evidence[]}`.')),
    optional(s('claimId', 'hoax: the debunked claim being spread, when it is a known one.')),
    optional(s('claimText', "hoax: that claim's text.")),
    optional(s('claimRating', "hoax: the fact-checker's rating (`salah`, `menyesatkan`, ...).")),
    optional(s('claimSource', 'hoax: where the debunk can be read.')),
    optional(n('followers', "hoax: followers of the spreading accounts added up; reach: the author's followers.")),
    optional(n('reposts', 'reach: reposts of the post when collected.')),
    optional(n('complaints', "hoax: the hoax's own negative posts in the window, which raise no complaint spike of their own.")),
    optional(
      list(
        'related',
        "Other watch topics (labels) in the same incident: a hoax's complaints' topics; for a spike, topics whose spikes were largely the same posts and joined it.",
      ),
    ),
    optional(s('resolvedAt', "Set on an episode's last message, when it was calm for a whole cooldown.", 'timestamp')),
    optional(attr('digest', 'M', "digest: the day in figures (per topic and city, and the day's alerts).")),
    optional(s('link', "The episode's page in the console, when `console.url` is configured.")),
    optional(
      attr(
        'revisions',
        'L<M>',
        'Every message of the episode in order, `{revision, severity, firedAt, observed, expected, ratio, windowStart, windowEnd, resolvedAt?}` (items recorded before the console have none).',
      ),
    ),
    optional(
      s(
        'responseState',
        "The officers' response in the console: `acknowledged`, `assigned` or `handled` (absent: nobody has responded yet).",
      ),
    ),
    optional(s('responseAssignee', 'The colleague or agency (dinas) the episode is assigned to.')),
    optional(s('responseBy', 'Who took the last response step (their sign-in e-mail).')),
    optional(s('responseAt', 'When the last response step was taken, ISO 8601 UTC.', 'timestamp')),
    optional(attr('responseEvents', 'L<M>', 'Every response step, `{at, by, action, assignee?, note?}`, in order.')),
    s('status', '`pending` until the message was published, then `sent`, or `capped` when the hourly cap held it back.'),
    optional(s('sentAt', 'When the latest message was published, ISO 8601 UTC.', 'timestamp')),
    n('expiresAt', 'When DynamoDB deletes the item (TTL, epoch seconds): stored time plus `retention.alertsDays`.'),
  ],
};

export const EXPORTED_TABLES: readonly ExportedTable[] = [POSTS_TABLE, ALERTS_TABLE];

/** `createdAtEpoch` → `created_at_epoch`: the views' column names. */
export function columnName(attribute: string): string {
  return attribute.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** One kind of item in the state table, which is not exported: its keys and what it holds. */
export interface StateItemDoc {
  /** The partition key, with `<...>` for its variable part. */
  readonly pk: string;
  readonly sk: string;
  /** Who writes it. */
  readonly writer: string;
  readonly meaning: string;
}

/**
 * The state table's items: operational, expiring (most of them), and read only by the functions,
 * `pantau check` and the tests. Listed so that an engineer reading the live table knows each one.
 */
export const STATE_ITEMS: readonly StateItemDoc[] = [
  {
    pk: 'AGG#<counter>',
    sk: '<bucket>#<shard>',
    writer: 'aggregator',
    meaning:
      "Posts counted in one 5-minute event-time bucket (`total`, `negative`, `positive`, `neutral`, `hoax`, and `driven`: the negative ones spreading a hoax that was alerting, which complaint spikes leave to the hoax's episode) by one writer, the stream shard whose windows wrote it; a bucket's count is the sum over its shards. `<counter>` is `*` (every post), a watch topic, `<topic>&<topic>` (posts about both, names in order: how far two spikes share their posts), or `<topic>@<city>`. `seq`: the sequence number of the last post it counts (a window tried again adds only later posts). Items written before the aggregator have the bare bucket as sort key and no `seq`.",
  },
  {
    pk: 'COUNTED',
    sk: '<shard>',
    writer: 'aggregator',
    meaning: "How far a stream shard's posts are counted: `seq`, the last post's sequence number (40 digits), and `updatedAt`.",
  },
  {
    pk: 'SPREAD#<YYYY-MM-DDTHH>',
    sk: '<shard>#<window>#<part>',
    writer: 'aggregator',
    meaning:
      'Who posted what in one event-time hour, as one window of one shard saw it: `entries`, one line per post (account, followers, event time in ms, and its fingerprint keys and, for a hoax-like post, `claim-<id>`), read back to count the accounts behind a text across windows and shards.',
  },
  {
    pk: 'EPISODES',
    sk: '<kind>#<topic or account>',
    writer: 'aggregator, alert sweeper, digest',
    meaning:
      "An alert episode's claim: its alert id, revision, severity, cooldown end (`until`), whether its latest revision was sent, and the send lease.",
  },
  {
    pk: 'ALERTS_PER_HOUR',
    sk: '<YYYY-MM-DDTHH>',
    writer: 'aggregator, alert sweeper',
    meaning: "Messages sent in an event-time hour (`sent`): the hourly cap's count.",
  },
  {
    pk: 'STATS#duplicates',
    sk: '<source>',
    writer: 'classifier',
    meaning: 'Deliveries of posts already stored, per source (`count`): the books\' "repeat deliveries absorbed".',
  },
  {
    pk: 'CLAIM',
    sk: '<claim id>',
    writer: '`pantau claims import`, fact-check collector',
    meaning: 'A debunked claim the classifier matches posts against.',
  },
  {
    pk: 'TOPIC',
    sk: '<topic name>',
    writer: 'console',
    meaning:
      "A watch topic added or edited in the console (the config file's rules, `disabled`, `updatedAt`, `updatedBy`, `version`); it replaces the config's topic of the same name. Classifiers reload them every few minutes.",
  },
  {
    pk: 'TOPICLOG',
    sk: '<at>#<topic>#<version>',
    writer: 'console',
    meaning: 'One change of a watch topic in the console: who (`by`), when (`at`), `action` and the fields `changed`.',
  },
  { pk: 'CKPT#<collector>', sk: '<file>', writer: 'file collector', meaning: 'How far a posts file has been read.' },
  {
    pk: 'COLLECT#<collector>',
    sk: '<query or feed>',
    writer: 'X, news and fact-check collectors',
    meaning: "A query's or feed's checkpoint (`since_id`, ETag, ids already sent).",
  },
  { pk: 'LOCK#<collector>', sk: '-', writer: 'collectors', meaning: 'One run of a collector at a time.' },
  { pk: 'BUDGET#<collector>', sk: '<day>', writer: 'X collector', meaning: "The day's reads counted against the budget." },
  {
    pk: 'NOTIFIED#<alert id>',
    sk: '<revision>#<channel>',
    writer: 'notifier',
    meaning: 'A message sent to a chat, so each revision goes out once per chat.',
  },
  {
    pk: 'EXPORTS',
    sk: 'EXPORT#<export ARN>, LATEST#<table>',
    writer: 'exporter',
    meaning: "Each table export started, and the latest one per table, for the analysts' partitions.",
  },
];
