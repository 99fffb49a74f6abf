/**
 * SQL over the exported tables, written once for Athena (Trino) and DuckDB: the item types of the
 * export's DynamoDB JSON, the views that flatten them into analysts' columns, and the saved
 * queries. The saved queries use only what both engines share, so an analyst's query that works
 * on a local export works in Athena too; only the views differ where the two engines' function
 * names do (turning a list of `{"S": …}` into an array, reading an ISO timestamp).
 */
import { columnName, type AttributeDoc, type ColumnKind, type ExportedTable } from './schema';

export type Dialect = 'athena' | 'duckdb';

/** Attributes the views expose (nested maps are left to the messages that need them). */
export function viewAttributes(table: ExportedTable): (AttributeDoc & { column: ColumnKind })[] {
  return table.attributes.filter((a): a is AttributeDoc & { column: ColumnKind } => a.column !== undefined);
}

/** The Glue (Hive) type of the export's `Item` column: only the attributes the views read. */
export function glueItemType(table: ExportedTable): string {
  const fields = viewAttributes(table).map((a) => `${a.name}:${hiveType(a)}`);
  return `struct<${fields.join(',')}>`;
}

/** How each attribute type reads in DynamoDB JSON, as a Glue (Hive) type and as a DuckDB type. */
const EXPORT_TYPES: Partial<Record<AttributeDoc['type'], { readonly hive: string; readonly duckdb: string }>> = {
  S: { hive: 'struct<s:string>', duckdb: 'STRUCT("S" VARCHAR)' },
  N: { hive: 'struct<n:string>', duckdb: 'STRUCT("N" VARCHAR)' },
  BOOL: { hive: 'struct<bool:boolean>', duckdb: 'STRUCT("BOOL" BOOLEAN)' },
  'L<S>': { hive: 'struct<l:array<struct<s:string>>>', duckdb: 'STRUCT("L" STRUCT("S" VARCHAR)[])' },
};

function exportType(a: AttributeDoc, engine: 'hive' | 'duckdb'): string {
  const type = EXPORT_TYPES[a.type];
  if (!type) throw new Error(`${a.name}: a ${a.type} attribute has no column`);
  return type[engine];
}

const hiveType = (a: AttributeDoc): string => exportType(a, 'hive');
const duckdbType = (a: AttributeDoc): string => exportType(a, 'duckdb');

/** The DuckDB type of an incremental export's key (`Keys`), for reading changes locally. */
export function duckdbKeyType(table: ExportedTable): string {
  const key = table.attributes.find((a) => a.name === table.key);
  if (!key) throw new Error(`${table.name}: the key ${table.key} is not documented`);
  return `STRUCT("${key.name}" ${duckdbType(key)})`;
}

/** The same type for DuckDB's `read_json(..., columns = {Item: …})`. */
export function duckdbItemType(table: ExportedTable): string {
  const fields = viewAttributes(table).map((a) => `"${a.name}" ${duckdbType(a)}`);
  return `STRUCT(${fields.join(', ')})`;
}

/** The SQL type of a view column, as Athena writes it in a view's definition. */
export function prestoType(kind: ColumnKind): string {
  return kind === 'timestamp' ? 'timestamp(3)' : kind;
}

function columnExpression(a: AttributeDoc & { column: ColumnKind }, dialect: Dialect): string {
  const value = `item.${a.name}`;
  switch (a.column) {
    case 'varchar':
      return `${value}.s`;
    case 'date':
      return `CAST(${value}.s AS date)`;
    case 'timestamp':
      // UTC wall time, whatever offset the source wrote.
      return dialect === 'athena'
        ? `CAST(from_iso8601_timestamp(${value}.s) AT TIME ZONE 'UTC' AS timestamp(3))`
        : `timezone('UTC', CAST(${value}.s AS timestamptz))`;
    case 'bigint':
      return `CAST(${value}.n AS bigint)`;
    case 'double':
      return `CAST(${value}.n AS double)`;
    case 'boolean':
      return `${value}.bool`;
    case 'array(varchar)':
      return dialect === 'athena' ? `transform(${value}.l, v -> v.s)` : `list_transform(${value}.l, v -> v.s)`;
  }
}

/**
 * The view over one table's export: one row per item, one column per attribute, snake_case
 * (`createdAtEpoch` → `created_at_epoch`). `source` is the relation holding the `item` column:
 * the latest export in Athena, the files of a local export in DuckDB.
 */
export function viewSql(table: ExportedTable, dialect: Dialect, source: string): string {
  const columns = viewAttributes(table).map((a) => `  ${columnExpression(a, dialect)} AS ${columnName(a.name)}`);
  return `SELECT\n${columns.join(',\n')}\nFROM ${source}\nWHERE item IS NOT NULL`;
}

/** Glue table names of one exported table: its full exports, and its incremental exports. */
export function exportTableNames(table: ExportedTable): { full: string; changes: string } {
  return { full: `${table.name}_full`, changes: `${table.name}_changes` };
}

/** The Glue (Hive) columns of an incremental export's lines: when, which item, and the item after the change. */
export function glueChangeColumns(table: ExportedTable): { name: string; type: string }[] {
  const key = table.attributes.find((a) => a.name === table.key);
  if (!key) throw new Error(`${table.name}: the key ${table.key} is not documented`);
  return [
    { name: 'metadata', type: 'struct<writetimestampmicros:struct<n:string>>' },
    { name: 'keys', type: `struct<${key.name}:${hiveType(key)}>` },
    { name: 'newimage', type: glueItemType(table) },
  ];
}

