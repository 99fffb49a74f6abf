/**
 * The cost model of `npm run bench` (part `cost`): what one million posts cost Pantau in AWS
 * charges, line by line, next to what Amazon Comprehend would charge to score the same posts'
 * sentiment.
 *
 *   npx tsx scripts/bench/cost.ts [--units JSON] [--lengths N,N,...] [--prices FILE]
 *
 * Run directly it prints the model on an example (EXAMPLE_UNITS, EXAMPLE_TEXT_LENGTHS: an
 * illustration, not a measurement); --units overrides any of the example's fields (a JSON object
 * of UnitsPerPost fields), --lengths the texts' lengths in characters, --prices the price table.
 *
 * The inputs:
 * - what one post uses of each priced resource (UnitsPerPost, measured by the pipeline part): the
 *   posts table's request units apart from the other tables', because the tables are in different
 *   classes (shared/resources.ts: the posts table, with its index, in Standard-IA, whose requests
 *   cost 25% more and storage 60% less; state and alerts in Standard);
 * - the texts' lengths in characters (Unicode code points, as the caller counts them: Comprehend
 *   meters characters, so `[...text].length`, not UTF-16 units);
 * - the price table, bench/prices.json: one price per line item, each with its unit, its source
 *   page and a note saying where the figure was read, and whether it is an assumption (a figure
 *   derived from another Region or another price rather than read for Jakarta).
 *
 * The model is the marginal cost: free tiers (Lambda's 1M requests and 400,000 GB-seconds, SQS's
 * and SNS's first 1M requests, DynamoDB's first 25 GB) are not subtracted, and the first paid
 * tier's price is used throughout. Storage is what a million posts' items weigh (storedBytes,
 * GB = 2^30 bytes) kept for the posts table's retention (storageMonths): GB-months paid once per
 * post, whenever the months fall. Each DynamoDB line is priced at its table's class and says which.
 * Not in the model: the state table's storage (counters, the spread record and alert state expire
 * within days), DynamoDB Streams reads by the aggregator's event source mapping (free for Lambda
 * triggers), CloudWatch logs and metrics, X-Ray traces, KMS requests, Secrets Manager, data
 * transfer, exports to S3, and SNS deliveries to email, SMS or HTTPS (deliveries to SQS and Lambda
 * are free).
 *
 * Comprehend's DetectSentiment is metered in units of 100 characters with a minimum of 3 units a
 * request: a text costs max(3, ceil(characters / 100)) units. Comprehend is not offered in
 * ap-southeast-3; the table prices it in ap-southeast-1 (Singapore), the nearest Region with it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { TABLES } from '../../shared/resources';
import type { BenchRow, UnitsPerPost } from './types';

/** The price table shipped with the repository. */
export const DEFAULT_PRICES_PATH = resolve(__dirname, '../../bench/prices.json');

/** The model's volume: everything is per one million posts. */
export const POSTS = 1_000_000;

/** The issue's target: Pantau's AWS cost per post at most 1/50 of Comprehend's sentiment price. */
export const MAX_RATIO_TO_COMPREHEND = 1 / 50;

/** Bytes in a GB as AWS bills storage. */
const GIB = 2 ** 30;

/** Comprehend's metering: characters a unit, and the units every request is charged at least. */
const COMPREHEND_CHARS_PER_UNIT = 100;
const COMPREHEND_MIN_UNITS = 3;

const regionCode = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS Region code such as ap-southeast-3');

/** One price: USD per `per` (the unit is fixed per line item, so a table in other units is refused). */
function price<Per extends string>(per: Per) {
  return z.strictObject({
    usd: z.number().positive(),
    per: z.literal(per),
    /** The official AWS pricing page the figure belongs to. */
    source: z.url({ protocol: /^https$/, error: 'must be an https address' }),
    /** Set when the figure is for another Region than the table's. */
    region: regionCode.optional(),
    /** True when the figure was derived (another Region, another price) rather than read for the Region. */
    assumption: z.boolean(),
    /** Where the figure was read, and what an assumption rests on. */
    note: z.string().min(1).optional(),
  });
}

