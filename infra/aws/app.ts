/**
 * CDK entry point (cdk.json: `npx tsx infra/aws/app.ts`). Choose the config with
 * `npx cdk synth -c config=path/to/config.json`.
 */
import { resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { ConfigError } from '../../shared/config';
import { buildApp } from './build';

const repoRoot = resolve(__dirname, '..', '..');

try {
  const app = new App();
  buildApp(app, { repoRoot, account: process.env.CDK_DEFAULT_ACCOUNT });
  app.synth();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`pantau: bad configuration: ${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
