/**
 * Subscribers choose what they get with SNS filter policies on the alert's message attributes:
 * an SMS subscription for severe alerts only, a team queue for hoaxes only.
 */
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { SubscribeCommand } from '@aws-sdk/client-sns';
import { SnsAlertPublisher } from '../../shared/adapters/sns';
import type { Alert } from '../../shared/alerts/alert';
import { receiveAlerts } from '../../infra/local/alert-inbox';
import { testStack, type TestStack } from '../helpers/local-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await testStack('filter');
});
afterAll(async () => stack?.stop());

const base: Alert = {
  alertId: 'spike:banjir:2026-11-26T09:05Z',
  kind: 'spike',
  topic: 'banjir',
  topicLabel: 'Banjir dan genangan',
  severity: 5,
  revision: 1,
  firedAt: '2026-11-26T09:02:00.000Z',
  windowStart: '2026-11-26T08:05:00.000Z',
  windowEnd: '2026-11-26T09:05:00.000Z',
  observed: 20,
  expected: 3,
  ratio: 6.7,
  windowTotal: 25,
  places: [],
  cities: [],
  samples: [],
};

/** A queue subscribed to the alerts topic with `filter` on the message attributes. */
async function subscriber(name: string, filter: Record<string, unknown>): Promise<string> {
  const { QueueUrl } = await stack.clients.sqs.send(new CreateQueueCommand({ QueueName: `${stack.prefix}-${name}` }));
  const attrs = await stack.clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  await stack.clients.sns.send(
    new SubscribeCommand({
      TopicArn: stack.resources.topicArn,
      Protocol: 'sqs',
      Endpoint: attrs.Attributes?.QueueArn,
      Attributes: { FilterPolicy: JSON.stringify(filter), RawMessageDelivery: 'false' },
    }),
  );
  return QueueUrl as string;
}

test('a subscription filtered on severity receives only the severe alerts; one on kind only its kind', async () => {
  const severe = await subscriber('severe', { severity: [{ numeric: ['>=', 7] }] });
  const hoaxes = await subscriber('hoaxes', { kind: ['hoax'] });
  const publisher = new SnsAlertPublisher(stack.clients.sns, stack.resources.topicArn, 'id');

  await publisher.publish(base);
  await publisher.publish({ ...base, revision: 2, severity: 7 });
  await publisher.publish({ ...base, alertId: 'hoax:banjir:2026-11-26T12:50Z', kind: 'hoax', severity: 6 });
  await publisher.publish({ ...base, revision: 3, severity: 9 });

  const got = async (url: string): Promise<string[]> => {
    const seen: string[] = [];
    for (let i = 0; i < 5; i++)
      for (const m of await receiveAlerts(stack.clients.sqs, url, 0)) seen.push(`${m.alert.kind}/${m.alert.severity}`);
    return seen.sort();
  };
  expect(await got(severe)).toEqual(['spike/7', 'spike/9']);
  expect(await got(hoaxes)).toEqual(['hoax/6']);
  // The unfiltered inbox gets all four.
  expect((await got(stack.resources.inboxQueueUrl)).length).toBe(4);
});
