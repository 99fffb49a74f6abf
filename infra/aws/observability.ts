/**
 * Operations: the ops topic (the engineers on duty, not the PR officers' alerts topic), the
 * CloudWatch alarms that publish to it, and the operations dashboard. Both read the functions'
 * built-in metrics, the queues' metrics and the Powertools metrics (EMF, namespace `Pantau`,
 * dimension `service` = the function's folder name) the handlers emit.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  Metric,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ALERT_KINDS } from '../../shared/alerts/alert';
import type { Config } from '../../shared/config';
import { parseSchedule } from '../../shared/schedule';
import type { PantauInputs } from './inputs';
import type { PantauFunction } from './pantau-function';

/** The Powertools metrics namespace every handler uses (POWERTOOLS_METRICS_NAMESPACE). */
export const METRICS_NAMESPACE = 'Pantau';

/** The thresholds of the ops alarms. */
export const OPS_ALARMS = {
  /** The posts queue falls behind when its oldest message is older than this. */
  oldestPostMinutes: 15,
  /** The aggregator falls behind when the last record of a batch it gets from the posts stream is older than this (IteratorAge). */
  streamBehindMinutes: 10,
  /** Share of `sources.x.budget.perDay` read today that warns the budget is nearly spent. */
  xBudgetShare: 0.8,
  /** Schedules a collector may miss before the alarm (no successful run for this many intervals). */
  missedSchedules: 2,
} as const;

