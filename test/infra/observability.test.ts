import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { parseConfig } from '../../shared/config';
import { Encryption } from '../../infra/aws/encryption';
import { FUNCTION_NAMES, OPS_ALARMS, Observability, successWindow, type FunctionName } from '../../infra/aws/observability';
import { PantauFunction } from '../../infra/aws/pantau-function';
import { NO_BUNDLING, REPO_ROOT, tempDir, testConfigObject, writeJson } from './fixtures';

const PER_DAY = 5_000;
const FACTCHECK_SCHEDULE = 'cron(0 1 ? * MON-FRI *)';

interface Built {
  readonly stack: Stack;
  readonly template: Template;
  readonly observability: Observability;
  readonly functions: Partial<Record<FunctionName, PantauFunction>>;
  readonly queues: { posts: Queue; postsDlq: Queue; aggregatorFailures: Queue; notifierFailures: Queue };
  readonly alertsTopic: Topic;
  readonly key: IKey;
}

/** A stack holding stand-ins for the functions and queues PantauStack builds, and Observability over them. */
function build(options: { x: boolean }): Built {
  const dir = tempDir();
  const postsPath = join(dir, 'posts.jsonl');
  writeFileSync(postsPath, '');
  const value = testConfigObject(postsPath, {
    sources: {
      file: { path: postsPath, schedule: 'rate(30 minutes)' },
      x: { enabled: options.x, schedule: 'rate(10 minutes)', budget: { perDay: PER_DAY } },
      news: { enabled: true, schedule: 'rate(15 minutes)' },
      factchecks: { enabled: true, schedule: FACTCHECK_SCHEDULE },
    },
  });
  const configPath = writeJson(dir, 'pantau.config.json', value);
  const inputs = { config: parseConfig(value, configPath), configPath, repoRoot: REPO_ROOT };
  const app = new App({ context: NO_BUNDLING });
  const stack = new Stack(app, 'Test', { env: { region: 'ap-southeast-3' } });

  const functions: Partial<Record<FunctionName, PantauFunction>> = {};
  for (const name of FUNCTION_NAMES) {
    if (name === 'x-collector' && !options.x) continue;
    functions[name] = new PantauFunction(stack, `Fn-${name}`, { inputs, name, description: name, timeout: Duration.seconds(30) });
  }
  const postsDlq = new Queue(stack, 'PostsDlq');
  const queues = {
    postsDlq,
    posts: new Queue(stack, 'Posts', { deadLetterQueue: { queue: postsDlq, maxReceiveCount: 3 } }),
    aggregatorFailures: new Queue(stack, 'AggregatorFailures'),
    notifierFailures: new Queue(stack, 'NotifierFailures'),
  };
  const alertsTopic = new Topic(stack, 'Alerts');
  const key = new Encryption(stack, 'Encryption').key;
  const observability = new Observability(stack, 'Observability', { inputs, functions, queues, encryptionKey: key });
  return { stack, template: Template.fromStack(stack), observability, functions, queues, alertsTopic, key };
}

interface AlarmProps {
  readonly MetricName: string;
  readonly Namespace: string;
  readonly Dimensions: { Name: string; Value: unknown }[];
  readonly Threshold: number;
  readonly ComparisonOperator: string;
  readonly Period: number;
  readonly EvaluationPeriods: number;
  readonly Statistic: string;
  readonly TreatMissingData: string;
  readonly AlarmActions: unknown[];
  readonly OKActions: unknown[];
  readonly AlarmDescription?: string;
}

