/**
 * Choosing and settling the table exports (shared/pipeline/export-tables.ts) over in-memory
 * stand-ins of DynamoDB's export service, the Glue catalog and the history, day after day.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { exporterAction, makeHandler } from '../../functions/exporter/handler';
import {
  clientToken,
  exportDataLocation,
  exportEnd,
  exportId,
  planExport,
  settleExports,
  startExports,
  type ExportDeps,
  type ExportedTableName,
  type ExportHistory,
  type ExportMarker,
  type ExportRequest,
  type ExportService,
  type ExportState,
  type PartitionCatalog,
  type StartedExport,
} from '../../shared/pipeline/export-tables';
import { DAY, HOUR, MINUTE } from '../../shared/time';

const BUCKET = 'pantau-exports-bucket';
const TABLE_ARNS = {
  posts: 'arn:aws:dynamodb:ap-southeast-3:123456789012:table/pantau-posts',
  alerts: 'arn:aws:dynamodb:ap-southeast-3:123456789012:table/pantau-alerts',
};
/** 00:30 in Jakarta (the default schedule), day 0. */
const DAY0 = Date.parse('2026-11-01T17:30:00Z');
/** Where an export started on day 0's schedule ends: 00:00 in Jakarta. */
const END0 = Date.parse('2026-11-01T17:00:00Z');

/** DynamoDB's export service as far as Pantau uses it; a client token seen before returns its export, and must come with the same request. */
class FakeExports implements ExportService {
  readonly requests: ExportRequest[] = [];
  readonly states = new Map<string, ExportState>();
  private readonly byToken = new Map<string, { arn: string; request: ExportRequest }>();

  async start(request: ExportRequest): Promise<string> {
    this.requests.push(request);
    const seen = this.byToken.get(request.clientToken);
    if (seen) {
      // DynamoDB answers ImportConflictException to the same token with other parameters.
      if (JSON.stringify(seen.request) !== JSON.stringify(request)) throw new Error('ImportConflictException');
      return seen.arn;
    }
    const arn = `${request.tableArn}/export/${String(request.to).padStart(14, '0')}-${this.byToken.size.toString(16).padStart(8, '0')}`;
    this.byToken.set(request.clientToken, { arn, request });
    this.states.set(arn, { status: 'IN_PROGRESS' });
    return arn;
  }

  async describe(exportArn: string): Promise<ExportState> {
    const state = this.states.get(exportArn);
    if (!state) throw new Error(`ExportNotFoundException: ${exportArn}`);
    return state;
  }

  finishAll(): void {
    for (const arn of this.states.keys()) this.states.set(arn, { status: 'COMPLETED' });
  }
}

class FakeCatalog implements PartitionCatalog {
  /** `<glue table>/<snapshot>` → location. */
  readonly partitions = new Map<string, string>();

  async addSnapshot(glueTable: string, snapshot: string, location: string): Promise<boolean> {
    const key = `${glueTable}/${snapshot}`;
    if (this.partitions.has(key)) return false;
    this.partitions.set(key, location);
    return true;
  }
}

/** The history's contract (shared/adapters/exports.ts keeps it in the state table). */
class MemoryExportHistory implements ExportHistory {
  readonly records = new Map<string, StartedExport & { status: string }>();
  readonly markers = new Map<ExportedTableName, ExportMarker>();

  async marker(table: ExportedTableName): Promise<ExportMarker | undefined> {
    return this.markers.get(table);
  }

  async recordStarted(started: StartedExport): Promise<void> {
    if (!this.records.has(started.exportArn)) this.records.set(started.exportArn, { ...started, status: 'pending' });
    const to = Date.parse(started.snapshot);
    const marker = this.markers.get(started.table);
    if (marker?.lastTo !== undefined && marker.lastTo > to) return;
    this.markers.set(started.table, {
      failures: marker?.failures ?? 0,
      lastFullAt: started.kind === 'full' ? to : marker?.lastFullAt,
      lastTo: to,
      needsFull: started.kind === 'full' ? false : (marker?.needsFull ?? false),
    });
  }

