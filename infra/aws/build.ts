/**
 * Builds Pantau's CDK app from the config file named by the `config` context value
 * (default `pantau.config.json`, resolved from the repository root). Kept apart from `app.ts`
 * so tests can build it without the process-wide entry point.
 */
import { resolve } from 'node:path';
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadConfig } from '../../shared/config';
import { PantauStack } from './stack';

export const DEFAULT_CONFIG = 'pantau.config.json';

export interface BuildOptions {
  readonly repoRoot: string;
  /** Target account; absent, the stack is environment-agnostic about the account. */
  readonly account?: string;
}

/** Throws a ConfigError (naming the bad field) when the config file is missing or invalid. */
export function buildApp(app: App, options: BuildOptions): PantauStack {
  const requested: unknown = app.node.tryGetContext('config') ?? DEFAULT_CONFIG;
  if (typeof requested !== 'string' || requested.trim() === '') {
    throw new Error('context value "config" must be a path to a config file');
  }
  const configPath = resolve(options.repoRoot, requested);
  const config = loadConfig(configPath);
  // cdk-nag v3 is a CDK policy-validation plugin: it runs at synth, and any finding that is not
  // acknowledged (with its reason, next to the resource) fails `cdk synth` and `cdk deploy`.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return new PantauStack(app, config.name, {
    config,
    configPath,
    repoRoot: options.repoRoot,
    env: { account: options.account, region: config.region },
    description: `Pantau social-media listening pipeline (${config.name})`,
  });
}
