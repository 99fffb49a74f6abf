/**
 * Analytics: the posts and alerts tables exported to S3 on `analytics.schedule` (full or
 * incremental, by the exporter function), the Glue tables and views Athena reads them through,
 * the analysts' Athena workgroup and their saved queries. Built only when `analytics.enabled`.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { CfnNamedQuery, CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { CfnDatabase, CfnTable } from 'aws-cdk-lib/aws-glue';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { EXPORTER_ENV } from '../../shared/env-names';
import { analyticsDatabase, exportPrefix, QUERY_RESULTS_PREFIX } from '../../shared/analytics/layout';
import { columnName, EXPORTED_TABLES, type ColumnKind, type ExportedTable } from '../../shared/analytics/schema';
import {
  athenaViewSql,
  exportTableNames,
  glueChangeColumns,
  glueItemType,
  prestoType,
  SAVED_QUERIES,
  viewAttributes,
} from '../../shared/analytics/sql';
import { TABLES, type TableName } from '../../shared/resources';
import type { PantauInputs } from './inputs';
import { PantauFunction } from './pantau-function';

/** The exporter's second schedule: finished exports are registered for Athena within this long. */
export const SETTLE_EVERY = Duration.minutes(30);
/** Athena stops a query of the analysts' workgroup after it has scanned this much (a cost guard). */
export const BYTES_SCANNED_CUTOFF = 10 * 1024 ** 3;
/** How long the exports bucket's access logs are kept: who read the exports, for a year's audits. */
export const ACCESS_LOG_DAYS = 365;

const JSON_SERDE = 'org.openx.data.jsonserde.JsonSerDe';
const TEXT_INPUT = 'org.apache.hadoop.mapred.TextInputFormat';
const TEXT_OUTPUT = 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat';

/** A view column's type as Glue (Hive) writes it. */
const HIVE_TYPES: Readonly<Record<ColumnKind, string>> = {
  varchar: 'string',
  bigint: 'bigint',
  double: 'double',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
  'array(varchar)': 'array<string>',
};

export interface AnalyticsProps {
  readonly inputs: PantauInputs;
  readonly tables: { readonly [name in TableName]: ITable };
  /** The customer-managed key the exports and query results are encrypted with. */
  readonly key: IKey;
}

export class Analytics extends Construct {
  /** Exports (`exports/`) and Athena query results (`athena-results/`). */
  readonly bucket: Bucket;
  /** The exports bucket's server access logs. */
  readonly accessLogs: Bucket;
  readonly exporter: PantauFunction;
  readonly schedules: { readonly start: Rule; readonly settle: Rule };
  readonly databaseName: string;
  readonly workGroup: CfnWorkGroup;

