/**
 * The console API's routes as the page calls them (shapes: shared/console/contract.ts, imported
 * as types only so that none of its schemas reach the page). A failed call throws `ApiFailure`
 * with the answer's `error` and `field`.
 */
import type {
  AlertSummary,
  ClaimImportResult,
  ClaimView,
  EpisodeView,
  Me,
  Overview,
  Page,
  PostView,
  ResponseStep,
  TopicInput,
  TopicList,
  TopicView,
} from '../../shared/console/contract';
import type { Auth } from './auth';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The contract's `CLAIMS_IMPORT_MEDIA_TYPE`. */
const NDJSON = 'application/x-ndjson';

type Query = Record<string, string | number | undefined>;

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

const seg = encodeURIComponent;

export type Api = ReturnType<typeof makeApi>;

export function makeApi(apiBase: string, auth?: Auth) {
  async function call<T>(method: string, path: string, body?: { readonly type: string; readonly data: string }): Promise<T> {
    const send = async (token: string | undefined): Promise<Response> => {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (body) headers['content-type'] = body.type;
      try {
        return await fetch(`${apiBase}${path}`, { method, headers, body: body?.data, cache: 'no-store' });
      } catch {
        throw new ApiFailure(0, 'network');
      }
    };
    let res = await send(await auth?.token());
    if (res.status === 401 && auth) res = await send(await auth.renew());
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!res.ok) {
      const err = (parsed ?? {}) as { error?: unknown; field?: unknown };
      throw new ApiFailure(
        res.status,
        typeof err.error === 'string' ? err.error : `HTTP ${res.status}`,
        typeof err.field === 'string' ? err.field : undefined,
      );
    }
    return parsed as T;
  }
  const get = <T>(path: string, query?: Query) => call<T>('GET', withQuery(path, query));
  const json = (data: unknown) => ({ type: 'application/json', data: JSON.stringify(data) });

  return {
    me: () => get<Me>('/me'),
    overview: (hours: number) => get<Overview>('/overview', { hours }),
    alerts: (query: { state?: string; kind?: string; topic?: string; limit?: number; cursor?: string }) =>
      get<Page<AlertSummary>>('/alerts', query),
    episode: (alertId: string) => get<EpisodeView>(`/alerts/${seg(alertId)}`),
    episodePosts: (alertId: string, cursor: string) => get<Page<PostView>>(`/alerts/${seg(alertId)}/posts`, { cursor }),
    respond: (alertId: string, step: ResponseStep) => call<EpisodeView['response']>('POST', `/alerts/${seg(alertId)}/response`, json(step)),
    posts: (query: Query) => get<Page<PostView>>('/posts', query),
    topics: () => get<TopicList>('/topics'),
    addTopic: (input: TopicInput) => call<TopicView>('POST', '/topics', json(input)),
    editTopic: (name: string, input: TopicInput) => call<TopicView>('PUT', `/topics/${seg(name)}`, json(input)),
    setTopicDisabled: (name: string, disabled: boolean) =>
      call<TopicView>('POST', `/topics/${seg(name)}/${disabled ? 'disable' : 'enable'}`, json({})),
    claims: (cursor?: string) => get<Page<ClaimView>>('/claims', { limit: 50, cursor }),
    importClaims: (lines: string) => call<ClaimImportResult>('POST', '/claims', { type: NDJSON, data: lines }),
  };
}
