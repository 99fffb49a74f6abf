import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ConfigError } from '../../shared/config';
import { buildApp, consolePage } from '../../infra/aws/build';
import { consolePageDir, NO_BUNDLING, REPO_ROOT, tempDir, testConfigObject, writeJson } from './fixtures';

/** Writes a config (with a real posts file) to a temp folder; returns its path. */
function writeConfig(overrides: Record<string, unknown> = {}): string {
  const dir = tempDir();
  const postsPath = join(dir, 'posts.jsonl');
  writeFileSync(postsPath, '');
  return writeJson(dir, 'pantau.config.json', testConfigObject(postsPath, overrides));
}

function build(configPath: string) {
  return buildApp(new App({ context: { ...NO_BUNDLING, config: configPath } }), {
    repoRoot: REPO_ROOT,
    account: '123456789012',
    consolePageDir: consolePageDir(),
  });
}

function configError(configPath: string): ConfigError {
  try {
    build(configPath);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('buildApp', () => {
  it('builds the stack named in the config, in the configured region', () => {
    const stack = build(writeConfig({ name: 'pantau-staging' }));
    expect(stack.stackName).toBe('pantau-staging');
    expect(stack.region).toBe('ap-southeast-3');
    expect(stack.account).toBe('123456789012');
    // classifier, aggregator, alert sweeper, digest, file collector, exporter, console API, and CDK's
    // copy function of the console page
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::Function', 8);
  });

  it('throws a ConfigError naming topics.0.keywords for a topic without keywords', () => {
    const path = writeConfig({ topics: [{ name: 'banjir', label: 'Banjir', keywords: [] }] });
    expect(configError(path).message).toMatch(/topics\.0\.keywords/);
  });

  it('throws a ConfigError naming the subscription for an empty kinds list', () => {
    const path = writeConfig({ subscriptions: [{ protocol: 'email', endpoint: 'a@example.go.id', kinds: [] }] });
    expect(configError(path).message).toContain(`${path}: subscriptions.0.kinds: list at least one alert kind`);
  });

  it('throws a ConfigError naming the endpoint of an https subscription without https://', () => {
    const path = writeConfig({ subscriptions: [{ protocol: 'https', endpoint: 'http://hooks.example.go.id' }] });
    expect(configError(path).message).toContain(
      `${path}: subscriptions.0.endpoint: "http://hooks.example.go.id" is not an https:// address`,
    );
  });

  it('throws a ConfigError naming sources.file.path when the posts file is missing', () => {
    const path = writeConfig({ sources: { file: { path: 'no/such/posts.jsonl' } } });
    expect(configError(path).message).toMatch(/^sources\.file\.path: no\/such\/posts\.jsonl does not exist/);
  });

  it('throws a ConfigError when the config file is missing', () => {
    expect(configError(join(tempDir(), 'missing.json')).message).toMatch(/cannot read config .*missing\.json/);
  });
});

describe('infra/aws/app.ts', () => {
  it('prints one line naming the bad field and exits non-zero on a bad config', () => {
    const path = writeConfig({ topics: [{ name: 'banjir', label: 'Banjir', keywords: [] }] });
    const run = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [join(REPO_ROOT, 'infra', 'aws', 'app.ts')], {
      cwd: REPO_ROOT,
      // How the CDK CLI hands context (`-c config=...`) to the app.
      env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify({ ...NO_BUNDLING, config: path }) },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^pantau: bad configuration: .*topics\.0\.keywords/);
  });
});

describe('consolePage (the page build before the stack)', () => {
  it('builds the real page into the folder: index.html and the assets it loads', async () => {
    const outDir = tempDir();
    const files = await consolePage(outDir);
    expect(files).toContain('index.html');
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    for (const asset of files.filter((f) => /\.(js|css)$/.test(f))) expect(html).toContain(asset);
  });
});
