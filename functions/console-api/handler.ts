/**
 * Console API Lambda: the console's HTTP API (shared/console/app.ts) behind API Gateway's HTTP
 * API, whose JWT authorizer has checked the Cognito sign-in before the request gets here. Thin
 * wiring: who asks comes from the token's claims; the officers' group may write.
 */
import type { Context } from 'hono';
import { handle } from 'hono/aws-lambda';
import { makeDocumentClient } from '../../shared/adapters/clients';
import { consoleStores } from '../../shared/adapters/console-store';
import * as kit from '../../shared/adapters/wiring';
import { consoleApp, type Identity } from '../../shared/console/app';
import { CONSOLE_GROUPS } from '../../shared/console/contract';
import { optionalEnv, requireEnv } from '../../shared/env';
import { ENV } from '../../shared/env-names';
import { TABLES } from '../../shared/resources';

/**
 * Who asks, from the claims of the JWT API Gateway checked: the e-mail (else the user name) and
 * the Cognito groups. HTTP APIs pass `cognito:groups` as one string, `[officers readers]`.
 */
function identityFromClaims(claims: Record<string, unknown> | undefined): Identity | undefined {
  if (!claims) return undefined;
  const user = [claims.email, claims['cognito:username'], claims.username, claims.sub].find((v) => typeof v === 'string' && v !== '');
  if (typeof user !== 'string') return undefined;
  const raw = claims['cognito:groups'];
  const groups = Array.isArray(raw)
    ? raw.map(String)
    : typeof raw === 'string'
      ? raw
          .replace(/^\[|\]$/g, '')
          .split(/[\s,]+/)
          .filter(Boolean)
      : [];
  return { user, groups };
}

interface LambdaBindings {
  readonly event?: { readonly requestContext?: { readonly authorizer?: { readonly jwt?: { readonly claims?: Record<string, unknown> } } } };
}

function wire() {
  const w = kit.wiring('console-api', { doc: makeDocumentClient() });
  const tables = { posts: requireEnv(TABLES.posts.envVar), alerts: requireEnv(TABLES.alerts.envVar), state: w.stateTable };
  const app = consoleApp({
    ...consoleStores(w.clients.doc, tables, w.config),
    identify: (c: Context) => identityFromClaims((c.env as LambdaBindings).event?.requestContext?.authorizer?.jwt?.claims),
    officersGroup: optionalEnv(ENV.consoleOfficersGroup, CONSOLE_GROUPS.officers),
    // A signed-in user in neither group reads nothing.
    readersGroup: CONSOLE_GROUPS.readers,
    onError: (err, path) => w.logger.error('console request failed', { path, error: err as Error }),
  });
  return handle(app);
}

export const handler = kit.wiredOnFirstCall(wire);
