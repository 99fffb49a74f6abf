import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { CLASSIFIER, QUEUES, TABLES, TOPICS, type IndexSpec, type KeySpec, type TableSpec } from '../../shared/resources';
import type { PantauFunction } from '../../infra/aws/pantau-function';
import type { PantauStack } from '../../infra/aws/stack';
import { buildStack } from './fixtures';

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

function keySchema(partitionKey: KeySpec, sortKey?: KeySpec): unknown[] {
  return [{ AttributeName: partitionKey.name, KeyType: 'HASH' }, ...(sortKey ? [{ AttributeName: sortKey.name, KeyType: 'RANGE' }] : [])];
}

function logicalId(stack: PantauStack, fn: PantauFunction): string {
  return stack.getLogicalId(fn.fn.node.defaultChild as CfnFunction);
}

/** Every Allow statement of the policies attached to a function's role. */
function statementsOf(stack: PantauStack, template: Template, fn: PantauFunction): Statement[] {
  const role = stack.resolve(fn.fn.role!.roleName) as unknown;
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([role]) } });
  return Object.values(policies).flatMap((p) => (p.Properties.PolicyDocument.Statement as Statement[]).filter((s) => s.Effect === 'Allow'));
}

function actions(statement: Statement): string[] {
  return typeof statement.Action === 'string' ? [statement.Action] : statement.Action;
}

function resources(statement: Statement): unknown[] {
  return Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
}

/** True when one statement allows every one of `wanted` on `resource`. */
function allows(statements: Statement[], wanted: string[], resource: unknown): boolean {
  return statements.some(
    (s) => wanted.every((a) => actions(s).includes(a)) && resources(s).some((r) => JSON.stringify(r) === JSON.stringify(resource)),
  );
}

const DYNAMO_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:Query'];
const SQS_SEND = ['sqs:SendMessage'];

