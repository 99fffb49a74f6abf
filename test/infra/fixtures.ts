/** Builds Pantau's stack for template assertions, without bundling the functions. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { parseConfig } from '../../shared/config';
import { PantauStack } from '../../infra/aws/stack';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Skips asset bundling (esbuild) for every stack: assertions need the template only. */
export const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] as string[] };

/** A temp folder holding a posts file, for configs that enable the file source. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'pantau-infra-'));
}

/** A stand-in for the console's built page (web/build.ts): a temp folder holding an index.html. */
export function consolePageDir(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Pantau</title>');
  return dir;
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

/** A small valid config; `overrides` replace top-level fields. */
export function testConfigObject(postsPath: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'pantau-test',
    topics: [{ name: 'banjir', label: 'Banjir', keywords: ['banjir', 'genangan'] }],
    sources: { file: { path: postsPath, schedule: 'rate(30 minutes)' } },
    subscriptions: [
      { protocol: 'email', endpoint: 'humas@example.go.id', kinds: ['spike'] },
      { protocol: 'https', endpoint: 'https://hooks.example.go.id/pantau' },
    ],
    ...overrides,
  };
}

/** Every source (file, X, news, fact checks) and both chat channels enabled. */
export function everythingEnabled(postsPath: string): Record<string, unknown> {
  return {
    sources: {
      file: { path: postsPath, schedule: 'rate(30 minutes)' },
      x: { enabled: true, schedule: 'rate(10 minutes)' },
      news: { enabled: true, schedule: 'rate(15 minutes)', feeds: [{ url: 'https://portal.example/rss' }] },
      factchecks: { enabled: true, schedule: 'rate(6 hours)' },
    },
    notify: { telegram: { chatId: '-1001234567890' }, slack: {} },
  };
}

export interface Built {
  readonly stack: PantauStack;
  readonly template: Template;
}

/** Overrides of the test config, or a function of the fixture's posts file path returning them. */
export type Overrides = Record<string, unknown> | ((postsPath: string) => Record<string, unknown>);

export function buildStack(overrides: Overrides = {}): Built {
  const dir = tempDir();
  const postsPath = join(dir, 'posts.jsonl');
  writeFileSync(postsPath, '');
  const value = testConfigObject(postsPath, typeof overrides === 'function' ? overrides(postsPath) : overrides);
  const configPath = writeJson(dir, 'pantau.config.json', value);
  const config = parseConfig(value, configPath);
  const app = new App({ context: NO_BUNDLING });
  const stack = new PantauStack(app, 'Test', {
    config,
    configPath,
    repoRoot: REPO_ROOT,
    consolePageDir: consolePageDir(),
    env: { region: config.region },
  });
  return { stack, template: Template.fromStack(stack) };
}
