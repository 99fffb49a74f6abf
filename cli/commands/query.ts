/**
 * The analysts' queries on a local export, with DuckDB: the latest export of each table becomes
 * the same `posts` and `alerts` views Athena has, so a saved query runs unchanged on both.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance, DuckDBTypeId, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';
import { exportPrefix } from '../../shared/analytics/layout';
import { EXPORTED_TABLES, type ExportedTable } from '../../shared/analytics/schema';
import { SAVED_QUERIES, duckdbItemType, viewSql } from '../../shared/analytics/sql';
import { stringOf, UsageError, type Command } from '../args';
import type { TableExport } from './export';

export const query: Command = {
  name: 'query',
  usage: `  pantau query --from DIR [NAME|all]... [--sql SQL] [--json]
      Runs the saved analysts' queries (the same as in Athena) on the latest export in DIR with
      DuckDB, or your own SQL over the views posts and alerts. Without NAME or --sql: lists them.
`,
  options: {
    from: { type: 'string', value: 'DIR', help: 'the folder pantau export wrote (required)' },
    sql: { type: 'string', value: 'SQL', help: 'run this statement' },
    json: { type: 'boolean', help: 'one JSON object per row (numbers as JSON numbers)' },
  },
  positionals: true,
  run(values, names) {
    const from = stringOf(values, 'from');
    if (from === undefined) throw new UsageError('query: --from DIR is required, the folder pantau export wrote (see pantau query --help)');
    return queryCommand({ from: resolve(from), names, sql: stringOf(values, 'sql'), json: values.json === true });
  },
};

/** DuckDB's integer and decimal types, which its JSON rows give as strings (they may exceed a double). */
const WIDE_NUMBERS = new Set<DuckDBTypeId>([
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.DECIMAL,
]);

/** A wide number as a JSON number when it survives the trip (a safe integer, or a decimal that reads back the same); else its text. */
export function jsonNumber(value: unknown): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value;
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  if (/^-?\d+$/.test(value)) return Number.isSafeInteger(n) ? n : value;
  return String(n) === value.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') ? n : value;
}

/** An export as its manifests describe it to a reader. */
export interface ExportSummary extends Pick<TableExport, 'table' | 'exportId' | 'itemCount'> {
  readonly exportTime: string;
  /** Absolute paths of the data files the manifest lists. */
  readonly dataFiles: readonly string[];
}

export class ExportNotFoundError extends Error {
  override readonly name = 'ExportNotFoundError';
}

/** The newest full export of `table` under `root` (by export time), from its manifests. */
export function latestExport(root: string, table: ExportedTable): ExportSummary {
  const base = join(resolve(root), exportPrefix(table, 'full'), 'AWSDynamoDB');
  const found: ExportSummary[] = [];
  for (const exportId of existsSync(base) ? readdirSync(base) : []) {
    const summaryPath = join(base, exportId, 'manifest-summary.json');
    if (!existsSync(summaryPath)) continue; // an export still being written, or one that failed
    const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as { exportTime: string; itemCount: number; manifestFilesS3Key: string };
    const files = readFileSync(join(resolve(root), summary.manifestFilesS3Key), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => join(resolve(root), (JSON.parse(line) as { dataFileS3Key: string }).dataFileS3Key));
    found.push({ table: table.name, exportId, exportTime: summary.exportTime, itemCount: summary.itemCount, dataFiles: files });
  }
  const newest = found.sort((a, b) => b.exportTime.localeCompare(a.exportTime))[0];
  if (!newest) {
    throw new ExportNotFoundError(`no export of the ${table.name} table under ${base} (write one with: pantau export --out ${root})`);
  }
  return newest;
}

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

export interface ExportDatabase {
  readonly exports: readonly ExportSummary[];
  /**
   * Runs one statement; values come back JSON-safe (big integers and dates as strings), or with
   * `numbers`, BIGINT and DECIMAL values as numbers wherever that loses nothing.
   */
  query(sql: string, opts?: { readonly numbers?: boolean }): Promise<Record<string, unknown>[]>;
  close(): void;
}