/**
 * One table's current items from its exports: the latest full export (partition `snapshot`, its
 * export time), with the incremental exports taken after it laid over, the newest write of each
 * item winning; an item whose newest change removed it (TTL expiry: no new image) is left out.
 * Plain SQL that Athena and DuckDB both run; `full` and `changes` are the two export tables.
 */
export function latestItemsSql(table: ExportedTable, full: string, changes: string): string {
  return `(
  SELECT item FROM (
    SELECT item, row_number() OVER (PARTITION BY item_key ORDER BY written DESC) AS newest
    FROM (
      SELECT f.item AS item, f.item.${table.key}.s AS item_key, CAST(0 AS bigint) AS written
      FROM ${full} f
      WHERE f.snapshot = (SELECT max(snapshot) FROM ${full})
      UNION ALL
      SELECT c.newimage AS item, c.keys.${table.key}.s AS item_key, CAST(c.metadata.writetimestampmicros.n AS bigint) AS written
      FROM ${changes} c
      WHERE c.snapshot > (SELECT max(snapshot) FROM ${full})
    ) versions
  ) latest
  WHERE newest = 1
) exported`;
}

/** The Athena view of one table over its Glue export tables (latestItemsSql). */
export function athenaViewSql(table: ExportedTable, database: string): string {
  const { full, changes } = exportTableNames(table);
  return viewSql(table, 'athena', latestItemsSql(table, `"${database}"."${full}"`, `"${database}"."${changes}"`));
}

export interface SavedQuery {
  /** Also the Athena saved query's name, prefixed with the deployment's name. */
  readonly name: string;
  readonly description: string;
  readonly sql: string;
}

const negative = "CASE WHEN p.sentiment_label = 'negative' THEN 1 ELSE 0 END";

/** The analysts' starting points; each reads only the `posts` and `alerts` views. */
export const SAVED_QUERIES: readonly SavedQuery[] = [
  {
    name: 'negative-share-per-city-per-day',
    description:
      'Per day (Asia/Jakarta) and kota administrasi: posts naming a place in that city, the negative ones, and their share. Posts naming no place are in no city.',
    sql: `SELECT p.created_date AS day, c.city, count(*) AS posts,
  sum(${negative}) AS negative_posts,
  round(CAST(sum(${negative}) AS double) / count(*), 3) AS negative_share
FROM posts p CROSS JOIN UNNEST(p.place_cities) AS c(city)
GROUP BY p.created_date, c.city
ORDER BY day, negative_share DESC, c.city`,
  },
  {
    name: 'top-hoax-indicators-per-week',
    description:
      'Per week (starting Monday) and hoax indicator: posts on which it fired, and how many of those were hoax-like (level medium or high).',
    sql: `SELECT CAST(date_trunc('week', p.created_date) AS date) AS week, i.indicator, count(*) AS posts,
  sum(CASE WHEN p.hoax_level IN ('medium', 'high') THEN 1 ELSE 0 END) AS hoax_like_posts
FROM posts p CROSS JOIN UNNEST(p.hoax_indicators) AS i(indicator)
GROUP BY 1, 2
ORDER BY week, posts DESC, i.indicator`,
  },
  {
    name: 'top-authors-by-reach-per-topic',
    description:
      'Per watch topic, the ten accounts or outlets with the largest audience (followers when collected), with their posts, negative posts and reposts.',
    sql: `WITH per_author AS (
  SELECT t.topic, p.source, p.author_handle, max(p.author_followers) AS followers, count(*) AS posts,
    sum(${negative}) AS negative_posts, sum(coalesce(p.reposts, 0)) AS reposts
  FROM posts p CROSS JOIN UNNEST(p.topics) AS t(topic)
  WHERE p.author_handle IS NOT NULL
  GROUP BY t.topic, p.source, p.author_handle
), ranked AS (
  SELECT per_author.*, row_number() OVER (PARTITION BY topic ORDER BY followers DESC NULLS LAST, posts DESC, author_handle) AS author_rank
  FROM per_author
)
SELECT topic, author_rank, source, author_handle, followers, posts, negative_posts, reposts
FROM ranked
WHERE author_rank <= 10
ORDER BY topic, author_rank`,
  },
  {
    name: 'alerts-per-kind-per-week',
    description:
      'Per week (of the latest message) and kind: alert episodes, their highest severity, how many were resolved, and how many the hourly cap held back.',
    sql: `SELECT CAST(date_trunc('week', a.fired_date) AS date) AS week, a.kind, count(*) AS episodes,
  max(a.severity) AS max_severity,
  sum(CASE WHEN a.resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
  sum(CASE WHEN a.status = 'capped' THEN 1 ELSE 0 END) AS capped
FROM alerts a
GROUP BY 1, 2
ORDER BY week, a.kind`,
  },
  {
    name: 'returning-hoax-claims',
    description:
      'Debunked claims that posts repeated: posts, distinct authors, first and last day seen, and in how many weeks they came back.',
    sql: `SELECT p.claim_id, count(*) AS posts, count(DISTINCT p.author_id) AS authors,
  min(p.created_date) AS first_seen, max(p.created_date) AS last_seen,
  count(DISTINCT date_trunc('week', p.created_date)) AS weeks
FROM posts p
WHERE p.claim_id IS NOT NULL
GROUP BY p.claim_id
ORDER BY weeks DESC, posts DESC, p.claim_id`,
  },
];
