/**
 * The console on AWS (infra/aws/console.ts): the page in a private bucket behind CloudFront, the
 * HTTP API whose every route checks the user pool's JWT, the function's exact grants, and the
 * user pool its officers sign in to.
 */
import { App, type CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { ConfigError, parseConfig } from '../../shared/config';
import { ENV } from '../../shared/env-names';
import { TABLES } from '../../shared/resources';
import { CONSOLE_API_THROTTLE, contentSecurityPolicy, signInDomainPrefix } from '../../infra/aws/console';
import { PantauStack } from '../../infra/aws/stack';
import { buildStack, NO_BUNDLING, REPO_ROOT, tempDir, testConfigObject, writeJson } from './fixtures';

const OWN_URL = 'https://pantau.example.go.id/konsol';

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Principal?: unknown;
  readonly Condition?: unknown;
}

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

describe('Console', () => {
  const { stack, template } = buildStack({ console: { url: OWN_URL } });
  const { console: konsole } = stack;
  const id = (element: { node: { defaultChild?: unknown } }) => stack.getLogicalId(element.node.defaultChild as CfnElement);
  const resolve = (value: unknown) => stack.resolve(value) as unknown;
  const only = (type: string) => {
    const found = Object.entries(template.findResources(type));
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const distributionOrigin = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [id(konsole.distribution), 'DomainName'] }]] };
  const distributionUrl = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [id(konsole.distribution), 'DomainName'] }, '/']] };

  describe('the page', () => {
    it('is kept in a private bucket: public access blocked, ACLs off, encrypted', () => {
      expect(template.toJSON().Resources[id(konsole.pageBucket)].Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      });
    });

    it('has no public statement: only this distribution may read it (OAC), and only over TLS', () => {
      const policies = Object.values(
        template.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: id(konsole.pageBucket) } } }),
      );
      expect(policies).toHaveLength(1);
      const statements = policies[0]!.Properties.PolicyDocument.Statement as Statement[];
      const allows = statements.filter((s) => s.Effect === 'Allow');
      expect(allows).toEqual([
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [id(konsole.pageBucket), 'Arn'] }, '/*']] },
          Condition: {
            StringEquals: {
              'AWS:SourceArn': {
                'Fn::Join': [
                  '',
                  [
                    'arn:',
                    { Ref: 'AWS::Partition' },
                    ':cloudfront::',
                    { Ref: 'AWS::AccountId' },
                    ':distribution/',
                    { Ref: id(konsole.distribution) },
                  ],
                ],
              },
            },
          },
        },
      ]);
      const denies = statements.filter((s) => s.Effect === 'Deny');
      expect(denies).toEqual([expect.objectContaining({ Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]);
    });

    it('is served by CloudFront through origin access control, HTTPS only, GET and HEAD, index.html at the root', () => {
      const [oacId] = only('AWS::CloudFront::OriginAccessControl');
      template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
        OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
      });
      const [, distribution] = only('AWS::CloudFront::Distribution');
      const config = distribution.Properties.DistributionConfig;
      expect(config.Origins).toEqual([
        expect.objectContaining({
          DomainName: { 'Fn::GetAtt': [id(konsole.pageBucket), 'RegionalDomainName'] },
          OriginAccessControlId: { 'Fn::GetAtt': [oacId, 'Id'] },
          S3OriginConfig: { OriginAccessIdentity: '' },
        }),
      ]);
      expect(config.DefaultCacheBehavior).toMatchObject({
        ViewerProtocolPolicy: 'redirect-to-https',
        AllowedMethods: ['GET', 'HEAD'],
        ResponseHeadersPolicyId: { Ref: only('AWS::CloudFront::ResponseHeadersPolicy')[0] },
      });
      expect(config.CacheBehaviors).toBeUndefined();
      expect(config).toMatchObject({ DefaultRootObject: 'index.html', PriceClass: 'PriceClass_200', Enabled: true });
    });

    it('is sent with the security headers: HSTS, nosniff, no framing, no referrer, a CSP of its own files', () => {
      const [, policy] = only('AWS::CloudFront::ResponseHeadersPolicy');
      const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
      expect(headers).toMatchObject({
        StrictTransportSecurity: { AccessControlMaxAgeSec: 31_536_000, IncludeSubdomains: true, Override: true },
        ContentTypeOptions: { Override: true },
        FrameOptions: { FrameOption: 'DENY', Override: true },
        ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
        ContentSecurityPolicy: { Override: true },
      });
      const csp = JSON.stringify(headers.ContentSecurityPolicy.ContentSecurityPolicy);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "frame-ancestors 'none'",
      ]) {
        expect(csp).toContain(directive);
      }
      // The sign-in page's token endpoint, on this pool's own domain.
      expect(csp).toContain('https://pantau-test-');
      expect(csp).toContain('.auth.ap-southeast-3.amazoncognito.com');
    });

    it('deploys the page with its config.json (the API, the sign-in page, the client), each file sent with no-cache', () => {
      template.hasResourceProperties('Custom::CDKBucketDeployment', {
        DestinationBucketName: { Ref: id(konsole.pageBucket) },
        SystemMetadata: { 'cache-control': 'no-cache' },
        Prune: true,
        RetainOnDelete: false,
      });
      const [, deployment] = only('Custom::CDKBucketDeployment');
      // config.json's deploy-time values: the API's id, the sign-in domain and the app client.
      const markers = JSON.stringify(deployment.Properties.SourceMarkers);
      for (const ref of [id(konsole.api), id(konsole.signInDomain), id(konsole.client)]) expect(markers).toContain(`{"Ref":"${ref}"}`);
      // No CloudFront invalidation, which CDK would grant on every distribution.
      expect(deployment.Properties.DistributionId).toBeUndefined();
    });
  });

  describe('the API', () => {
    it('checks the user pool JWT on every route, for this app client', () => {
      const [authorizerId] = only('AWS::ApiGatewayV2::Authorizer');
      template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: {
          Audience: [{ Ref: id(konsole.client) }],
          Issuer: { 'Fn::Join': ['', ['https://cognito-idp.ap-southeast-3.amazonaws.com/', { Ref: id(konsole.userPool) }]] },
        },
      });
      const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
      expect(routes.map((r) => r.Properties.RouteKey)).toEqual(['ANY /api/{proxy+}']);
      for (const route of routes) {
        expect(route.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
      }
    });

    it("allows calls from the page's own origins only, with the Authorization header and no cookies", () => {
      const [, api] = only('AWS::ApiGatewayV2::Api');
      expect(api.Properties.CorsConfiguration).toEqual({
        AllowOrigins: [distributionOrigin, 'https://pantau.example.go.id'],
        AllowMethods: ['GET', 'POST', 'PUT'],
        AllowHeaders: ['authorization', 'content-type'],
        MaxAge: 3600,
      });
    });

    it('logs every call to its own log group, kept a year, and throttles the stage', () => {
      const [, stage] = only('AWS::ApiGatewayV2::Stage');
      expect(stage.Properties).toMatchObject({
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: {
          ThrottlingRateLimit: CONSOLE_API_THROTTLE.rateLimit,
          ThrottlingBurstLimit: CONSOLE_API_THROTTLE.burstLimit,
        },
        AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [id(konsole.accessLogs), 'Arn'] } },
      });
      const format = JSON.parse(stage.Properties.AccessLogSettings.Format as string) as Record<string, string>;
      expect(format).toMatchObject({ user: '$context.authorizer.claims.sub', routeKey: '$context.routeKey', status: '$context.status' });
      expect(template.toJSON().Resources[id(konsole.accessLogs)].Properties.RetentionInDays).toBe(365);
    });

    it('grants the function exactly its DynamoDB actions, on exactly the three tables and the two indexes it queries', () => {
      const role = resolve(konsole.function.fn.role!.roleName);
      const statements = Object.values(
        template.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([role]) } }),
      ).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
      const dynamo = statements.filter((s) => asList(s.Action).some((a) => a.startsWith('dynamodb:')));
      const arn = (name: keyof typeof TABLES) => resolve(stack.storage.tables[name].tableArn);
      const index = (name: keyof typeof TABLES, indexName: string) => ({ 'Fn::Join': ['', [arn(name), `/index/${indexName}`]] });
      expect(dynamo.map((s) => ({ actions: [...asList(s.Action)].sort(), resources: asList(s.Resource) }))).toEqual([
        { actions: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'], resources: [arn('posts'), index('posts', 'byTopic')] },
        {
          actions: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
          resources: [arn('alerts'), index('alerts', 'byKind')],
        },
        {
          actions: [
            'dynamodb:BatchGetItem',
            'dynamodb:BatchWriteItem',
            'dynamodb:GetItem',
            'dynamodb:PutItem',
            'dynamodb:Query',
            'dynamodb:UpdateItem',
          ],
          resources: [arn('state')],
        },
      ]);
      expect(dynamo.every((s) => s.Effect === 'Allow')).toBe(true);
      // Nothing else but its log group, X-Ray and the tables' key through DynamoDB.
      const others = statements.flatMap((s) => asList(s.Action)).filter((a) => !/^(dynamodb|logs|xray|kms):/.test(a));
      expect(others).toEqual([]);
    });

    it("gives the function the three tables, the config and the officers' group name", () => {
      const fn = template.toJSON().Resources[stack.getLogicalId(konsole.function.fn.node.defaultChild as CfnFunction)];
      expect(fn.Properties.Environment.Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'console-api',
        [ENV.config]: '/var/task/pantau.config.json',
        [TABLES.posts.envVar]: resolve(stack.storage.tables.posts.tableName),
        [TABLES.alerts.envVar]: resolve(stack.storage.tables.alerts.tableName),
        [TABLES.state.envVar]: resolve(stack.storage.tables.state.tableName),
        [ENV.consoleOfficersGroup]: 'officers',
      });
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Timeout: 29 });
    });

    it('is invoked by this API only', () => {
      template.hasResourceProperties('AWS::Lambda::Permission', {
        FunctionName: { 'Fn::GetAtt': [stack.getLogicalId(konsole.function.fn.node.defaultChild as CfnFunction), 'Arn'] },
        Principal: 'apigateway.amazonaws.com',
        SourceArn: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([{ Ref: id(konsole.api) }, '/*/*/api/{proxy+}'])] }),
      });
    });
  });

  describe('sign-in', () => {
    it('has users created by an admin only, signing in by email, MFA required with TOTP, strong passwords, retained', () => {
      const [, pool] = only('AWS::Cognito::UserPool');
      expect(pool.Properties).toMatchObject({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        UsernameAttributes: ['email'],
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        Policies: {
          PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true },
        },
        DeletionProtection: 'ACTIVE',
      });
      expect(pool.DeletionPolicy).toBe('Retain');
      expect(pool.Properties.AdminCreateUserConfig.InviteMessageTemplate.EmailMessage).toContain(`Sign in at ${OWN_URL}`);
    });

    it('has the officers group (may respond) and the readers group (read-only)', () => {
      const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map((g) => g.Properties);
      expect(groups).toEqual([
        expect.objectContaining({ GroupName: 'officers', UserPoolId: { Ref: id(konsole.userPool) } }),
        expect.objectContaining({ GroupName: 'readers', UserPoolId: { Ref: id(konsole.userPool) } }),
      ]);
    });

    it("has one app client for the page: no secret, the code grant only, back to the page's addresses", () => {
      const [, client] = only('AWS::Cognito::UserPoolClient');
      expect(client.Properties).toMatchObject({
        GenerateSecret: false,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthFlowsUserPoolClient: true,
        ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
        SupportedIdentityProviders: ['COGNITO'],
        CallbackURLs: [distributionUrl, OWN_URL],
        LogoutURLs: [distributionUrl, OWN_URL],
        PreventUserExistenceErrors: 'ENABLED',
      });
    });

    it("has a hosted sign-in page on a prefix made of the config's name and the account", () => {
      template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
        Domain: { 'Fn::Join': ['', ['pantau-test-', { Ref: 'AWS::AccountId' }]] },
        UserPoolId: { Ref: id(konsole.userPool) },
      });
    });
  });

  it('outputs the console URL, the API URL, the user pool and the app client', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.consoleUrl!.Value).toEqual(distributionUrl);
    expect(outputs.consoleApiUrl!.Value).toEqual(resolve(konsole.stage.url));
    expect(outputs.consoleUserPoolId!.Value).toEqual({ Ref: id(konsole.userPool) });
    expect(outputs.consoleClientId!.Value).toEqual({ Ref: id(konsole.client) });
  });
});