describe('PantauStack', () => {
  const { stack, template } = buildStack();
  const tableArn = (name: keyof typeof TABLES) => stack.resolve(stack.storage.tables[name].tableArn) as unknown;
  const tableRef = (name: keyof typeof TABLES) => stack.resolve(stack.storage.tables[name].tableName) as unknown;
  const queueArn = (q: 'postsQueue' | 'postsDlq') => stack.resolve(stack.pipeline[q].queueArn) as unknown;
  const queueRef = (q: 'postsQueue' | 'postsDlq') => stack.resolve(stack.pipeline[q].queueUrl) as unknown;
  const topicRef = stack.resolve(stack.alerting.topic.topicArn) as unknown;
  const classifier = stack.pipeline.classifier;
  const collector = stack.collectors.fileCollector!;

  describe('tables, built from TABLES', () => {
    const specs: [string, TableSpec][] = Object.entries(TABLES);

    it('has exactly the described tables', () => {
      template.resourceCountIs('AWS::DynamoDB::Table', specs.length);
    });

    it.each(specs)('%s: keys, GSIs, TTL, billing, PITR, retention and deletion protection follow the spec', (_name, spec) => {
      const found = template.findResources('AWS::DynamoDB::Table', {
        Properties: { KeySchema: keySchema(spec.partitionKey, spec.sortKey) },
      });
      expect(Object.keys(found)).toHaveLength(1);
      const [resource] = Object.values(found);
      const props = resource!.Properties;
      expect(resource!.DeletionPolicy).toBe('Retain');
      expect(props.BillingMode).toBe('PAY_PER_REQUEST');
      expect(props.TimeToLiveSpecification).toEqual({ AttributeName: spec.ttlAttribute, Enabled: true });
      expect(props.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: spec.pointInTimeRecovery });
      expect(props.DeletionProtectionEnabled).toBe(true);
      const gsis = (props.GlobalSecondaryIndexes ?? []) as { IndexName: string; KeySchema: unknown }[];
      expect(gsis.map((g) => ({ IndexName: g.IndexName, KeySchema: g.KeySchema }))).toEqual(
        spec.indexes.map((i: IndexSpec) => ({ IndexName: i.name, KeySchema: keySchema(i.partitionKey, i.sortKey) })),
      );
    });

    it('keeps point-in-time recovery on the exported tables (posts, alerts)', () => {
      expect(TABLES.posts.pointInTimeRecovery && TABLES.alerts.pointInTimeRecovery).toBe(true);
      for (const name of ['posts', 'alerts'] as const) {
        template.hasResourceProperties('AWS::DynamoDB::Table', {
          KeySchema: keySchema(TABLES[name].partitionKey),
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        });
      }
    });
  });

  describe('posts queue and DLQ, built from QUEUES.posts', () => {
    it('redrives to the DLQ after maxReceiveCount receives', () => {
      template.hasResourceProperties('AWS::SQS::Queue', {
        RedrivePolicy: { deadLetterTargetArn: queueArn('postsDlq'), maxReceiveCount: QUEUES.posts.deadLetter.maxReceiveCount },
        MessageRetentionPeriod: QUEUES.posts.retentionDays * 24 * 3600,
      });
      template.hasResourceProperties('AWS::SQS::Queue', {
        RedrivePolicy: Match.absent(),
        MessageRetentionPeriod: QUEUES.posts.deadLetter.retentionDays * 24 * 3600,
      });
    });

    it('has a visibility timeout of at least 6x the classifier timeout', () => {
      const fn = template.toJSON().Resources[logicalId(stack, classifier)].Properties;
      expect(fn.Timeout).toBe(CLASSIFIER.timeoutSeconds);
      const queues = template.findResources('AWS::SQS::Queue', { Properties: { RedrivePolicy: Match.anyValue() } });
      const [posts] = Object.values(queues);
      expect(posts!.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * fn.Timeout);
    });

    it('denies requests without TLS on both queues and on the topic', () => {
      const denyInsecure = Match.objectLike({
        Effect: 'Deny',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      });
      for (const q of ['postsQueue', 'postsDlq'] as const) {
        template.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [queueRef(q)],
          PolicyDocument: { Statement: Match.arrayWith([denyInsecure]) },
        });
      }
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [topicRef],
        PolicyDocument: { Statement: Match.arrayWith([denyInsecure]) },
      });
    });
  });

  describe('classifier', () => {
    it('consumes the posts queue in batches, reporting per-record failures', () => {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: queueArn('postsQueue'),
        FunctionName: { Ref: logicalId(stack, classifier) },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BatchSize: CLASSIFIER.batchSize,
        MaximumBatchingWindowInSeconds: CLASSIFIER.maxBatchingWindowSeconds,
        ScalingConfig: { MaximumConcurrency: CLASSIFIER.maxConcurrency },
      });
      // The other mapping is the aggregator's, on the posts stream (aggregator.test.ts).
      template.resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
      template.resourcePropertiesCountIs('AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: logicalId(stack, classifier) } }, 1);
    });

    it('receives the posts and state tables and the DLQ through their env vars, and no alerts table or topic', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Timeout: CLASSIFIER.timeoutSeconds,
        Environment: {
          Variables: Match.objectLike({
            [TABLES.posts.envVar]: tableRef('posts'),
            [TABLES.state.envVar]: tableRef('state'),
            [QUEUES.posts.deadLetter.envVar]: queueRef('postsDlq'),
            [TABLES.alerts.envVar]: Match.absent(),
            [TOPICS.alerts.envVar]: Match.absent(),
            PANTAU_CONFIG: '/var/task/pantau.config.json',
            POWERTOOLS_SERVICE_NAME: 'classifier',
          }),
        },
      });
    });

    it('puts posts, reads claims and counts repeat deliveries in the state table, and sends to the DLQ: exactly these actions', () => {
      const statements = statementsOf(stack, template, classifier);
      const on = (resource: unknown) =>
        statements.filter((s) => resources(s).some((r) => JSON.stringify(r) === JSON.stringify(resource))).flatMap(actions);
      expect(on(tableArn('posts'))).toEqual(['dynamodb:PutItem']);
      expect(on(tableArn('state')).sort()).toEqual(['dynamodb:Query', 'dynamodb:UpdateItem']);
      expect(allows(statements, SQS_SEND, queueArn('postsDlq'))).toBe(true);
      expect(allows(statements, ['sqs:ReceiveMessage', 'sqs:DeleteMessage'], queueArn('postsQueue'))).toBe(true);
      expect(statements.flatMap(actions).filter((a) => a.includes('*'))).toEqual([]);
    });

    it('sends no alert: no SNS action, nothing on the alerts table, no stream read', () => {
      const statements = statementsOf(stack, template, classifier);
      expect(statements.flatMap(actions).filter((a) => a.startsWith('sns:'))).toEqual([]);
      expect(statements.filter((s) => resources(s).some((r) => JSON.stringify(r).includes(JSON.stringify(tableArn('alerts')))))).toEqual(
        [],
      );
      expect(statements.flatMap(actions).filter((a) => ['dynamodb:GetRecords', 'dynamodb:DescribeStream'].includes(a))).toEqual([]);
    });

    it('may not send to the posts queue it consumes', () => {
      const statements = statementsOf(stack, template, classifier);
      expect(allows(statements, SQS_SEND, queueArn('postsQueue'))).toBe(false);
    });
  });

  describe('file collector', () => {
    it('runs on the configured schedule', () => {
      template.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: 'rate(30 minutes)',
        State: 'ENABLED',
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(stack, collector), 'Arn'] } })],
      });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'events.amazonaws.com',
        FunctionName: { 'Fn::GetAtt': [logicalId(stack, collector), 'Arn'] },
      });
    });

    it('sends to the posts queue and the DLQ and checkpoints in the state table only', () => {
      const statements = statementsOf(stack, template, collector);
      expect(allows(statements, SQS_SEND, queueArn('postsQueue'))).toBe(true);
      expect(allows(statements, SQS_SEND, queueArn('postsDlq'))).toBe(true);
      expect(allows(statements, DYNAMO_WRITE, tableArn('state'))).toBe(true);
      expect(allows(statements, ['dynamodb:GetItem'], tableArn('posts'))).toBe(false);
      expect(allows(statements, ['dynamodb:GetItem'], tableArn('alerts'))).toBe(false);
      expect(statements.flatMap(actions).filter((a) => a.includes('*'))).toEqual([]);
    });

    it('reads the bundled posts file and config', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Environment: {
          Variables: Match.objectLike({
            POSTS_FILE: '/var/task/posts.jsonl',
            PANTAU_CONFIG: '/var/task/pantau.config.json',
            [QUEUES.posts.envVar]: queueRef('postsQueue'),
            [QUEUES.posts.deadLetter.envVar]: queueRef('postsDlq'),
            [TABLES.state.envVar]: tableRef('state'),
          }),
        },
      });
    });
  });

  describe('every function (house construct)', () => {
    it('is arm64 on Node.js 22 with tracing, 512 MB, source maps and a retained log group', () => {
      // Every function but CDK's own copy function of the console page (a Python custom resource).
      const functions = Object.values(template.findResources('AWS::Lambda::Function')).filter(
        (fn) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME !== undefined,
      );
      // classifier, aggregator, alert sweeper, daily digest, file collector, exporter, console API
      expect(functions).toHaveLength(7);
      const logGroups = template.toJSON().Resources as Record<string, { Type: string; Properties: { RetentionInDays?: number } }>;
      for (const fn of functions) {
        expect(fn.Properties).toMatchObject({
          Architectures: ['arm64'],
          Runtime: 'nodejs22.x',
          MemorySize: 512,
          TracingConfig: { Mode: 'Active' },
          Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps', POWERTOOLS_METRICS_NAMESPACE: 'Pantau' } },
        });
        const logGroup = logGroups[(fn.Properties.LoggingConfig.LogGroup as { Ref: string }).Ref]!;
        expect(logGroup).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } });
      }
    });
  });

  describe('alerting', () => {
    it('subscribes people, filtering on the kind attribute when kinds are given', () => {
      expect(TOPICS.alerts.messageAttributes).toContain('kind');
      template.resourceCountIs('AWS::SNS::Subscription', 2);
      template.hasResourceProperties('AWS::SNS::Subscription', {
        TopicArn: topicRef,
        Protocol: 'email',
        Endpoint: 'humas@example.go.id',
        FilterPolicy: { kind: ['spike'] },
      });
      template.hasResourceProperties('AWS::SNS::Subscription', {
        TopicArn: topicRef,
        Protocol: 'https',
        Endpoint: 'https://hooks.example.go.id/pantau',
        FilterPolicy: Match.absent(),
      });
    });
  });
});

