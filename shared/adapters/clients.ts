/**
 * AWS clients, made once per cold start. Endpoints come from the SDK's own environment variables
 * (`AWS_ENDPOINT_URL_DYNAMODB`, `AWS_ENDPOINT_URL_SQS`, `AWS_ENDPOINT_URL_SNS`), which the
 * embedded stack sets; deployed, they are absent and the SDK uses AWS.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';

export interface AwsClients {
  readonly doc: DynamoDBDocumentClient;
  readonly sqs: SQSClient;
  readonly sns: SNSClient;
}

export function makeDocumentClient(dynamo: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
}

/**
 * Requests go to the configured SQS endpoint, not to the host named in a queue URL. On AWS the
 * two are the same; the emulator's queue URLs name a host (`sqs.<region>.localhost`) that does
 * not resolve everywhere.
 */
export function makeSqsClient(config: ConstructorParameters<typeof SQSClient>[0] = {}): SQSClient {
  return new SQSClient({ useQueueUrlAsEndpoint: false, ...config });
}

/** The clients from the environment; `dynamo` is the DynamoDB client under the document client, when the caller needs it too. */
export function makeClients(dynamo: DynamoDBClient = new DynamoDBClient({})): AwsClients {
  return { doc: makeDocumentClient(dynamo), sqs: makeSqsClient(), sns: new SNSClient({}) };
}
