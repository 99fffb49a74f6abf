/**
 * Exporter Lambda: on `analytics.schedule` (`{"action": "start"}`) starts the exports of the posts
 * and alerts tables to S3; every 30 minutes (`{"action": "settle"}`) registers the finished ones
 * for Athena. A start settles first, so a failed export is known before the next one is chosen.
 * Thin wiring over shared/pipeline/export-tables.ts.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GlueClient } from '@aws-sdk/client-glue';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoExportHistory, DynamoTableExports, GlueSnapshots } from '../../shared/adapters/exports';
import { makeDocumentClient } from '../../shared/adapters/clients';
import * as kit from '../../shared/adapters/wiring';
import { requireEnv } from '../../shared/env';
import { EXPORTER_ENV } from '../../shared/env-names';
import { settleExports, startExports, type ExportDeps, type SettleResult, type StartResult } from '../../shared/pipeline/export-tables';

export type ExporterAction = 'start' | 'settle';

export interface ExporterHandlerDeps extends ExportDeps, kit.Observability {
  readonly now: () => number;
}

export interface ExporterOutcome {
  readonly settled: SettleResult;
  readonly started?: StartResult;
}

export type ExporterHandler = (event: unknown) => Promise<ExporterOutcome>;

/** `start` or `settle`; an event without an action (a hand-run invoke) only settles, which never starts an export. */
export function exporterAction(event: unknown): ExporterAction {
  const action = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined;
  if (action === undefined) return 'settle';
  if (action === 'start' || action === 'settle') return action;
  throw new Error(`exporter: unknown action ${JSON.stringify(action)}; expected "start" or "settle"`);
}

export function makeHandler(deps: ExporterHandlerDeps): ExporterHandler {
  const { logger, metrics } = deps;
  const exportDeps: ExportDeps = { ...deps, log: kit.logTo(logger) };
  return async (event) => {
    const action = exporterAction(event);
    return kit.publishingMetrics(metrics, async () => {
      const settled = await settleExports(exportDeps);
      metrics.addMetric('exports_completed', MetricUnit.Count, settled.completed.length);
      metrics.addMetric('exports_failed', MetricUnit.Count, settled.failed.length);
      logger.info('exports settled', {
        completed: settled.completed.length,
        failed: settled.failed.length,
        inProgress: settled.inProgress.map((e) => e.exportArn),
      });
      if (action === 'settle') return { settled };
      const started = await startExports(deps.now(), exportDeps);
      metrics.addMetric('exports_started', MetricUnit.Count, started.started.length);
      return { settled, started };
    });
  };
}

export function wireFromEnv(): ExporterHandlerDeps {
  const dynamo = new DynamoDBClient({});
  const w = kit.wiring('exporter', { doc: makeDocumentClient(dynamo) });
  const bucket = requireEnv(EXPORTER_ENV.bucket);
  const database = requireEnv(EXPORTER_ENV.database);
  return {
    exports: new DynamoTableExports(dynamo, { bucket, kmsKeyArn: requireEnv(EXPORTER_ENV.keyArn) }),
    catalog: new GlueSnapshots(new GlueClient({}), database),
    history: new DynamoExportHistory(w.clients.doc, w.stateTable, w.config.retention.stateDays),
    bucket,
    tableArns: { posts: requireEnv(EXPORTER_ENV.tableArns.posts), alerts: requireEnv(EXPORTER_ENV.tableArns.alerts) },
    fullExportEveryDays: w.config.analytics.fullExportEveryDays,
    ...kit.tools(w),
  };
}

export const handler: ExporterHandler = kit.wiredOnFirstCall(() => makeHandler(wireFromEnv()));