export const PriceTableSchema = z.strictObject({
  region: regionCode,
  currency: z.literal('USD'),
  /** When the figures were read (YYYY-MM-DD). */
  retrieved: z.iso.date(),
  note: z.string().min(1).optional(),
  prices: z.strictObject({
    /** Lambda duration on Arm, first tier. */
    lambdaArmGbSecond: price('GB-second'),
    lambdaRequests: price('1M requests'),
    /** SQS standard queue requests, first paid tier. */
    sqsRequests: price('1M requests'),
    /** DynamoDB on-demand, Standard table class. */
    dynamoWriteUnits: price('1M write request units'),
    dynamoReadUnits: price('1M read request units'),
    dynamoStorage: price('GB-month'),
    /** DynamoDB on-demand, Standard-Infrequent Access table class. */
    dynamoIaWriteUnits: price('1M write request units'),
    dynamoIaReadUnits: price('1M read request units'),
    dynamoIaStorage: price('GB-month'),
    /** SNS standard topic publishes. */
    snsPublishes: price('1M publishes'),
    /** Amazon Comprehend DetectSentiment, first tier. */
    comprehendSentimentUnit: price('unit of 100 characters'),
  }),
});

export type PriceTable = z.infer<typeof PriceTableSchema>;
export type PriceName = keyof PriceTable['prices'];

/**
 * Validates a decoded price table; the error names every bad field
 * (`bench/prices.json: prices.snsPublishes: Invalid input: expected object, received undefined`).
 */