describe('alert sweeper', () => {
  const { stack, template } = buildStack();
  const sweeper = stack.pipeline.sweeper;

  it('runs on the configured resolve schedule and may publish alerts and update the alert episodes, nothing else', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(stack, sweeper), 'Arn'] } })],
    });
    const statements = statementsOf(stack, template, sweeper);
    expect(allows(statements, ['sns:Publish'], stack.resolve(stack.alerting.topic.topicArn))).toBe(true);
    expect(allows(statements, DYNAMO_WRITE, stack.resolve(stack.storage.tables.state.tableArn))).toBe(true);
    expect(allows(statements, DYNAMO_WRITE, stack.resolve(stack.storage.tables.alerts.tableArn))).toBe(true);
    expect(allows(statements, ['dynamodb:GetItem'], stack.resolve(stack.storage.tables.posts.tableArn))).toBe(false);
    expect(statements.flatMap(actions).filter((a) => a.startsWith('sqs:'))).toEqual([]);
  });
});

describe('daily digest', () => {
  it('runs at 07:00 in Jakarta by default, retried, and may publish alerts and read the counters', () => {
    const { stack, template } = buildStack();
    const digest = stack.pipeline.digest!;
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 0 * * ? *)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(stack, digest), 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 2 } })],
    });
    const statements = statementsOf(stack, template, digest);
    expect(allows(statements, ['sns:Publish'], stack.resolve(stack.alerting.topic.topicArn))).toBe(true);
    expect(allows(statements, ['dynamodb:Query'], stack.resolve(stack.storage.tables.state.tableArn))).toBe(true);
  });

  it('is left out when the config turns it off', () => {
    const { stack } = buildStack({ alerts: { digest: { enabled: false } } });
    expect(stack.pipeline.digest).toBeUndefined();
  });
});

