/**
 * Exports of the posts and alerts tables to S3 for analysts, behind three small ports: DynamoDB's
 * export to S3 (`ExportService`), the Glue catalog that Athena reads (`PartitionCatalog`) and the
 * exports' history in the state table (`ExportHistory`).
 *
 * Each table gets a full export at least every `analytics.fullExportEveryDays`, and in between an
 * incremental export of what changed since the previous export ended. Exports take minutes to
 * hours, so starting one and registering it are two steps: `startExports` starts them and
 * records them as pending; `settleExports` (every 30 minutes) registers each finished export as a
 * Glue partition `snapshot=<time>`, which the analysts' views then read.
 */
import { createHash } from 'node:crypto';
import { exportPrefix, type ExportKind } from '../analytics/layout';
import { EXPORTED_TABLES, type ExportedTable } from '../analytics/schema';
import { exportTableNames } from '../analytics/sql';
import { DAY, HOUR, MINUTE } from '../time';

export type ExportedTableName = ExportedTable['name'];

/** DynamoDB's limits on the period of an incremental export. */
export const INCREMENTAL_PERIOD = { minMs: 15 * MINUTE, maxMs: DAY } as const;

/**
 * Exports end on the hour, at least this long after it: point-in-time recovery can only export up
 * to a few minutes ago, and a run retried within the hour asks for the very same export.
 */
export const EXPORT_LAG_MS = 5 * MINUTE;

/** Where the next export ends when a run starts at `now` (epoch ms). */
export function exportEnd(now: number): number {
  return Math.floor((now - EXPORT_LAG_MS) / HOUR) * HOUR;
}

interface ExportRequestBase {
  readonly table: ExportedTableName;
  readonly tableArn: string;
  /** Under this S3 prefix DynamoDB writes `AWSDynamoDB/<exportId>/…`. */
  readonly prefix: string;
  /** Full: the time of the snapshot; incremental: the end of the period (exclusive). Epoch ms. */
  readonly to: number;
  /** The same for the same table, kind and period, so a repeated request starts no second export. */
  readonly clientToken: string;
}

export type ExportRequest =
  | (ExportRequestBase & { readonly kind: 'full' })
  | (ExportRequestBase & { readonly kind: 'incremental'; /** Start of the period (inclusive), epoch ms. */ readonly from: number });

export type ExportState =
  | { readonly status: 'IN_PROGRESS' }
  | { readonly status: 'COMPLETED' }
  | { readonly status: 'FAILED'; readonly failureCode?: string; readonly failureMessage?: string };

/** DynamoDB's export to S3. */
export interface ExportService {
  /** Starts an export and returns its ARN; a request with a client token seen before returns that export's ARN. */
  start(request: ExportRequest): Promise<string>;
  describe(exportArn: string): Promise<ExportState>;
}

/** The Glue tables Athena reads the exports through. */
export interface PartitionCatalog {
  /** Adds partition `snapshot` to a Glue table, reading `location`; false when it was already there. */
  addSnapshot(glueTable: string, snapshot: string, location: string): Promise<boolean>;
}

/** An export that was started and is not yet registered. */
export interface StartedExport {
  readonly exportArn: string;
  readonly table: ExportedTableName;
  readonly kind: ExportKind;
  readonly prefix: string;
  /** The partition value: the snapshot's time (full) or the end of the period (incremental), ISO 8601. */
  readonly snapshot: string;
  /** Incremental: the start of the period, ISO 8601. */
  readonly from?: string;
  readonly startedAt: string;
}

/** Where a table's exports stand. */
export interface ExportMarker {
  /** Time of the latest full export started (epoch ms). */
  readonly lastFullAt?: number;
  /** Where the latest export started ends (epoch ms): the next incremental export starts there. */
  readonly lastTo?: number;
  /** An export failed since: the next one must be full (the chain of changes has a hole). */
  readonly needsFull: boolean;
  /** Exports of the table that failed so far: part of the client token, so a retry after a failure is a new export. */
  readonly failures: number;
}

/** The record of exports (state table). */
export interface ExportHistory {
  marker(table: ExportedTableName): Promise<ExportMarker | undefined>;
  /**
   * Records the export as pending (recording the same export again changes nothing) and moves the
   * table's marker to its end; a full export also clears `needsFull`. A marker never moves back.
   */
  recordStarted(started: StartedExport): Promise<void>;
  pending(): Promise<StartedExport[]>;
  /** Marks a pending export completed or failed; false when it was no longer pending (another run settled it). */
  settle(exportArn: string, outcome: 'completed' | 'failed'): Promise<boolean>;
  /** Makes the table's next export a full one, and counts the failure. */
  requireFull(table: ExportedTableName): Promise<void>;
}

export type ExportLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export interface ExportDeps {
  readonly exports: ExportService;
  readonly catalog: PartitionCatalog;
  readonly history: ExportHistory;
  /** The bucket the exports are written to. */
  readonly bucket: string;
  readonly tableArns: Readonly<Record<ExportedTableName, string>>;
  /** `analytics.fullExportEveryDays`. */
  readonly fullExportEveryDays: number;
  readonly log?: ExportLog;
}

export type ExportPlan =
  | { readonly kind: 'full'; readonly why: string }
  | { readonly kind: 'incremental'; readonly from: number }
  | { readonly kind: 'none'; readonly why: string };

