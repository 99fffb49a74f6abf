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

export interface Built {
  readonly stack: PantauStack;
  readonly template: Template;
}

export function buildStack(overrides: Record<string, unknown> = {}): Built {
  const dir = tempDir();
  const postsPath = join(dir, 'posts.jsonl');
  writeFileSync(postsPath, '');
  const value = testConfigObject(postsPath, overrides);
  const configPath = writeJson(dir, 'pantau.config.json', value);
  const config = parseConfig(value, configPath);
  const app = new App({ context: NO_BUNDLING });
  const stack = new PantauStack(app, 'Test', { config, configPath, repoRoot: REPO_ROOT, env: { region: config.region } });
  return { stack, template: Template.fromStack(stack) };
}
