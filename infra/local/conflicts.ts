/**
 * DynamoDB's transaction conflicts, in front of DynamoDB Local.
 *
 * DynamoDB never makes a request wait for a transaction that holds an item: it refuses it.
 * - A TransactWriteItems touching an item that another TransactWriteItems is writing is cancelled
 *   (TransactionCanceledException, one reason per action: `TransactionConflict` for the actions on
 *   held items, `None` for the others).
 * - A TransactGetItems touching an item being written, by a transaction or by a single
 *   PutItem/UpdateItem/DeleteItem, is cancelled the same way.
 * - A single PutItem/UpdateItem/DeleteItem on an item a transaction is writing fails with
 *   TransactionConflictException. (A transaction arriving while a single write is in flight goes
 *   ahead.)
 * The AWS SDK retries neither. DynamoDB Local runs transactions one after the other instead, so
 * hundreds of concurrent transactions on one hot item all pass there and a design that cannot
 * work deployed looks fine locally. This proxy keeps the items of the writes in flight and
 * answers conflicting requests itself, as DynamoDB would; everything else (the streams API, reads,
 * table management, requests it cannot read) goes to DynamoDB Local unchanged.
 */
import { randomUUID } from 'node:crypto';
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS, LOOPBACK } from './emulators';

export interface ConflictProxyOptions {
  /** Keeps a transaction's items held this long after its answer has been sent (default 0): a wider window, for tests. */
  readonly holdMs?: number;
}

export interface ConflictProxy {
  /** The endpoint to give DynamoDB clients instead of DynamoDB Local's. */
  readonly url: string;
  /** The address it listens on: 127.0.0.1. */
  readonly address: AddressInfo;
  /** Requests sent on to DynamoDB Local. */
  readonly forwarded: number;
  /** TransactWriteItems and TransactGetItems answered with TransactionCanceledException. */
  readonly transactionsCancelled: number;
  /** Single writes answered with TransactionConflictException. */
  readonly writesRejected: number;
  /** Items held by writes in flight now. */
  held(): number;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;
type Kind = 'transactWrite' | 'transactGet' | 'write';

const KINDS = new Map<string, Kind>([
  ['TransactWriteItems', 'transactWrite'],
  ['TransactGetItems', 'transactGet'],
  ['PutItem', 'write'],
  ['UpdateItem', 'write'],
  ['DeleteItem', 'write'],
]);
const API = 'DynamoDB_20120810.';
const ONGOING = 'Transaction is ongoing for the item';

const record = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;

function parse(body: Buffer): Json | undefined {
  try {
    return record(JSON.parse(body.toString('utf8')));
  } catch {
    return undefined;
  }
}

/** The actions of a request, in its order: each names a table and a `Key`, or an `Item` for a put. */
function actionsOf(kind: Kind, body: Json): (Json | undefined)[] {
  if (kind === 'write') return [body];
  const items: unknown[] = Array.isArray(body.TransactItems) ? body.TransactItems : [];
  return items.map((action) => {
    const a = record(action);
    return record(a?.Put ?? a?.Update ?? a?.Delete ?? a?.ConditionCheck ?? a?.Get);
  });
}

/** Which items writes in flight hold, and whether a transaction is among them. */
class Holds {
  private readonly items = new Map<string, { transactions: number; writes: number }>();

  get size(): number {
    return this.items.size;
  }

  heldByTransaction(id: string): boolean {
    return (this.items.get(id)?.transactions ?? 0) > 0;
  }

  heldByAny(id: string): boolean {
    return this.items.has(id);
  }

  /** Holds the items; the function returned lets them go (once, however often it is called). */
  take(ids: readonly string[], by: 'transactions' | 'writes'): () => void {
    const unique = [...new Set(ids)];
    for (const id of unique) {
      const hold = this.items.get(id) ?? { transactions: 0, writes: 0 };
      hold[by] += 1;
      this.items.set(id, hold);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const id of unique) {
        const hold = this.items.get(id);
        if (!hold) continue;
        hold[by] -= 1;
        if (hold.transactions === 0 && hold.writes === 0) this.items.delete(id);
      }
    };
  }
}

function answerError(res: ServerResponse, type: string, fields: Json): void {
  const body = JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, ...fields });
  res.writeHead(400, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(body),
    'x-amzn-ErrorType': type,
    'x-amzn-RequestId': randomUUID(),
  });
  res.end(body);
}

