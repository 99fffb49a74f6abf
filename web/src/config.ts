/**
 * Where the API is and how to sign in: `./config.json` next to the page, written at deploy time.
 * Absent (404), the API is on the page's own origin and nobody signs in (the local console).
 *
 *   { "apiUrl": "https://…", "cognito": { "domain": "https://….auth.ap-southeast-3.amazoncognito.com", "clientId": "…", "region": "…" } }
 */
/** The contract's `API_BASE` (a value import from it would bring zod into the page). */
export const API_BASE = '/api';

export interface CognitoConfig {
  /** The hosted UI's address, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domain: string;
  readonly clientId: string;
  readonly region?: string;
  /** The scopes asked for; `openid email` when absent. */
  readonly scopes?: string;
}

export interface PageConfig {
  /** The base every API route is under, e.g. `/api` or `https://api.example/api`. */
  readonly apiBase: string;
  readonly cognito?: CognitoConfig;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isHttpsUrl = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\//.test(value);

/**
 * The API's base from `apiUrl`: the routes live under `/api`, so `https://x.example` and
 * `https://x.example/api` both give `https://x.example/api`.
 */
export function apiBaseOf(apiUrl: string | undefined): string {
  if (apiUrl === undefined) return API_BASE;
  const trimmed = apiUrl.replace(/\/+$/, '');
  return trimmed.endsWith(API_BASE) ? trimmed : `${trimmed}${API_BASE}`;
}

/** The config a `config.json` holds, or an error naming the bad field. */
export function parseConfig(raw: unknown): PageConfig {
  if (!isObject(raw)) throw new Error('config.json: must be a JSON object');
  if (raw.apiUrl !== undefined && !isHttpsUrl(raw.apiUrl)) throw new Error('config.json: apiUrl must be an http(s) URL');
  let cognito: CognitoConfig | undefined;
  if (raw.cognito !== undefined) {
    const c = raw.cognito;
    if (!isObject(c)) throw new Error('config.json: cognito must be an object');
    if (!isHttpsUrl(c.domain)) throw new Error('config.json: cognito.domain must be an http(s) URL');
    if (typeof c.clientId !== 'string' || c.clientId === '') throw new Error('config.json: cognito.clientId is missing');
    cognito = {
      domain: c.domain.replace(/\/+$/, ''),
      clientId: c.clientId,
      region: typeof c.region === 'string' ? c.region : undefined,
      scopes: typeof c.scopes === 'string' ? c.scopes : undefined,
    };
  }
  return { apiBase: apiBaseOf(raw.apiUrl as string | undefined), cognito };
}

export async function loadConfig(): Promise<PageConfig> {
  const res = await fetch('./config.json', { cache: 'no-cache', headers: { accept: 'application/json' } });
  if (res.status === 404) return { apiBase: API_BASE };
  if (!res.ok) throw new Error(`config.json: HTTP ${res.status}`);
  // A server that answers every path with the page itself (an SPA fallback) means no config.
  if (!(res.headers.get('content-type') ?? '').includes('json')) return { apiBase: API_BASE };
  return parseConfig(await res.json());
}
