/**
 * Encryption, deletion protection and least privilege over the whole stack, with every source
 * and both chats enabled: one customer-managed key (rotated, retained) on every table, queue,
 * topic and secret; every table protected from deletion; no function with a wildcard action.
 */
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { buildStack, everythingEnabled } from './fixtures';

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

describe('PantauStack security', () => {
  const { stack, template } = buildStack(everythingEnabled);
  const keyArn = stack.resolve(stack.key.keyArn) as unknown;
  const resourcesOf = (type: string) => Object.entries(template.findResources(type));

  describe('the customer-managed key', () => {
    it('is rotated by KMS and retained when the stack goes', () => {
      template.resourceCountIs('AWS::KMS::Key', 1);
      template.hasResource('AWS::KMS::Key', {
        Properties: { EnableKeyRotation: true, PendingWindowInDays: 30 },
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
      });
    });

    it('lets CloudWatch alarms publish to topics encrypted with it', () => {
      template.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            }),
          ]),
        },
      });
    });

    it('encrypts every queue (posts, its DLQ, the aggregator and notifier failure queues)', () => {
      const queues = resourcesOf('AWS::SQS::Queue');
      expect(queues).toHaveLength(4);
      for (const [, queue] of queues) {
        expect(queue.Properties.KmsMasterKeyId).toEqual(keyArn);
        expect(queue.Properties.SqsManagedSseEnabled).toBeUndefined();
      }
    });

    it('encrypts every topic', () => {
      const topics = resourcesOf('AWS::SNS::Topic');
      expect(topics.length).toBeGreaterThan(0);
      for (const [, topic] of topics) expect(topic.Properties.KmsMasterKeyId).toEqual(keyArn);
    });

    it('encrypts every table', () => {
      const tables = resourcesOf('AWS::DynamoDB::Table');
      expect(tables).toHaveLength(3);
      for (const [, table] of tables) {
        expect(table.Properties.SSESpecification).toEqual({ KMSMasterKeyId: keyArn, SSEEnabled: true, SSEType: 'KMS' });
      }
    });

    it('encrypts every secret (X, fact checks, Telegram, Slack)', () => {
      const secrets = resourcesOf('AWS::SecretsManager::Secret');
      expect(secrets).toHaveLength(4);
      for (const [, secret] of secrets) expect(secret.Properties.KmsKeyId).toEqual(keyArn);
    });
  });

  it('protects every table from deletion, and retains it', () => {
    for (const [, table] of resourcesOf('AWS::DynamoDB::Table')) {
      expect(table.Properties.DeletionProtectionEnabled).toBe(true);
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
    }
  });

  it('keeps point-in-time recovery on every table (posts, alerts, and the state table with its alert episodes and outbox)', () => {
    const enabled = resourcesOf('AWS::DynamoDB::Table').filter(
      ([, table]) => table.Properties.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled === true,
    );
    expect(enabled).toHaveLength(3);
  });

  it('denies requests without TLS on every queue and topic', () => {
    const denyInsecure = Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    template.resourcePropertiesCountIs(
      'AWS::SQS::QueuePolicy',
      { PolicyDocument: { Statement: Match.arrayWith([denyInsecure]) } },
      resourcesOf('AWS::SQS::Queue').length,
    );
    template.resourcePropertiesCountIs(
      'AWS::SNS::TopicPolicy',
      { PolicyDocument: { Statement: Match.arrayWith([denyInsecure]) } },
      resourcesOf('AWS::SNS::Topic').length,
    );
  });

  const roleOf = (fn: { Properties: { Role: unknown } }) => (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const statementsOf = (roleId: string): Statement[] =>
    Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) } })).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as Statement[],
    );
  // Pantau's own functions (the house construct); CDK's copy function of the console page is apart.
  const [functions, cdkFunctions] = [true, false].map((own) =>
    resourcesOf('AWS::Lambda::Function').filter(
      ([, fn]) => (fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME !== undefined) === own,
    ),
  ) as [[string, { Properties: { Role: unknown } }][], [string, { Properties: { Role: unknown } }][]];

  describe('every function role', () => {
    const roleIds = functions.map(([, fn]) => roleOf(fn));

    it('exists for each of the eleven functions, and has no AWS managed policy', () => {
      // classifier, aggregator, alert sweeper, digest, four collectors, notifier, exporter, console API
      expect(functions).toHaveLength(11);
      expect(new Set(roleIds).size).toBe(11);
      for (const roleId of roleIds) {
        expect(template.toJSON().Resources[roleId].Properties.ManagedPolicyArns).toBeUndefined();
      }
    });

    it('allows no wildcard action (no "*", no "service:*", no "kms:GenerateDataKey*")', () => {
      for (const roleId of roleIds) {
        const actions = statementsOf(roleId).flatMap((s) => asList(s.Action));
        expect(actions.length).toBeGreaterThan(0);
        expect(actions.filter((a) => a.includes('*'))).toEqual([]);
      }
    });

    it('uses Resource "*" only for X-Ray, which supports no resource-level permissions', () => {
      for (const roleId of roleIds) {
        const onAll = statementsOf(roleId).filter((s) => asList(s.Resource).includes('*'));
        expect(onAll.flatMap((s) => asList(s.Action)).sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
      }
    });

    it('reads a table stream only in the aggregator, on the posts stream only', () => {
      const streamActions = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
      const aggregatorRole = stack.resolve(stack.pipeline.aggregator.fn.role!.roleName) as { Ref: string };
      for (const roleId of roleIds) {
        const reading = statementsOf(roleId).filter((s) => asList(s.Action).some((a) => streamActions.includes(a)));
        if (roleId !== aggregatorRole.Ref) {
          expect(reading).toEqual([]);
          continue;
        }
        expect(reading.map((s) => s.Resource)).toEqual([stack.resolve(stack.storage.tables.posts.tableStreamArn)]);
      }
    });

    it('uses the key only through the service that needs it, with exact actions', () => {
      const allowed: Record<string, string[]> = {
        dynamodb: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
        sqs: ['kms:Decrypt', 'kms:GenerateDataKey'],
        sns: ['kms:Decrypt', 'kms:GenerateDataKey'],
        secretsmanager: ['kms:Decrypt'],
        // The exporter: DynamoDB's export writes to the exports bucket with the caller's permissions.
        s3: ['kms:Decrypt', 'kms:GenerateDataKey'],
      };
      for (const roleId of roleIds) {
        const keyStatements = statementsOf(roleId).filter((s) => asList(s.Action).some((a) => a.startsWith('kms:')));
        expect(keyStatements.length).toBeGreaterThan(0);
        for (const s of keyStatements) {
          expect(asList(s.Resource)).toEqual([keyArn]);
          const via = s.Condition?.StringEquals?.['kms:ViaService'];
          // The classifier's event source mapping decrypts what it receives (CDK's grantConsumeMessages).
          if (via === undefined) {
            expect(asList(s.Action)).toEqual(['kms:Decrypt']);
            continue;
          }
          const service = String(via).split('.')[0]!;
          expect(allowed[service]).toBeDefined();
          expect(asList(s.Action).filter((a) => !allowed[service]!.includes(a))).toEqual([]);
        }
      }
    });
  });

  describe("the console page's copy function (CDK's BucketDeployment)", () => {
    it('has its own role, without an AWS managed policy, writing to its own log group', () => {
      expect(cdkFunctions).toHaveLength(1);
      const roleId = roleOf(cdkFunctions[0]![1]);
      expect(functions.map(([, fn]) => roleOf(fn))).not.toContain(roleId);
      expect(template.toJSON().Resources[roleId].Properties.ManagedPolicyArns).toBeUndefined();
      const logGroup = stack.getLogicalId(stack.console.node.findChild('DeployPageLogs').node.defaultChild as CfnElement);
      const logs = statementsOf(roleId).filter((s) => asList(s.Action).some((a) => a.startsWith('logs:')));
      expect(logs.map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': [logGroup, 'Arn'] }]);
    });

    it('reads the asset bucket and writes the page bucket, and nothing else', () => {
      const roleId = roleOf(cdkFunctions[0]![1]);
      const s3 = statementsOf(roleId).filter((s) => asList(s.Action).some((a) => a.startsWith('s3:')));
      const page = stack.resolve(stack.console.pageBucket.bucketArn) as unknown;
      const resources = s3.flatMap((s) => asList(s.Resource as unknown[]));
      const onPage = resources.filter((r) => JSON.stringify(r).includes(JSON.stringify(page)));
      const onAssets = resources.filter((r) => JSON.stringify(r).includes('cdk-hnb659fds-assets-'));
      expect(onPage).toHaveLength(2);
      expect(onAssets).toHaveLength(2);
      expect(resources).toHaveLength(4);
      expect(
        statementsOf(roleId)
          .flatMap((s) => asList(s.Action))
          .filter((a) => !a.startsWith('s3:') && !a.startsWith('logs:')),
      ).toEqual([]);
    });
  });
});