  async pending(): Promise<StartedExport[]> {
    return [...this.records.values()].filter((r) => r.status === 'pending').map(({ status: _status, ...started }) => started);
  }

  async settle(exportArn: string, outcome: 'completed' | 'failed'): Promise<boolean> {
    const record = this.records.get(exportArn);
    if (record?.status !== 'pending') return false;
    record.status = outcome;
    return true;
  }

  async requireFull(table: ExportedTableName): Promise<void> {
    const marker = this.markers.get(table);
    this.markers.set(table, { ...marker, needsFull: true, failures: (marker?.failures ?? 0) + 1 });
  }
}

interface World extends ExportDeps {
  readonly exports: FakeExports;
  readonly catalog: FakeCatalog;
  readonly history: MemoryExportHistory;
  readonly logged: { level: string; message: string; fields?: Record<string, unknown> }[];
}

function world(fullExportEveryDays = 7): World {
  const logged: World['logged'] = [];
  return {
    exports: new FakeExports(),
    catalog: new FakeCatalog(),
    history: new MemoryExportHistory(),
    bucket: BUCKET,
    tableArns: TABLE_ARNS,
    fullExportEveryDays,
    log: (level, message, fields) => logged.push({ level, message, fields }),
    logged,
  };
}

/** One scheduled run `days` after day 0: settle what finished, then start. */
async function scheduledRun(w: World, days: number) {
  await settleExports(w);
  return startExports(DAY0 + days * DAY, w);
}

const kinds = (started: readonly StartedExport[]) => started.map((s) => `${s.table}:${s.kind}`);