describe('PantauStack without the file source', () => {
  it('has no file collector and no schedule', () => {
    const { stack, template } = buildStack({ sources: {}, subscriptions: [] });
    expect(stack.collectors.fileCollector).toBeUndefined();
    // The alert sweeper's, the digest's and the exporter's two schedules are left, with the classifier, the
    // aggregator, the sweeper, the digest, the exporter, the console API and CDK's copy function of the console page.
    template.resourceCountIs('AWS::Events::Rule', 4);
    template.resourceCountIs('AWS::Lambda::Function', 7);
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});

describe('PantauStack with the X, news and fact-check sources', () => {
  const { stack, template } = buildStack({
    sources: {
      x: { enabled: true, schedule: 'rate(10 minutes)' },
      news: { enabled: true, schedule: 'cron(0/15 * * * ? *)', feeds: [{ url: 'https://portal.example/rss' }] },
      factchecks: { enabled: true, schedule: 'rate(6 hours)' },
    },
  });
  const { xCollector, newsCollector, factCheckCollector } = stack.collectors;
  const tableArn = stack.resolve(stack.storage.tables.state.tableArn) as unknown;
  const queueArn = stack.resolve(stack.pipeline.postsQueue.queueArn) as unknown;
  const secretRef = (secret: 'xBearerToken' | 'factCheckApiKey') => stack.resolve(stack.collectors[secret]!.secretArn) as unknown;

  it.each([
    ['x-collector', 'rate(10 minutes)'],
    ['news-collector', 'cron(0/15 * * * ? *)'],
    ['factcheck-collector', 'rate(6 hours)'],
  ])('%s runs on its configured schedule, arm64 on Node.js 22, one EventBridge try per schedule', (name, expression) => {
    const fn = { 'x-collector': xCollector, 'news-collector': newsCollector, 'factcheck-collector': factCheckCollector }[name]!;
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: expression,
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(stack, fn), 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 0 } })],
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Architectures: ['arm64'],
      Runtime: 'nodejs22.x',
      Timeout: 300,
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: name }) },
    });
  });

  it('the X collector reads its bearer token from its own secret, named in its environment', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', { Name: 'pantau-test/x-bearer-token' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'x-collector', X_BEARER_TOKEN_SECRET: secretRef('xBearerToken') }),
      },
    });
    const statements = statementsOf(stack, template, xCollector!);
    expect(allows(statements, ['secretsmanager:GetSecretValue'], secretRef('xBearerToken'))).toBe(true);
    expect(allows(statements, ['secretsmanager:GetSecretValue'], secretRef('factCheckApiKey'))).toBe(false);
    expect(allows(statements, SQS_SEND, queueArn)).toBe(true);
    expect(allows(statements, DYNAMO_WRITE, tableArn)).toBe(true);
  });

  it('the news collector needs no secret; the fact-check collector writes claims but sends no posts', () => {
    const news = statementsOf(stack, template, newsCollector!);
    expect(news.flatMap(actions).filter((a) => a.startsWith('secretsmanager:'))).toEqual([]);
    expect(allows(news, SQS_SEND, queueArn)).toBe(true);

    const factChecks = statementsOf(stack, template, factCheckCollector!);
    expect(allows(factChecks, ['secretsmanager:GetSecretValue'], secretRef('factCheckApiKey'))).toBe(true);
    expect(allows(factChecks, DYNAMO_WRITE, tableArn)).toBe(true);
    expect(factChecks.flatMap(actions).filter((a) => a.startsWith('sqs:'))).toEqual([]);
    for (const statements of [news, factChecks]) expect(statements.flatMap(actions).filter((a) => a.includes('*'))).toEqual([]);
  });
});
