/**
 * Signing in with the Cognito hosted UI when `config.json` names one: the authorization code
 * flow with PKCE (S256), the code exchanged with `fetch` at `<domain>/oauth2/token`, the tokens
 * kept in sessionStorage (gone when the tab closes). The API Gateway JWT authorizer checks the
 * ID token, sent as `Authorization: Bearer <id token>`.
 *
 * The app client must list the console's address (this page's origin and path, e.g.
 * `https://pantau.example.go.id/`) as a callback and a sign-out URL. The page's hash route (an
 * alert's `#/alerts/<id>`) is kept across the round trip through the hosted UI.
 */
import type { CognitoConfig } from './config';

interface Tokens {
  readonly idToken: string;
  readonly refreshToken?: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

interface Pending {
  readonly state: string;
  readonly verifier: string;
  readonly hash: string;
}

const TOKENS = 'pantau.auth.tokens';
const PENDING = 'pantau.auth.pending';
/** A token this close to its end is renewed before use. */
const MARGIN_MS = 60_000;

export interface Auth {
  /** The bearer token to send; signs in (leaving the page) when there is none. */
  readonly token: () => Promise<string>;
  /** After a 401: renews the token, else signs in again. */
  readonly renew: () => Promise<string>;
  readonly signOut: () => void;
}

/** The page's address as the app client lists it: `https://host/` (an `index.html` at its end left out). */
const redirectUri = (): string => `${location.origin}${location.pathname.replace(/index\.html$/, '')}`;

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const randomString = (): string => base64url(crypto.getRandomValues(new Uint8Array(32)));

async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function read<T>(key: string): T | undefined {
  const raw = sessionStorage.getItem(key);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

/** Never settles: the page is leaving for the hosted UI. */
const leaving = (): Promise<never> => new Promise<never>(() => undefined);

async function signIn(cognito: CognitoConfig): Promise<never> {
  const pending: Pending = { state: randomString(), verifier: randomString(), hash: location.hash };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: cognito.clientId,
    redirect_uri: redirectUri(),
    scope: cognito.scopes ?? 'openid email',
    state: pending.state,
    code_challenge: await challengeOf(pending.verifier),
    code_challenge_method: 'S256',
  });
  location.assign(`${cognito.domain}/oauth2/authorize?${query}`);
  return leaving();
}

async function tokenRequest(cognito: CognitoConfig, params: Record<string, string>, oldRefresh?: string): Promise<Tokens> {
  const res = await fetch(`${cognito.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: cognito.clientId, ...params }),
  });
  if (!res.ok) throw new Error(`sign-in failed: HTTP ${res.status}`);
  const body = (await res.json()) as { id_token?: string; refresh_token?: string; expires_in?: number };
  if (!body.id_token) throw new Error('sign-in failed: no ID token');
  const tokens: Tokens = {
    idToken: body.id_token,
    refreshToken: body.refresh_token ?? oldRefresh,
    expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000,
  };
  sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
  return tokens;
}

/** Back from the hosted UI with `?code=…&state=…`: exchange the code, then put the page's route back. */
async function finishSignIn(cognito: CognitoConfig, params: URLSearchParams): Promise<void> {
  const pending = read<Pending>(PENDING);
  sessionStorage.removeItem(PENDING);
  const error = params.get('error');
  history.replaceState(null, '', `${location.pathname}${pending?.hash ?? location.hash}`);
  if (error) throw new Error(`sign-in failed: ${params.get('error_description') ?? error}`);
  if (!pending || params.get('state') !== pending.state) throw new Error('sign-in failed: the answer does not match this tab; try again');
  await tokenRequest(cognito, {
    grant_type: 'authorization_code',
    code: params.get('code') ?? '',
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
}

export async function startAuth(cognito: CognitoConfig): Promise<Auth> {
  const params = new URLSearchParams(location.search);
  if (params.has('code') || params.has('error')) await finishSignIn(cognito, params);

  const renew = async (): Promise<string> => {
    const refreshToken = read<Tokens>(TOKENS)?.refreshToken;
    sessionStorage.removeItem(TOKENS);
    if (refreshToken) {
      try {
        return (await tokenRequest(cognito, { grant_type: 'refresh_token', refresh_token: refreshToken }, refreshToken)).idToken;
      } catch {
        // The refresh token expired or was revoked: sign in again.
      }
    }
    return signIn(cognito);
  };
  const token = async (): Promise<string> => {
    const tokens = read<Tokens>(TOKENS);
    return tokens && tokens.expiresAt - MARGIN_MS > Date.now() ? tokens.idToken : renew();
  };
  const signOut = (): void => {
    sessionStorage.removeItem(TOKENS);
    const query = new URLSearchParams({ client_id: cognito.clientId, logout_uri: redirectUri() });
    location.assign(`${cognito.domain}/logout?${query}`);
  };
  await token();
  return { token, renew, signOut };
}
