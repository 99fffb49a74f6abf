/**
 * The notifier in the CDK template: subscribed to the alerts topic, retried twice then kept in
 * a dead-letter queue, reading only its chats' secrets and the state table, and absent when no
 * chat is configured.
 */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { NOTIFY_LEASE_MS } from '../../shared/adapters/delivery-log';
import { SLACK_WEBHOOK_URL, TELEGRAM_BOT_TOKEN } from '../../shared/adapters/secrets';
import { ConfigError } from '../../shared/config';
import { CHAT_HTTP } from '../../shared/notify/channels';
import { TABLES } from '../../shared/resources';
import { NOTIFIER } from '../../infra/aws/alerting';
import type { PantauStack } from '../../infra/aws/stack';
import { buildStack } from './fixtures';

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

const actionsOf = (s: Statement): string[] => (typeof s.Action === 'string' ? [s.Action] : s.Action);
const resourcesOf = (s: Statement): unknown[] => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);

/** Every Allow statement of the policies attached to the notifier's role. */
function notifierStatements(stack: PantauStack, template: Template): Statement[] {
  const role = stack.resolve(stack.alerting.notifier!.function.fn.role!.roleName) as unknown;
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([role]) } });
  return Object.values(policies).flatMap((p) => (p.Properties.PolicyDocument.Statement as Statement[]).filter((s) => s.Effect === 'Allow'));
}

/** True when one statement allows every one of `wanted` on `resource`. */
function allows(statements: Statement[], wanted: string[], resource: unknown): boolean {
  return statements.some(
    (s) => wanted.every((a) => actionsOf(s).includes(a)) && resourcesOf(s).some((r) => JSON.stringify(r) === JSON.stringify(resource)),
  );
}

const DYNAMO_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem'];

describe('PantauStack with Telegram and Slack configured', () => {
  const { stack, template } = buildStack({
    notify: { telegram: { chatId: '-1001234567890', kinds: ['spike', 'hoax'], minSeverity: 5 }, slack: {} },
  });
  const notifier = stack.alerting.notifier!;
  const ref = (value: string): unknown => stack.resolve(value);
  const fnId = stack.getLogicalId(notifier.function.fn.node.defaultChild as CfnFunction);
  const topicArn = ref(stack.alerting.topic.topicArn);
  const dlqArn = ref(notifier.deadLetters.queueArn);
  const telegramSecret = ref(notifier.telegramBotToken!.secretArn);
  const slackSecret = ref(notifier.slackWebhookUrl!.secretArn);

  it('subscribes the notifier function to the alerts topic, unfiltered (each chat filters for itself)', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: topicArn,
      Endpoint: { 'Fn::GetAtt': [fnId, 'Arn'] },
      FilterPolicy: Match.absent(),
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'sns.amazonaws.com',
      SourceArn: topicArn,
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
    });
  });

  it('retries a failed invocation twice, then sends the event to its dead-letter queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fnId },
      MaximumRetryAttempts: NOTIFIER.retryAttempts,
      DestinationConfig: { OnFailure: { Destination: dlqArn } },
    });
    expect(NOTIFIER.retryAttempts).toBe(2);
    expect(allows(notifierStatements(stack, template), ['sqs:SendMessage'], dlqArn)).toBe(true);
  });

  it("keeps undelivered alerts 14 days, encrypted with Pantau's key, TLS only", () => {
    const queues = template.findResources('AWS::SQS::Queue', { Properties: { MessageRetentionPeriod: 14 * 24 * 3600 } });
    const id = stack.getLogicalId(notifier.deadLetters.node.defaultChild as CfnQueue);
    expect(queues[id]?.Properties).toMatchObject({ KmsMasterKeyId: ref(stack.key.keyArn) });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [ref(notifier.deadLetters.queueUrl)],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('creates a secret per chat and names them, with the state table, in the environment', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', { Name: 'pantau-test/telegram-bot-token' });
    template.hasResourceProperties('AWS::SecretsManager::Secret', { Name: 'pantau-test/slack-webhook-url' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Timeout: NOTIFIER.timeoutSeconds,
      Architectures: ['arm64'],
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'notifier',
          [TELEGRAM_BOT_TOKEN.secretEnv]: telegramSecret,
          [SLACK_WEBHOOK_URL.secretEnv]: slackSecret,
          [TABLES.state.envVar]: ref(stack.storage.tables.state.tableName),
        }),
      },
    });
  });

  it('may read its two secrets, write its delivery log in the state table and send to its DLQ, and nothing more', () => {
    const statements = notifierStatements(stack, template);
    const stateArn = ref(stack.storage.tables.state.tableArn);
    expect(allows(statements, ['secretsmanager:GetSecretValue'], telegramSecret)).toBe(true);
    expect(allows(statements, ['secretsmanager:GetSecretValue'], slackSecret)).toBe(true);
    expect(allows(statements, DYNAMO_WRITE, stateArn)).toBe(true);
    const keyArn = ref(stack.key.keyArn);
    const logsArn = ref(notifier.function.fn.logGroup.logGroupArn);
    expect(allows(statements, ['sqs:SendMessage'], dlqArn)).toBe(true);
    expect(allows(statements, ['kms:GenerateDataKey', 'kms:Decrypt'], keyArn)).toBe(true);
    // Tracing (X-Ray) aside, every grant is on one of these resources: the data, its key, its own logs.
    const reached = statements.filter((s) => !actionsOf(s).every((a) => a.startsWith('xray:'))).flatMap(resourcesOf);
    expect(new Set(reached.map((r) => JSON.stringify(r)))).toEqual(
      new Set([stateArn, telegramSecret, slackSecret, dlqArn, keyArn, logsArn].map((r) => JSON.stringify(r))),
    );
    expect(statements.flatMap(actionsOf).filter((a) => a.startsWith('sns:') || a.includes('*'))).toEqual([]);
  });

  it("gives a channel's tries time within the timeout, and the timeout within the delivery log's lease", () => {
    const { attempts, maxDelayMs = Infinity } = CHAT_HTTP.backoff;
    const longestWait = Math.max(maxDelayMs * 1.5, CHAT_HTTP.maxRetryAfterMs);
    expect(attempts * CHAT_HTTP.timeoutMs + (attempts - 1) * longestWait).toBeLessThan(NOTIFIER.timeoutSeconds * 1000);
    expect(NOTIFIER.timeoutSeconds * 1000).toBeLessThan(NOTIFY_LEASE_MS);
  });
});

