/**
 * Counting what DynamoDB charges: a middleware on a DynamoDB client that asks every request for
 * its consumed capacity (`ReturnConsumedCapacity: INDEXES`, so index writes are counted too) and
 * adds it up per operation, per table (and index) and per function, and the item size DynamoDB
 * bills storage by. Several clients may share one meter, each under its function's name.
 *
 * DynamoDB Local reports plain and batch writes as AWS bills them, but not transactions: for a
 * transactional put of a 1.5 KB item on a table with one index it reports 8 units on the table
 * and 8 on the index, where AWS bills 4 and 2 (2 units per KB on the table, the index write
 * priced as outside a transaction); a lone transactional update of a 100-byte item, 4 instead of
 * 2. So each TransactWriteItems is also priced from the request by AWS's rules
 * (`transactionUnits`), table by table.
 *
 * A request that fails (a condition not met, a transaction cancelled) is counted as a request,
 * by its error's name, but brings no consumed capacity back: AWS bills a failed conditional write
 * too, so where requests failed the units are a lower bound.
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
  /** Requests that touched it (a batch or transaction over two tables counts once for each). */
  requests: number;
  readUnits: number;
  /** As DynamoDB Local reports them. */
  writeUnits: number;
  /** As AWS bills them: as reported, except transactions priced from the request (see above). */
  billedWriteUnits: number;
}

export interface OperationCapacity extends TableCapacity {
  /** Of the requests, those that failed, by error name (they report no capacity). */
  failed: Record<string, number>;
}

/** Each table's global secondary indexes: an item is in an index when it has all its key attributes. */
export type IndexKeys = Readonly<Record<string, readonly { readonly name: string; readonly keys: readonly string[] }[]>>;

const KB = 1024;

interface TransactItem {
  readonly Put?: { readonly TableName?: string; readonly Item?: Record<string, unknown> };
  readonly Update?: TransactUpdate;
  readonly Delete?: { readonly TableName?: string };
  readonly ConditionCheck?: { readonly TableName?: string };
}

interface TransactUpdate {
  readonly TableName?: string;
  readonly Key?: Record<string, unknown>;
  readonly UpdateExpression?: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
  readonly ExpressionAttributeValues?: Record<string, unknown>;
}

const emptyTable = (): TableCapacity => ({ requests: 0, readUnits: 0, writeUnits: 0, billedWriteUnits: 0 });
const emptyOperation = (): OperationCapacity => ({ ...emptyTable(), failed: {} });

export class CapacityMeter {
  readonly byOperation = new Map<string, OperationCapacity>();
  /** Capacity per table and per index (`<table>/<index>`). */
  readonly byTable = new Map<string, TableCapacity>();
  /** Capacity per client name given to `attach` (the function the client belongs to). */
  readonly byFunction = new Map<string, TableCapacity>();
  /** Off while the benchmark does its own reads (the books, the baseline). */
  counting = true;

  constructor(private readonly indexKeys: IndexKeys = {}) {}

