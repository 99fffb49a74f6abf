/**
 * Every environment variable Pantau's functions read, named once: the handlers read them
 * (functions/, through shared/adapters/wiring.ts), the CDK app sets them (the `bind*` helpers of
 * infra/aws) and the embedded stack sets them for the local handlers (infra/local).
 */
import type { ExportedTableName } from './pipeline/export-tables';

export const ENV = {
  /** The config file (`pantau.config.json` when unset). */
  config: 'PANTAU_CONFIG',
  /** Table names (shared/resources.ts, TABLES). */
  postsTable: 'POSTS_TABLE',
  alertsTable: 'ALERTS_TABLE',
  stateTable: 'STATE_TABLE',
  /** Queue URLs (QUEUES). */
  postsQueue: 'POSTS_QUEUE_URL',
  postsDlq: 'POSTS_DLQ_URL',
  aggregatorFailures: 'AGGREGATOR_FAILURES_URL',
  /** The alerts topic's ARN (TOPICS). */
  alertsTopic: 'ALERTS_TOPIC_ARN',
  /**
   * The console's address, over the config's `console.url`: set by the CDK app to the deployed
   * console, and by `pantau run` to the address it serves the console on.
   */
  consoleUrl: 'PANTAU_CONSOLE_URL',
  /** The console's Cognito group whose members may respond, edit watch topics and import claims (`officers` when unset). */
  consoleOfficersGroup: 'PANTAU_CONSOLE_OFFICERS_GROUP',
  /** The file collector's posts file (`sources.file.path` when unset). */
  postsFile: 'POSTS_FILE',
  /** Base addresses of third-party APIs: their real ones when unset, a stand-in's in tests. */
  xApiBaseUrl: 'X_API_BASE_URL',
  factCheckApiBaseUrl: 'FACTCHECK_API_BASE_URL',
  telegramApiBaseUrl: 'TELEGRAM_API_BASE_URL',
} as const;

/** The exporter's environment: set by infra/aws/analytics.ts, read once by functions/exporter. */
export const EXPORTER_ENV = {
  tableArns: { posts: 'POSTS_TABLE_ARN', alerts: 'ALERTS_TABLE_ARN' },
  bucket: 'EXPORTS_BUCKET',
  keyArn: 'EXPORTS_KEY_ARN',
  database: 'GLUE_DATABASE',
} as const satisfies { tableArns: Record<ExportedTableName, string>; bucket: string; keyArn: string; database: string };

/** A secret's two variables: the value itself (local runs) and the Secrets Manager secret's name or ARN (deployed). */
export interface SecretEnv {
  /** Holds the value itself (local runs), e.g. `X_BEARER_TOKEN`. */
  readonly valueEnv: string;
  /** Holds the name or ARN of the Secrets Manager secret (deployed), e.g. `X_BEARER_TOKEN_SECRET`. */
  readonly secretEnv: string;
}

/** `NAME` locally, `NAME_SECRET` deployed. */
function secretEnv(valueEnv: string): SecretEnv {
  return { valueEnv, secretEnv: `${valueEnv}_SECRET` };
}

export const SECRET_ENV = {
  xBearerToken: secretEnv('X_BEARER_TOKEN'),
  factCheckApiKey: secretEnv('FACTCHECK_API_KEY'),
  telegramBotToken: secretEnv('TELEGRAM_BOT_TOKEN'),
  slackWebhookUrl: secretEnv('SLACK_WEBHOOK_URL'),
} as const;
