/**
 * CDK entry point (cdk.json: `npx tsx infra/aws/app.ts`). Choose the config with
 * `npx cdk synth -c config=path/to/config.json`. It builds the console page into a temporary
 * folder (web/build.ts), builds the stack with it, synthesizes, and removes the folder (the page
 * is copied into cdk.out as an asset by then).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { ConfigError } from '../../shared/config';
import { appConfig, buildApp, consolePage } from './build';

const repoRoot = resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const app = new App();
  // A bad config stops here, before the page is built.
  appConfig(app, repoRoot);
  const consolePageDir = mkdtempSync(join(tmpdir(), 'pantau-console-page-'));
  try {
    await consolePage(consolePageDir);
    buildApp(app, { repoRoot, account: process.env.CDK_DEFAULT_ACCOUNT, consolePageDir });
    app.synth();
  } finally {
    rmSync(consolePageDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`pantau: bad configuration: ${err.message}\n`);
    process.exit(1);
  }
  // Anything else: Node prints it with its stack and exits non-zero (an unhandled rejection).
  throw err;
});
