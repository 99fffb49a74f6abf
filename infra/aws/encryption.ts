/**
 * Pantau's one customer-managed KMS key. The tables, queues, topics and secrets all hold
 * residents' posts or the tokens that read them, so they are encrypted under a key the team
 * controls (and can audit in CloudTrail, or revoke), rotated yearly by KMS.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key, type IKey } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { Validations } from 'aws-cdk-lib';

export class Encryption extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: "Pantau: encrypts the tables, queues, topics and secrets of the team's social-media listening pipeline",
      enableKeyRotation: true,
      // Deleting the key would make every retained table and backup unreadable.
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    // CloudWatch alarms publish to encrypted topics (the ops topic) with the service's own
    // identity, so AWS requires the key policy to let CloudWatch use the key; the actions are the
    // ones AWS documents for it ("kms:GenerateDataKey*" is AWS's own wording there).
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublishToEncryptedTopics',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        // In a key policy "*" is the key itself.
        resources: ['*'],
      }),
    );
  }
}

export interface ThirdPartySecretProps {
  readonly secretName: string;
  readonly description: string;
  readonly key: IKey;
  /** Who issues the credential, and who can reissue it (the reason it is not rotated). */
  readonly issuer: string;
}

/**
 * A credential issued by another service (X, Google, Telegram, Slack), encrypted with the stack's
 * key. cdk-nag AwsSolutions-SMG4 asks for automatic rotation; a rotation Lambda cannot obtain a
 * new third-party credential, so the finding is acknowledged with the issuer named.
 */
export function thirdPartySecret(scope: Construct, id: string, props: ThirdPartySecretProps): Secret {
  const secret = new Secret(scope, id, { secretName: props.secretName, description: props.description, encryptionKey: props.key });
  Validations.of(secret).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason: `Third-party credential: ${props.issuer}. A Secrets Manager rotation function cannot obtain a new one; the ops engineer replaces the value by hand (docs/deploy.md).`,
  });
  return secret;
}
