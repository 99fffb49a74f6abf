/**
 * Starts one fauxqs for the fault tests (an ES module, so it cannot be imported inside a test
 * file). Each test file creates its own queues and topic on it, and runs its own DynamoDB Local
 * (test/faults/rig.ts), which its faults stop and start again.
 */
import { startFauxqsServer, type Fauxqs } from '../../infra/local/emulators';
import { LOCAL_REGION } from '../../infra/local/stack';

declare global {
  var __pantauFaultsFauxqs: Fauxqs | undefined;
}

export default async function globalSetup(): Promise<void> {
  const fauxqs = await startFauxqsServer(LOCAL_REGION);
  globalThis.__pantauFaultsFauxqs = fauxqs;
  process.env.PANTAU_FAULTS_SQS_SNS = fauxqs.endpoint;
}
