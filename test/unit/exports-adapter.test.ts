/**
 * The exports' AWS adapters (shared/adapters/exports.ts): the requests they send to DynamoDB and
 * Glue, and how they read the answers, with the SDK clients mocked (aws-sdk-client-mock).
 */
import {
  ConditionalCheckFailedException,
  DescribeExportCommand,
  DynamoDBClient,
  ExportTableToPointInTimeCommand,
} from '@aws-sdk/client-dynamodb';
import { AlreadyExistsException, CreatePartitionCommand, EntityNotFoundException, GetTableCommand, GlueClient } from '@aws-sdk/client-glue';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { makeDocumentClient } from '../../shared/adapters/clients';
import { DynamoExportHistory, DynamoTableExports, GlueSnapshots } from '../../shared/adapters/exports';
import type { StartedExport } from '../../shared/pipeline/export-tables';
import { DAY } from '../../shared/time';

const TABLE_ARN = 'arn:aws:dynamodb:ap-southeast-3:123456789012:table/pantau-posts';
const EXPORT_ARN = `${TABLE_ARN}/export/01764608400000-1a2b3c4d`;
const KEY_ARN = 'arn:aws:kms:ap-southeast-3:123456789012:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
const BUCKET = 'pantau-exports-bucket';
const FROM = Date.parse('2026-11-01T17:00:00Z');
const TO = Date.parse('2026-11-02T17:00:00Z');
const NOW = Date.parse('2026-11-02T17:30:00Z');

const dynamo = mockClient(DynamoDBClient);
const doc = mockClient(DynamoDBDocumentClient);
const glue = mockClient(GlueClient);

beforeEach(() => {
  dynamo.reset();
  doc.reset();
  glue.reset();
});

const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

describe('DynamoTableExports', () => {
  const exports = new DynamoTableExports(new DynamoDBClient({ region: 'ap-southeast-3' }), { bucket: BUCKET, kmsKeyArn: KEY_ARN });
  const base = { table: 'posts', tableArn: TABLE_ARN, to: TO, clientToken: '0123456789abcdef0123456789abcdef' } as const;

  it('starts a full export as of `to`: DynamoDB JSON under the full prefix, encrypted with the key, with the client token', async () => {
    dynamo.on(ExportTableToPointInTimeCommand).resolves({ ExportDescription: { ExportArn: EXPORT_ARN, ExportStatus: 'IN_PROGRESS' } });
    expect(await exports.start({ ...base, kind: 'full', prefix: 'exports/posts/full' })).toBe(EXPORT_ARN);
    const [call, ...others] = dynamo.commandCalls(ExportTableToPointInTimeCommand);
    expect(others).toHaveLength(0);
    expect(call!.args[0].input).toEqual({
      TableArn: TABLE_ARN,
      ClientToken: base.clientToken,
      S3Bucket: BUCKET,
      S3Prefix: 'exports/posts/full',
      S3SseAlgorithm: 'KMS',
      S3SseKmsKeyId: KEY_ARN,
      ExportFormat: 'DYNAMODB_JSON',
      ExportType: 'FULL_EXPORT',
      ExportTime: new Date(TO),
    });
  });

  it('starts an incremental export of [from, to) with the item after each change (NEW_IMAGE) under the incremental prefix', async () => {
    dynamo.on(ExportTableToPointInTimeCommand).resolves({ ExportDescription: { ExportArn: EXPORT_ARN } });
    await exports.start({ ...base, kind: 'incremental', from: FROM, prefix: 'exports/posts/incremental' });
    const input = dynamo.commandCalls(ExportTableToPointInTimeCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      ExportType: 'INCREMENTAL_EXPORT',
      S3Prefix: 'exports/posts/incremental',
      ClientToken: base.clientToken,
      IncrementalExportSpecification: { ExportFromTime: new Date(FROM), ExportToTime: new Date(TO), ExportViewType: 'NEW_IMAGE' },
    });
    expect(input.ExportTime).toBeUndefined();
  });

  it('fails when DynamoDB answers without an export ARN', async () => {
    dynamo.on(ExportTableToPointInTimeCommand).resolves({});
    await expect(exports.start({ ...base, kind: 'full', prefix: 'exports/posts/full' })).rejects.toThrow(/without an ARN/);
  });

  it('describes an export: in progress, completed, or failed with its code and message', async () => {
    dynamo
      .on(DescribeExportCommand)
      .resolvesOnce({ ExportDescription: { ExportArn: EXPORT_ARN, ExportStatus: 'IN_PROGRESS' } })
      .resolvesOnce({ ExportDescription: { ExportArn: EXPORT_ARN, ExportStatus: 'COMPLETED' } })
      .resolvesOnce({
        ExportDescription: {
          ExportArn: EXPORT_ARN,
          ExportStatus: 'FAILED',
          FailureCode: 'S3NoSuchBucket',
          FailureMessage: 'No such bucket',
        },
      })
      .resolvesOnce({ ExportDescription: { ExportArn: EXPORT_ARN } });
    expect(await exports.describe(EXPORT_ARN)).toEqual({ status: 'IN_PROGRESS' });
    expect(await exports.describe(EXPORT_ARN)).toEqual({ status: 'COMPLETED' });
    expect(await exports.describe(EXPORT_ARN)).toEqual({
      status: 'FAILED',
      failureCode: 'S3NoSuchBucket',
      failureMessage: 'No such bucket',
    });
    await expect(exports.describe(EXPORT_ARN)).rejects.toThrow(/status undefined/);
    expect(dynamo.commandCalls(DescribeExportCommand)[0]!.args[0].input).toEqual({ ExportArn: EXPORT_ARN });
  });
});