/** What to export of a table whose marker is `marker`, for an export ending at `to`. */
export function planExport(marker: ExportMarker | undefined, to: number, fullExportEveryDays: number): ExportPlan {
  if (marker?.lastFullAt === undefined || marker.lastTo === undefined) return { kind: 'full', why: 'no full export yet' };
  if (marker.needsFull) return { kind: 'full', why: 'an export failed since the last full one' };
  const since = to - marker.lastTo;
  // Nothing new yet (e.g. a run retried within the hour): the previous export already reaches here.
  if (since < INCREMENTAL_PERIOD.minMs) return { kind: 'none', why: 'the previous export ends less than 15 minutes before this one' };
  if (to - marker.lastFullAt >= fullExportEveryDays * DAY) {
    return { kind: 'full', why: `the last full export is ${fullExportEveryDays} or more days old` };
  }
  if (since > INCREMENTAL_PERIOD.maxMs) return { kind: 'full', why: 'the previous export ends more than 24 hours before this one' };
  return { kind: 'incremental', from: marker.lastTo };
}

/** Deterministic per table, kind, period and failures so far; 32 hex digits, unique across deployments (the table ARN is in it). */
export function clientToken(tableArn: string, kind: ExportKind, from: number | undefined, to: number, failures: number): string {
  return createHash('sha256')
    .update([tableArn, kind, from ?? '-', to, failures].join('|'))
    .digest('hex')
    .slice(0, 32);
}

export interface StartResult {
  readonly started: StartedExport[];
  readonly skipped: { readonly table: ExportedTableName; readonly why: string }[];
}

/** Starts the export of each table that is due (full or incremental) and records it as pending. */
export async function startExports(now: number, deps: ExportDeps): Promise<StartResult> {
  const to = exportEnd(now);
  const result: StartResult = { started: [], skipped: [] };
  for (const table of EXPORTED_TABLES) {
    const marker = await deps.history.marker(table.name);
    const plan = planExport(marker, to, deps.fullExportEveryDays);
    if (plan.kind === 'none') {
      result.skipped.push({ table: table.name, why: plan.why });
      deps.log?.('info', 'no export due', { table: table.name, why: plan.why });
      continue;
    }
    const tableArn = deps.tableArns[table.name];
    const prefix = exportPrefix(table, plan.kind);
    const from = plan.kind === 'incremental' ? plan.from : undefined;
    const base = {
      table: table.name,
      tableArn,
      prefix,
      to,
      clientToken: clientToken(tableArn, plan.kind, from, to, marker?.failures ?? 0),
    };
    const exportArn = await deps.exports.start(from === undefined ? { ...base, kind: 'full' } : { ...base, kind: 'incremental', from });
    const started: StartedExport = {
      exportArn,
      table: table.name,
      kind: plan.kind,
      prefix,
      snapshot: new Date(to).toISOString(),
      ...(from !== undefined && { from: new Date(from).toISOString() }),
      startedAt: new Date(now).toISOString(),
    };
    await deps.history.recordStarted(started);
    result.started.push(started);
    deps.log?.('info', 'export started', { ...started, ...(plan.kind === 'full' && { why: plan.why }) });
  }
  return result;
}

/** DynamoDB names the export's folder after the last part of its ARN (`…/table/posts/export/01700000000000-abcd1234`). */
export function exportId(exportArn: string): string {
  const id = exportArn.slice(exportArn.lastIndexOf('/') + 1);
  if (!id) throw new Error(`not an export ARN: ${exportArn}`);
  return id;
}

/** Where an export's data files are: the location of its Glue partition. */
export function exportDataLocation(bucket: string, started: Pick<StartedExport, 'prefix' | 'exportArn'>): string {
  return `s3://${bucket}/${started.prefix}/AWSDynamoDB/${exportId(started.exportArn)}/data/`;
}

/** The Glue table an export is read through: `<table>_full` or `<table>_changes`. */
export function glueTableOf(started: Pick<StartedExport, 'table' | 'kind'>): string {
  const table = EXPORTED_TABLES.find((t) => t.name === started.table);
  if (!table) throw new Error(`${started.table} is not an exported table`);
  const names = exportTableNames(table);
  return started.kind === 'full' ? names.full : names.changes;
}

export interface FailedExport extends StartedExport {
  readonly failureCode?: string;
  readonly failureMessage?: string;
}

export interface SettleResult {
  readonly completed: StartedExport[];
  readonly failed: FailedExport[];
  readonly inProgress: StartedExport[];
}

/**
 * Looks at each pending export: a completed one becomes a Glue partition, a failed one makes the
 * table's next export full; one still running is left for the next run. Safe to run twice at once.
 */
export async function settleExports(deps: ExportDeps): Promise<SettleResult> {
  const result: SettleResult = { completed: [], failed: [], inProgress: [] };
  for (const started of await deps.history.pending()) {
    const state = await deps.exports.describe(started.exportArn);
    switch (state.status) {
      case 'IN_PROGRESS':
        result.inProgress.push(started);
        break;
      case 'COMPLETED': {
        // Registered before it is marked done, so a run that dies in between registers it again (harmlessly).
        const location = exportDataLocation(deps.bucket, started);
        const added = await deps.catalog.addSnapshot(glueTableOf(started), started.snapshot, location);
        if (await deps.history.settle(started.exportArn, 'completed')) {
          result.completed.push(started);
          deps.log?.('info', 'export registered', { ...started, location, alreadyRegistered: !added });
        }
        break;
      }
      case 'FAILED': {
        await deps.history.requireFull(started.table);
        if (await deps.history.settle(started.exportArn, 'failed')) {
          const failed = { ...started, failureCode: state.failureCode, failureMessage: state.failureMessage };
          result.failed.push(failed);
          deps.log?.('error', 'export failed; the next export of the table will be full', { ...failed });
        }
        break;
      }
    }
  }
  return result;
}
