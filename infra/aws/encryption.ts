/**
 * Pantau's one customer-managed KMS key. The tables, queues, topics and secrets all hold
 * residents' posts or the tokens that read them, so they are encrypted under a key the team
 * controls (and can audit in CloudTrail, or revoke), rotated yearly by KMS.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

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