describe('GlueSnapshots', () => {
  const snapshots = new GlueSnapshots(new GlueClient({ region: 'ap-southeast-3' }), 'pantau_analytics');
  const location = `s3://${BUCKET}/exports/posts/full/AWSDynamoDB/01764608400000-1a2b3c4d/data/`;
  const tableDescriptor = {
    Columns: [{ Name: 'item', Type: 'struct<postKey:struct<s:string>>' }],
    Location: `s3://${BUCKET}/exports/posts/full/`,
    InputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
    OutputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
    SerdeInfo: { SerializationLibrary: 'org.openx.data.jsonserde.JsonSerDe', Parameters: { 'ignore.malformed.json': 'true' } },
  };

  beforeEach(() => {
    glue.on(GetTableCommand).resolves({ Table: { Name: 'posts_full', StorageDescriptor: tableDescriptor } });
  });

  it("adds partition snapshot=<time> at the export's data/ folder, with its table's columns and SerDe", async () => {
    glue.on(CreatePartitionCommand).resolves({});
    expect(await snapshots.addSnapshot('posts_full', '2026-11-01T17:00:00.000Z', location)).toBe(true);
    expect(glue.commandCalls(GetTableCommand)[0]!.args[0].input).toEqual({ DatabaseName: 'pantau_analytics', Name: 'posts_full' });
    expect(glue.commandCalls(CreatePartitionCommand)[0]!.args[0].input).toEqual({
      DatabaseName: 'pantau_analytics',
      TableName: 'posts_full',
      PartitionInput: {
        Values: ['2026-11-01T17:00:00.000Z'],
        StorageDescriptor: {
          Columns: tableDescriptor.Columns,
          InputFormat: tableDescriptor.InputFormat,
          OutputFormat: tableDescriptor.OutputFormat,
          SerdeInfo: tableDescriptor.SerdeInfo,
          Location: location,
        },
      },
    });
  });

  it('takes a partition that is already there as done', async () => {
    glue.on(CreatePartitionCommand).rejects(new AlreadyExistsException({ message: 'Partition already exists.', $metadata: {} }));
    expect(await snapshots.addSnapshot('posts_full', '2026-11-01T17:00:00.000Z', location)).toBe(false);
  });

  it('passes on any other Glue error', async () => {
    glue.on(CreatePartitionCommand).rejects(new EntityNotFoundException({ message: 'Table posts_full not found.', $metadata: {} }));
    await expect(snapshots.addSnapshot('posts_full', '2026-11-01T17:00:00.000Z', location)).rejects.toThrow(EntityNotFoundException);
  });
});

