/**
 * DynamoDB implementations of the collectors' state (state table): what each collector
 * remembers between runs, the one-run-at-a-time lock, and the daily read budget.
 */
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CollectorState, ReadBudget, RunLock } from '../pipeline/ports';
import { DAY, epochSeconds } from '../time';
import { conditionHeld } from './conditional';

const SINGLE = '-';

export class DynamoCollectorState implements CollectorState {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly stateTable: string,
    /** A collector's state outlives this many days without a run, then expires. */
    private readonly retentionDays: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(collector: string, key: string): Promise<unknown> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.stateTable, Key: { pk: `COLLECT#${collector}`, sk: key }, ConsistentRead: true }),
    );
    return out.Item?.value;
  }

  async put(collector: string, key: string, value: unknown): Promise<void> {
    const at = this.now();
    await this.doc.send(
      new PutCommand({
        TableName: this.stateTable,
        Item: {
          pk: `COLLECT#${collector}`,
          sk: key,
          value,
          updatedAt: new Date(at).toISOString(),
          expiresAt: epochSeconds(at + this.retentionDays * DAY),
        },
      }),
    );
  }
}

export class DynamoRunLock implements RunLock {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly stateTable: string,
    private readonly now: () => number = Date.now,
  ) {}

  acquire(collector: string, holder: string, ttlMs: number): Promise<boolean> {
    const at = this.now();
    return conditionHeld(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.stateTable,
          Item: { pk: `LOCK#${collector}`, sk: SINGLE, holder, until: at + ttlMs, expiresAt: epochSeconds(at + ttlMs + DAY) },
          // TTL deletion is lazy: a lock past its time is free whether or not it is still there.
          ConditionExpression: 'attribute_not_exists(pk) OR #until < :now OR holder = :me',
          ExpressionAttributeNames: { '#until': 'until' },
          ExpressionAttributeValues: { ':now': at, ':me': holder },
        }),
      ),
    );
  }

  /**
   * Frees the lock whoever holds it: for the local stack only, which starts as the one runner of
   * its data folder, so a lock left by a run that was killed does not hold up `pantau run --resume`.
   */
  async breakLock(collector: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.stateTable, Key: { pk: `LOCK#${collector}`, sk: SINGLE } }));
  }

  async release(collector: string, holder: string): Promise<void> {
    await conditionHeld(() =>
      this.doc.send(
        new DeleteCommand({
          TableName: this.stateTable,
          Key: { pk: `LOCK#${collector}`, sk: SINGLE },
          ConditionExpression: 'holder = :me',
          ExpressionAttributeValues: { ':me': holder },
        }),
      ),
    );
  }
}

export class DynamoReadBudget implements ReadBudget {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly stateTable: string,
    /** Which budget: `x` for X's billed reads. */
    private readonly name: string,
    private readonly now: () => number = Date.now,
  ) {}

  private key(day: string): { pk: string; sk: string } {
    return { pk: `BUDGET#${this.name}`, sk: day };
  }

  async reserve(day: string, wanted: number, cap: number): Promise<number> {
    // Ask for all of it; when that would pass the cap, for what is left (another run may be
    // reserving at the same time, so the conditional write decides, not the read).
    for (let attempt = 0; attempt < 5; attempt++) {
      const left = cap - (await this.spent(day));
      const ask = Math.min(wanted, left);
      if (ask <= 0) return 0;
      const granted = await conditionHeld(() =>
        this.doc.send(
          new UpdateCommand({
            TableName: this.stateTable,
            Key: this.key(day),
            UpdateExpression: 'ADD #reads :n SET expiresAt = if_not_exists(expiresAt, :exp)',
            ConditionExpression: 'attribute_not_exists(#reads) OR #reads <= :most',
            ExpressionAttributeNames: { '#reads': 'reads' },
            ExpressionAttributeValues: { ':n': ask, ':most': cap - ask, ':exp': epochSeconds(this.now() + 35 * DAY) },
          }),
        ),
      );
      if (granted) return ask;
    }
    return 0;
  }

  async refund(day: string, unused: number): Promise<void> {
    if (unused <= 0) return;
    await this.doc.send(
      new UpdateCommand({
        TableName: this.stateTable,
        Key: this.key(day),
        UpdateExpression: 'ADD #reads :n',
        ExpressionAttributeNames: { '#reads': 'reads' },
        ExpressionAttributeValues: { ':n': -unused },
      }),
    );
  }

  async spent(day: string): Promise<number> {
    const out = await this.doc.send(new GetCommand({ TableName: this.stateTable, Key: this.key(day), ConsistentRead: true }));
    return Number(out.Item?.reads ?? 0);
  }
}
