/**
 * The aggregator on the posts table's stream: the stream itself, the event source mapping built
 * from AGGREGATOR, its failure queue, and the aggregator's role (exact actions, the stream read on
 * the stream only, the key through the services), with every source and both chats enabled.
 */
import { Match } from 'aws-cdk-lib/assertions';
import type { CfnElement } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { AGGREGATOR, QUEUES, TABLES, TOPICS, type TableSpec } from '../../shared/resources';
import { buildStack, everythingEnabled } from './fixtures';

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

describe('aggregator', () => {
  const { stack, template } = buildStack(everythingEnabled);
  const ref = (value: unknown) => stack.resolve(value) as unknown;
  const { aggregator, aggregatorFailures } = stack.pipeline;
  const posts = stack.storage.tables.posts;
  const streamArn = ref(posts.tableStreamArn);
  const tableArn = (name: keyof typeof TABLES) => ref(stack.storage.tables[name].tableArn);
  const failuresArn = ref(aggregatorFailures.queueArn);
  const keyArn = ref(stack.key.keyArn);
  const functionId = stack.getLogicalId(aggregator.fn.node.defaultChild as CfnFunction);
  const statements = Object.values(
    template.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([ref(aggregator.fn.role!.roleName)]) } }),
  ).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
  const on = (resource: unknown) => statements.filter((s) => asList(s.Resource).some((r) => same(r, resource)));
  const actionsOf = (found: Statement[]) => [...new Set(found.flatMap((s) => asList(s.Action)))].sort();
  const mappings = () =>
    Object.values(template.findResources('AWS::Lambda::EventSourceMapping', { Properties: { FunctionName: { Ref: functionId } } })).map(
      (m) => m.Properties as Record<string, unknown>,
    );

  describe('the posts stream', () => {
    it.each(Object.entries(TABLES) as [string, TableSpec][])('%s: a stream exactly when the spec has one', (_name, spec) => {
      const [table, ...others] = Object.values(
        template.findResources('AWS::DynamoDB::Table', {
          Properties: { KeySchema: Match.arrayWith([{ AttributeName: spec.partitionKey.name, KeyType: 'HASH' }]) },
        }),
      );
      expect(others).toHaveLength(0);
      expect(table!.Properties.StreamSpecification).toEqual(spec.stream ? { StreamViewType: spec.stream } : undefined);
      // The table class comes from the same description.
      expect(table!.Properties.TableClass).toBe(spec.tableClass);
    });

    it('keeps the posts in the Standard-IA table class (storage is most of their bill)', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [{ AttributeName: TABLES.posts.partitionKey.name, KeyType: 'HASH' }],
        TableClass: 'STANDARD_INFREQUENT_ACCESS',
      });
    });

    it('carries the new image of each post (TABLES.posts.stream)', () => {
      expect(TABLES.posts.stream).toBe('NEW_IMAGE');
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [{ AttributeName: TABLES.posts.partitionKey.name, KeyType: 'HASH' }],
        StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      });
    });
  });

  describe('the event source mapping, built from AGGREGATOR', () => {
    it('is the one mapping of the aggregator, on the posts stream', () => {
      const [mapping, ...others] = mappings();
      expect(others).toHaveLength(0);
      expect(mapping!.EventSourceArn).toEqual(streamArn);
    });

    it('reads from the oldest record, in tumbling windows, one invocation per shard at a time', () => {
      expect(mappings()[0]).toMatchObject({
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: AGGREGATOR.batchSize,
        MaximumBatchingWindowInSeconds: AGGREGATOR.maxBatchingWindowSeconds,
        TumblingWindowInSeconds: AGGREGATOR.windowSeconds,
        MaximumRetryAttempts: AGGREGATOR.maxRetryAttempts,
        ParallelizationFactor: 1,
      });
    });

    it('retries a failed window as it was: no bisecting, no per-record failures', () => {
      const [mapping] = mappings();
      expect(mapping!.BisectBatchOnFunctionError).toBe(false);
      expect(mapping!.FunctionResponseTypes).toBeUndefined();
    });

    it('passes new posts only (an event filter on eventName INSERT)', () => {
      expect(AGGREGATOR.eventNames).toEqual(['INSERT']);
      expect(mappings()[0]!.FilterCriteria).toEqual({ Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'] }) }] });
    });

    it('records a batch it gave up on in the aggregator-failures queue', () => {
      expect(mappings()[0]!.DestinationConfig).toEqual({ OnFailure: { Destination: failuresArn } });
    });
  });

  describe('the aggregator-failures queue, built from QUEUES.aggregatorFailures', () => {
    const spec = QUEUES.aggregatorFailures;
    const queueId = stack.getLogicalId(aggregatorFailures.node.defaultChild as CfnElement);

    it('is encrypted with the stack key, keeps its messages 14 days and has no DLQ of its own', () => {
      const queue = template.toJSON().Resources[queueId];
      expect(queue.Properties).toEqual({
        KmsMasterKeyId: keyArn,
        MessageRetentionPeriod: spec.retentionDays * 24 * 3600,
        VisibilityTimeout: spec.visibilityTimeoutSeconds,
      });
      expect(spec.retentionDays).toBe(14);
    });

    it('denies requests without TLS', () => {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(aggregatorFailures.queueUrl)],
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
    });

    it('is given to the operator as a stack output named after its variable', () => {
      template.hasOutput('aggregatorFailures', { Value: ref(aggregatorFailures.queueUrl), Description: spec.envVar });
    });
  });

  describe('the function', () => {
    it('has the timeout of AGGREGATOR and receives every table and the alerts topic through its env var', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Timeout: AGGREGATOR.timeoutSeconds,
        Environment: {
          Variables: Match.objectLike({
            POWERTOOLS_SERVICE_NAME: 'aggregator',
            [TABLES.posts.envVar]: ref(posts.tableName),
            [TABLES.alerts.envVar]: ref(stack.storage.tables.alerts.tableName),
            [TABLES.state.envVar]: ref(stack.storage.tables.state.tableName),
            [TOPICS.alerts.envVar]: ref(stack.alerting.topic.topicArn),
          }),
        },
      });
    });
  });

  describe('its role', () => {
    it('has exactly the actions the aggregator and its mapping need', () => {
      expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);
      expect(actionsOf(statements)).toEqual(
        [
          // The tables: counters and spread entries by batch, marks and episodes by item.
          'dynamodb:BatchGetItem',
          'dynamodb:BatchWriteItem',
          'dynamodb:ConditionCheckItem',
          'dynamodb:DeleteItem',
          'dynamodb:DescribeTable',
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:Query',
          'dynamodb:Scan',
          'dynamodb:UpdateItem',
          // The posts stream, read by the event source mapping.
          'dynamodb:DescribeStream',
          'dynamodb:GetRecords',
          'dynamodb:GetShardIterator',
          'dynamodb:ListStreams',
          'sns:Publish',
          // The failure destination, sent to by the event source mapping.
          'sqs:SendMessage',
          'kms:Decrypt',
          'kms:DescribeKey',
          'kms:Encrypt',
          'kms:GenerateDataKey',
          'logs:CreateLogStream',
          'logs:PutLogEvents',
          'xray:PutTelemetryRecords',
          'xray:PutTraceSegments',
        ].sort(),
      );
    });

    it('reads the posts stream on its stream ARN only', () => {
      const streamActions = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
      const reading = statements.filter((s) => asList(s.Action).some((a) => streamActions.includes(a)));
      expect(reading).toEqual([{ Effect: 'Allow', Action: streamActions, Resource: streamArn }]);
    });

    it('on posts: reads them back, queries byTopic and updates them, but never puts or deletes a post', () => {
      const found = on(tableArn('posts'));
      expect(found).toHaveLength(1);
      expect(actionsOf(found)).toEqual(['dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
      expect(found[0]!.Resource).toEqual([tableArn('posts'), { 'Fn::Join': ['', [tableArn('posts'), '/index/byTopic']] }]);
    });

    it('reads and writes the alerts and state tables, publishes to the alerts topic and sends to its failure queue only', () => {
      for (const name of ['alerts', 'state'] as const) {
        expect(actionsOf(on(tableArn(name)))).toEqual(
          expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']),
        );
      }
      expect(statements.filter((s) => asList(s.Action).includes('sns:Publish'))).toEqual([
        { Effect: 'Allow', Action: 'sns:Publish', Resource: ref(stack.alerting.topic.topicArn) },
      ]);
      expect(statements.filter((s) => asList(s.Action).some((a) => a.startsWith('sqs:')))).toEqual([
        { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: failuresArn },
      ]);
    });

    it('uses the key only through DynamoDB (tables and stream), SNS and SQS', () => {
      const keyStatements = statements.filter((s) => asList(s.Action).some((a) => a.startsWith('kms:')));
      const via = (service: string) => ({ StringEquals: { 'kms:ViaService': `${service}.ap-southeast-3.amazonaws.com` } });
      for (const s of keyStatements) expect(s.Resource).toEqual(keyArn);
      expect(keyStatements.map((s) => ({ Action: s.Action, Condition: s.Condition }))).toEqual(
        expect.arrayContaining([
          { Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'], Condition: via('dynamodb') },
          { Action: ['kms:Decrypt', 'kms:DescribeKey'], Condition: via('dynamodb') },
          { Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Condition: via('sns') },
          { Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Condition: via('sqs') },
        ]),
      );
      expect(keyStatements.filter((s) => s.Condition === undefined)).toEqual([]);
    });

    it('allows no wildcard action, and Resource "*" only for X-Ray', () => {
      expect(actionsOf(statements).filter((a) => a.includes('*'))).toEqual([]);
      const onAll = statements.filter((s) => asList(s.Resource).includes('*'));
      expect(actionsOf(onAll)).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    });
  });
});