export async function startConflictProxy(target: string, opts: ConflictProxyOptions = {}): Promise<ConflictProxy> {
  const to = new URL(target);
  const holdMs = opts.holdMs ?? 0;
  const agent = new Agent({ keepAlive: true });
  // DynamoDB Local runs with -sharedDb: the region and the credentials do not matter.
  const tables = new DynamoDBClient({ endpoint: target, region: 'local', credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  const schemas = new Map<string, Promise<readonly string[] | undefined>>();
  const holds = new Holds();
  const counts = { forwarded: 0, transactionsCancelled: 0, writesRejected: 0 };

  /** The key attributes of a table, asked of DynamoDB Local once; `undefined` when it has no such table. */
  function keyNames(table: string): Promise<readonly string[] | undefined> {
    let names = schemas.get(table);
    if (!names) {
      names = tables.send(new DescribeTableCommand({ TableName: table })).then(
        (out) => out.Table?.KeySchema?.map((k) => k.AttributeName ?? ''),
        () => undefined,
      );
      schemas.set(table, names);
      // Not remembered when missing: the table may be created next.
      void names.then((found) => {
        if (!found) schemas.delete(table);
      });
    }
    return names;
  }

  /** The key of a whole item (a put's), from its table's key attributes. */
  async function keyOf(table: string, item: Json): Promise<Json | undefined> {
    const names = await keyNames(table);
    return names && Object.fromEntries(names.map((name) => [name, item[name]]));
  }

  /** The item an action touches: its table and key values in DynamoDB JSON, sorted by attribute name. */
  async function itemOf(action: Json | undefined): Promise<string | undefined> {
    const table = action?.TableName;
    if (typeof table !== 'string') return undefined;
    const item = record(action?.Item);
    const key = record(action?.Key) ?? (item && (await keyOf(table, item)));
    if (!key || Object.values(key).some((value) => value === undefined)) return undefined;
    const names = Object.keys(key).sort();
    return JSON.stringify([table, names.map((name) => [name, key[name]])]);
  }

  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    counts.forwarded += 1;
    const headers = { ...req.headers, host: to.host };
    const upstream = request({ hostname: to.hostname, port: to.port, path: req.url, method: req.method, headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      pipeline(answer, res, () => {});
    });
    // DynamoDB Local unreachable: a server error, which the SDK retries.
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    upstream.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const target = req.headers['x-amz-target'];
    const operation = typeof target === 'string' && target.startsWith(API) ? target.slice(API.length) : '';
    const kind = KINDS.get(operation);
    const json = kind || operation === 'DeleteTable' ? parse(body) : undefined;
    if (operation === 'DeleteTable' && typeof json?.TableName === 'string') schemas.delete(json.TableName);
    const ids = kind && json ? await Promise.all(actionsOf(kind, json).map(itemOf)) : [];
    if (!kind || ids.length === 0 || !ids.every((id): id is string => id !== undefined)) return forward(req, res, body);
    // The caller gave up while a key schema was being read.
    if (res.closed) return;

    // From here to the hold being taken nothing awaits: the check and the hold are one step.
    if (kind === 'write') {
      if (ids.some((id) => holds.heldByTransaction(id))) {
        counts.writesRejected += 1;
        return answerError(res, 'TransactionConflictException', { message: ONGOING });
      }
    } else {
      const conflicts = ids.map((id) => (kind === 'transactGet' ? holds.heldByAny(id) : holds.heldByTransaction(id)));
      if (conflicts.some(Boolean)) {
        counts.transactionsCancelled += 1;
        const reasons = conflicts.map((conflict) => (conflict ? { Code: 'TransactionConflict', Message: ONGOING } : { Code: 'None' }));
        return answerError(res, 'TransactionCanceledException', {
          Message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
          CancellationReasons: reasons,
        });
      }
    }
    if (kind !== 'transactGet') {
      const release = holds.take(ids, kind === 'transactWrite' ? 'transactions' : 'writes');
      // 'close' comes once the answer is sent, or the caller is gone: either way the hold ends.
      res.once('close', () => (kind === 'transactWrite' && holdMs > 0 ? setTimeout(release, holdMs) : release()));
    }
    forward(req, res, body);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch(() => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    });
  });
  await new Promise<void>((ok) => server.listen(0, LOOPBACK, ok));
  const address = server.address() as AddressInfo;

  return {
    url: `http://${LOOPBACK}:${address.port}`,
    address,
    get forwarded() {
      return counts.forwarded;
    },
    get transactionsCancelled() {
      return counts.transactionsCancelled;
    },
    get writesRejected() {
      return counts.writesRejected;
    },
    held: () => holds.size,
    async close() {
      await new Promise<void>((ok) => server.close(() => ok()));
      agent.destroy();
      tables.destroy();
    },
  };
}
