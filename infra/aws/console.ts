/**
 * The console: the page the on-call officer opens from an alert, and the API behind it.
 * - Sign-in: a Cognito user pool (users created by an admin, TOTP MFA required), its hosted
 *   sign-in page, one app client for the page, and the `officers` and `readers` groups.
 * - API: an HTTP API whose every route checks the pool's JWT, in front of the console-api
 *   function, which reads and writes the tables with exact actions.
 * - Page: the built static files in a private bucket, served only through CloudFront (origin
 *   access control, HTTPS, security headers), with a `config.json` that tells the page where the
 *   API and the sign-in page are.
 * Everything but CloudFront lives in the stack's region; CloudFront caches the static page only
 * (the page calls the API in the region directly). See docs/deploy.md, "The console on AWS".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  AccountRecovery,
  type CfnUserPoolClient,
  FeaturePlan,
  Mfa,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type Policy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { ConfigError } from '../../shared/config';
import { ENV } from '../../shared/env-names';
import { TABLES, type TableName } from '../../shared/resources';
import { CONSOLE_GROUPS as CONSOLE_GROUP_NAMES } from '../../shared/console/contract';
import type { PantauInputs } from './inputs';
import { findingName, PantauFunction } from './pantau-function';

/**
 * The user pool's groups. Members of `officers` may respond to episodes, edit watch topics and
 * import claims; `readers` only read. The function gets the officers' group name in
 * `PANTAU_CONSOLE_OFFICERS_GROUP` and decides from the token's `cognito:groups` claim.
 */
export const CONSOLE_GROUPS = {
  officers: {
    groupName: CONSOLE_GROUP_NAMES.officers,
    description: 'May respond to alert episodes, edit watch topics and import claims',
    precedence: 0,
  },
  readers: { groupName: CONSOLE_GROUP_NAMES.readers, description: 'May read the console, and change nothing', precedence: 1 },
} as const;

/** Just under the 30 seconds an HTTP API waits for a Lambda integration. */
export const CONSOLE_API_TIMEOUT = Duration.seconds(29);

/**
 * The API stage's throttle, for all callers together: a team of officers, not the public. Past it
 * API Gateway answers 429 without calling the function.
 */
export const CONSOLE_API_THROTTLE = { rateLimit: 20, burstLimit: 40 } as const;

/** How long the API's access log (who called what, when, from where) is kept: a year, for audits. */
export const CONSOLE_ACCESS_LOG_RETENTION = RetentionDays.ONE_YEAR;

/** The methods the API's routes answer (shared/console/contract.ts); CORS allows these only. */
const API_METHODS = [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT];

/** Cognito refuses a domain prefix holding any of these words. */
const RESERVED_PREFIX_WORDS = ['aws', 'amazon', 'cognito'];

export interface ConsoleProps {
  readonly inputs: PantauInputs;
  readonly tables: { readonly [name in TableName]: ITable };
  /** A folder of the built page (web/build.ts): `index.html` and what it loads. */
  readonly pageDir: string;
}

export class Console extends Construct {
  readonly userPool: UserPool;
  /** The page's app client: no secret, authorization code with PKCE, the hosted sign-in page. */
  readonly client: UserPoolClient;
  readonly signInDomain: UserPoolDomain;
  readonly groups: { readonly officers: UserPoolGroup; readonly readers: UserPoolGroup };
  readonly function: PantauFunction;
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  readonly pageBucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<distribution domain>/`. */
  readonly distributionUrl: string;

  constructor(scope: Construct, id: string, props: ConsoleProps) {
    super(scope, id);
    const { config } = props.inputs;
    if (!existsSync(join(props.pageDir, 'index.html'))) {
      throw new Error(`${this.node.path}: the console page folder ${props.pageDir} holds no index.html (build the page first)`);
    }
    const region = Stack.of(this).region;

    // The page's bucket and distribution come first: the sign-in page sends officers back to it,
    // and the API allows calls from it.
    this.pageBucket = new Bucket(this, 'Page', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Only the built page is kept here, deployed again by every deploy; the deployment removes
      // its files when the stack goes (retainOnDelete below), so the empty bucket can go too.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.pageBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        "This bucket holds only the console's built static page (no data: the page reads everything through the API, whose access log is kept). Only CloudFront reads it, through origin access control, and only the stack's deployment writes it.",
    });

    const domainPrefix = signInDomainPrefix(config.name, Stack.of(this).account);
    const signInUrl = `https://${domainPrefix}.auth.${region}.amazoncognito.com`;
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: "Pantau console: the page's security headers",
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(region, signInUrl), override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        // Links from the page to posts elsewhere carry no console address (an alert's id is in it).
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Pantau console page (${config.name})`,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.pageBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      defaultRootObject: 'index.html',
      // Edge locations in Asia (Jakarta included) and most others, not the dearest ones.
      priceClass: PriceClass.PRICE_CLASS_200,
      httpVersion: HttpVersion.HTTP2_AND_3,
    });
    this.distributionUrl = `https://${this.distribution.distributionDomainName}/`;
    this.acknowledgeDistributionFindings();

