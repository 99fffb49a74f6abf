/**
 * What each part of `npm run bench` reports: figures next to the baseline measured in the same
 * run, their ratio, and the target for that ratio or figure.
 */

/** One line of the benchmark table. */
export interface BenchRow {
  /** The part of the benchmark: `classify`, `bundles`, `pipeline`, `writes`, `cost`. */
  readonly part: string;
  /** What is measured, in a few words (`classifier bundle size`). */
  readonly figure: string;
  readonly value: number;
  /** `posts/s`, `MB`, `ms`, `WCU/post`, `USD per 1M posts`... */
  readonly unit: string;
  /** The baseline measured in the same process or run, when the figure has one. */
  readonly baseline?: { readonly name: string; readonly value: number };
  /** value / baseline.value. */
  readonly ratio?: number;
  /** The target, written out (`≥ 0.10 of AFINN`, `≤ 1.5 MB`), and whether it holds. */
  readonly target?: { readonly text: string; readonly met: boolean };
}

/** A part's result: its table rows and whatever detail it wants kept in bench/results.json. */
export interface PartResult<Detail = unknown> {
  readonly rows: readonly BenchRow[];
  readonly detail: Detail;
}

/**
 * What one post uses of each priced AWS resource, measured by the pipeline part (or derived
 * from it), for the cost model (scripts/bench/cost.ts).
 */
export interface UnitsPerPost {
  /** Lambda compute, every function's billed duration × its memory (GB), per post: the classifier's and the aggregator's. */
  readonly lambdaGbSeconds: number;
  /** Lambda invocations per post: the classifier's batches and the aggregator's invocations (a window's batches and its final one). */
  readonly lambdaRequests: number;
  /** SQS API requests per post (send, receive, delete; each 64 KB of payload counts as one). */
  readonly sqsRequests: number;
  /** DynamoDB on-demand write request units per post on the posts table and its index (Standard-IA table class). */
  readonly postsTableWriteUnits: number;
  /** DynamoDB on-demand read request units per post on the posts table and its index (Standard-IA). */
  readonly postsTableReadUnits: number;
  /** DynamoDB on-demand write request units per post on the other tables, state and alerts (Standard table class). */
  readonly otherTablesWriteUnits: number;
  /** DynamoDB on-demand read request units per post on the other tables (Standard). */
  readonly otherTablesReadUnits: number;
  /** Bytes stored per post in the posts table (Standard-IA): its item as DynamoDB sizes it + 100 bytes, in the table and in each index it is in. */
  readonly storedBytes: number;
  /** How long a post's bytes are kept (the posts table's retention), in months. */
  readonly storageMonths: number;
  /** SNS publishes per post (alerts are few: this is alerts / posts). */
  readonly snsPublishes: number;
}