describe('startExports', () => {
  it('first run: a full export of posts and of alerts, at the last whole hour at least five minutes ago, recorded as pending', async () => {
    const w = world();
    const { started, skipped } = await startExports(DAY0, w);
    expect(skipped).toEqual([]);
    expect(kinds(started)).toEqual(['posts:full', 'alerts:full']);
    expect(w.exports.requests).toEqual([
      {
        kind: 'full',
        table: 'posts',
        tableArn: TABLE_ARNS.posts,
        prefix: 'exports/posts/full',
        to: END0,
        clientToken: clientToken(TABLE_ARNS.posts, 'full', undefined, END0, 0),
      },
      {
        kind: 'full',
        table: 'alerts',
        tableArn: TABLE_ARNS.alerts,
        prefix: 'exports/alerts/full',
        to: END0,
        clientToken: clientToken(TABLE_ARNS.alerts, 'full', undefined, END0, 0),
      },
    ]);
    expect(started[0]).toMatchObject({ snapshot: '2026-11-01T17:00:00.000Z', startedAt: '2026-11-01T17:30:00.000Z' });
    expect(started[0]!.from).toBeUndefined();
    expect((await w.history.pending()).map((p) => p.exportArn)).toEqual(started.map((s) => s.exportArn));
    expect(await w.history.marker('posts')).toEqual({ lastFullAt: END0, lastTo: END0, needsFull: false, failures: 0 });
  });

  it('next day: incremental from where the previous export ended to now, under the incremental prefix', async () => {
    const w = world();
    await scheduledRun(w, 0);
    w.exports.finishAll();
    const { started } = await scheduledRun(w, 1);
    expect(kinds(started)).toEqual(['posts:incremental', 'alerts:incremental']);
    const request = w.exports.requests.at(-2)!;
    expect(request).toEqual({
      kind: 'incremental',
      table: 'posts',
      tableArn: TABLE_ARNS.posts,
      prefix: 'exports/posts/incremental',
      from: END0,
      to: END0 + DAY,
      clientToken: clientToken(TABLE_ARNS.posts, 'incremental', END0, END0 + DAY, 0),
    });
    expect(started[0]).toMatchObject({ from: '2026-11-01T17:00:00.000Z', snapshot: '2026-11-02T17:00:00.000Z' });
    expect(await w.history.marker('posts')).toMatchObject({ lastFullAt: END0, lastTo: END0 + DAY });
  });

  it(`is full again once the last full export is fullExportEveryDays old, incremental in between`, async () => {
    const w = world(3);
    const days: string[][] = [];
    for (let day = 0; day <= 7; day++) {
      days.push(kinds((await scheduledRun(w, day)).started));
      w.exports.finishAll();
    }
    expect(days.map((d) => d[0])).toEqual([
      'posts:full',
      'posts:incremental',
      'posts:incremental',
      'posts:full',
      'posts:incremental',
      'posts:incremental',
      'posts:full',
      'posts:incremental',
    ]);
  });

  it('is always full with fullExportEveryDays 1', async () => {
    const w = world(1);
    for (let day = 0; day <= 2; day++) {
      expect(kinds((await scheduledRun(w, day)).started)).toEqual(['posts:full', 'alerts:full']);
      w.exports.finishAll();
    }
  });

  it('is full when the previous export ended more than 24 hours before (a missed day)', async () => {
    const w = world();
    await scheduledRun(w, 0);
    w.exports.finishAll();
    const { started } = await scheduledRun(w, 2);
    expect(kinds(started)).toEqual(['posts:full', 'alerts:full']);
    expect(started[0]).toMatchObject({ snapshot: new Date(END0 + 2 * DAY).toISOString() });
  });

  it('takes an incremental export of exactly 24 hours, DynamoDB\u2019s longest', () => {
    const marker: ExportMarker = { lastFullAt: END0, lastTo: END0, needsFull: false, failures: 0 };
    expect(planExport(marker, END0 + DAY, 7)).toEqual({ kind: 'incremental', from: END0 });
    expect(planExport(marker, END0 + DAY + HOUR, 7)).toMatchObject({ kind: 'full' });
    expect(planExport(marker, END0 + 15 * MINUTE, 7)).toEqual({ kind: 'incremental', from: END0 });
  });

  it('starts nothing when run again within the hour: the previous export already ends there', async () => {
    const w = world();
    await startExports(DAY0, w);
    const again = await startExports(DAY0 + 20 * MINUTE, w);
    expect(again.started).toEqual([]);
    expect(again.skipped.map((s) => s.table)).toEqual(['posts', 'alerts']);
    expect(w.exports.requests).toHaveLength(2);
  });

  it('asks for the very same export when a run died before recording it (same client token, same request)', async () => {
    const w = world();
    const recordStarted = jest.spyOn(w.history, 'recordStarted').mockRejectedValueOnce(new Error('state table unavailable'));
    await expect(startExports(DAY0, w)).rejects.toThrow('state table unavailable');
    recordStarted.mockRestore();
    const retried = await startExports(DAY0 + 3 * MINUTE, w);
    expect(w.exports.requests[1]).toEqual(w.exports.requests[0]);
    expect(new Set(w.exports.states.keys()).size).toBe(2);
    expect(retried.started.map((s) => s.exportArn)).toEqual([...w.exports.states.keys()]);
  });

  it('ends exports on the hour, at least five minutes after it', () => {
    expect(new Date(exportEnd(Date.parse('2026-11-01T17:30:00Z'))).toISOString()).toBe('2026-11-01T17:00:00.000Z');
    expect(new Date(exportEnd(Date.parse('2026-11-01T17:04:59Z'))).toISOString()).toBe('2026-11-01T16:00:00.000Z');
    expect(new Date(exportEnd(Date.parse('2026-11-01T17:05:00Z'))).toISOString()).toBe('2026-11-01T17:00:00.000Z');
  });

  it('gives client tokens that differ by table, kind, period and failures, and fit DynamoDB', () => {
    const tokens = new Set([
      clientToken(TABLE_ARNS.posts, 'full', undefined, END0, 0),
      clientToken(TABLE_ARNS.alerts, 'full', undefined, END0, 0),
      clientToken(TABLE_ARNS.posts, 'incremental', END0 - DAY, END0, 0),
      clientToken(TABLE_ARNS.posts, 'full', undefined, END0 + HOUR, 0),
      clientToken(TABLE_ARNS.posts, 'full', undefined, END0, 1),
    ]);
    expect(tokens.size).toBe(5);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(clientToken(TABLE_ARNS.posts, 'full', undefined, END0, 0)).toBe(clientToken(TABLE_ARNS.posts, 'full', undefined, END0, 0));
  });
});

