/**
 * The console's page for the local server: built (web/build.ts) into a temporary folder when a
 * command starts serving it, removed when it stops. Building takes well under a second, so the
 * page served is always the page of this checkout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPage } from '../web/build';

export async function withConsolePage<T>(work: (pageDir: string) => Promise<T>): Promise<T> {
  const pageDir = mkdtempSync(join(tmpdir(), 'pantau-console-'));
  try {
    await buildPage(pageDir);
    return await work(pageDir);
  } finally {
    rmSync(pageDir, { recursive: true, force: true });
  }
}
