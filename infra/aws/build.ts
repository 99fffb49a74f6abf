/**
 * Builds Pantau's CDK app from the config file named by the `config` context value
 * (default `pantau.config.json`, resolved from the repository root). Kept apart from `app.ts`
 * so tests can build it without the process-wide entry point.
 */
import { resolve } from 'node:path';
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadConfig, type Config } from '../../shared/config';
import { buildPage } from '../../web/build';
import { PantauStack } from './stack';

export const DEFAULT_CONFIG = 'pantau.config.json';

export interface BuildOptions {
  readonly repoRoot: string;
  /** Target account; absent, the stack is environment-agnostic about the account. */
  readonly account?: string;
  /** The console's built page (consolePage below): a folder holding `index.html` and what it loads. */
  readonly consolePageDir: string;
}

export interface AppConfig {
  readonly config: Config;
  /** Absolute path of the config file. */
  readonly configPath: string;
}

/** The config named by the app's `config` context value; throws a ConfigError naming the bad field. */
export function appConfig(app: App, repoRoot: string): AppConfig {
  const requested: unknown = app.node.tryGetContext('config') ?? DEFAULT_CONFIG;
  if (typeof requested !== 'string' || requested.trim() === '') {
    throw new Error('context value "config" must be a path to a config file');
  }
  const configPath = resolve(repoRoot, requested);
  return { config: loadConfig(configPath), configPath };
}

/** Throws a ConfigError (naming the bad field) when the config file is missing or invalid. */
export function buildApp(app: App, options: BuildOptions): PantauStack {
  const { config, configPath } = appConfig(app, options.repoRoot);
  // cdk-nag v3 is a CDK policy-validation plugin: it runs at synth, and any finding that is not
  // acknowledged (with its reason, next to the resource) fails `cdk synth` and `cdk deploy`.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return new PantauStack(app, config.name, {
    config,
    configPath,
    repoRoot: options.repoRoot,
    consolePageDir: options.consolePageDir,
    env: { account: options.account, region: config.region },
    description: `Pantau social-media listening pipeline (${config.name})`,
  });
}

/**
 * Builds the console page into `outDir` (web/build.ts), before the stack is built: CDK constructs
 * are synchronous, the page build is not. Returns the files written.
 */
export async function consolePage(outDir: string): Promise<readonly string[]> {
  const { files } = await buildPage(outDir);
  if (!files.includes('index.html')) throw new Error(`the console page build wrote no index.html into ${outDir}`);
  return files;
}