describe('settleExports', () => {
  it('registers a completed export as a Glue partition at its data/ folder, and marks it done', async () => {
    const w = world();
    const { started } = await scheduledRun(w, 0);
    w.exports.finishAll();
    await scheduledRun(w, 1);
    w.exports.finishAll();
    const posts = started[0]!;
    const id = exportId(posts.exportArn);

    const settled = await settleExports(w);
    expect(settled.completed.map((s) => `${s.table}:${s.kind}`)).toEqual(['posts:incremental', 'alerts:incremental']);
    expect(w.catalog.partitions.get(`posts_full/${posts.snapshot}`)).toBe(`s3://${BUCKET}/exports/posts/full/AWSDynamoDB/${id}/data/`);
    expect(w.catalog.partitions.get(`posts_changes/2026-11-02T17:00:00.000Z`)).toMatch(
      new RegExp(`^s3://${BUCKET}/exports/posts/incremental/AWSDynamoDB/[0-9]{14}-[0-9a-f]{8}/data/$`),
    );
    expect([...w.catalog.partitions.keys()].sort()).toEqual([
      'alerts_changes/2026-11-02T17:00:00.000Z',
      'alerts_full/2026-11-01T17:00:00.000Z',
      'posts_changes/2026-11-02T17:00:00.000Z',
      'posts_full/2026-11-01T17:00:00.000Z',
    ]);
    expect(await w.history.pending()).toEqual([]);
  });

  it('leaves an export still in progress for the next run', async () => {
    const w = world();
    await startExports(DAY0, w);
    const settled = await settleExports(w);
    expect(settled.inProgress.map((s) => s.table)).toEqual(['posts', 'alerts']);
    expect(settled.completed).toEqual([]);
    expect(w.catalog.partitions.size).toBe(0);
    expect(await w.history.pending()).toHaveLength(2);
  });

  it('on a failed export: logs its FailureCode and FailureMessage, counts it, and makes the next export of that table full (a new one)', async () => {
    const w = world();
    await scheduledRun(w, 0);
    w.exports.finishAll();
    const day1 = await scheduledRun(w, 1);
    const postsIncremental = day1.started[0]!;
    w.exports.finishAll();
    w.exports.states.set(postsIncremental.exportArn, {
      status: 'FAILED',
      failureCode: 'S3NoSuchBucket',
      failureMessage: 'The specified bucket does not exist',
    });

    const settled = await settleExports(w);
    expect(settled.failed).toEqual([
      { ...postsIncremental, failureCode: 'S3NoSuchBucket', failureMessage: 'The specified bucket does not exist' },
    ]);
    expect(settled.completed.map((s) => s.table)).toEqual(['alerts']);
    expect(w.catalog.partitions.has(`posts_changes/${postsIncremental.snapshot}`)).toBe(false);
    expect(w.logged).toContainEqual(
      expect.objectContaining({
        level: 'error',
        fields: expect.objectContaining({ exportArn: postsIncremental.exportArn, failureCode: 'S3NoSuchBucket' }),
      }),
    );

    // Day 2: posts full again (its chain of changes has a hole), alerts carries on.
    const day2 = await startExports(DAY0 + 2 * DAY, w);
    expect(kinds(day2.started)).toEqual(['posts:full', 'alerts:incremental']);
    expect(await w.history.marker('posts')).toMatchObject({ needsFull: false, failures: 1, lastFullAt: END0 + 2 * DAY });
  });

  it('retries a failed full export within the same hour as a new export', async () => {
    const w = world();
    const first = await startExports(DAY0, w);
    w.exports.states.set(first.started[0]!.exportArn, { status: 'FAILED', failureCode: 'UnknownInternalFailure' });
    w.exports.states.set(first.started[1]!.exportArn, { status: 'COMPLETED' });
    await settleExports(w);

    const retried = await startExports(DAY0 + 20 * MINUTE, w);
    expect(kinds(retried.started)).toEqual(['posts:full']);
    expect(retried.started[0]!.exportArn).not.toBe(first.started[0]!.exportArn);
    expect(retried.started[0]!.snapshot).toBe(first.started[0]!.snapshot);
  });

  it('settles each export once: a second settle, or one after a run died before marking it done, counts nothing again', async () => {
    const w = world();
    await startExports(DAY0, w);
    w.exports.finishAll();
    const settle = jest.spyOn(w.history, 'settle').mockRejectedValueOnce(new Error('state table unavailable'));
    await expect(settleExports(w)).rejects.toThrow('state table unavailable');
    settle.mockRestore();
    expect(w.catalog.partitions.size).toBe(1);

    const again = await settleExports(w);
    expect(again.completed.map((s) => s.table)).toEqual(['posts', 'alerts']);
    expect(w.catalog.partitions.size).toBe(2);
    const third = await settleExports(w);
    expect(third).toEqual({ completed: [], failed: [], inProgress: [] });
  });
});

