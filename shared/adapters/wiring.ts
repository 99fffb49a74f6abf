/**
 * The handlers' wiring kit. Every functions/<name>/handler.ts builds its dependencies from the
 * environment once per cold start (config, AWS clients, logger, metrics, the adapters several
 * handlers share) and ends each invocation the same way; those pieces live here, once, so a
 * handler is only the wiring that is its own.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import type { Alert } from '../alerts/alert';
import { loadConfig, type Config } from '../config';
import { optionalEnv, requireEnv } from '../env';
import { ENV } from '../env-names';
import type { RunLock } from '../pipeline/ports';
import { underLock } from '../pipeline/run-lock';
import { COLLECTOR, TABLES } from '../resources';
import type { AwsClients } from './clients';
import { DynamoCollectorState, DynamoRunLock } from './collector-state';

/**
 * The config file `PANTAU_CONFIG` names (`pantau.config.json` when unset), read and checked, with
 * the console's address from `PANTAU_CONSOLE_URL` when that is set.
 */
function configFromEnv(): Config {
  const config = loadConfig(optionalEnv(ENV.config, 'pantau.config.json'));
  const consoleUrl = process.env[ENV.consoleUrl];
  return consoleUrl ? { ...config, console: { ...config.console, url: consoleUrl } } : config;
}

/** A function's logger and metrics (namespace `Pantau`, one service per function). */
export interface Observability {
  readonly logger: Logger;
  readonly metrics: Metrics;
}

function observability(service: string): Observability {
  return { logger: new Logger({ serviceName: service }), metrics: new Metrics({ namespace: 'Pantau', serviceName: service }) };
}

/**
 * What every handler's wiring starts from, made once per cold start. A handler makes only the
 * clients it uses (each SDK client it imports is code in its bundle, loaded at every cold start).
 */
export interface Wiring<C extends Partial<AwsClients> = Pick<AwsClients, 'doc'>> extends Observability {
  readonly config: Config;
  readonly clients: C;
  /** The state table's name (every function keeps something there). */
  readonly stateTable: string;
  readonly now: () => number;
}

/** Config, logger and metrics for `service`, with the clients its handler made. */
export function wiring<C extends Partial<AwsClients>>(service: string, clients: C): Wiring<C> {
  return { config: configFromEnv(), clients, stateTable: requireEnv(TABLES.state.envVar), now: Date.now, ...observability(service) };
}

/** What every handler's deps carry from the wiring: the clock, the logger and the metrics. */
export function tools({
  now,
  logger,
  metrics,
}: Observability & { readonly now: () => number }): Observability & { readonly now: () => number } {
  return { now, logger, metrics };
}

/** A collector's checkpoints and its run lock, in the state table. */
export function collectorState({ clients, stateTable, config }: Wiring): {
  readonly state: DynamoCollectorState;
  readonly lock: DynamoRunLock;
} {
  return {
    state: new DynamoCollectorState(clients.doc, stateTable, config.retention.stateDays),
    lock: new DynamoRunLock(clients.doc, stateTable),
  };
}

/** What a handler says when SNS refuses an alert that stays in the outbox (`what` tells who sends it later). */
export function reportHeld({ logger, metrics }: Observability, what: string): (alert: Alert, error: unknown) => void {
  return (alert, error) => {
    metrics.addMetric('alerts_held', MetricUnit.Count, 1);
    logger.error(`SNS refused the alert; it stays in the outbox ${what}`, {
      alertId: alert.alertId,
      revision: alert.revision,
      error: error as Error,
    });
  };
}

/**
 * `load`, called once and its answer kept; a failure is not kept, so the next call tries again
 * (a secret read before it was filled in, Secrets Manager briefly unreachable).
 */
export function memoUntilSuccess<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((err: unknown) => {
      pending = undefined;
      throw err;
    }));
}

/** The core's `log` callback, writing to the function's logger. */
export function logTo(logger: Logger): (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void {
  return (level, message, fields) => logger[level](message, fields ?? {});
}

/** One invocation's work, then the metrics it stored published, whatever happened. */
export async function publishingMetrics<T>(metrics: Metrics, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    metrics.publishStoredMetrics();
  }
}

/** A collector run that did not happen: another run held the lock. */
export interface NotRun {
  readonly notRun: string;
}

/**
 * Runs a collector holding its lock (`collector` is the lock's name, `what` names it in the log,
 * e.g. `the X collector`), then `report`s the result; a run that finds the lock taken does nothing.
 */
export async function runLocked<R, O>(
  deps: Observability & { readonly lock: RunLock },
  collector: string,
  what: string,
  collect: () => Promise<R>,
  report: (result: R) => O,
): Promise<O | NotRun> {
  const run = await underLock(deps.lock, collector, COLLECTOR.lockSeconds * 1000, collect);
  if (!run.ran) {
    deps.metrics.addMetric('runs_skipped', MetricUnit.Count, 1);
    deps.logger.warn(`another run of ${what} is still going; this one does nothing`);
    return { notRun: 'another run holds the lock' };
  }
  return report(run.result);
}

/** Counts a collector run that did its work: the ops alarm fires when a collector has not succeeded for two schedules. */
export function succeeded<T>(metrics: Metrics, result: T): T {
  metrics.addMetric('runs_succeeded', MetricUnit.Count, 1);
  return result;
}

/** The exported handler: wired on its first invocation (once per cold start), then reused. */
export function wiredOnFirstCall<A extends unknown[], R>(wire: () => (...args: A) => R): (...args: A) => R {
  let wired: ((...args: A) => R) | undefined;
  return (...args) => (wired ??= wire())(...args);
}