  constructor(scope: Construct, id: string, props: AnalyticsProps) {
    super(scope, id);
    const { config } = props.inputs;
    const { analytics } = config;
    // S3 delivers access logs under the log bucket's policy (AWS's recommendation), not under the
    // log-delivery ACL CDK uses without this flag: the log bucket keeps ACLs disabled.
    this.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      // Log delivery writes with SSE-S3 only.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(ACCESS_LOG_DAYS), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new Bucket(this, 'Exports', {
      encryption: BucketEncryption.KMS,
      encryptionKey: props.key,
      // One data key per bucket rather than per object: exports write many objects.
      bucketKeyEnabled: true,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'exports-bucket/',
      // No versioning: exports are written once and never replaced, and expiring them must delete them.
      lifecycleRules: [
        { id: 'expire-exports', prefix: 'exports/', expiration: Duration.days(analytics.keepExportsDays) },
        { id: 'expire-query-results', prefix: `${QUERY_RESULTS_PREFIX}/`, expiration: Duration.days(analytics.keepQueryResultsDays) },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      // Residents' posts: deleting the stack must not delete them unseen.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.databaseName = analyticsDatabase(config.name);
    const account = Stack.of(this).account;
    const database = new CfnDatabase(this, 'Database', {
      catalogId: account,
      databaseInput: { name: this.databaseName, description: `Pantau (${config.name}): exports of the posts and alerts tables` },
    });
    const glueTables: string[] = [];
    for (const table of EXPORTED_TABLES) {
      const names = exportTableNames(table);
      const full = this.exportTable(names.full, table, 'full', [{ name: 'item', type: glueItemType(table) }]);
      const changes = this.exportTable(names.changes, table, 'incremental', glueChangeColumns(table));
      const view = this.view(table);
      for (const resource of [full, changes, view]) resource.addResourceDependency(database);
      glueTables.push(names.full, names.changes);
    }

    const { tables } = props;
    this.exporter = new PantauFunction(this, 'Exporter', {
      inputs: props.inputs,
      name: 'exporter',
      description: 'Exports the posts and alerts tables to S3 and registers the exports for Athena',
      timeout: Duration.minutes(1),
    })
      .bindTableExport(tables.posts, EXPORTER_ENV.tableArns.posts)
      .bindTableExport(tables.alerts, EXPORTER_ENV.tableArns.alerts)
      .bindExportDestination(
        this.bucket,
        EXPORTED_TABLES.flatMap((table) => [exportPrefix(table, 'full'), exportPrefix(table, 'incremental')]),
        { bucket: EXPORTER_ENV.bucket, key: EXPORTER_ENV.keyArn },
      )
      .bindGluePartitions(this.databaseName, glueTables, EXPORTER_ENV.database)
      // The exports' history.
      .bindTable(tables.state, TABLES.state, 'readWrite');

    this.schedules = {
      start: new Rule(this, 'ExportSchedule', {
        description: 'Starts the exports of the posts and alerts tables',
        schedule: Schedule.expression(analytics.schedule),
        // Tried again when EventBridge cannot deliver it: it runs once a day, and the export's client token makes a repeat the same export.
        targets: [new LambdaFunction(this.exporter.fn, { event: RuleTargetInput.fromObject({ action: 'start' }), retryAttempts: 2 })],
      }),
      settle: new Rule(this, 'SettleSchedule', {
        description: 'Registers finished exports for Athena',
        schedule: Schedule.rate(SETTLE_EVERY),
        targets: [new LambdaFunction(this.exporter.fn, { event: RuleTargetInput.fromObject({ action: 'settle' }), retryAttempts: 0 })],
      }),
    };

    this.workGroup = new CfnWorkGroup(this, 'WorkGroup', {
      name: `${config.name}-analysts`,
      description: `Pantau (${config.name}): analysts' queries over the exports`,
      state: 'ENABLED',
      recursiveDeleteOption: false,
      workGroupConfiguration: {
        // Every query writes its results encrypted to the bucket, whatever the analyst's client asks.
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: BYTES_SCANNED_CUTOFF,
        engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
        resultConfiguration: {
          outputLocation: this.bucket.s3UrlForObject(`${QUERY_RESULTS_PREFIX}/`),
          encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKey: props.key.keyArn },
        },
      },
    });
    for (const query of SAVED_QUERIES) {
      const saved = new CfnNamedQuery(this, `Query-${query.name}`, {
        name: `${config.name}: ${query.name}`,
        description: query.description,
        database: this.databaseName,
        workGroup: this.workGroup.ref,
        queryString: query.sql,
      });
      saved.addResourceDependency(this.workGroup);
      saved.addResourceDependency(database);
    }
  }

  /** An export's Glue table: JSON lines (gzip), one partition per export, `snapshot` = its time. */
  private exportTable(
    name: string,
    table: ExportedTable,
    kind: 'full' | 'incremental',
    columns: { name: string; type: string }[],
  ): CfnTable {
    return new CfnTable(this, `Table-${name}`, {
      catalogId: Stack.of(this).account,
      databaseName: this.databaseName,
      tableInput: {
        name,
        description: `${kind === 'full' ? 'Full exports' : 'Incremental exports (the item after each change)'} of the ${table.name} table`,
        tableType: 'EXTERNAL_TABLE',
        parameters: { classification: 'json', compressionType: 'gzip' },
        partitionKeys: [
          { name: 'snapshot', type: 'string', comment: 'The export time (full) or the end of its period (incremental), ISO 8601' },
        ],
        storageDescriptor: {
          columns,
          location: this.bucket.s3UrlForObject(`${exportPrefix(table, kind)}/`),
          inputFormat: TEXT_INPUT,
          outputFormat: TEXT_OUTPUT,
          serdeInfo: { serializationLibrary: JSON_SERDE, parameters: { 'ignore.malformed.json': 'true' } },
        },
      },
    });
  }

  /**
   * The analysts' view of a table (`posts`, `alerts`), in the form Athena itself stores a view:
   * the SQL and its columns, base64-encoded in a "Presto View" comment, and the same columns in Hive types.
   */
  private view(table: ExportedTable): CfnTable {
    const attributes = viewAttributes(table);
    const definition = {
      originalSql: athenaViewSql(table, this.databaseName),
      catalog: 'awsdatacatalog',
      schema: this.databaseName,
      columns: attributes.map((a) => ({ name: columnName(a.name), type: prestoType(a.column) })),
    };
    return new CfnTable(this, `View-${table.name}`, {
      catalogId: Stack.of(this).account,
      databaseName: this.databaseName,
      tableInput: {
        name: table.name,
        description: table.summary,
        tableType: 'VIRTUAL_VIEW',
        viewOriginalText: `/* Presto View: ${Buffer.from(JSON.stringify(definition)).toString('base64')} */`,
        viewExpandedText: '/* Presto View */',
        parameters: { presto_view: 'true', comment: 'Presto View' },
        storageDescriptor: {
          columns: attributes.map((a) => ({ name: columnName(a.name), type: HIVE_TYPES[a.column], comment: a.meaning })),
        },
      },
    });
  }
}
