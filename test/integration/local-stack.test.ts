/**
 * The embedded stack on a data folder, as `pantau run` and the commands that read its tables start
 * it: one Pantau at a time on a folder, the last run's tables kept until a new start has fully
 * succeeded, and the emulators out of reach of other machines and of web pages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { hostname, networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startConflictProxy } from '../../infra/local/conflicts';
import { DYNAMODB_LOCAL_CORS } from '../../infra/local/emulators';
import { LOCK_FILE, lockDataFolder } from '../../infra/local/run-lock';
import { startStackProcess, type StackProcess } from '../helpers/stack-process';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'pantau-stack-'));
const IN_USE = /^the data folder .+ is in use by pantau run \(pid \d+, started \d\d:\d\d:\d\d\); wait for it to end or use --data DIR$/;

/** A pid no process has now: that of a child that has ended. */
function deadPid(): number {
  const child = spawnSync('true');
  if (!child.pid) throw new Error('could not run `true`');
  return child.pid;
}

/** An HTTP answer's status and headers, or the network error's code. */
function ask(
  url: string,
  headers: Record<string, string> = {},
  method = 'POST',
  body = '{}',
): Promise<{ status?: number; headers?: Record<string, unknown>; error?: string }> {
  return new Promise((resolve) => {
    const req = request(url, { method, headers, timeout: 5_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end(method === 'POST' ? body : undefined);
  });
}

/** An IPv4 address of this machine other than loopback, if it has one. */
function otherAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

describe('one Pantau at a time on a data folder', () => {
  let dataDir: string;
  let first: StackProcess;
  let second: StackProcess;
  let dynamoDb: { dynamoDbLocalPid: number; dynamoDbLocalEndpoint: string };

  beforeAll(async () => {
    dataDir = scratch();
    [first, second] = [startStackProcess(), startStackProcess()];
    dynamoDb = (await first.send({ op: 'start', options: { dataDir, fresh: true, command: 'pantau run' } })) as typeof dynamoDb;
    await first.send({ op: 'put', id: 'before' });
  });

  afterAll(async () => {
    await Promise.all([first?.end(), second?.end()]);
  });

  test('a second start on the folder is refused with the running one named, and touches nothing there', async () => {
    const refused = second.send({ op: 'start', options: { dataDir, fresh: true, command: 'pantau run' } });
    await expect(refused).rejects.toMatchObject({ name: 'DataFolderInUseError' });
    await expect(refused).rejects.toThrow(IN_USE);
    await expect(refused).rejects.toThrow(`(pid ${first.pid},`);
    // A command that only reads starts DynamoDB Local on the folder too: refused the same way.
    await expect(second.send({ op: 'read', dataDir })).rejects.toThrow(IN_USE);

    // The first keeps its tables and goes on working.
    expect(existsSync(join(dataDir, 'dynamodb.previous'))).toBe(false);
    expect(await first.send({ op: 'get', id: 'before' })).toBe('before');
    await first.send({ op: 'put', id: 'after' });
    expect(await first.send({ op: 'get', id: 'after' })).toBe('after');
  });

  test('DynamoDB Local runs without telemetry and answers no web page', async () => {
    expect(dynamoDb.dynamoDbLocalPid).toBeGreaterThan(0);
    // The watchdog's child is the Java process.
    const ps = spawnSync('ps', ['-o', 'args=', '--ppid', String(dynamoDb.dynamoDbLocalPid)], { encoding: 'utf8' });
    const java = ps.stdout.split('\n').find((line) => line.includes('DynamoDBLocal.jar')) ?? '';
    expect(java).toContain(' -disableTelemetry');
    expect(java).toContain(` -cors ${DYNAMODB_LOCAL_CORS}`);

    const signed = {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'DynamoDB_20120810.ListTables',
      authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/ap-southeast-3/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    };
    const fromPage = await ask(dynamoDb.dynamoDbLocalEndpoint, { ...signed, origin: 'http://evil.example' });
    expect(fromPage.status).toBe(200);
    expect(fromPage.headers?.['access-control-allow-origin']).toBeUndefined();
    const preflight = await ask(
      dynamoDb.dynamoDbLocalEndpoint,
      {
        origin: 'http://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-amz-target,authorization',
      },
      'OPTIONS',
    );
    expect(preflight.headers?.['access-control-allow-origin']).toBeUndefined();
  });

  test('the folder is given back when the stack stops, with what it stored', async () => {
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: first.pid, command: 'pantau run' });
    await first.send({ op: 'stop' });
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    await second.send({ op: 'start', options: { dataDir } });
    expect(await second.send({ op: 'get', id: 'after' })).toBe('after');
  });
});