describe('Console without console.url', () => {
  const { stack, template } = buildStack();
  const domain = { 'Fn::GetAtt': [stack.getLogicalId(stack.console.distribution.node.defaultChild as CfnElement), 'DomainName'] };

  it('allows calls from the distribution only, and signs in back to it', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: [{ 'Fn::Join': ['', ['https://', domain]] }] }),
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { CallbackURLs: [{ 'Fn::Join': ['', ['https://', domain, '/']] }] });
  });
});

describe('the address in alert messages', () => {
  const envOf = (stack: PantauStack, fn: { fn: { node: { defaultChild?: unknown } } }) =>
    (stack.resolve((fn.fn.node.defaultChild as CfnFunction).environment) as { variables: Record<string, unknown> }).variables;

  it("is the distribution's for the functions that make alert messages, when console.url names none", () => {
    const { stack } = buildStack();
    const url = stack.resolve(stack.console.distributionUrl);
    for (const fn of [stack.pipeline.aggregator, stack.pipeline.sweeper]) expect(envOf(stack, fn)[ENV.consoleUrl]).toEqual(url);
    expect(envOf(stack, stack.pipeline.classifier)[ENV.consoleUrl]).toBeUndefined();
  });

  it('is left to the config when console.url names one', () => {
    const { stack } = buildStack({ console: { url: OWN_URL } });
    expect(envOf(stack, stack.pipeline.aggregator)[ENV.consoleUrl]).toBeUndefined();
  });
});

