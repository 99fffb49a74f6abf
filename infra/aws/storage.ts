/**
 * The three DynamoDB tables, built from the one description in shared/resources.ts.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption, type Attribute } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLES, type KeySpec, type TableName, type TableSpec } from '../../shared/resources';

/** The analysts' tables: losing them loses history, so CloudFormation may not delete them. */
const DELETION_PROTECTED: ReadonlySet<TableName> = new Set<TableName>(['posts', 'alerts']);

export class Storage extends Construct {
  readonly tables: { readonly [name in TableName]: Table };

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.tables = {
      posts: this.table('posts', TABLES.posts),
      alerts: this.table('alerts', TABLES.alerts),
      state: this.table('state', TABLES.state),
    };
  }

  private table(name: TableName, spec: TableSpec): Table {
    const table = new Table(this, spec.name, {
      partitionKey: attribute(spec.partitionKey),
      sortKey: spec.sortKey && attribute(spec.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: spec.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: spec.pointInTimeRecovery },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: DELETION_PROTECTED.has(name),
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

function attribute(key: KeySpec): Attribute {
  return { name: key.name, type: key.type === 'N' ? AttributeType.NUMBER : AttributeType.STRING };
}