describe('a lock left by a run that crashed', () => {
  test('is taken over when its process is gone', () => {
    const dataDir = scratch();
    const stale = {
      pid: deadPid(),
      hostname: hostname(),
      command: 'pantau run',
      argv: ['node', 'pantau', 'run'],
      startedAt: new Date().toISOString(),
    };
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify(stale));

    const lock = lockDataFolder(dataDir, 'pantau export');
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, command: 'pantau export' });
    expect(() => lockDataFolder(dataDir, 'pantau run')).toThrow(/in use by pantau export/);
    lock.release();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  test('is kept while its process lives', () => {
    const dataDir = scratch();
    const live = { pid: process.ppid, hostname: hostname(), command: 'pantau run', argv: [], startedAt: new Date().toISOString() };
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify(live));
    expect(() => lockDataFolder(dataDir)).toThrow(`(pid ${process.ppid},`);
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.ppid });
  });
});

describe('a fresh start keeps the last run until everything has started', () => {
  const noJava = join(scratch(), 'bin');
  let stacks: StackProcess;
  let javaless: StackProcess;

  beforeAll(() => {
    mkdirSync(noJava);
    stacks = startStackProcess();
    javaless = startStackProcess({ ...process.env, PATH: noJava });
  });

  afterAll(async () => {
    await Promise.all([stacks?.end(), javaless?.end()]);
  });

  test('Java missing, a resource refused, a start killed half-way: the stored items stay readable', async () => {
    const dataDir = scratch();
    await stacks.send({ op: 'start', options: { dataDir, fresh: true } });
    await stacks.send({ op: 'put', id: 'kept' });
    await stacks.send({ op: 'stop' });

    // Java missing, and a lock left by a crashed run in the way: the lock is taken over, then
    // DynamoDB Local cannot start.
    const stale = { pid: deadPid(), hostname: hostname(), command: 'pantau run', argv: [], startedAt: new Date().toISOString() };
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify(stale));
    await expect(javaless.send({ op: 'start', options: { dataDir, fresh: true } })).rejects.toMatchObject({ name: 'JavaMissingError' });
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

    // DynamoDB Local started on an empty folder, then a queue refused.
    await expect(stacks.send({ op: 'start', options: { dataDir, fresh: true, visibilityTimeoutSeconds: 99_999 } })).rejects.toThrow(
      /VisibilityTimeout/,
    );

    // Killed after setting the old tables aside: the next start puts them back.
    renameSync(join(dataDir, 'dynamodb'), join(dataDir, 'dynamodb.previous'));
    mkdirSync(join(dataDir, 'dynamodb'));
    await stacks.send({ op: 'start', options: { dataDir } });
    expect(await stacks.send({ op: 'get', id: 'kept' })).toBe('kept');
    expect(existsSync(join(dataDir, 'dynamodb.previous'))).toBe(false);
    await stacks.send({ op: 'stop' });

    // A fresh start that succeeds does give them up.
    await stacks.send({ op: 'start', options: { dataDir, fresh: true } });
    expect(await stacks.send({ op: 'get', id: 'kept' })).toBeUndefined();
    expect(existsSync(join(dataDir, 'dynamodb.previous'))).toBe(false);
    await stacks.send({ op: 'stop' });
  });
});

describe('our servers listen on loopback only', () => {
  const other = otherAddress();

  async function expectLoopbackOnly(url: string, address: { address: string; port: number }): Promise<void> {
    expect(address.address).toBe('127.0.0.1');
    expect(new URL(url).hostname).toBe('127.0.0.1');
    expect((await ask(url)).status).toBeGreaterThan(0);
    if (other) expect((await ask(`http://${other}:${address.port}/`)).error).toBe('ECONNREFUSED');
  }

  test('fauxqs', async () => {
    const holder = startStackProcess();
    try {
      const fauxqs = (await holder.send({ op: 'fauxqs' })) as { endpoint: string; address: { address: string; port: number } };
      await expectLoopbackOnly(fauxqs.endpoint, fauxqs.address);
    } finally {
      await holder.end();
    }
  });

  test('the transaction-conflict proxy', async () => {
    const proxy = await startConflictProxy(process.env.PANTAU_TEST_DYNAMODB ?? 'http://127.0.0.1:9');
    try {
      await expectLoopbackOnly(proxy.url, proxy.address);
    } finally {
      await proxy.close();
    }
  });
});
