/**
 * Analytics in the CDK template: the exports bucket, the exporter and its two schedules, the Glue
 * tables and views Athena reads, the analysts' workgroup and saved queries, the exporter's exact
 * grants and its alarms; and none of it when `analytics.enabled` is false.
 */
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { EXPORTER_ENV } from '../../shared/env-names';
import { analyticsDatabase, exportPrefix } from '../../shared/analytics/layout';
import { columnName, EXPORTED_TABLES } from '../../shared/analytics/schema';
import { athenaViewSql, glueChangeColumns, glueItemType, prestoType, SAVED_QUERIES, viewAttributes } from '../../shared/analytics/sql';
import { TABLES } from '../../shared/resources';
import { buildStack } from './fixtures';

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

const SCHEDULE = 'cron(0 18 * * ? *)';
const DATABASE = analyticsDatabase('pantau-test');

describe('Analytics', () => {
  const { stack, template } = buildStack({ analytics: { schedule: SCHEDULE, keepExportsDays: 60, keepQueryResultsDays: 14 } });
  const analytics = stack.analytics!;
  const ref = (value: unknown) => stack.resolve(value) as unknown;
  const bucketRef = ref(analytics.bucket.bucketName);
  const bucketArn = ref(analytics.bucket.bucketArn);
  const keyArn = ref(stack.key.keyArn);
  const exporterArn = { 'Fn::GetAtt': [stack.getLogicalId(analytics.exporter.fn.node.defaultChild as CfnFunction), 'Arn'] };
  const s3Url = (path: string) => ({ 'Fn::Join': ['', ['s3://', bucketRef, `/${path}`]] });
  const glueTables = () => Object.values(template.findResources('AWS::Glue::Table')).map((r) => r.Properties);
  const glueTable = (name: string) => {
    const found = glueTables().filter((p) => p.TableInput.Name === name);
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  describe('the exports bucket', () => {
    const [bucket, ...others] = Object.values(
      template.findResources('AWS::S3::Bucket', { Properties: { LoggingConfiguration: Match.anyValue() } }),
    );

    it('is encrypted with the stack key (bucket key on), private, retained and logged to its own access-log bucket', () => {
      expect(others).toHaveLength(0);
      expect(bucket!.DeletionPolicy).toBe('Retain');
      expect(bucket!.Properties).toMatchObject({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn } },
          ],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LoggingConfiguration: { DestinationBucketName: ref(analytics.accessLogs.bucketName), LogFilePrefix: 'exports-bucket/' },
      });
    });

    it('expires exports after keepExportsDays and query results after keepQueryResultsDays, and aborts stale uploads', () => {
      expect(bucket!.Properties.LifecycleConfiguration.Rules).toEqual([
        { Id: 'expire-exports', Prefix: 'exports/', ExpirationInDays: 60, Status: 'Enabled' },
        { Id: 'expire-query-results', Prefix: 'athena-results/', ExpirationInDays: 14, Status: 'Enabled' },
        { Id: 'abort-incomplete-uploads', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' },
      ]);
    });

    it('denies requests without TLS, on both buckets', () => {
      for (const b of [analytics.bucket, analytics.accessLogs]) {
        template.hasResourceProperties('AWS::S3::BucketPolicy', {
          Bucket: ref(b.bucketName),
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({
                Effect: 'Deny',
                Action: 's3:*',
                Principal: { AWS: '*' },
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              }),
            ]),
          },
        });
      }
    });

    it('has an access-log bucket that S3 log delivery writes to through its policy, for the exports bucket only', () => {
      template.hasResource('AWS::S3::Bucket', {
        Properties: {
          BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
          OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
          AccessControl: Match.absent(),
        },
        DeletionPolicy: 'Retain',
      });
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: ref(analytics.accessLogs.bucketName),
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 'logging.s3.amazonaws.com' },
              Action: 's3:PutObject',
              Condition: Match.objectLike({ ArnLike: { 'aws:SourceArn': bucketArn } }),
            }),
          ]),
        },
      });
    });
  });

  describe('the exporter', () => {
    it('starts exports on analytics.schedule, retried, and settles them every 30 minutes', () => {
      template.resourceCountIs('AWS::Events::Rule', 5); // file collector, alert sweeper, digest, and these two
      template.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: SCHEDULE,
        State: 'ENABLED',
        Targets: [
          Match.objectLike({ Arn: exporterArn, Input: JSON.stringify({ action: 'start' }), RetryPolicy: { MaximumRetryAttempts: 2 } }),
        ],
      });
      template.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: 'rate(30 minutes)',
        State: 'ENABLED',
        Targets: [
          Match.objectLike({ Arn: exporterArn, Input: JSON.stringify({ action: 'settle' }), RetryPolicy: { MaximumRetryAttempts: 0 } }),
        ],
      });
    });

    it('is a house function (arm64, Node.js 22, traced) and receives every resource through its env var', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Architectures: ['arm64'],
        Runtime: 'nodejs22.x',
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: Match.objectLike({
            POWERTOOLS_SERVICE_NAME: 'exporter',
            [EXPORTER_ENV.tableArns.posts]: ref(stack.storage.tables.posts.tableArn),
            [EXPORTER_ENV.tableArns.alerts]: ref(stack.storage.tables.alerts.tableArn),
            [EXPORTER_ENV.bucket]: bucketRef,
            [EXPORTER_ENV.keyArn]: keyArn,
            [EXPORTER_ENV.database]: DATABASE,
            [TABLES.state.envVar]: ref(stack.storage.tables.state.tableName),
          }),
        },
      });
    });

    describe('grants', () => {
      const role = ref(analytics.exporter.fn.role!.roleName);
      const statements = Object.values(
        template.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([role]) } }),
      ).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
      const onAction = (action: string) => statements.filter((s) => asList(s.Action).includes(action));
      const glueArn = (resource: string) => ({
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:glue:ap-southeast-3:`, { Ref: 'AWS::AccountId' }, `:${resource}`]],
      });
      const join = (base: unknown, suffix: string) => ({ 'Fn::Join': ['', [base, suffix]] });

      it('has exactly these actions, none with a wildcard, all allowed', () => {
        expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);
        const actions = [...new Set(statements.flatMap((s) => asList(s.Action)))].sort();
        expect(actions).toEqual(
          [
            'dynamodb:BatchGetItem',
            'dynamodb:BatchWriteItem',
            'dynamodb:ConditionCheckItem',
            'dynamodb:DeleteItem',
            'dynamodb:DescribeExport',
            'dynamodb:DescribeTable',
            'dynamodb:ExportTableToPointInTime',
            'dynamodb:GetItem',
            'dynamodb:PutItem',
            'dynamodb:Query',
            'dynamodb:Scan',
            'dynamodb:UpdateItem',
            'glue:CreatePartition',
            'glue:GetTable',
            'kms:Decrypt',
            'kms:DescribeKey',
            'kms:Encrypt',
            'kms:GenerateDataKey',
            'logs:CreateLogStream',
            'logs:PutLogEvents',
            's3:AbortMultipartUpload',
            's3:PutObject',
            's3:PutObjectAcl',
            'xray:PutTelemetryRecords',
            'xray:PutTraceSegments',
          ].sort(),
        );
      });

      it('exports posts and alerts, and describes only their exports', () => {
        const tableArns = [ref(stack.storage.tables.posts.tableArn), ref(stack.storage.tables.alerts.tableArn)];
        expect(onAction('dynamodb:ExportTableToPointInTime').map((s) => s.Resource)).toEqual(tableArns);
        expect(onAction('dynamodb:DescribeExport').map((s) => s.Resource)).toEqual(tableArns.map((arn) => join(arn, '/export/*')));
        for (const s of [...onAction('dynamodb:ExportTableToPointInTime'), ...onAction('dynamodb:DescribeExport')]) {
          expect(asList(s.Action)).toHaveLength(1);
        }
      });

      it('reads and writes no item of posts or alerts (only the state table, its history)', () => {
        const dataStatements = onAction('dynamodb:GetItem');
        expect(dataStatements.flatMap((s) => asList(s.Resource))).toEqual([ref(stack.storage.tables.state.tableArn)]);
      });

      it('writes objects only under the four export prefixes, and reads, lists and deletes none', () => {
        const [write, ...others] = onAction('s3:PutObject');
        expect(others).toHaveLength(0);
        expect(asList(write!.Action).sort()).toEqual(['s3:AbortMultipartUpload', 's3:PutObject', 's3:PutObjectAcl']);
        expect(write!.Resource).toEqual(
          EXPORTED_TABLES.flatMap((table) => [
            join(bucketArn, `/${exportPrefix(table, 'full')}/*`),
            join(bucketArn, `/${exportPrefix(table, 'incremental')}/*`),
          ]),
        );
      });

      it('uses the key for S3 only through S3, to generate and decrypt data keys', () => {
        const viaS3 = statements.filter((s) => JSON.stringify(s.Condition ?? {}).includes('s3.ap-southeast-3.amazonaws.com'));
        expect(viaS3).toEqual([
          {
            Effect: 'Allow',
            Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
            Resource: keyArn,
            Condition: { StringEquals: { 'kms:ViaService': 's3.ap-southeast-3.amazonaws.com' } },
          },
        ]);
      });

      it('adds partitions to the four export tables of its database only', () => {
        const [glue, ...others] = onAction('glue:CreatePartition');
        expect(others).toHaveLength(0);
        expect(asList(glue!.Action).sort()).toEqual(['glue:CreatePartition', 'glue:GetTable']);
        expect(glue!.Resource).toEqual([
          glueArn('catalog'),
          glueArn(`database/${DATABASE}`),
          ...['posts_full', 'posts_changes', 'alerts_full', 'alerts_changes'].map((name) => glueArn(`table/${DATABASE}/${name}`)),
        ]);
      });
    });
  });

  describe('Glue', () => {
    it(`has the deployment's database, ${DATABASE}`, () => {
      template.resourceCountIs('AWS::Glue::Database', 1);
      template.hasResourceProperties('AWS::Glue::Database', { CatalogId: { Ref: 'AWS::AccountId' }, DatabaseInput: { Name: DATABASE } });
      expect(glueTables()).toHaveLength(6);
      for (const table of glueTables()) expect(table.DatabaseName).toBe(DATABASE);
    });

    it.each(EXPORTED_TABLES.map((t) => [t.name, t] as const))(
      '%s: a full-export table and a changes table, JSON lines partitioned by snapshot, at their export prefixes',
      (_name, table) => {
        const storage = (kind: 'full' | 'incremental') => ({
          Location: s3Url(`${exportPrefix(table, kind)}/`),
          InputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
          OutputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
          SerdeInfo: { SerializationLibrary: 'org.openx.data.jsonserde.JsonSerDe', Parameters: { 'ignore.malformed.json': 'true' } },
        });
        const common = {
          TableType: 'EXTERNAL_TABLE',
          Parameters: { classification: 'json', compressionType: 'gzip' },
          PartitionKeys: [expect.objectContaining({ Name: 'snapshot', Type: 'string' })],
        };
        expect(glueTable(`${table.name}_full`).TableInput).toMatchObject({
          ...common,
          StorageDescriptor: { ...storage('full'), Columns: [{ Name: 'item', Type: glueItemType(table) }] },
        });
        expect(glueTable(`${table.name}_changes`).TableInput).toMatchObject({
          ...common,
          StorageDescriptor: { ...storage('incremental'), Columns: glueChangeColumns(table).map((c) => ({ Name: c.name, Type: c.type })) },
        });
      },
    );

    describe.each(EXPORTED_TABLES.map((t) => [t.name, t] as const))('the %s view', (name, table) => {
      const view = glueTable(name).TableInput;
      const original = String(view.ViewOriginalText);
      const encoded = /^\/\* Presto View: ([A-Za-z0-9+/=]+) \*\/$/.exec(original);
      const definition = JSON.parse(Buffer.from(encoded?.[1] ?? '', 'base64').toString('utf8')) as {
        originalSql: string;
        catalog: string;
        schema: string;
        columns: { name: string; type: string }[];
      };
      const attributes = viewAttributes(table);

      it("is a VIRTUAL_VIEW in Athena's Presto-view encoding", () => {
        expect(encoded).not.toBeNull();
        expect(view).toMatchObject({
          TableType: 'VIRTUAL_VIEW',
          ViewExpandedText: '/* Presto View */',
          Parameters: { presto_view: 'true', comment: 'Presto View' },
        });
        expect(definition).toMatchObject({ catalog: 'awsdatacatalog', schema: DATABASE, originalSql: athenaViewSql(table, DATABASE) });
      });

      it('selects every documented view column, and declares each with its Presto type', () => {
        expect(definition.columns).toEqual(attributes.map((a) => ({ name: columnName(a.name), type: prestoType(a.column) })));
        for (const column of definition.columns) expect(definition.originalSql).toMatch(new RegExp(`\\bAS ${column.name}\\b`));
        expect(definition.originalSql).toContain(`"${DATABASE}"."${name}_full"`);
        expect(definition.originalSql).toContain(`"${DATABASE}"."${name}_changes"`);
      });

      it('has the same columns in Hive types in its storage descriptor', () => {
        const hive = (presto: string) =>
          presto === 'varchar'
            ? 'string'
            : presto === 'timestamp(3)'
              ? 'timestamp'
              : presto === 'array(varchar)'
                ? 'array<string>'
                : presto;
        const columns = (view.StorageDescriptor.Columns as { Name: string; Type: string }[]).map((c) => ({ name: c.Name, type: c.Type }));
        expect(columns).toEqual(definition.columns.map((c) => ({ name: c.name, type: hive(c.type) })));
      });
    });
  });

  describe('Athena', () => {
    const workGroupRef = ref(analytics.workGroup.ref);
    const workGroupId = (workGroupRef as { Ref: string }).Ref;

    it("has the analysts' workgroup, which enforces KMS-encrypted results in the bucket and caps each query's scan", () => {
      template.resourceCountIs('AWS::Athena::WorkGroup', 1);
      template.hasResourceProperties('AWS::Athena::WorkGroup', {
        Name: 'pantau-test-analysts',
        State: 'ENABLED',
        RecursiveDeleteOption: false,
        WorkGroupConfiguration: {
          EnforceWorkGroupConfiguration: true,
          PublishCloudWatchMetricsEnabled: true,
          BytesScannedCutoffPerQuery: 10 * 1024 ** 3,
          EngineVersion: { SelectedEngineVersion: 'Athena engine version 3' },
          ResultConfiguration: {
            OutputLocation: s3Url('athena-results/'),
            EncryptionConfiguration: { EncryptionOption: 'SSE_KMS', KmsKey: keyArn },
          },
        },
      });
    });

    it('has one saved query per SAVED_QUERIES entry, with its exact SQL, in the workgroup', () => {
      const queries = Object.values(template.findResources('AWS::Athena::NamedQuery'));
      expect(queries).toHaveLength(SAVED_QUERIES.length);
      for (const query of SAVED_QUERIES) {
        const [found, ...others] = queries.filter((q) => q.Properties.Name === `pantau-test: ${query.name}`);
        expect(others).toHaveLength(0);
        expect(found!.Properties).toEqual({
          Name: `pantau-test: ${query.name}`,
          Description: query.description,
          Database: DATABASE,
          WorkGroup: workGroupRef,
          QueryString: query.sql,
        });
        expect(found!.DependsOn).toContain(workGroupId);
      }
    });
  });

  describe('alarms', () => {
    const opsTopic = ref(stack.observability.opsTopic.topicArn);
    const alarmOn = (metricName: string) => {
      const found = Object.values(template.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: metricName } }));
      expect(found).toHaveLength(1);
      return found[0]!.Properties;
    };

    it('alarms the ops topic as soon as an export failed', () => {
      expect(alarmOn('exports_failed')).toMatchObject({
        Namespace: 'Pantau',
        Dimensions: [{ Name: 'service', Value: 'exporter' }],
        Statistic: 'Sum',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [opsTopic],
        OKActions: [opsTopic],
      });
    });

    it('alarms the ops topic when no export finished for two daily schedules, missing data included', () => {
      expect(alarmOn('exports_completed')).toMatchObject({
        Namespace: 'Pantau',
        Dimensions: [{ Name: 'service', Value: 'exporter' }],
        Statistic: 'Sum',
        Threshold: 1,
        ComparisonOperator: 'LessThanThreshold',
        Period: 86_400,
        EvaluationPeriods: 2,
        TreatMissingData: 'breaching',
        AlarmActions: [opsTopic],
      });
    });

    it('shows exports started, completed and failed on the operations dashboard', () => {
      const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
      const body = JSON.stringify(dashboard!.Properties.DashboardBody);
      expect(body).toContain('\\"title\\":\\"Exports\\"');
      for (const metric of ['exports_started', 'exports_completed', 'exports_failed'])
        expect(body).toContain(`\\"${metric}\\",\\"service\\",\\"exporter\\"`);
    });

    it('gives the exporter the standard errors alarm', () => {
      const errors = Object.values(
        template.findResources('AWS::CloudWatch::Alarm', {
          Properties: { MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: { Ref: exporterArn['Fn::GetAtt'][0] } }] },
        }),
      );
      expect(errors).toHaveLength(1);
    });
  });

  it('names the bucket, database and workgroup in the outputs', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.exportsBucket!.Value).toEqual(bucketRef);
    expect(outputs.analyticsDatabase!.Value).toBe(DATABASE);
    expect(outputs.athenaWorkGroup!.Value).toEqual(ref(analytics.workGroup.ref));
  });
});

describe('Analytics turned off', () => {
  it('builds no bucket, Glue, Athena, exporter or export alarm', () => {
    const { stack, template } = buildStack({ analytics: { enabled: false } });
    expect(stack.analytics).toBeUndefined();
    // The console's page bucket is the only bucket left.
    expect(Object.keys(template.findResources('AWS::S3::Bucket'))).toEqual([
      stack.getLogicalId(stack.console.pageBucket.node.defaultChild as CfnElement),
    ]);
    for (const type of ['AWS::Glue::Database', 'AWS::Glue::Table', 'AWS::Athena::WorkGroup', 'AWS::Athena::NamedQuery']) {
      template.resourceCountIs(type, 0);
    }
    template.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      { Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'exporter' }) } },
      0,
    );
    template.resourcePropertiesCountIs(
      'AWS::CloudWatch::Alarm',
      { Namespace: 'Pantau', Dimensions: [{ Name: 'service', Value: 'exporter' }] },
      0,
    );
    expect(Object.keys(template.toJSON().Outputs)).not.toContain('exportsBucket');
  });
});
