/**
 * Secrets (the X bearer token, the fact-check API key): from an environment variable locally,
 * from Secrets Manager when deployed. Read once per cold start by the caller; never logged.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { MissingEnvError } from '../env';
import { SECRET_ENV, type SecretEnv } from '../env-names';

export interface SecretSource extends SecretEnv {
  /** What the secret is, for error messages. */
  readonly what: string;
}

export class SecretError extends Error {
  override readonly name = 'SecretError';
}

let client: SecretsManagerClient | undefined;

/** The secret's value: the environment variable when set, else the Secrets Manager secret it names. */
export async function readSecret(source: SecretSource, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const direct = env[source.valueEnv]?.trim();
  if (direct) return direct;
  const secretId = env[source.secretEnv]?.trim();
  if (!secretId) {
    throw new MissingEnvError(
      `${source.what}: set ${source.valueEnv} (local runs) or ${source.secretEnv} (the Secrets Manager secret's name)`,
    );
  }
  client ??= new SecretsManagerClient({});
  let value: string | undefined;
  try {
    value = (await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString?.trim();
  } catch (err) {
    throw new SecretError(`${source.what}: cannot read secret ${secretId}: ${(err as Error).name}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  if (!value) {
    throw new SecretError(
      `${source.what}: secret ${secretId} is empty; put the value in it: aws secretsmanager put-secret-value --secret-id ${secretId} --secret-string '...'`,
    );
  }
  return value;
}

export const X_BEARER_TOKEN: SecretSource = { ...SECRET_ENV.xBearerToken, what: 'the X API bearer token' };
export const FACTCHECK_API_KEY: SecretSource = { ...SECRET_ENV.factCheckApiKey, what: 'the Google Fact Check Tools API key' };
export const TELEGRAM_BOT_TOKEN: SecretSource = { ...SECRET_ENV.telegramBotToken, what: 'the Telegram bot token' };
export const SLACK_WEBHOOK_URL: SecretSource = { ...SECRET_ENV.slackWebhookUrl, what: 'the Slack incoming webhook URL' };