export function parsePrices(value: unknown, origin = 'price table'): PriceTable {
  const result = PriceTableSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`);
  throw new Error(`${origin}: ${problems.join('; ')}`);
}

/** Reads and validates the price table (bench/prices.json unless `path` is given). */
export function loadPrices(path: string = DEFAULT_PRICES_PATH): PriceTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`${path}: cannot read the price table: ${(err as Error).message}`, { cause: err });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`${path}: not JSON: ${(err as Error).message}`, { cause: err });
  }
  return parsePrices(value, path);
}

/** DynamoDB's table classes, as the cost lines name them. */
export type TableClass = 'Standard' | 'Standard-IA';

/** The posts table's class as deployed (shared/resources.ts). */
export const POSTS_TABLE_CLASS: TableClass =
  'tableClass' in TABLES.posts && TABLES.posts.tableClass === 'STANDARD_INFREQUENT_ACCESS' ? 'Standard-IA' : 'Standard';

export interface CostLine {
  readonly item: string;
  /** How much of the unit a million posts use. */
  readonly quantity: number;
  readonly unit: string;
  readonly usd: number;
  /** The DynamoDB table class a DynamoDB line is priced at. */
  readonly tableClass?: TableClass;
}

export interface CostBreakdown {
  readonly lines: readonly CostLine[];
  readonly totalUsd: number;
}

const UNIT_FIELDS = [
  'lambdaGbSeconds',
  'lambdaRequests',
  'sqsRequests',
  'postsTableWriteUnits',
  'postsTableReadUnits',
  'otherTablesWriteUnits',
  'otherTablesReadUnits',
  'storedBytes',
  'storageMonths',
  'snsPublishes',
] as const satisfies readonly (keyof UnitsPerPost)[];

function checkUnits(units: UnitsPerPost): void {
  for (const field of UNIT_FIELDS) {
    const value = units[field];
    if (!Number.isFinite(value) || value < 0) throw new Error(`units per post: ${field} must be a finite number >= 0, got ${value}`);
  }
}

/** The prices of a table class. */
function classPrices(prices: PriceTable, tableClass: TableClass) {
  const p = prices.prices;
  return tableClass === 'Standard-IA'
    ? { write: p.dynamoIaWriteUnits.usd, read: p.dynamoIaReadUnits.usd, storage: p.dynamoIaStorage.usd }
    : { write: p.dynamoWriteUnits.usd, read: p.dynamoReadUnits.usd, storage: p.dynamoStorage.usd };
}

/**
 * What a million posts cost in AWS charges, by line item: Lambda compute and requests, SQS
 * requests, DynamoDB writes, reads (the posts table at `postsTableClass`, by default its class as
 * deployed; the state and alerts tables at Standard) and the posts' storage, SNS publishes. Free
 * tiers are not subtracted.
 */
export function costPerMillionPosts(
  units: UnitsPerPost,
  prices: PriceTable,
  postsTableClass: TableClass = POSTS_TABLE_CLASS,
): CostBreakdown {
  checkUnits(units);
  const p = prices.prices;
  const posts = classPrices(prices, postsTableClass);
  const standard = classPrices(prices, 'Standard');
  const perMillion = (item: string, perPost: number, unit: string, usdPerMillion: number, tableClass?: TableClass): CostLine => ({
    item,
    quantity: perPost * POSTS,
    unit,
    usd: perPost * usdPerMillion,
    ...(tableClass ? { tableClass } : {}),
  });
  const storageGbMonths = ((units.storedBytes * POSTS) / GIB) * units.storageMonths;
  const lines: CostLine[] = [
    {
      item: 'Lambda compute',
      quantity: units.lambdaGbSeconds * POSTS,
      unit: 'GB-seconds',
      usd: units.lambdaGbSeconds * POSTS * p.lambdaArmGbSecond.usd,
    },
    perMillion('Lambda requests', units.lambdaRequests, 'requests', p.lambdaRequests.usd),
    perMillion('SQS requests', units.sqsRequests, 'requests', p.sqsRequests.usd),
    perMillion(
      `DynamoDB writes, posts table (${postsTableClass})`,
      units.postsTableWriteUnits,
      'write request units',
      posts.write,
      postsTableClass,
    ),
    perMillion(
      'DynamoDB writes, state and alerts tables (Standard)',
      units.otherTablesWriteUnits,
      'write request units',
      standard.write,
      'Standard',
    ),
    perMillion(
      `DynamoDB reads, posts table (${postsTableClass})`,
      units.postsTableReadUnits,
      'read request units',
      posts.read,
      postsTableClass,
    ),
    perMillion(
      'DynamoDB reads, state and alerts tables (Standard)',
      units.otherTablesReadUnits,
      'read request units',
      standard.read,
      'Standard',
    ),
    {
      item: `DynamoDB storage, posts table (${postsTableClass})`,
      quantity: storageGbMonths,
      unit: 'GB-months',
      usd: storageGbMonths * posts.storage,
      tableClass: postsTableClass,
    },
    perMillion('SNS publishes', units.snsPublishes, 'publishes', p.snsPublishes.usd),
  ];
  return { lines, totalUsd: lines.reduce((sum, line) => sum + line.usd, 0) };
}

/** Comprehend units one text is charged: max(3, ceil(characters / 100)). */
export function comprehendUnits(characters: number): number {
  if (!Number.isInteger(characters) || characters < 0)
    throw new Error(`text length must be a whole number of characters >= 0, got ${characters}`);
  return Math.max(COMPREHEND_MIN_UNITS, Math.ceil(characters / COMPREHEND_CHARS_PER_UNIT));
}

/**
 * What Comprehend's DetectSentiment would charge for a million posts whose texts are like
 * `textLengths` (characters per text, as the caller measured them): the mean units per text ×
 * the price per unit × 1,000,000.
 */
export function comprehendCostPerMillionPosts(textLengths: readonly number[], prices: PriceTable): { unitsPerPost: number; usd: number } {
  if (textLengths.length === 0) throw new Error('Comprehend cost: no text lengths to average');
  const unitsPerPost = textLengths.reduce((sum, length) => sum + comprehendUnits(length), 0) / textLengths.length;
  return { unitsPerPost, usd: unitsPerPost * prices.prices.comprehendSentimentUnit.usd * POSTS };
}

/**
 * The benchmark's rows for part `cost`: Pantau's USD per 1M posts against Comprehend's, with the
 * issue's target (at most 1/50), then one row per line item so the reader sees where the money goes.
 */
export function costRows(units: UnitsPerPost, textLengths: readonly number[], prices: PriceTable): BenchRow[] {
  const pantau = costPerMillionPosts(units, prices);
  const comprehend = comprehendCostPerMillionPosts(textLengths, prices);
  const ratio = pantau.totalUsd / comprehend.usd;
  const unit = 'USD per 1M posts';
  return [
    {
      part: 'cost',
      figure: 'Pantau AWS cost',
      value: pantau.totalUsd,
      unit,
      baseline: { name: 'Amazon Comprehend sentiment', value: comprehend.usd },
      ratio,
      target: { text: '≤ 1/50 of Comprehend', met: ratio <= MAX_RATIO_TO_COMPREHEND },
    },
    ...pantau.lines.map((line): BenchRow => ({ part: 'cost', figure: line.item, value: line.usd, unit })),
  ];
}

/** Months in `days` (a year's months over its days: 365.25 / 12 days a month). */
export function monthsFromDays(days: number): number {
  return days / (365.25 / 12);
}

/**
 * An example of what a post uses, to try the model with (`npx tsx scripts/bench/cost.ts`); the
 * benchmark measures the real figures. Plausible magnitudes: the classifier takes posts from SQS
 * in batches of about ten, 512 MB functions run some 150 ms a batch, a post's put and its index
 * copy make two or three write units and the aggregator's windows a few tenths more, an item
 * weighs about 1.5 KB, posts are kept 400 days.
 */
export const EXAMPLE_UNITS: UnitsPerPost = {
  lambdaGbSeconds: 0.01,
  lambdaRequests: 0.11,
  sqsRequests: 0.4,
  postsTableWriteUnits: 2.5,
  postsTableReadUnits: 0.05,
  otherTablesWriteUnits: 0.3,
  otherTablesReadUnits: 0.2,
  storedBytes: 1_500,
  storageMonths: monthsFromDays(400),
  snsPublishes: 0.001,
};

/** Example text lengths (characters): short and long social-media posts and news headlines. */
export const EXAMPLE_TEXT_LENGTHS: readonly number[] = [60, 95, 140, 180, 220, 280, 280, 310, 450, 120];

function formatUsd(usd: number): string {
  return usd >= 1 ? usd.toFixed(2) : usd.toPrecision(3);
}

function formatQuantity(quantity: number): string {
  return Number.isInteger(quantity) ? quantity.toLocaleString('en-US') : quantity.toLocaleString('en-US', { maximumSignificantDigits: 4 });
}

function parseLengths(text: string): number[] {
  return text.split(',').map((part) => {
    const n = Number(part.trim());
    if (!Number.isInteger(n) || n < 0) throw new Error(`--lengths: "${part}" is not a whole number of characters >= 0`);
    return n;
  });
}

function parseUnits(text: string): UnitsPerPost {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`--units: not JSON: ${(err as Error).message}`, { cause: err });
  }
  const overrides = z.strictObject(Object.fromEntries(UNIT_FIELDS.map((field) => [field, z.number().min(0).optional()]))).safeParse(value);
  if (!overrides.success)
    throw new Error(`--units: ${overrides.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ')}`);
  const defined = Object.entries(overrides.data).filter(([, value]) => value !== undefined);
  return { ...EXAMPLE_UNITS, ...Object.fromEntries(defined) };
}

function main(): void {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { units: { type: 'string' }, lengths: { type: 'string' }, prices: { type: 'string' } },
    strict: true,
  });
  const prices = loadPrices(values.prices === undefined ? undefined : resolve(values.prices));
  const units = values.units === undefined ? EXAMPLE_UNITS : parseUnits(values.units);
  const lengths = values.lengths === undefined ? EXAMPLE_TEXT_LENGTHS : parseLengths(values.lengths);
  const breakdown = costPerMillionPosts(units, prices);
  const comprehend = comprehendCostPerMillionPosts(lengths, prices);
  const assumed = (Object.keys(prices.prices) as PriceName[]).filter((name) => prices.prices[name].assumption);

  const out: string[] = [];
  out.push(
    `EXAMPLE${values.units === undefined ? '' : ' (with --units)'}: cost of ${POSTS.toLocaleString('en-US')} posts, ${prices.region}, prices read ${prices.retrieved}`,
  );
  out.push(`units per post: ${JSON.stringify(units)}`);
  out.push('');
  const width = Math.max(...breakdown.lines.map((line) => line.item.length));
  for (const line of breakdown.lines) {
    out.push(
      `  ${line.item.padEnd(width)}  ${formatQuantity(line.quantity).padStart(14)} ${line.unit.padEnd(20)} USD ${formatUsd(line.usd).padStart(9)}`,
    );
  }
  out.push(`  ${'total'.padEnd(width)}  ${''.padStart(14)} ${''.padEnd(20)} USD ${formatUsd(breakdown.totalUsd).padStart(9)}`);
  out.push('');
  out.push(
    `Amazon Comprehend sentiment (${prices.prices.comprehendSentimentUnit.region ?? prices.region}): ${comprehend.unitsPerPost.toFixed(2)} units a post` +
      ` over ${lengths.length} texts, USD ${formatUsd(comprehend.usd)} per 1M posts`,
  );
  const ratio = breakdown.totalUsd / comprehend.usd;
  out.push(`ratio ${ratio.toPrecision(3)} (target ≤ 1/50 = 0.02): ${ratio <= MAX_RATIO_TO_COMPREHEND ? 'met' : 'NOT MET'}`);
  out.push(
    `free tiers not subtracted; prices marked as assumptions in ${values.prices ?? 'bench/prices.json'}: ${assumed.join(', ') || 'none'}`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`cost: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
