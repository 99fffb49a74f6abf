/**
 * The three DynamoDB tables, built from the one description in shared/resources.ts (keys,
 * indexes, TTL, point-in-time recovery and, for posts, the stream the aggregator reads).
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, TableClass, StreamViewType, Table, TableEncryption, type Attribute } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { TABLES, type KeySpec, type TableName, type TableSpec } from '../../shared/resources';

export interface StorageProps {
  /** The customer-managed key every table is encrypted with. */
  readonly key: IKey;
}

export class Storage extends Construct {
  readonly tables: { readonly [name in TableName]: Table };

  constructor(
    scope: Construct,
    id: string,
    private readonly props: StorageProps,
  ) {
    super(scope, id);
    this.tables = {
      posts: this.table(TABLES.posts),
      alerts: this.table(TABLES.alerts),
      state: this.table(TABLES.state),
    };
  }

  private table(spec: TableSpec): Table {
    const table = new Table(this, spec.name, {
      partitionKey: attribute(spec.partitionKey),
      sortKey: spec.sortKey && attribute(spec.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      ...(spec.tableClass === 'STANDARD_INFREQUENT_ACCESS' ? { tableClass: TableClass.STANDARD_INFREQUENT_ACCESS } : {}),
      timeToLiveAttribute: spec.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: spec.pointInTimeRecovery },
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.props.key,
      // Encrypted with the table's key like the table itself.
      stream: spec.stream && STREAM_VIEWS[spec.stream],
      // Every table is stateful: posts and alerts are the analysts' history, and the state table
      // holds the collectors' checkpoints, the fact-check claims and the notifier's delivery log
      // (losing them re-sends posts and alerts). Neither CloudFormation nor a console click may delete them.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of spec.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: attribute(index.partitionKey),
        sortKey: index.sortKey && attribute(index.sortKey),
      });
    }
    return table;
  }
}

/** What each stream record carries, by the spec's name for it. */
const STREAM_VIEWS: Readonly<Record<NonNullable<TableSpec['stream']>, StreamViewType>> = {
  NEW_IMAGE: StreamViewType.NEW_IMAGE,
};

function attribute(key: KeySpec): Attribute {
  return { name: key.name, type: key.type === 'N' ? AttributeType.NUMBER : AttributeType.STRING };
}
