/** The alerts' record and the topic they go out on, as the aggregator, the sweeper and the digest send alerts. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { Config } from '../config';
import { requireEnv } from '../env';
import { TABLES, TOPICS } from '../resources';
import { alertEpisodes, type DynamoAlertEpisodes } from './dynamodb';
import { SnsAlertPublisher } from './sns';

/** The alerts' record and flood control, and the topic they are published to. */
export function alertOutbox(w: {
  readonly clients: { readonly doc: DynamoDBDocumentClient; readonly sns: SNSClient };
  readonly stateTable: string;
  readonly config: Config;
}): { readonly episodes: DynamoAlertEpisodes; readonly publisher: SnsAlertPublisher } {
  return {
    episodes: alertEpisodes(w.clients.doc, requireEnv(TABLES.alerts.envVar), w.stateTable, w.config),
    publisher: new SnsAlertPublisher(w.clients.sns, requireEnv(TOPICS.alerts.envVar), w.config.alerts.language),
  };
}