/** An in-memory DuckDB with the views `posts` and `alerts` over the latest local export under `root`. */
export async function openExport(root: string): Promise<ExportDatabase> {
  const exports = EXPORTED_TABLES.map((table) => latestExport(root, table));
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
  const connection: DuckDBConnection = await instance.connect();
  const close = (): void => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    for (const [i, table] of EXPORTED_TABLES.entries()) {
      const summary = exports[i] as ExportSummary;
      const files = `[${summary.dataFiles.map(quote).join(', ')}]`;
      await connection.run(
        summary.itemCount === 0
          ? `CREATE VIEW ${table.name}_full AS SELECT CAST(NULL AS ${duckdbItemType(table)}) AS item WHERE false`
          : `CREATE VIEW ${table.name}_full AS SELECT "Item" AS item FROM read_json(${files}, format = 'newline_delimited', compression = 'gzip', columns = {"Item": ${quote(duckdbItemType(table))}})`,
      );
      await connection.run(`CREATE VIEW ${table.name} AS ${viewSql(table, 'duckdb', `${table.name}_full`)}`);
    }
  } catch (err) {
    close();
    throw err;
  }
  return {
    exports,
    async query(sql, opts = {}) {
      const reader = await connection.runAndReadAll(sql);
      const rows = reader.getRowObjectsJson() as Record<string, unknown>[];
      if (!opts.numbers) return rows;
      const wide = reader.columnNames().filter((_, i) => WIDE_NUMBERS.has((reader.columnTypes()[i] as DuckDBType).typeId));
      return rows.map((row) => ({ ...row, ...Object.fromEntries(wide.map((name) => [name, jsonNumber(row[name])])) }));
    },
    close,
  };
}

export class UnknownQueryError extends Error {
  override readonly name = 'UnknownQueryError';
}

export interface QueryCommandOptions {
  /** The folder `pantau export --out` wrote. */
  readonly from: string;
  /** Saved queries to run (`all`: every one); none and no `sql`: list them. */
  readonly names: readonly string[];
  readonly sql?: string;
  /** One JSON object per row instead of a table. */
  readonly json: boolean;
  readonly out?: NodeJS.WritableStream;
}

/** `pantau query --from DIR [NAME|all]... [--sql SQL] [--json]`. */
export async function queryCommand(opts: QueryCommandOptions): Promise<number> {
  const out = opts.out ?? process.stdout;
  const unknown = opts.names.filter((n) => n !== 'all' && !SAVED_QUERIES.some((q) => q.name === n));
  if (unknown.length > 0) {
    throw new UnknownQueryError(
      `no saved query named ${unknown.map((n) => `"${n}"`).join(', ')}; the saved queries are: ${SAVED_QUERIES.map((q) => q.name).join(', ')}`,
    );
  }
  const db = await openExport(opts.from);
  try {
    if (opts.names.length === 0 && opts.sql === undefined) {
      for (const e of db.exports) out.write(`${e.table}: ${e.itemCount} items, export ${e.exportId} of ${e.exportTime}\n`);
      out.write(`\nSaved queries (run one with: pantau query --from ${opts.from} NAME, or all):\n`);
      for (const q of SAVED_QUERIES) out.write(`  ${q.name}\n      ${q.description}\n`);
      out.write(`\nOr your own SQL over the views posts and alerts: pantau query --from ${opts.from} --sql "SELECT ..."\n`);
      return 0;
    }
    const chosen = opts.names.includes('all') ? SAVED_QUERIES : SAVED_QUERIES.filter((q) => opts.names.includes(q.name));
    const runs = [
      ...chosen.map((q) => ({ title: q.name, sql: q.sql })),
      ...(opts.sql === undefined ? [] : [{ title: 'sql', sql: opts.sql }]),
    ];
    for (const run of runs) {
      const rows = await db.query(run.sql, { numbers: opts.json });
      if (opts.json) {
        for (const row of rows) out.write(`${JSON.stringify(runs.length > 1 ? { query: run.title, ...row } : row)}\n`);
      } else {
        out.write(`== ${run.title} (${rows.length} row${rows.length === 1 ? '' : 's'})\n${formatTable(rows)}\n`);
      }
    }
    return 0;
  } finally {
    db.close();
  }
}

/** Rows as an aligned text table; lists in JSON, missing values empty. */
export function formatTable(rows: readonly Record<string, unknown>[]): string {
  const first = rows[0];
  if (!first) return '(no rows)\n';
  const headers = Object.keys(first);
  const cell = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const cells = rows.map((r) => headers.map((h) => cell(r[h])));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) => v.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}
