/**
 * The console on the local stack: the same API app as the Lambda (shared/console/app.ts) on
 * Node's HTTP server, with the built page beside it, on loopback only. Nobody signs in locally:
 * whoever runs it is the officer on call (the officers' group), named after the machine's user.
 */
import type { AddressInfo } from 'node:net';
import { userInfo } from 'node:os';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { consoleStores, type ConsoleTables } from '../../shared/adapters/console-store';
import { consoleApp, type Identity } from '../../shared/console/app';
import type { Config } from '../../shared/config';
import { CONSOLE_GROUPS } from '../../shared/console/contract';
import { LOOPBACK } from './emulators';

/** The port the console is served on unless told (another one is taken when it is busy). */
const CONSOLE_PORT = 8787;
/** The page's files named by their content hash (web/build.ts). */
const HASHED_ASSET = /\/(app|styles)-[A-Z0-9]+\.(js|css)(\.map)?$/;

export interface ConsoleServerOptions {
  readonly doc: DynamoDBDocumentClient;
  readonly tables: ConsoleTables;
  readonly config: Config;
  /** The port; 0 takes any free one. Unset: CONSOLE_PORT, or any free one when that is busy. */
  readonly port?: number;
  /** The built page (web/build.ts); without it only the API is served. */
  readonly pageDir?: string;
  /** Who the local user is (default: the machine's user name). */
  readonly identity?: Identity;
  readonly onError?: (err: unknown, path: string) => void;
}

export interface ConsoleServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** What the page may load: only itself (no outside host), and nothing may frame it. */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

function localIdentity(): Identity {
  let user = 'petugas';
  try {
    user = userInfo().username || user;
  } catch {
    // No user entry (a container): the default name will do.
  }
  return { user, groups: [CONSOLE_GROUPS.officers] };
}

export async function startConsoleServer(opts: ConsoleServerOptions): Promise<ConsoleServer> {
  const identity = opts.identity ?? localIdentity();
  const app = new Hono();
  // Only requests addressed to this server: a page elsewhere that points a name of its own at
  // 127.0.0.1 (DNS rebinding) sends its own name as the Host, and is refused.
  let hosts: readonly string[] = [];
  app.use('*', async (c, next) => {
    if (!hosts.includes(c.req.header('host') ?? '')) return c.text('not this server', 421);
    await next();
  });
  app.use('*', secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, strictTransportSecurity: false }));
  app.route(
    '/',
    consoleApp({
      ...consoleStores(opts.doc, opts.tables, opts.config),
      identify: () => identity,
      officersGroup: CONSOLE_GROUPS.officers,
      ...(opts.onError ? { onError: opts.onError } : {}),
    }),
  );
  if (opts.pageDir) {
    const pageDir = opts.pageDir;
    app.use(
      '*',
      serveStatic({
        root: pageDir,
        onFound: (path, c) => {
          // The page itself is read again each time (a rebuilt page shows at once); its scripts and
          // styles are named by their content, so a name is never served with other content.
          c.header('Cache-Control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      }),
    );
  }
  const server = await listen(app, opts.port);
  const port = (server.address() as AddressInfo).port;
  hosts = [`${LOOPBACK}:${port}`, `localhost:${port}`];
  return {
    url: `http://${LOOPBACK}:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Listens on loopback; the default port falls back to any free one when busy, a port asked for does not. */
async function listen(app: Hono, port: number | undefined): Promise<ServerType> {
  try {
    return await listenOn(app, port ?? CONSOLE_PORT);
  } catch (err) {
    if (port !== undefined || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    return listenOn(app, 0);
  }
}

function listenOn(app: Hono, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: LOOPBACK, port });
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
