/**
 * The console on the local stack for a command: its page built (web/build.ts) into a temporary
 * folder, served with the API by the local console server while `work` runs, then the server
 * closed and the folder removed. Building takes well under a second, so the page served is always
 * the page of this checkout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startConsoleServer, type ConsoleServer } from '../infra/local/console-server';
import type { LocalStack } from '../infra/local/stack';
import type { Config } from '../shared/config';
import { buildPage } from '../web/build';

export async function servingConsole<T>(
  opts: { readonly stack: LocalStack; readonly config: Config; readonly port?: number; readonly err: NodeJS.WritableStream },
  work: (server: ConsoleServer) => Promise<T>,
): Promise<T> {
  const pageDir = mkdtempSync(join(tmpdir(), 'pantau-console-'));
  try {
    await buildPage(pageDir);
    const server = await startConsoleServer({
      doc: opts.stack.clients.doc,
      tables: opts.stack.resources.tables,
      config: opts.config,
      port: opts.port,
      pageDir,
      onError: (error, path) => opts.err.write(`Pantau: the console could not answer ${path}: ${String(error)}\n`),
    });
    try {
      return await work(server);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(pageDir, { recursive: true, force: true });
  }
}