describe('DynamoExportHistory', () => {
  const history = new DynamoExportHistory(
    makeDocumentClient(new DynamoDBClient({ region: 'ap-southeast-3' })),
    'pantau-state',
    35,
    () => NOW,
  );
  const started: StartedExport = {
    exportArn: EXPORT_ARN,
    table: 'posts',
    kind: 'incremental',
    prefix: 'exports/posts/incremental',
    snapshot: '2026-11-02T17:00:00.000Z',
    from: '2026-11-01T17:00:00.000Z',
    startedAt: '2026-11-02T17:30:00.000Z',
  };
  const expiresAt = Math.floor((NOW + 35 * DAY) / 1000);

  it('records a started export once as pending, and moves its table marker forward only', async () => {
    doc.on(PutCommand).resolves({}).on(UpdateCommand).resolves({});
    await history.recordStarted(started);
    const put = doc.commandCalls(PutCommand)[0]!.args[0].input;
    expect(put).toMatchObject({
      TableName: 'pantau-state',
      ConditionExpression: 'attribute_not_exists(sk)',
      Item: { ...started, pk: 'EXPORTS', sk: `EXPORT#${EXPORT_ARN}`, status: 'pending', expiresAt },
    });
    const update = doc.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update).toMatchObject({
      Key: { pk: 'EXPORTS', sk: 'LATEST#posts' },
      UpdateExpression: 'SET lastTo = :to, expiresAt = :exp',
      ConditionExpression: 'attribute_not_exists(lastTo) OR lastTo <= :to',
      ExpressionAttributeValues: { ':to': started.snapshot, ':exp': expiresAt },
    });
  });

  it('a full export also sets lastFullAt and clears needsFull', async () => {
    doc.on(PutCommand).resolves({}).on(UpdateCommand).resolves({});
    await history.recordStarted({ ...started, kind: 'full', prefix: 'exports/posts/full' });
    expect(doc.commandCalls(UpdateCommand)[0]!.args[0].input.UpdateExpression).toBe(
      'SET lastTo = :to, lastFullAt = :to, expiresAt = :exp REMOVE needsFull',
    );
  });

  it('takes an export already recorded, or a marker already further on, as done', async () => {
    doc.on(PutCommand).rejects(conditionFailed()).on(UpdateCommand).rejects(conditionFailed());
    await expect(history.recordStarted(started)).resolves.toBeUndefined();
    expect(doc.commandCalls(UpdateCommand)).toHaveLength(1);
  });

  it("reads a table's marker (ISO times as epoch ms), consistently", async () => {
    doc
      .on(GetCommand)
      .resolvesOnce({
        Item: {
          pk: 'EXPORTS',
          sk: 'LATEST#posts',
          lastTo: '2026-11-02T17:00:00.000Z',
          lastFullAt: '2026-11-01T17:00:00.000Z',
          needsFull: true,
          failures: 2,
        },
      })
      .resolvesOnce({});
    expect(await history.marker('posts')).toEqual({ lastTo: TO, lastFullAt: FROM, needsFull: true, failures: 2 });
    expect(await history.marker('alerts')).toBeUndefined();
    expect(doc.commandCalls(GetCommand)[0]!.args[0].input).toMatchObject({
      ConsistentRead: true,
      Key: { pk: 'EXPORTS', sk: 'LATEST#posts' },
    });
  });

  it('lists the pending exports page by page, leaving out records past their expiry', async () => {
    const item = (arn: string) => ({
      pk: 'EXPORTS',
      sk: `EXPORT#${arn}`,
      exportArn: arn,
      table: 'alerts',
      kind: 'full',
      prefix: 'exports/alerts/full',
      snapshot: '2026-11-01T17:00:00.000Z',
      startedAt: '2026-11-01T17:30:00.000Z',
      status: 'pending',
      expiresAt,
    });
    doc
      .on(QueryCommand)
      .resolvesOnce({ Items: [item('arn-1')], LastEvaluatedKey: { pk: 'EXPORTS', sk: 'EXPORT#arn-1' } })
      .resolvesOnce({ Items: [item('arn-2')] });
    const pending = await history.pending();
    expect(pending.map((p) => p.exportArn)).toEqual(['arn-1', 'arn-2']);
    expect(pending[0]).toEqual({
      exportArn: 'arn-1',
      table: 'alerts',
      kind: 'full',
      prefix: 'exports/alerts/full',
      snapshot: '2026-11-01T17:00:00.000Z',
      startedAt: '2026-11-01T17:30:00.000Z',
    });
    const [first, second] = doc.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(first).toMatchObject({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :export)',
      FilterExpression: '#status = :pending AND expiresAt > :now',
      ExpressionAttributeValues: { ':pk': 'EXPORTS', ':export': 'EXPORT#', ':pending': 'pending', ':now': Math.floor(NOW / 1000) },
    });
    expect(second!.ExclusiveStartKey).toEqual({ pk: 'EXPORTS', sk: 'EXPORT#arn-1' });
  });

  it('settles a pending export once; false when another run already did', async () => {
    doc.on(UpdateCommand).resolvesOnce({}).rejectsOnce(conditionFailed());
    expect(await history.settle(EXPORT_ARN, 'completed')).toBe(true);
    expect(await history.settle(EXPORT_ARN, 'completed')).toBe(false);
    expect(doc.commandCalls(UpdateCommand)[0]!.args[0].input).toMatchObject({
      ConditionExpression: '#status = :pending',
      ExpressionAttributeValues: { ':outcome': 'completed', ':pending': 'pending', ':at': '2026-11-02T17:30:00.000Z' },
    });
  });

  it('makes the next export full and counts the failure', async () => {
    doc.on(UpdateCommand).resolves({});
    await history.requireFull('alerts');
    expect(doc.commandCalls(UpdateCommand)[0]!.args[0].input).toMatchObject({
      Key: { pk: 'EXPORTS', sk: 'LATEST#alerts' },
      UpdateExpression: 'SET needsFull = :yes, expiresAt = :exp ADD failures :one',
      ExpressionAttributeValues: { ':yes': true, ':one': 1, ':exp': expiresAt },
    });
  });
});
