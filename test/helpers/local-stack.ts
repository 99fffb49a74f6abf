/** A private set of tables, queues and topic on the emulators started by the integration setup. */
import { randomBytes } from 'node:crypto';
import { startConflictProxy, type ConflictProxy } from '../../infra/local/conflicts';
import {
  createResources,
  functionEnv,
  localClients,
  LOCAL_REGION,
  type LocalClients,
  type LocalResources,
  type LocalStack,
} from '../../infra/local/stack';

export interface TestStack extends LocalStack {
  readonly prefix: string;
  readonly conflicts?: ConflictProxy;
}

export async function testStack(name: string, opts: { visibilityTimeoutSeconds?: number; conflicts?: boolean } = {}): Promise<TestStack> {
  const dynamodb = process.env.PANTAU_TEST_DYNAMODB;
  const sqsSns = process.env.PANTAU_TEST_SQS_SNS;
  if (!dynamodb || !sqsSns) throw new Error('the integration global setup did not start the emulators (PANTAU_TEST_* unset)');
  const conflicts = opts.conflicts === false ? undefined : await startConflictProxy(dynamodb);
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
    // The emulators belong to the global setup; a test stack only closes its clients.
    async stop() {
      clients.dynamo.destroy();
      clients.sqs.destroy();
      clients.sns.destroy();
      await conflicts?.close();
    },
  };
}
