/**
 * Builds Pantau's CDK app from the config file named by the `config` context value
 * (default `pantau.config.json`, resolved from the repository root). Kept apart from `app.ts`
 * so tests can build it without the process-wide entry point.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadConfig, type Config } from '../../shared/config';
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

/** What web/build.ts exports: writes the console page's static files into `outDir`. */
export type BuildPage = (outDir: string) => Promise<{ readonly files: readonly string[] }>;

/** The page's builder, relative to the repository root. */
export const PAGE_BUILDER = join('web', 'build.ts');

/**
 * Builds the console page into `outDir` with web/build.ts's `buildPage`, before the stack is
 * built (CDK constructs are synchronous; the page build is not). web/ is its own TypeScript
 * project (browser libraries, its own tsconfig), so its builder is loaded by path at synth time
 * rather than compiled into the CDK app's. Returns the files written.
 */
export async function consolePage(repoRoot: string, outDir: string): Promise<readonly string[]> {
  const path = join(repoRoot, PAGE_BUILDER);
  if (!existsSync(path)) throw new Error(`${PAGE_BUILDER} not found: it builds the console page the stack deploys`);
  const builder = (await import(path)) as { buildPage?: unknown };
  if (typeof builder.buildPage !== 'function') throw new Error(`${PAGE_BUILDER} must export buildPage(outDir)`);
  const { files } = await (builder.buildPage as BuildPage)(outDir);
  if (!files.includes('index.html')) throw new Error(`${PAGE_BUILDER}: buildPage wrote no index.html into ${outDir}`);
  return files;
}