describe('export locations', () => {
  it('reads an export\u2019s id from its ARN and its data from <prefix>/AWSDynamoDB/<id>/data/', () => {
    const arn = 'arn:aws:dynamodb:ap-southeast-3:123456789012:table/pantau-posts/export/01764608400000-1a2b3c4d';
    expect(exportId(arn)).toBe('01764608400000-1a2b3c4d');
    expect(exportDataLocation(BUCKET, { prefix: 'exports/posts/full', exportArn: arn })).toBe(
      `s3://${BUCKET}/exports/posts/full/AWSDynamoDB/01764608400000-1a2b3c4d/data/`,
    );
    expect(() => exportId('arn:aws:dynamodb:ap-southeast-3:123456789012:table/pantau-posts/export/')).toThrow(/not an export ARN/);
  });
});

describe('exporter handler', () => {
  function handlerWorld() {
    const w = world();
    const metrics: Record<string, number> = {};
    const fakeMetrics = {
      addMetric: (name: string, _unit: string, value: number) => (metrics[name] = (metrics[name] ?? 0) + value),
      publishStoredMetrics: () => undefined,
    } as unknown as Metrics;
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Logger;
    let now = DAY0;
    const handler = makeHandler({ ...w, now: () => now, logger: quiet, metrics: fakeMetrics });
    return { w, metrics, handler, at: (ms: number) => (now = ms) };
  }

  it('reads the action; an event without one only settles; anything else is refused', () => {
    expect(exporterAction({ action: 'start' })).toBe('start');
    expect(exporterAction({ action: 'settle' })).toBe('settle');
    expect(exporterAction({})).toBe('settle');
    expect(() => exporterAction({ action: 'export' })).toThrow(/unknown action "export"/);
  });

  it('start settles first, then starts; settle never starts; metrics count what happened', async () => {
    const { w, metrics, handler, at } = handlerWorld();
    const first = await handler({ action: 'start' });
    expect(first.started?.started).toHaveLength(2);
    expect(metrics).toEqual({ exports_completed: 0, exports_failed: 0, exports_started: 2 });

    w.exports.finishAll();
    at(DAY0 + DAY);
    const settleOnly = await handler({ action: 'settle' });
    expect(settleOnly.started).toBeUndefined();
    expect(metrics).toMatchObject({ exports_completed: 2, exports_started: 2 });
    expect(w.exports.requests).toHaveLength(2);

    const [next] = (await handler({ action: 'start' })).started!.started;
    w.exports.states.set(next!.exportArn, { status: 'FAILED', failureCode: 'UnknownInternalFailure' });
    await handler({ action: 'settle' });
    expect(metrics).toMatchObject({ exports_completed: 2, exports_failed: 1, exports_started: 4 });
  });
});
