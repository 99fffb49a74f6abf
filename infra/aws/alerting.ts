/**
 * The alerts topic and the people subscribed to it (config `subscriptions`), each optionally
 * filtered on the `kind` message attribute that every publish carries.
 */
import { SubscriptionFilter, SubscriptionProtocol, Subscription, Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ConfigError, type Config } from '../../shared/config';
import { TOPICS } from '../../shared/resources';

/** The message attribute subscriptions filter on (published with every alert). */
const KIND_ATTRIBUTE = 'kind' satisfies (typeof TOPICS.alerts.messageAttributes)[number];

const PROTOCOLS = {
  email: SubscriptionProtocol.EMAIL,
  sms: SubscriptionProtocol.SMS,
  https: SubscriptionProtocol.HTTPS,
} as const satisfies Record<Config['subscriptions'][number]['protocol'], SubscriptionProtocol>;

export interface AlertingProps {
  readonly config: Config;
}

export class Alerting extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlertingProps) {
    super(scope, id);
    this.topic = new Topic(this, TOPICS.alerts.name, { enforceSSL: true });

    const seen = new Set<string>();
    props.config.subscriptions.forEach((subscription, i) => {
      const field = `subscriptions.${i}`;
      const key = `${subscription.protocol}:${subscription.endpoint}`;
      if (seen.has(key)) throw new ConfigError(`${field}: ${key} is listed twice`);
      seen.add(key);
      if (subscription.protocol === 'https' && !subscription.endpoint.startsWith('https://')) {
        throw new ConfigError(`${field}.endpoint: an https subscription needs an https:// URL`);
      }
      if (subscription.kinds !== undefined && subscription.kinds.length === 0) {
        throw new ConfigError(`${field}.kinds: list at least one alert kind, or leave kinds out for all alerts`);
      }
      new Subscription(this, key, {
        topic: this.topic,
        protocol: PROTOCOLS[subscription.protocol],
        endpoint: subscription.endpoint,
        filterPolicy: subscription.kinds && {
          [KIND_ATTRIBUTE]: SubscriptionFilter.stringFilter({ allowlist: subscription.kinds }),
        },
      });
    });
  }
}
