/**
 * cdk-nag's AWS Solutions pack over the stack as `cdk synth` builds it (infra/aws/build.ts
 * registers the pack with `Validations.of(app).addPlugins(...)`), with every source and both
 * chats enabled so that every construct is checked: no finding may be left unacknowledged.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type CfnElement, DefaultStackSynthesizer, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { exportPrefix } from '../../shared/analytics/layout';
import { EXPORTED_TABLES } from '../../shared/analytics/schema';
import { buildApp } from '../../infra/aws/build';
import { consolePageDir, everythingEnabled, NO_BUNDLING, REPO_ROOT, tempDir, testConfigObject, writeJson } from './fixtures';

/** A config file that enables every source and both chat channels. */
function writeFullConfig(): string {
  const dir = tempDir();
  const postsPath = join(dir, 'posts.jsonl');
  writeFileSync(postsPath, '');
  return writeJson(dir, 'pantau.config.json', testConfigObject(postsPath, everythingEnabled(postsPath)));
}

/** Every acknowledgment recorded on the construct tree: rule id → reasons. */
function acknowledgments(app: App): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const construct of app.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        const rule = id.replace(/^annotation::/i, '');
        found.set(rule, [...(found.get(rule) ?? []), reason]);
      }
    }
  }
  return found;
}

describe('cdk-nag AwsSolutionsChecks', () => {
  const app = new App({ context: { ...NO_BUNDLING, config: writeFullConfig() } });
  const stack = buildApp(app, { repoRoot: REPO_ROOT, account: '123456789012', consolePageDir: consolePageDir() });

  it('reports no unacknowledged error or warning', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    const findings = report.violations.map(
      (v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('runs when the app synthesizes (cdk synth), which passes', () => {
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  it('is registered by buildApp, so synthesis fails on an unacknowledged finding', () => {
    const other = new App({ context: { ...NO_BUNDLING, config: writeFullConfig() } });
    const built = buildApp(other, { repoRoot: REPO_ROOT, account: '123456789012', consolePageDir: consolePageDir() });
    // A queue without a dead-letter queue, TLS enforcement or a customer-managed key.
    new Queue(built, 'Unchecked', { encryption: QueueEncryption.SQS_MANAGED });
    expect(() => other.synth()).toThrow(/AwsSolutions-SQS3/);
  });

  it('acknowledges findings only with a written reason, and only the rules reviewed for Pantau', () => {
    const acknowledged = acknowledgments(app);
    // The exporter's wildcards, each named as cdk-nag names it: the exports of each exported table,
    // and the objects under each export prefix of the exports bucket.
    const arn = (construct: IConstruct) => `<${stack.getLogicalId(construct.node.defaultChild as CfnElement)}.Arn>`;
    const exportWildcards = EXPORTED_TABLES.flatMap((table) => [
      `AwsSolutions-IAM5[Resource::${arn(stack.storage.tables[table.name])}/export/*]`,
      ...(['full', 'incremental'] as const).map(
        (kind) => `AwsSolutions-IAM5[Resource::${arn(stack.analytics!.bucket)}/${exportPrefix(table, kind)}/*]`,
      ),
    ]);
    // CDK's page deployment: its S3 actions written with wildcards, on the objects of the stack's
    // asset bucket and of the console page bucket.
    const assets = `cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${stack.account}-${stack.region}`;
    const deploymentWildcards = [
      ...['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*'].map(
        (action) => `AwsSolutions-IAM5[Action::${action}]`,
      ),
      `AwsSolutions-IAM5[Resource::${arn(stack.console.pageBucket)}/*]`,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${assets}/*]`,
    ];
    expect([...acknowledged.keys()].sort()).toEqual(
      [
        // The console's distribution (geo restriction, WAF, access logs, TLS on the default
        // certificate) and user pool (Essentials plan).
        'AwsSolutions-CFR1',
        'AwsSolutions-CFR2',
        'AwsSolutions-CFR3',
        'AwsSolutions-CFR4',
        'AwsSolutions-COG8',
        'AwsSolutions-IAM5[Resource::*]',
        'AwsSolutions-L1',
        'AwsSolutions-S1',
        'AwsSolutions-SMG4',
        'AwsSolutions-SQS3',
        ...exportWildcards,
        ...deploymentWildcards,
      ].sort(),
    );
    for (const reasons of acknowledged.values()) {
      for (const reason of reasons) expect(reason.length).toBeGreaterThan(60);
    }
  });
});