describe('console.url', () => {
  it('must be an https address when deployed, naming the field', () => {
    expect(() => buildStack({ console: { url: 'http://pantau.example.go.id' } })).toThrow(ConfigError);
    expect(() => buildStack({ console: { url: 'http://pantau.example.go.id' } })).toThrow(/^console\.url: .*https/);
  });
});

describe('the console page folder', () => {
  it('must hold an index.html', () => {
    const dir = tempDir();
    const value = testConfigObject(writeJson(dir, 'posts.jsonl', ''), {});
    const configPath = writeJson(dir, 'pantau.config.json', value);
    const config = parseConfig(value, configPath);
    const app = new App({ context: NO_BUNDLING });
    expect(
      () =>
        new PantauStack(app, 'Test', {
          config,
          configPath,
          repoRoot: REPO_ROOT,
          consolePageDir: tempDir(),
          env: { region: config.region },
        }),
    ).toThrow(/holds no index\.html/);
  });
});

describe('contentSecurityPolicy', () => {
  it("allows the page's own files, the region's API Gateway and the sign-in page, and nothing else", () => {
    expect(contentSecurityPolicy('ap-southeast-3', 'https://pantau-123.auth.ap-southeast-3.amazoncognito.com')).toBe(
      "default-src 'self'; connect-src 'self' https://*.execute-api.ap-southeast-3.amazonaws.com https://pantau-123.auth.ap-southeast-3.amazoncognito.com; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  });
});

describe('signInDomainPrefix', () => {
  it('is the name (with - for _) and the account', () => {
    expect(signInDomainPrefix('pantau_dki', '123456789012')).toBe('pantau-dki-123456789012');
  });

  it.each(['aws-pantau', 'pantau-amazon', 'cognito'])('refuses %s, which Cognito would refuse, naming the name field', (name) => {
    expect(() => signInDomainPrefix(name, '123456789012')).toThrow(ConfigError);
    expect(() => signInDomainPrefix(name, '123456789012')).toThrow(/^name: /);
  });
});