describe('Observability', () => {
  const { stack, template, observability, functions, queues, alertsTopic, key } = build({ x: true });
  const ref = (value: unknown) => stack.resolve(value) as unknown;
  const opsTopicRef = ref(observability.opsTopic.topicArn);
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((r) => r.Properties as AlarmProps);
  const dimension = (alarm: AlarmProps, name: string) => alarm.Dimensions.find((d) => d.Name === name)?.Value;
  const alarmsOn = (metricName: string, dimensionName: string, value: unknown) =>
    alarms.filter((a) => a.MetricName === metricName && JSON.stringify(dimension(a, dimensionName)) === JSON.stringify(value));
  const fnRef = (fn: PantauFunction) => ({ Ref: stack.getLogicalId(fn.fn.node.defaultChild as CfnFunction) });
  /** Every metric line of the dashboard's graphs (tokens in the body stand in as "<token>"). */
  const dashboardMetrics = (): unknown[][] => {
    const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    const parts = (dashboard!.Properties.DashboardBody as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
    const body = JSON.parse(parts.map((part) => (typeof part === 'string' ? part : '<token>')).join('')) as {
      widgets: { properties: { metrics?: unknown[][] } }[];
    };
    return body.widgets.flatMap((widget) => widget.properties.metrics ?? []);
  };

  it('has its own ops topic, encrypted and SSL-only, apart from the alerts topic', () => {
    expect(opsTopicRef).not.toEqual(ref(alertsTopic.topicArn));
    template.resourceCountIs('AWS::SNS::Topic', 2);
    template.hasResourceProperties('AWS::SNS::Topic', {
      DisplayName: 'pantau-test operations',
      KmsMasterKeyId: ref(key.keyArn),
    });
    const policies = template.findResources('AWS::SNS::TopicPolicy', { Properties: { Topics: [opsTopicRef] } });
    expect(JSON.stringify(policies)).toContain('aws:SecureTransport');
  });

  it('encrypts the ops topic with a key CloudWatch may use (the stack key), so alarms can publish', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: Match.arrayWith(['kms:Decrypt', 'kms:GenerateDataKey*']),
          }),
        ]),
      },
    });
  });

  it('every alarm tells the ops topic when it fires and when it is OK again', () => {
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toEqual([opsTopicRef]);
      expect(alarm.OKActions).toEqual([opsTopicRef]);
    }
  });

  it('alarms as soon as SNS refuses an alert (held in the outbox) in the aggregator or the sweep', () => {
    for (const service of ['aggregator', 'alert-sweeper']) {
      const [alarm, ...others] = alarmsOn('alerts_held', 'service', service);
      expect(others).toHaveLength(0);
      expect(alarm).toMatchObject({ Namespace: 'Pantau', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold', Statistic: 'Sum' });
      expect(alarm?.AlarmDescription).toContain('outbox');
    }
  });

  it('watches no alert metric of the classifier, which sends no alerts', () => {
    expect(alarmsOn('alerts_held', 'service', 'classifier')).toHaveLength(0);
    const classifierMetrics = dashboardMetrics().filter((m) => m[0] === 'Pantau' && m.includes('classifier'));
    expect(classifierMetrics.length).toBeGreaterThan(0);
    expect(classifierMetrics.filter((m) => String(m[1]).startsWith('alerts_'))).toEqual([]);
  });

  it(`alarms when the aggregator is over ${OPS_ALARMS.streamBehindMinutes} minutes behind the posts stream (IteratorAge)`, () => {
    const [alarm, ...others] = alarmsOn('IteratorAge', 'FunctionName', fnRef(functions.aggregator!));
    expect(others).toHaveLength(0);
    expect(alarm).toMatchObject({
      Namespace: 'AWS/Lambda',
      Statistic: 'Maximum',
      Period: 300,
      EvaluationPeriods: 1,
      // IteratorAge is in milliseconds.
      Threshold: 10 * 60 * 1000,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    expect(alarm?.AlarmDescription).toMatch(/behind the posts table's stream/);
    expect(alarms.filter((a) => a.MetricName === 'IteratorAge')).toHaveLength(1);
  });

  it('alarms as soon as the aggregator gave up on a batch of the stream (its failure queue holds a message)', () => {
    const [alarm, ...others] = alarmsOn('ApproximateNumberOfMessagesVisible', 'QueueName', ref(queues.aggregatorFailures.queueName));
    expect(others).toHaveLength(0);
    expect(alarm).toMatchObject({
      Namespace: 'AWS/SQS',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      Period: 300,
      Statistic: 'Maximum',
    });
    expect(alarm?.AlarmDescription).toMatch(/stored, but their counts, coordinated-posting marks and alerts are missing/);
  });

  it('alarms as soon as the aggregator meets a stream record it cannot read', () => {
    const [alarm, ...others] = alarmsOn('stream_records_unreadable', 'service', 'aggregator');
    expect(others).toHaveLength(0);
    expect(alarm).toMatchObject({ Namespace: 'Pantau', Statistic: 'Sum', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
  });

  it('alarms as soon as a post is in the DLQ', () => {
    const [alarm, ...others] = alarmsOn('ApproximateNumberOfMessagesVisible', 'QueueName', ref(queues.postsDlq.queueName));
    expect(others).toHaveLength(0);
    expect(alarm).toMatchObject({
      Namespace: 'AWS/SQS',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      Period: 300,
      EvaluationPeriods: 1,
      Statistic: 'Maximum',
    });
  });

  it('alarms as soon as the notifier could not deliver an alert', () => {
    const [alarm] = alarmsOn('ApproximateNumberOfMessagesVisible', 'QueueName', ref(queues.notifierFailures.queueName));
    expect(alarm).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
  });

  it(`alarms when the oldest post waited more than ${OPS_ALARMS.oldestPostMinutes} minutes`, () => {
    const [alarm] = alarmsOn('ApproximateAgeOfOldestMessage', 'QueueName', ref(queues.posts.queueName));
    expect(alarm).toMatchObject({
      Threshold: OPS_ALARMS.oldestPostMinutes * 60,
      ComparisonOperator: 'GreaterThanThreshold',
      Statistic: 'Maximum',
    });
  });

  it.each(FUNCTION_NAMES)('%s: an Errors and a Throttles alarm (any in 5 minutes)', (name) => {
    for (const metric of ['Errors', 'Throttles']) {
      const found = alarmsOn(metric, 'FunctionName', fnRef(functions[name]!));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        Namespace: 'AWS/Lambda',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        Period: 300,
        Statistic: 'Sum',
        TreatMissingData: 'notBreaching',
      });
    }
  });

  it('alarms when the X collector (rate(10 minutes)) has not succeeded for 20 minutes, missing data included', () => {
    const [alarm, ...others] = alarmsOn('runs_succeeded', 'service', 'x-collector');
    expect(others).toHaveLength(0);
    expect(alarm).toMatchObject({
      Namespace: 'Pantau',
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
    expect(alarm!.Period * alarm!.EvaluationPeriods).toBe(20 * 60);
  });

  it('has a success alarm per enabled collector, over two of its schedules', () => {
    expect(alarmsOn('runs_succeeded', 'service', 'file-collector')[0]).toMatchObject({ Period: 3600, EvaluationPeriods: 1 });
    expect(alarmsOn('runs_succeeded', 'service', 'news-collector')[0]).toMatchObject({ Period: 1800, EvaluationPeriods: 1 });
    // Weekdays only: the longest gap is Friday to Monday (3 days), so two schedules are 6 days.
    expect(alarmsOn('runs_succeeded', 'service', 'factcheck-collector')[0]).toMatchObject({ Period: 86_400, EvaluationPeriods: 6 });
  });

  it(`alarms when X reads today reach ${OPS_ALARMS.xBudgetShare * 100}% of sources.x.budget.perDay`, () => {
    const [alarm, ...others] = alarmsOn('x_reads_today', 'service', 'x-collector');
    expect(others).toHaveLength(0);
    expect(alarm).toMatchObject({
      Namespace: 'Pantau',
      Statistic: 'Maximum',
      Threshold: 0.8 * PER_DAY,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('has the operations dashboard with its widgets', () => {
    const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0]!.Properties.DashboardName).toBe('pantau-test-operations');
    const body = JSON.stringify(dashboards[0]!.Properties.DashboardBody);
    for (const title of [
      'Posts in',
      'Posts classified',
      'Posts aggregated',
      'Posts failed',
      'Alerts by kind',
      'Collector health',
      'X reads vs budget',
      'Alarms',
    ]) {
      expect(body).toContain(`\\"title\\":\\"${title}\\"`);
    }
    expect(body).toContain(`\\"value\\":${PER_DAY},\\"label\\":\\"daily budget\\"`);
  });

  it('graphs alerts by kind from the aggregator, and its windows and iterator age', () => {
    const metrics = dashboardMetrics();
    const has = (...prefix: unknown[]) => metrics.some((m) => prefix.every((part, i) => m[i] === part));
    for (const kind of ['spike', 'hoax', 'reach']) expect(has('Pantau', 'alerts_sent', 'kind', kind, 'service', 'aggregator')).toBe(true);
    for (const metric of ['posts_counted', 'window_posts', 'posts_coordinated']) {
      expect(has('Pantau', metric, 'service', 'aggregator')).toBe(true);
    }
    expect(has('AWS/Lambda', 'IteratorAge', 'FunctionName')).toBe(true);
  });

  it('gives the dashboard address in the region', () => {
    expect(ref(observability.dashboardUrl)).toBe(
      'https://ap-southeast-3.console.aws.amazon.com/cloudwatch/home?region=ap-southeast-3#dashboards:name=pantau-test-operations',
    );
  });
});

describe('Observability without the X source', () => {
  const { template } = build({ x: false });

  it('has no X alarms and no X widget', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((r) => r.Properties as AlarmProps);
    expect(alarms.filter((a) => a.MetricName === 'x_reads_today')).toHaveLength(0);
    expect(alarms.filter((a) => a.Dimensions.some((d) => d.Value === 'x-collector'))).toHaveLength(0);
    const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    expect(JSON.stringify(dashboard!.Properties.DashboardBody)).not.toContain('X reads vs budget');
  });
});

describe('successWindow', () => {
  it.each([
    ['rate(10 minutes)', 1_200, 1],
    ['rate(6 hours)', 43_200, 1],
    ['rate(12 hours)', 86_400, 1],
    ['rate(1 day)', 86_400, 2],
    ['cron(0 0 * * ? *)', 86_400, 2],
    ['cron(0/15 * * * ? *)', 1_800, 1],
    // CloudWatch evaluates at most 7 days.
    ['rate(7 days)', 86_400, 7],
    ['cron(0 0 1 1 ? *)', 86_400, 7],
  ])('%s: period %i s, %i evaluation period(s)', (expression, periodSeconds, evaluationPeriods) => {
    expect(successWindow(expression)).toEqual({ periodSeconds, evaluationPeriods });
  });
});
