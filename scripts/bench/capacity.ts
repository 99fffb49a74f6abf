/**
 * Counting what DynamoDB charges: a middleware on a DynamoDB client that asks every request for
 * its consumed capacity (`ReturnConsumedCapacity: INDEXES`, so index writes are counted too) and
 * adds it up per operation, and the item size DynamoDB bills storage by.
 *
 * DynamoDB Local reports plain and batch writes as AWS bills them, but not transactions: for a
 * transactional put of a 1.5 KB item on a table with one index it reports 8 units on the table
 * and 8 on the index, where AWS bills 4 and 2 (2 units per KB on the table, the index write
 * priced as outside a transaction); a lone transactional update of a 100-byte item, 4 instead of
 * 2. So each TransactWriteItems is also priced from the request by AWS's rules (`billedWriteUnits`).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

interface Units {
  readonly CapacityUnits?: number;
  readonly ReadCapacityUnits?: number;
  readonly WriteCapacityUnits?: number;
}

interface Consumed extends Units {
  readonly TableName?: string;
  readonly Table?: Units;
  readonly GlobalSecondaryIndexes?: Record<string, Units>;
}

const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

export interface TableCapacity {
  requests: number;
  readUnits: number;
  /** As DynamoDB Local reports them. */
  writeUnits: number;
}

export interface OperationCapacity extends TableCapacity {
  /** As AWS bills them: as reported, except transactions priced from the request (see above). */
  billedWriteUnits: number;
}

/** Each table's global secondary indexes by their key attributes: an item is in an index when it has them all. */
export type IndexKeys = Readonly<Record<string, readonly (readonly string[])[]>>;

const KB = 1024;

interface TransactItem {
  readonly Put?: { readonly TableName?: string; readonly Item?: Record<string, unknown> };
  readonly Update?: unknown;
  readonly Delete?: unknown;
  readonly ConditionCheck?: unknown;
}

export class CapacityMeter {
  readonly byOperation = new Map<string, OperationCapacity>();
  /** Capacity per table and per index (`<table>/<index>`), requests counted per table. */
  readonly byTable = new Map<string, TableCapacity>();
  /** Off while the benchmark does its own reads (the books, the baseline). */
  counting = true;

  constructor(private readonly indexKeys: IndexKeys = {}) {}

  /** Adds the middleware to `client` (and so to every document client made from it). */
  attach(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as Record<string, unknown>;
        input.ReturnConsumedCapacity ??= 'INDEXES';
        const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        const billed = operation === 'TransactWriteItems' ? this.transactionUnits(input.TransactItems as TransactItem[]) : undefined;
        const result = await next(args);
        if (this.counting) this.add(operation, result.output, billed);
        return result;
      },
      { step: 'initialize', name: 'pantauConsumedCapacity' },
    );
  }

  get writeUnits(): number {
    return [...this.byOperation.values()].reduce((n, o) => n + o.writeUnits, 0);
  }

  get billedWriteUnits(): number {
    return [...this.byOperation.values()].reduce((n, o) => n + o.billedWriteUnits, 0);
  }

  get readUnits(): number {
    return [...this.byOperation.values()].reduce((n, o) => n + o.readUnits, 0);
  }

  get requests(): number {
    return [...this.byOperation.values()].reduce((n, o) => n + o.requests, 0);
  }

  reset(): void {
    this.byOperation.clear();
    this.byTable.clear();
  }

  /**
   * A transaction as AWS bills it: each put 2 units per KB of its item on the table, plus 1 per KB
   * on each index the item is in; each update, delete or check 2 units (Pantau's transactional
   * updates are the counters, about 100 bytes). Expects a document client's plain items.
   */
  private transactionUnits(items: readonly TransactItem[] | undefined): number {
    let units = 0;
    for (const t of items ?? []) {
      if (!t.Put) {
        units += 2;
        continue;
      }
      const item = t.Put.Item ?? {};
      const kb = Math.max(1, Math.ceil(itemBytes(item) / KB));
      units += 2 * kb;
      for (const keys of this.indexKeys[t.Put.TableName ?? ''] ?? []) if (keys.every((k) => item[k] !== undefined)) units += kb;
    }
    return units;
  }

  private add(operation: string, output: unknown, billed: number | undefined): void {
    const write = WRITES.has(operation);
    const entry = this.entry(this.byOperation, operation);
    entry.requests += 1;
    let reported = 0;
    const consumed = (output as { ConsumedCapacity?: Consumed | Consumed[] } | undefined)?.ConsumedCapacity;
    for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
      const units = (u: Units): number =>
        write ? (u.WriteCapacityUnits ?? u.CapacityUnits ?? 0) : (u.ReadCapacityUnits ?? u.CapacityUnits ?? 0);
      const total = units(c);
      if (write) entry.writeUnits += total;
      else entry.readUnits += total;
      if (write) reported += total;
      const table = c.TableName ?? 'unknown';
      const parts: [string, number][] = [[table, c.Table ? units(c.Table) : total]];
      for (const [index, u] of Object.entries(c.GlobalSecondaryIndexes ?? {})) parts.push([`${table}/${index}`, units(u)]);
      for (const [name, n] of parts) {
        let t = this.byTable.get(name);
        if (!t) this.byTable.set(name, (t = { requests: 0, readUnits: 0, writeUnits: 0 }));
        if (name === table) t.requests += 1;
        if (write) t.writeUnits += n;
        else t.readUnits += n;
      }
    }
    if (write) entry.billedWriteUnits += billed ?? reported;
  }

  private entry(map: Map<string, OperationCapacity>, key: string): OperationCapacity {
    let entry = map.get(key);
    if (!entry) map.set(key, (entry = { requests: 0, readUnits: 0, writeUnits: 0, billedWriteUnits: 0 }));
    return entry;
  }
}

/**
 * An item's size as DynamoDB counts it (attribute names and values in UTF-8; a number 1 byte per
 * two significant digits, leading and trailing zeros trimmed, + 1; lists and maps 3 bytes + 1 per
 * element; booleans and nulls 1 byte),
 * for storage: the service adds 100 bytes of overhead per item, and as much again per index copy.
 */
export function itemBytes(item: Record<string, unknown>): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    bytes += Buffer.byteLength(name) + valueBytes(value);
  }
  return bytes;
}

function valueBytes(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(significantDigits(value) / 2) + 1;
  if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + 1 + valueBytes(v), 0);
  if (value instanceof Set) return [...value].reduce((n: number, v) => n + valueBytes(v), 0);
  if (typeof value === 'object') {
    let bytes = 3;
    for (const [k, v] of Object.entries(value)) if (v !== undefined) bytes += 1 + Buffer.byteLength(k) + valueBytes(v);
    return bytes;
  }
  return 0;
}

/** Significant digits of a number as DynamoDB stores it (`1000` → 1, `0.0125` → 3, `12.5` → 3). */
function significantDigits(n: number): number {
  if (n === 0) return 0;
  const [mantissa = ''] = Math.abs(n).toExponential().split('e');
  return mantissa.replace('.', '').replace(/0+$/, '').length;
}