    // Where the console is opened: the distribution, and the team's own address when configured.
    const own = config.console.url ? new URL(config.console.url) : undefined;
    if (own && own.protocol !== 'https:') {
      throw new ConfigError(
        `console.url: the deployed console needs an https:// address (Cognito sends officers back only to one), got ${own.href}`,
      );
    }
    const pageUrls = [this.distributionUrl, ...(own ? [pageUrlOf(own)] : [])];
    const pageOrigins = [`https://${this.distribution.distributionDomainName}`, ...(own ? [own.origin] : [])];
    const consoleUrl = own ? pageUrlOf(own) : this.distributionUrl;

    this.userPool = new UserPool(this, 'Users', {
      userPoolName: `${config.name}-console`,
      // Only an admin creates users (docs/deploy.md); nobody signs up.
      selfSignUpEnabled: false,
      userInvitation: {
        emailSubject: 'Pantau console: your account',
        emailBody: `Your Pantau console account is {username}, with the temporary password {####} (valid for 3 days). Sign in at ${consoleUrl} and choose your own password.`,
      },
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      // Every officer signs in with a second factor: the accounts read residents' posts and speak
      // for the city. Required, the hosted sign-in page itself walks a new user through setting
      // up their authenticator app (a QR code, then a first code) at their first sign-in.
      mfa: Mfa.REQUIRED,
      // TOTP (an authenticator app) only: SMS codes are not a sound second factor (AWS's own
      // advice) and would need an SMS role and leaving the SMS sandbox.
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      // The officers' accounts: deleting the stack must not delete them unseen.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.acknowledgeUserPoolFindings();
    this.groups = {
      officers: new UserPoolGroup(this, 'Officers', { userPool: this.userPool, ...CONSOLE_GROUPS.officers }),
      readers: new UserPoolGroup(this, 'Readers', { userPool: this.userPool, ...CONSOLE_GROUPS.readers }),
    };
    this.signInDomain = this.userPool.addDomain('SignIn', { cognitoDomain: { domainPrefix } });
    this.client = this.userPool.addClient('Page', {
      userPoolClientName: `${config.name}-console-page`,
      // A browser cannot keep a secret: authorization code with PKCE, through the hosted sign-in page only.
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
        callbackUrls: pageUrls,
        logoutUrls: pageUrls,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      // About an on-call shift: then the officer signs in again (with their TOTP code).
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
    });
    // Refresh only: CDK leaves ExplicitAuthFlows out when no flow is chosen, and Cognito then also
    // allows sign-in through its API with SRP and custom challenges; the page signs in through the
    // hosted page (OAuth), which needs none of them.
    (this.client.node.defaultChild as CfnUserPoolClient).explicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH'];

    const { tables } = props;
    this.function = new PantauFunction(this, 'Api', {
      inputs: props.inputs,
      name: 'console-api',
      description: "The console's HTTP API: overview, alert episodes and their response log, watch topics, claims",
      timeout: CONSOLE_API_TIMEOUT,
    })
      // Posts behind an episode and a topic's timeline (Query on byTopic), single posts (GetItem)
      // and an episode's evidence by key (BatchGetItem); it never writes a post.
      .bindTable(tables.posts, TABLES.posts, ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'])
      // Episodes by id, the open ones together (BatchGetItem) and by kind (Query on byKind), and the
      // response log written onto an episode (UpdateItem).
      .bindTable(tables.alerts, TABLES.alerts, ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'])
      // Counters read, watch topics kept (PutItem in a transaction, UpdateItem), claims listed (Query,
      // and BatchGetItem for the seed claims a stored one replaces) and imported (BatchWriteItem).
      .bindTable(tables.state, TABLES.state, [
        'dynamodb:GetItem',
        'dynamodb:BatchGetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:BatchWriteItem',
      ])
      // The JWT authorizer passes the token's claims to the function in
      // event.requestContext.authorizer.jwt.claims; in an HTTP API `cognito:groups` arrives as one
      // string, e.g. "[officers readers]", which the handler parses.
      .setEnv(ENV.consoleOfficersGroup, CONSOLE_GROUPS.officers.groupName);

    this.api = new HttpApi(this, 'HttpApi', {
      apiName: `${config.name}-console`,
      description: "Pantau console's API: every route checks the console user pool's JWT",
      createDefaultStage: false,
      corsPreflight: {
        // The page's own addresses only (not "*"); the token travels in the Authorization header, never in a cookie.
        allowOrigins: pageOrigins,
        allowMethods: API_METHODS,
        allowHeaders: ['authorization', 'content-type'],
        maxAge: Duration.hours(1),
      },
    });
    this.accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: CONSOLE_ACCESS_LOG_RETENTION });
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: CONSOLE_API_THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogs), format: ACCESS_LOG_FORMAT },
    });
    this.api.addRoutes({
      path: '/api/{proxy+}',
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration('ApiFunction', this.function.fn),
      authorizer: new HttpUserPoolAuthorizer('SignedIn', this.userPool, { userPoolClients: [this.client] }),
    });

    this.deployPage(props.pageDir);
  }

  /** The API's address, `https://<api id>.execute-api.<region>.amazonaws.com/`; its routes are under `/api`. */
  get apiUrl(): string {
    return this.stage.url;
  }

  /**
   * The built page and its `config.json` into the bucket. Every file is sent with
   * `Cache-Control: no-cache`: browsers check for a newer page each time and CloudFront holds it
   * one second (the managed CachingOptimized policy's minimum), so a deploy needs no CloudFront
   * invalidation, which CDK's deployment would grant on every distribution (Resource "*").
   */
  private deployPage(pageDir: string): void {
    const logGroup = new LogGroup(this, 'DeployPageLogs', { retention: RetentionDays.ONE_MONTH });
    // Its own role writing to its own log group, instead of the AWS managed AWSLambdaBasicExecutionRole (IAM4).
    const role = new Role(this, 'DeployPageRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Pantau console: copies the built page into its bucket',
    });
    logGroup.grantWrite(role);
    new BucketDeployment(this, 'DeployPage', {
      sources: [
        Source.asset(pageDir),
        // Deploy-time values (the API's and the client's ids) are filled in by the deployment.
        Source.jsonData('config.json', {
          apiUrl: this.apiUrl,
          cognito: { domain: this.signInDomain.baseUrl(), clientId: this.client.userPoolClientId, region: Stack.of(this).region },
        }),
      ],
      destinationBucket: this.pageBucket,
      cacheControl: [CacheControl.noCache()],
      prune: true,
      retainOnDelete: false,
      role,
      logGroup,
    });
    // CDK's deployment grants its copy function S3 actions written with wildcards (s3:GetObject*,
    // s3:List*, ...) on the objects of the stack's asset bucket (read) and of the page bucket (read,
    // write, delete: prune replaces the whole page). Each wildcard, as cdk-nag names it:
    const policy = role.node.findChild('DefaultPolicy') as Policy;
    const statements = (Stack.of(this).resolve(policy.document) as { Statement: { Action: string | string[]; Resource: unknown }[] })
      .Statement;
    const wildcards = new Set<string>();
    for (const statement of statements) {
      for (const action of [statement.Action].flat()) if (action.includes('*')) wildcards.add(`Action::${action}`);
      for (const resource of [statement.Resource].flat()) {
        const name = findingName(resource);
        if (name.includes('*')) wildcards.add(`Resource::${name}`);
      }
    }
    Validations.of(policy).acknowledge(
      ...[...wildcards].map((finding) => ({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason:
          "CDK's BucketDeployment grants its copy function these S3 actions as written (wildcard action names), on the objects of the stack's asset bucket (read) and of the console page bucket (read, write, delete: prune replaces the whole page); this role is used by nothing else.",
      })),
    );
    // The copy function is CDK's, one per stack (a singleton beside the stack's other resources).
    const handler = Stack.of(this)
      .node.children.filter((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'))
      .at(0);
    if (!handler) throw new Error(`${this.node.path}: the page deployment's function was not found`);
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        "This is CDK's own BucketDeployment function (Python, with the AWS CLI layer), whose runtime each aws-cdk-lib release chooses; it runs only during deploys to copy the page, and moves with aws-cdk-lib upgrades.",
    });
  }

  private acknowledgeDistributionFindings(): void {
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          "The page is static and holds no data; who may read the console is decided by the sign-in, and an officer on duty abroad must still reach it. A geo restriction would add nothing the sign-in doesn't already do.",
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          "The distribution serves only the static page (GET and HEAD of a few files, no data, no API); a web ACL for CloudFront lives in us-east-1 and is billed monthly, and would guard nothing that isn't public by nature. The API's stage is throttled.",
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          "CloudFront's standard (legacy) logs need a log bucket with ACLs enabled, which Pantau's buckets keep disabled; the distribution only hands out the static page, and every request for data is logged by the API's access log in the stack's region.",
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          "The console uses the distribution's own *.cloudfront.net address and certificate, whose security policy CloudFront fixes (cdk-nag flags every distribution on the default certificate). Enforcing TLSv1.2_2021 needs a custom domain with an ACM certificate in us-east-1, which this stack does not make; the page it serves holds no data.",
      },
    );
  }

  private acknowledgeUserPoolFindings(): void {
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        "The Essentials plan (Cognito's default): threat protection (Plus plan) is billed for every active user with no free tier, for a pool of a few admin-created officers who all sign in with TOTP; switching is one property (featurePlan) if the team wants adaptive authentication.",
    });
  }
}

