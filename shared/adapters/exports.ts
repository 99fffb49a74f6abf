/**
 * AWS implementations of the exports' ports (shared/pipeline/export-tables.ts): DynamoDB's export
 * to S3, Glue partitions for Athena, and the exports' history in the state table.
 */
import { DescribeExportCommand, type DynamoDBClient, ExportTableToPointInTimeCommand } from '@aws-sdk/client-dynamodb';
import { AlreadyExistsException, CreatePartitionCommand, GetTableCommand, type GlueClient } from '@aws-sdk/client-glue';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, type QueryCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { EXPORTED_TABLES } from '../analytics/schema';
import type {
  ExportedTableName,
  ExportHistory,
  ExportMarker,
  ExportRequest,
  ExportService,
  ExportState,
  PartitionCatalog,
  StartedExport,
} from '../pipeline/export-tables';
import { DAY, epochSeconds } from '../time';
import { conditionHeld } from './conditional';
import { queryItems } from './pages';

/** Where exports go: the bucket and the KMS key that encrypts them. */
export interface ExportDestination {
  readonly bucket: string;
  readonly kmsKeyArn: string;
}

export class DynamoTableExports implements ExportService {
  constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly destination: ExportDestination,
  ) {}

  async start(request: ExportRequest): Promise<string> {
    const out = await this.dynamo.send(
      new ExportTableToPointInTimeCommand({
        TableArn: request.tableArn,
        ClientToken: request.clientToken,
        S3Bucket: this.destination.bucket,
        S3Prefix: request.prefix,
        S3SseAlgorithm: 'KMS',
        S3SseKmsKeyId: this.destination.kmsKeyArn,
        ExportFormat: 'DYNAMODB_JSON',
        ...(request.kind === 'full'
          ? { ExportType: 'FULL_EXPORT', ExportTime: new Date(request.to) }
          : {
              ExportType: 'INCREMENTAL_EXPORT',
              // The item after each change is all the views read (a removed item has none).
              IncrementalExportSpecification: {
                ExportFromTime: new Date(request.from),
                ExportToTime: new Date(request.to),
                ExportViewType: 'NEW_IMAGE',
              },
            }),
      }),
    );
    const arn = out.ExportDescription?.ExportArn;
    if (!arn) throw new Error(`${request.table}: DynamoDB started an export without an ARN`);
    return arn;
  }

  async describe(exportArn: string): Promise<ExportState> {
    const out = await this.dynamo.send(new DescribeExportCommand({ ExportArn: exportArn }));
    const description = out.ExportDescription;
    switch (description?.ExportStatus) {
      case 'COMPLETED':
        return { status: 'COMPLETED' };
      case 'FAILED':
        return { status: 'FAILED', failureCode: description.FailureCode, failureMessage: description.FailureMessage };
      case 'IN_PROGRESS':
        return { status: 'IN_PROGRESS' };
      default:
        throw new Error(`${exportArn}: DynamoDB described the export with status ${String(description?.ExportStatus)}`);
    }
  }
}

/**
 * Partitions of the Glue tables in infra/aws/analytics.ts. A partition carries its own storage
 * descriptor (Athena reads its SerDe, not the table's), so each one copies its table's and only
 * changes the location.
 */
export class GlueSnapshots implements PartitionCatalog {
  constructor(
    private readonly glue: GlueClient,
    private readonly database: string,
  ) {}