/** The functions Pantau deploys, by folder name (also their Powertools service name). */
export const FUNCTION_NAMES = [
  'classifier',
  'aggregator',
  'alert-sweeper',
  'digest',
  'file-collector',
  'x-collector',
  'news-collector',
  'factcheck-collector',
  'notifier',
  'exporter',
  'console-api',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/** Each collector and the config source whose schedule runs it. */
const COLLECTOR_SOURCES = {
  'file-collector': 'file',
  'x-collector': 'x',
  'news-collector': 'news',
  'factcheck-collector': 'factchecks',
} as const satisfies Partial<Record<FunctionName, keyof Config['sources']>>;
type CollectorName = keyof typeof COLLECTOR_SOURCES;

/** Collectors that send posts to the queue (the fact-check collector stores claims). */
const POST_COLLECTORS = ['file-collector', 'x-collector', 'news-collector'] as const satisfies readonly CollectorName[];

const FIVE_MINUTES = Duration.minutes(5);
const DAY_SECONDS = 86_400;
/** CloudWatch's longest evaluation range: period × evaluation periods (7 days for periods of an hour or more). */
const MAX_RANGE_SECONDS = 7 * DAY_SECONDS;

export interface ObservabilityProps {
  readonly inputs: PantauInputs;
  /** The deployed functions by folder name; a missing one (source disabled, no chat) is left out. */
  readonly functions: Readonly<Partial<Record<FunctionName, PantauFunction>>>;
  readonly queues: {
    readonly posts: IQueue;
    readonly postsDlq: IQueue;
    /** The aggregator's on-failure queue (batches of the posts stream it gave up on). */
    readonly aggregatorFailures: IQueue;
    /** The notifier's on-failure queue (alerts it could not deliver), when a chat is configured. */
    readonly notifierFailures?: IQueue;
  };
  /** Encrypts the ops topic; its key policy must let CloudWatch use it (infra/aws/encryption.ts does). */
  readonly encryptionKey?: IKey;
}

/** How a "has not succeeded for N schedules" alarm looks at its metric. */
export interface SuccessWindow {
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
}

/**
 * The alarm window covering `missed` intervals of a schedule: one period when it fits in a day
 * (CloudWatch's longest period for a standard alarm), else whole days, at most seven (CloudWatch's
 * longest evaluation range). For a cron, the interval is the longest gap between its runs over
 * five weeks (a weekday-only schedule waits over the weekend).
 */
export function successWindow(expression: string, missed: number = OPS_ALARMS.missedSchedules): SuccessWindow {
  const seconds = Math.ceil((missed * longestGapMs(expression)) / 60_000) * 60;
  if (seconds <= DAY_SECONDS) return { periodSeconds: seconds, evaluationPeriods: 1 };
  return { periodSeconds: DAY_SECONDS, evaluationPeriods: Math.min(Math.ceil(seconds / DAY_SECONDS), MAX_RANGE_SECONDS / DAY_SECONDS) };
}

function longestGapMs(expression: string): number {
  const schedule = parseSchedule(expression);
  const start = Date.UTC(2026, 0, 1);
  const end = start + 35 * DAY_SECONDS * 1000;
  let longest = 0;
  let at = schedule.next(start);
  // Enough runs to see the schedule's pattern (at least one gap, even for a yearly cron); a rate's gap is the same every time.
  for (let i = 0; i === 0 || (i < 2_000 && at < end); i++) {
    const next = schedule.next(at);
    longest = Math.max(longest, next - at);
    at = next;
  }
  return longest;
}

export class Observability extends Construct {
  /** Where the alarms go: ops engineers subscribe to it by email or SMS (docs/operate.md). */
  readonly opsTopic: Topic;
  readonly dashboard: Dashboard;
  /** The dashboard's address in the CloudWatch console (for a CfnOutput). */
  readonly dashboardUrl: string;
  /** Every alarm, by construct id. */
  readonly alarms: Record<string, Alarm> = {};

  private readonly config: Config;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.config = props.inputs.config;
    const { functions, queues } = props;

    this.opsTopic = new Topic(this, 'OpsTopic', {
      displayName: `${this.config.name} operations`,
      enforceSSL: true,
      masterKey: props.encryptionKey,
    });
    this.action = new SnsAction(this.opsTopic);

    // Queues.
    const dlqDepth = queues.postsDlq.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: Stats.MAXIMUM });
    this.alarm('PostsDlqNotEmpty', {
      metric: dlqDepth,
      threshold: 0,
      description: 'Posts are in the dead-letter queue: they broke the contract or failed every retry (docs/operate.md: redrive the DLQ).',
    });
    if (queues.notifierFailures) {
      this.alarm('NotifierFailuresNotEmpty', {
        metric: queues.notifierFailures.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: Stats.MAXIMUM }),
        threshold: 0,
        description: 'The notifier could not deliver alerts to a chat after its retries (the failure queue holds them with the error).',
      });
    }
    this.alarm('PostsQueueBehind', {
      metric: queues.posts.metricApproximateAgeOfOldestMessage({ period: FIVE_MINUTES, statistic: Stats.MAXIMUM }),
      threshold: OPS_ALARMS.oldestPostMinutes * 60,
      description: `A post waited over ${OPS_ALARMS.oldestPostMinutes} minutes on the posts queue: the classifier is behind or failing.`,
    });

    // The aggregator: behind the posts stream, a window given up, a stored post it cannot read.
    const aggregator = functions.aggregator;
    if (aggregator) {
      this.alarm('AggregatorBehind', {
        metric: aggregator.fn.metric('IteratorAge', { period: FIVE_MINUTES, statistic: Stats.MAXIMUM }),
        threshold: OPS_ALARMS.streamBehindMinutes * 60 * 1000,
        description: `The aggregator is over ${OPS_ALARMS.streamBehindMinutes} minutes behind the posts table's stream (IteratorAge): new posts are stored, but their counts, coordinated-posting marks and alerts come late. Look at the aggregator's errors, throttles and duration; the stream keeps records 24 hours.`,
      });
      this.alarm('AggregatorUnreadableRecords', {
        metric: this.metric('aggregator', 'stream_records_unreadable', Stats.SUM, FIVE_MINUTES),
        threshold: 0,
        description:
          'The aggregator met stream records holding no post it can read (its logs name each eventID and sequence number): those posts are stored but left out of the counts and alerts.',
      });
    }
    const aggregatorFailures = queues.aggregatorFailures.metricApproximateNumberOfMessagesVisible({
      period: FIVE_MINUTES,
      statistic: Stats.MAXIMUM,
    });
    this.alarm('AggregatorFailuresNotEmpty', {
      metric: aggregatorFailures,
      threshold: 0,
      description:
        "The aggregator gave up on a batch of the posts stream after its retries (the failure queue names the shard and sequence numbers): those posts are stored, but their counts, coordinated-posting marks and alerts are missing. See the aggregator's errors.",
    });

    // Alerts SNS refused: they wait in the outbox; the sweep sends them once SNS takes them again.
    for (const name of ['aggregator', 'alert-sweeper'] as const) {
      if (!functions[name]) continue;
      this.alarm(`${pascal(name)}AlertsHeld`, {
        metric: this.metric(name, 'alerts_held', Stats.SUM, FIVE_MINUTES),
        threshold: 0,
        description: `SNS refused alerts from the ${name}: they wait in the outbox (alerts table status pending) and the sweep resends them; check SNS and the topic's key policy.`,
      });
    }

    // Every function: errors and throttles.
    for (const name of FUNCTION_NAMES) {
      const fn = functions[name]?.fn;
      if (!fn) continue;
      const prefix = pascal(name);
      this.alarm(`${prefix}Errors`, {
        metric: fn.metricErrors({ period: FIVE_MINUTES, statistic: Stats.SUM }),
        threshold: 0,
        description: `The ${name} function failed (see its logs).`,
      });
      this.alarm(`${prefix}Throttles`, {
        metric: fn.metricThrottles({ period: FIVE_MINUTES, statistic: Stats.SUM }),
        threshold: 0,
        description: `The ${name} function was throttled (account concurrency).`,
      });
    }

    // Collectors: no successful run for two schedules (a failed or missing run emits no runs_succeeded).
    for (const name of Object.keys(COLLECTOR_SOURCES) as CollectorName[]) {
      const source = this.config.sources[COLLECTOR_SOURCES[name]];
      if (!functions[name] || !source?.enabled) continue;
      const window = successWindow(source.schedule);
      this.alarm(`${pascal(name)}NotSucceeding`, {
        metric: this.metric(name, 'runs_succeeded', Stats.SUM, Duration.seconds(window.periodSeconds)),
        threshold: 1,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: window.evaluationPeriods,
        treatMissingData: TreatMissingData.BREACHING,
        description: `The ${name} has not finished a run successfully for ${OPS_ALARMS.missedSchedules} schedules (${source.schedule}).`,
      });
    }

    // X: the day's read budget nearly spent (the collector stops at the budget).
    const x = this.config.sources.x;
    if (x?.enabled && functions['x-collector']) {
      this.alarm('XBudgetNearlySpent', {
        metric: this.metric('x-collector', 'x_reads_today', Stats.MAXIMUM, Duration.hours(1)),
        threshold: OPS_ALARMS.xBudgetShare * x.budget.perDay,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        description: `X reads today reached ${OPS_ALARMS.xBudgetShare * 100}% of the daily budget (${x.budget.perDay}): it stops there.`,
      });
    }

    // Exports for analysts: one failed, or none finished for two of their schedules (a failed or missing settle run counts none).
    const { analytics } = this.config;
    if (analytics.enabled && functions.exporter) {
      this.alarm('ExportsFailed', {
        metric: this.metric('exporter', 'exports_failed', Stats.SUM, Duration.hours(1)),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        description:
          'A DynamoDB export to S3 failed (its FailureCode and FailureMessage are in the exporter logs); the next export of the table is full.',
      });
      const window = successWindow(analytics.schedule);
      this.alarm('ExportsNotCompleting', {
        metric: this.metric('exporter', 'exports_completed', Stats.SUM, Duration.seconds(window.periodSeconds)),
        threshold: 1,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: window.evaluationPeriods,
        treatMissingData: TreatMissingData.BREACHING,
        description: `No table export has finished for ${OPS_ALARMS.missedSchedules} export schedules (${analytics.schedule}): analysts see old data.`,
      });
    }

    const dashboardName = `${this.config.name}-operations`;
    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName, defaultInterval: Duration.days(1) });
    this.addWidgets(functions, dlqDepth, aggregatorFailures);
    const region = Stack.of(this).region;
    this.dashboardUrl = `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards:name=${dashboardName}`;
  }

  private addWidgets(functions: ObservabilityProps['functions'], dlqDepth: Metric, aggregatorFailures: Metric): void {
    const collectors = (Object.keys(COLLECTOR_SOURCES) as CollectorName[]).filter((name) => functions[name]);
    const sum = (service: string, metricName: string, label?: string) => this.metric(service, metricName, Stats.SUM, FIVE_MINUTES, label);
    const graph = (title: string, left: IMetric[], right: IMetric[] = []) => new GraphWidget({ title, left, right, width: 12, height: 6 });

    const aggregator = functions.aggregator?.fn;
    this.dashboard.addWidgets(
      graph(
        'Posts in',
        POST_COLLECTORS.filter((name) => functions[name]).map((name) => sum(name, 'posts_sent', name)),
      ),
      graph('Posts classified', [sum('classifier', 'posts_stored', 'stored'), sum('classifier', 'posts_duplicate', 'duplicate')]),
    );
    this.dashboard.addWidgets(
      graph(
        'Posts aggregated',
        [
          sum('aggregator', 'posts_counted', 'counted'),
          this.metric('aggregator', 'window_posts', Stats.AVERAGE, FIVE_MINUTES, 'posts per window (average)'),
          sum('aggregator', 'posts_coordinated', 'marked coordinated'),
          sum('aggregator', 'stream_records_unreadable', 'unreadable'),
        ],
        aggregator
          ? [aggregator.metric('IteratorAge', { period: FIVE_MINUTES, statistic: Stats.MAXIMUM, label: 'iterator age (ms)' })]
          : [],
      ),
      graph('Alerts by kind', [
        ...ALERT_KINDS.map((kind) => this.metric('aggregator', 'alerts_sent', Stats.SUM, FIVE_MINUTES, kind, { kind })),
        ...(functions['alert-sweeper'] ? [sum('alert-sweeper', 'alerts_resolved', 'resolved')] : []),
        ...(functions.digest ? [sum('digest', 'digests_sent', 'digest')] : []),
      ]),
    );
    this.dashboard.addWidgets(
      graph(
        'Posts failed',
        [
          sum('classifier', 'posts_failed', 'failed (retried)'),
          sum('classifier', 'posts_rejected', 'rejected by the classifier'),
          ...POST_COLLECTORS.filter((name) => functions[name]).map((name) =>
            sum(name, name === 'file-collector' ? 'posts_invalid' : 'posts_rejected', `rejected by the ${name}`),
          ),
        ],
        [dlqDepth.with({ label: 'DLQ depth' }), aggregatorFailures.with({ label: 'stream batches given up (aggregator)' })],
      ),
    );

    const health = [
      graph(
        'Collector health',
        collectors.map((name) => sum(name, 'runs_succeeded', `${name} runs succeeded`)),
        [
          ...collectors.map((name) =>
            functions[name]!.fn.metricErrors({ period: FIVE_MINUTES, statistic: Stats.SUM, label: `${name} errors` }),
          ),
          ...(functions['news-collector'] ? [sum('news-collector', 'feeds_failed', 'news feeds failed')] : []),
          ...(functions['factcheck-collector'] ? [sum('factcheck-collector', 'queries_failed', 'fact-check queries failed')] : []),
        ],
      ),
    ];
    const x = this.config.sources.x;
    if (x?.enabled && functions['x-collector']) {
      health.push(
        new GraphWidget({
          title: 'X reads vs budget',
          left: [this.metric('x-collector', 'x_reads_today', Stats.MAXIMUM, Duration.hours(1), 'read today')],
          right: [sum('x-collector', 'x_budget_exhausted', 'runs stopped by the budget')],
          leftAnnotations: [
            { value: x.budget.perDay, label: 'daily budget' },
            { value: OPS_ALARMS.xBudgetShare * x.budget.perDay, label: 'alarm' },
          ],
          leftYAxis: { min: 0 },
          width: 12,
          height: 6,
        }),
      );
    }
    if (this.config.analytics.enabled && functions.exporter) {
      const hourly = (metricName: string, label: string) => this.metric('exporter', metricName, Stats.SUM, Duration.hours(1), label);
      health.push(
        graph(
          'Exports',
          [hourly('exports_started', 'started'), hourly('exports_completed', 'completed')],
          [
            hourly('exports_failed', 'failed'),
            functions.exporter.fn.metricErrors({ period: Duration.hours(1), statistic: Stats.SUM, label: 'exporter errors' }),
          ],
        ),
      );
    }
    this.dashboard.addWidgets(...health);
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: Object.values(this.alarms), width: 24 }));
  }

  /** A Powertools metric of one function (dimension `service` = its folder name). */
  private metric(
    service: string,
    metricName: string,
    statistic: string,
    period: Duration,
    label?: string,
    dimensions: Record<string, string> = {},
  ): Metric {
    return new Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service, ...dimensions }, statistic, period, label });
  }

  private alarm(
    id: string,
    options: {
      metric: IMetric;
      threshold: number;
      description: string;
      comparisonOperator?: ComparisonOperator;
      evaluationPeriods?: number;
      treatMissingData?: TreatMissingData;
    },
  ): Alarm {
    const alarm = new Alarm(this, id, {
      alarmName: `${this.config.name}-${kebab(id)}`,
      alarmDescription: options.description,
      metric: options.metric,
      threshold: options.threshold,
      comparisonOperator: options.comparisonOperator ?? ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      treatMissingData: options.treatMissingData ?? TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms[id] = alarm;
    return alarm;
  }
}

const pascal = (name: string): string => name.replace(/(^|-)([a-z])/g, (_m, _dash: string, c: string) => c.toUpperCase());
const kebab = (id: string): string =>
  id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