/**
 * The access log's fields: who (the token's subject), what (route, status), when, from where; no
 * query strings or bodies.
 */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    user: '$context.authorizer.claims.sub',
    method: '$context.httpMethod',
    path: '$context.path',
    routeKey: '$context.routeKey',
    status: '$context.status',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    authorizerError: '$context.authorizer.error',
    integrationError: '$context.integrationErrorMessage',
  }),
);

/**
 * The page's Content-Security-Policy: its own files only, plus the calls it makes elsewhere (the
 * API and the sign-in page's token endpoint). connect-src names the region's API Gateway host
 * pattern rather than this API's own address: the API's CORS names the distribution, so the
 * distribution's headers naming the API would make a loop CloudFormation cannot create.
 */
export function contentSecurityPolicy(region: string, signInUrl: string): string {
  return [
    "default-src 'self'",
    `connect-src 'self' https://*.execute-api.${region}.amazonaws.com ${signInUrl}`,
    "img-src 'self' data:",
    "style-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The hosted sign-in page's prefix (`<prefix>.auth.<region>.amazoncognito.com`): the config's
 * name and the account, unique per region as Cognito requires.
 */
export function signInDomainPrefix(name: string, account: string): string {
  const prefix = `${name.replace(/_/g, '-')}-${account}`;
  const reserved = RESERVED_PREFIX_WORDS.find((word) => name.includes(word));
  if (reserved) {
    throw new ConfigError(
      `name: "${name}" cannot prefix the console's sign-in domain: Cognito refuses domain prefixes holding "${reserved}"`,
    );
  }
  return prefix;
}

/** The address the page sees itself at (`origin` + `pathname`), as its sign-in sends it back there. */
function pageUrlOf(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