describe('PantauStack with only Telegram configured', () => {
  const { stack, template } = buildStack({ notify: { telegram: { chatId: '@humas_dki_alerts' } } });

  it('has no Slack secret, and no Slack setting in the environment', () => {
    expect(stack.alerting.notifier?.slackWebhookUrl).toBeUndefined();
    template.resourcePropertiesCountIs('AWS::SecretsManager::Secret', { Name: 'pantau-test/slack-webhook-url' }, 0);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'notifier', [SLACK_WEBHOOK_URL.secretEnv]: Match.absent() }),
      },
    });
  });
});

describe('PantauStack without chat channels', () => {
  it('has no notifier: no function, chat secret, subscription to a function, or async retry configuration', () => {
    const { stack, template } = buildStack();
    expect(stack.alerting.notifier).toBeUndefined();
    template.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      { Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'notifier' }) } },
      0,
    );
    template.resourcePropertiesCountIs('AWS::SNS::Subscription', { Protocol: 'lambda' }, 0);
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 0);
    for (const name of ['pantau-test/telegram-bot-token', 'pantau-test/slack-webhook-url']) {
      template.resourcePropertiesCountIs('AWS::SecretsManager::Secret', { Name: name }, 0);
    }
  });
});

describe('chat channel kinds', () => {
  it.each([
    [{ telegram: { chatId: '-100', kinds: [] } }, 'notify.telegram.kinds: list at least one alert kind'],
    [{ slack: { kinds: ['spike', 'banjir'] } }, 'notify.slack.kinds: unknown alert kind banjir (kinds: spike, hoax, reach, digest)'],
  ])('are checked at synth: %j', (notify, message) => {
    expect(() => buildStack({ notify })).toThrow(ConfigError);
    expect(() => buildStack({ notify })).toThrow(message);
  });
});