  async addSnapshot(glueTable: string, snapshot: string, location: string): Promise<boolean> {
    const { Table } = await this.glue.send(new GetTableCommand({ DatabaseName: this.database, Name: glueTable }));
    const table = Table?.StorageDescriptor;
    if (!table) throw new Error(`Glue table ${this.database}.${glueTable} has no storage descriptor`);
    try {
      await this.glue.send(
        new CreatePartitionCommand({
          DatabaseName: this.database,
          TableName: glueTable,
          PartitionInput: {
            Values: [snapshot],
            StorageDescriptor: {
              Columns: table.Columns,
              InputFormat: table.InputFormat,
              OutputFormat: table.OutputFormat,
              SerdeInfo: table.SerdeInfo,
              Parameters: table.Parameters,
              Location: location,
            },
          },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof AlreadyExistsException) return false;
      throw err;
    }
  }
}

/**
 * The exports' history, in the `EXPORTS` partition of the state table: one item per export started
 * (sk `EXPORT#<arn>`, `pending` until settled) and one marker per table (sk `LATEST#<table>`).
 * Times are ISO 8601 strings, which compare in time order.
 */
const PK = 'EXPORTS';
const exportKey = (exportArn: string) => ({ pk: PK, sk: `EXPORT#${exportArn}` });
const markerKey = (table: ExportedTableName) => ({ pk: PK, sk: `LATEST#${table}` });

export class DynamoExportHistory implements ExportHistory {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly stateTable: string,
    /** How long a record or a marker is kept after it was last written (`retention.stateDays`). */
    private readonly retentionDays: number,
    private readonly now: () => number = Date.now,
  ) {}

  private expiresAt(): number {
    return epochSeconds(this.now() + this.retentionDays * DAY);
  }

  async marker(table: ExportedTableName): Promise<ExportMarker | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.stateTable, Key: markerKey(table), ConsistentRead: true }));
    const item = out.Item;
    if (!item) return undefined;
    const time = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : undefined);
    return {
      lastFullAt: time(item.lastFullAt),
      lastTo: time(item.lastTo),
      needsFull: item.needsFull === true,
      failures: Number(item.failures ?? 0),
    };
  }

  async recordStarted(started: StartedExport): Promise<void> {
    await conditionHeld(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.stateTable,
          Item: { ...exportKey(started.exportArn), ...started, status: 'pending', expiresAt: this.expiresAt() },
          ConditionExpression: 'attribute_not_exists(sk)',
        }),
      ),
    );
    const full = started.kind === 'full';
    // A run that started late (a retry) must not move the marker back past a newer export.
    await conditionHeld(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.stateTable,
          Key: markerKey(started.table),
          UpdateExpression: full
            ? 'SET lastTo = :to, lastFullAt = :to, expiresAt = :exp REMOVE needsFull'
            : 'SET lastTo = :to, expiresAt = :exp',
          ConditionExpression: 'attribute_not_exists(lastTo) OR lastTo <= :to',
          ExpressionAttributeValues: { ':to': started.snapshot, ':exp': this.expiresAt() },
        }),
      ),
    );
  }

  async pending(): Promise<StartedExport[]> {
    const input: QueryCommandInput = {
      TableName: this.stateTable,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :export)',
      // TTL deletes lazily: a record past its time is gone whether or not DynamoDB has removed it.
      FilterExpression: '#status = :pending AND expiresAt > :now',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pk': PK, ':export': 'EXPORT#', ':pending': 'pending', ':now': epochSeconds(this.now()) },
      ConsistentRead: true,
    };
    const found: StartedExport[] = [];
    for await (const item of queryItems(this.doc, input)) found.push(toStartedExport(item));
    return found;
  }

  settle(exportArn: string, outcome: 'completed' | 'failed'): Promise<boolean> {
    return conditionHeld(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.stateTable,
          Key: exportKey(exportArn),
          UpdateExpression: 'SET #status = :outcome, settledAt = :at',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':outcome': outcome, ':pending': 'pending', ':at': new Date(this.now()).toISOString() },
        }),
      ),
    );
  }

  async requireFull(table: ExportedTableName): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.stateTable,
        Key: markerKey(table),
        UpdateExpression: 'SET needsFull = :yes, expiresAt = :exp ADD failures :one',
        ExpressionAttributeValues: { ':yes': true, ':one': 1, ':exp': this.expiresAt() },
      }),
    );
  }
}

const isExportedTable = (name: string): name is ExportedTableName => EXPORTED_TABLES.some((t) => t.name === name);

function toStartedExport(item: Record<string, unknown>): StartedExport {
  const text = (name: string): string => {
    const value = item[name];
    if (typeof value !== 'string') throw new Error(`export record ${String(item.sk)}: ${name} is not a string`);
    return value;
  };
  const table = text('table');
  const kind = text('kind');
  if (!isExportedTable(table)) throw new Error(`export record ${String(item.sk)}: unknown table ${table}`);
  if (kind !== 'full' && kind !== 'incremental') throw new Error(`export record ${String(item.sk)}: unknown kind ${kind}`);
  return {
    exportArn: text('exportArn'),
    table,
    kind,
    prefix: text('prefix'),
    snapshot: text('snapshot'),
    ...(typeof item.from === 'string' && { from: item.from }),
    startedAt: text('startedAt'),
  };
}
