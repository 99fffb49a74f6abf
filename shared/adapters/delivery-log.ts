/**
 * The notifier's delivery log in the state table: one item per (alert, revision, channel),
 * `NOTIFIED#<alertId>` / `<revision>#<channel>`, claimed by a conditional write before the send
 * and marked sent after it.
 */
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ChannelName, DeliveryClaim, DeliveryLog } from '../notify/ports';
import { DAY, epochSeconds } from '../time';
import { conditionHeld } from './conditional';

/**
 * How long a claim holds before another delivery may take the sending over: longer than the
 * notifier may run (its timeout), so a claim still held is a live sender's; shorter than Lambda's
 * first retry of a failed invocation (about a minute), so that retry finds a dead sender's claim free.
 */
export const NOTIFY_LEASE_MS = 45_000;

export class DynamoDeliveryLog implements DeliveryLog {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly stateTable: string,
    /** A record outlives SNS's redeliveries and Lambda's retries by far; it expires after this. */
    private readonly retentionDays: number,
    private readonly now: () => number = Date.now,
  ) {}

  private key(alertId: string, revision: number, channel: ChannelName): { pk: string; sk: string } {
    return { pk: `NOTIFIED#${alertId}`, sk: `${revision}#${channel}` };
  }

  async claim(alertId: string, revision: number, channel: ChannelName): Promise<DeliveryClaim> {
    const at = this.now();
    const key = this.key(alertId, revision, channel);
    const claimed = await conditionHeld(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.stateTable,
          Item: { ...key, leaseUntil: at + NOTIFY_LEASE_MS, expiresAt: epochSeconds(at + this.retentionDays * DAY) },
          // Free when never claimed, or claimed by a delivery that neither sent nor released in its time.
          ConditionExpression: 'attribute_not_exists(pk) OR (attribute_not_exists(sentAt) AND leaseUntil < :now)',
          ExpressionAttributeValues: { ':now': at },
        }),
      ),
    );
    if (claimed) return 'claimed';
    const held = await this.doc.send(new GetCommand({ TableName: this.stateTable, Key: key, ConsistentRead: true }));
    return held.Item?.sentAt === undefined ? 'in-flight' : 'sent';
  }

  async markSent(alertId: string, revision: number, channel: ChannelName): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.stateTable,
        Key: this.key(alertId, revision, channel),
        UpdateExpression: 'SET sentAt = :at',
        ExpressionAttributeValues: { ':at': new Date(this.now()).toISOString() },
      }),
    );
  }

  async release(alertId: string, revision: number, channel: ChannelName): Promise<void> {
    await conditionHeld(() =>
      this.doc.send(
        new DeleteCommand({
          TableName: this.stateTable,
          Key: this.key(alertId, revision, channel),
          ConditionExpression: 'attribute_not_exists(sentAt)',
        }),
      ),
    );
  }
}
