/**
 * A Pantau process holding a local stack, driven by a test (test/helpers/stack-process.ts): one
 * JSON request a line on stdin, one JSON answer a line on stdout. A process of its own because
 * fauxqs is an ES module, which jest's module system cannot load, and because two runs on one
 * data folder are two processes.
 */
import { createInterface } from 'node:readline';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { startFauxqsServer, type Fauxqs } from '../../infra/local/emulators';
import { startLocalStack, withLocalStack, type LocalStack, type LocalStackOptions } from '../../infra/local/stack';

export type StackRequest =
  | { readonly op: 'start'; readonly options: LocalStackOptions }
  | { readonly op: 'put' | 'get'; readonly id: string }
  | { readonly op: 'read'; readonly dataDir: string }
  | { readonly op: 'stop' | 'fauxqs' };

export type StackAnswer =
  { readonly ok: true; readonly value?: unknown } | { readonly ok: false; readonly name: string; readonly message: string };

let stack: LocalStack | undefined;
let fauxqs: Fauxqs | undefined;

function started(): LocalStack {
  if (!stack) throw new Error('no stack started');
  return stack;
}

async function serve(request: StackRequest): Promise<unknown> {
  switch (request.op) {
    case 'start':
      stack = await startLocalStack(request.options);
      return { dynamoDbLocalPid: stack.dynamoDbLocalPid, dynamoDbLocalEndpoint: stack.dynamoDbLocalEndpoint };
    case 'put': {
      const s = started();
      await s.clients.doc.send(
        new PutCommand({ TableName: s.resources.tables.state, Item: { pk: request.id, sk: 'item', note: request.id } }),
      );
      return undefined;
    }
    case 'get': {
      const s = started();
      const out = await s.clients.doc.send(new GetCommand({ TableName: s.resources.tables.state, Key: { pk: request.id, sk: 'item' } }));
      return out.Item?.note;
    }
    case 'read':
      return withLocalStack({ dataDir: request.dataDir }, () => Promise.resolve('read'));
    case 'stop':
      await stack?.stop();
      stack = undefined;
      return undefined;
    case 'fauxqs':
      fauxqs ??= await startFauxqsServer('ap-southeast-3');
      return { endpoint: fauxqs.endpoint, address: fauxqs.address };
  }
}

const lines = createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on('line', (line) => {
  queue = queue.then(async () => {
    let answer: StackAnswer;
    try {
      answer = { ok: true, value: await serve(JSON.parse(line) as StackRequest) };
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      answer = { ok: false, name: e.name, message: e.message };
    }
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  });
});
lines.on('close', () => {
  void queue.then(async () => {
    await Promise.allSettled([stack?.stop(), fauxqs?.stop()]);
    process.exit(0);
  });
});
