/**
 * A private set of tables, queues and topic on the emulators started by the integration setup,
 * reached through a proxy of its own that answers transaction conflicts as DynamoDB does
 * (infra/local/conflicts.ts): on by default, so no test takes DynamoDB Local's serialised
 * transactions for the real service.
 */
import { randomBytes } from 'node:crypto';
import { startConflictProxy, type ConflictProxy } from '../../infra/local/conflicts';
import {
  createResources,
  destroyClients,
  functionEnv,
  localClients,
  LOCAL_REGION,
  type LocalClients,
  type LocalResources,
  type LocalStack,
} from '../../infra/local/stack';

export interface TestStack extends LocalStack {
  readonly prefix: string;
}

export interface TestStackOptions {
  readonly visibilityTimeoutSeconds?: number;
  /** DynamoDB's transaction conflicts (default true); false talks to DynamoDB Local directly. */
  readonly conflicts?: boolean;
}

export async function testStack(name: string, opts: TestStackOptions = {}): Promise<TestStack> {
  const dynamodb = process.env.PANTAU_TEST_DYNAMODB;
  const sqsSns = process.env.PANTAU_TEST_SQS_SNS;
  if (!dynamodb || !sqsSns) throw new Error('the integration global setup did not start the emulators (PANTAU_TEST_* unset)');
  const conflicts: ConflictProxy | undefined = opts.conflicts === false ? undefined : await startConflictProxy(dynamodb);
  const endpoints = { dynamodb: conflicts?.url ?? dynamodb, sqsSns };
  const clients: LocalClients = localClients(endpoints, LOCAL_REGION);
  const prefix = `t-${name}-${randomBytes(3).toString('hex')}`;
  const resources: LocalResources = await createResources(clients, prefix, opts.visibilityTimeoutSeconds);
  return {
    prefix,
    region: LOCAL_REGION,
    endpoints,
    resources,
    clients,
    env: functionEnv(LOCAL_REGION, endpoints, resources),
    ...(conflicts ? { conflicts } : {}),
    dynamoDbLocalEndpoint: dynamodb,
    // The emulators belong to the global setup; a test stack closes its clients and its proxy.
    async stop() {
      destroyClients(clients);
      await conflicts?.close();
    },
  };
}