  /** Adds the middleware to `client` (and so to every document client made from it), its requests counted under `name`. */
  attach(client: DynamoDBClient, name = 'all'): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as Record<string, unknown>;
        input.ReturnConsumedCapacity ??= 'INDEXES';
        const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        const billed = operation === 'TransactWriteItems' ? this.transactionUnits(input.TransactItems as TransactItem[]) : undefined;
        let result: Awaited<ReturnType<typeof next>>;
        try {
          result = await next(args);
        } catch (err) {
          if (this.counting) this.failed(name, operation, err);
          throw err;
        }
        if (this.counting) this.add(name, operation, result.output, billed);
        return result;
      },
      { step: 'initialize', name: 'pantauConsumedCapacity' },
    );
  }

  get writeUnits(): number {
    return sum(this.byOperation, (o) => o.writeUnits);
  }

  get billedWriteUnits(): number {
    return sum(this.byOperation, (o) => o.billedWriteUnits);
  }

  get readUnits(): number {
    return sum(this.byOperation, (o) => o.readUnits);
  }

  get requests(): number {
    return sum(this.byOperation, (o) => o.requests);
  }

  /** Requests that failed, every operation together. */
  get failedRequests(): number {
    return sum(this.byOperation, (o) => Object.values(o.failed).reduce((n, c) => n + c, 0));
  }

  reset(): void {
    this.byOperation.clear();
    this.byTable.clear();
    this.byFunction.clear();
  }

  /**
   * A transaction as AWS bills it, per table and index (`<table>/<index>`): each put 2 units per KB
   * of its item on the table, plus 1 per KB on each index the item is in; each update 2 units per
   * KB of the item as the request writes it (its key, and the attributes it sets or adds with
   * their values: the attributes it leaves alone are not in the request, so this is the least the
   * item weighs; Pantau's counter items and the shard's mark are written whole by their update,
   * some hundred bytes); a delete or a condition check 2 units (an item under 1 KB). An update's
   * index writes are not priced (the aggregator's transactions update the state table, which has
   * no index). Expects a document client's plain values.
   */
  transactionUnits(items: readonly TransactItem[] | undefined): Map<string, number> {
    const units = new Map<string, number>();
    const add = (target: string, n: number): void => {
      units.set(target, (units.get(target) ?? 0) + n);
    };
    for (const t of items ?? []) {
      if (t.Put) {
        const item = t.Put.Item ?? {};
        const table = t.Put.TableName ?? 'unknown';
        const kb = kilobytes(itemBytes(item));
        add(table, 2 * kb);
        for (const index of this.indexKeys[table] ?? [])
          if (index.keys.every((k) => item[k] !== undefined)) add(`${table}/${index.name}`, kb);
      } else if (t.Update) {
        add(t.Update.TableName ?? 'unknown', 2 * kilobytes(updateBytes(t.Update)));
      } else {
        add((t.Delete ?? t.ConditionCheck)?.TableName ?? 'unknown', 2);
      }
    }
    return units;
  }

  private failed(name: string, operation: string, err: unknown): void {
    const entry = entryOf(this.byOperation, operation, emptyOperation);
    entry.requests += 1;
    const error = err instanceof Error ? err.name : 'Error';
    entry.failed[error] = (entry.failed[error] ?? 0) + 1;
    entryOf(this.byFunction, name, emptyTable).requests += 1;
  }

  private add(name: string, operation: string, output: unknown, billed: Map<string, number> | undefined): void {
    const write = WRITES.has(operation);
    const entry = entryOf(this.byOperation, operation, emptyOperation);
    const fn = entryOf(this.byFunction, name, emptyTable);
    entry.requests += 1;
    fn.requests += 1;
    const units = (u: Units): number =>
      write ? (u.WriteCapacityUnits ?? u.CapacityUnits ?? 0) : (u.ReadCapacityUnits ?? u.CapacityUnits ?? 0);
    const consumed = (output as { ConsumedCapacity?: Consumed | Consumed[] } | undefined)?.ConsumedCapacity;
    const reported = new Map<string, number>();
    const tables = new Set<string>();
    for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
      const table = c.TableName ?? 'unknown';
      tables.add(table);
      const total = units(c);
      let onIndexes = 0;
      for (const [index, u] of Object.entries(c.GlobalSecondaryIndexes ?? {})) {
        reported.set(`${table}/${index}`, (reported.get(`${table}/${index}`) ?? 0) + units(u));
        onIndexes += units(u);
      }
      // Without the table's own figure, it is the total less the indexes'.
      reported.set(table, (reported.get(table) ?? 0) + (c.Table ? units(c.Table) : total - onIndexes));
      if (write) {
        entry.writeUnits += total;
        fn.writeUnits += total;
      } else {
        entry.readUnits += total;
        fn.readUnits += total;
      }
    }
    for (const target of billed?.keys() ?? []) if (!target.includes('/')) tables.add(target);
    for (const table of tables) entryOf(this.byTable, table, emptyTable).requests += 1;
    for (const [target, n] of reported) {
      const t = entryOf(this.byTable, target, emptyTable);
      if (write) t.writeUnits += n;
      else t.readUnits += n;
    }
    if (!write) return;
    // As AWS bills: the transaction's own pricing, or what was reported.
    for (const [target, n] of billed ?? reported) {
      entryOf(this.byTable, target, emptyTable).billedWriteUnits += n;
      entry.billedWriteUnits += n;
      fn.billedWriteUnits += n;
    }
  }
}

function entryOf<T>(map: Map<string, T>, key: string, make: () => T): T {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = make()));
  return entry;
}

function sum<T>(map: Map<string, T>, value: (t: T) => number): number {
  let n = 0;
  for (const t of map.values()) n += value(t);
  return n;
}

/** Whole KB, 1 at least: the unit writes are billed in. */
const kilobytes = (bytes: number): number => Math.max(1, Math.ceil(bytes / KB));

const UPDATE_WORDS = new Set(['SET', 'ADD', 'REMOVE', 'DELETE', 'if_not_exists', 'list_append']);

/** The bytes an update request writes: its key, and each attribute its expression names, with the values it uses. */
export function updateBytes(update: TransactUpdate): number {
  const names = new Set<string>();
  const values = new Set<string>();
  for (const [, sigil, word] of (update.UpdateExpression ?? '').matchAll(/([#:]?)([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (!word) continue;
    if (sigil === ':') values.add(`:${word}`);
    else if (sigil === '#') names.add(update.ExpressionAttributeNames?.[`#${word}`] ?? word);
    else if (!UPDATE_WORDS.has(word)) names.add(word);
  }
  let bytes = itemBytes(update.Key ?? {});
  for (const name of names) bytes += Buffer.byteLength(name);
  for (const value of values) bytes += valueBytes(update.ExpressionAttributeValues?.[value]);
  return bytes;
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
