/**
 * Starts the emulators once per test run: DynamoDB Local (in memory) and fauxqs. Each test file
 * then creates its own tables, queues and topic on them (test/helpers/local-stack.ts), so files
 * running in parallel never share state.
 */
import { startDynamoDbLocal, startFauxqsServer, type DynamoDbLocal, type Fauxqs } from '../../infra/local/emulators';
import { LOCAL_REGION } from '../../infra/local/stack';

declare global {
  var __pantauEmulators: { dynamoDb: DynamoDbLocal; fauxqs: Fauxqs } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const [dynamoDb, fauxqs] = await Promise.all([startDynamoDbLocal({ region: LOCAL_REGION }), startFauxqsServer(LOCAL_REGION)]);
  globalThis.__pantauEmulators = { dynamoDb, fauxqs };
  process.env.PANTAU_TEST_DYNAMODB = dynamoDb.endpoint;
  process.env.PANTAU_TEST_SQS_SNS = fauxqs.endpoint;
}
