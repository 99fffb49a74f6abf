/**
 * The console's HTTP API (contract.ts), one Hono app for both places it runs: behind API Gateway
 * on Lambda (functions/console-api) and on Node for the local stack (infra/local/console-server).
 * It reads through the ports, shapes answers with views.ts, and answers JSON only: the page
 * renders every text from posts as text, so nothing here escapes or builds markup.
 *
 * Who asks comes from `identify` (the JWT API Gateway checked, or the local user); only the
 * officers' group may write (respond, edit topics, import claims): others get 403.
 */
import { Hono, type Context } from 'hono';
import type { EffectiveTopic } from '../classify/live-topics';
import type { Config } from '../config';
import type { AlertEpisodes, ClaimStore, Counters, TopicStore } from '../pipeline/ports';
import { claimRoutes } from './claim-routes';
import { API_BASE, CLAIMS_IMPORT_MEDIA_TYPE, type ApiError, type Me } from './contract';
import { episodeRoutes } from './episode-routes';
import type { AlertReads, ClaimPages, CountedUpTo, PostReads, ResponseLog } from './ports';
import { BadRequest, canWrite, type ConsoleEnv, type Identity } from './request';
import { topicRoutes } from './topic-routes';

export type { Identity };

/** The watch topics in effect (config and console), kept fresh. */
export interface TopicsInEffect {
  readonly all: readonly EffectiveTopic[];
  /** Reloads when stale, or at once when `force`d. */
  refresh(force?: boolean): Promise<void>;
}

export interface ConsoleDeps {
  readonly config: Config;
  readonly alerts: AlertReads;
  readonly posts: PostReads;
  readonly counters: Pick<Counters, 'range'>;
  readonly countedUpTo: CountedUpTo;
  readonly episodes: Pick<AlertEpisodes, 'all'>;
  readonly responses: ResponseLog;
  readonly topics: TopicsInEffect;
  readonly topicStore: TopicStore;
  readonly claims: ClaimStore & ClaimPages;
  /** Who asks; undefined: nobody signed in (401). */
  readonly identify: (c: Context) => Identity | undefined;
  /** The group whose members may write. */
  readonly officersGroup: string;
  /** When given, the group whose members may read: a user in neither group is refused (403). */
  readonly readersGroup?: string;
  readonly now?: () => number;
  /** Told of an error the API answered 500 for. */
  readonly onError?: (err: unknown, path: string) => void;
}

/**
 * What a write may be sent as. Neither is a type a page of another site can send without asking
 * first (CORS preflight), so no other site can make a signed-in browser, or a browser beside the
 * local console, write here.
 */
const WRITE_TYPES = ['application/json', CLAIMS_IMPORT_MEDIA_TYPE];
const mediaType = (header: string | undefined): string => (header ?? '').split(';')[0]!.trim().toLowerCase();

export function consoleApp(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>().basePath(API_BASE);

  app.onError((err, c) => {
    if (err instanceof BadRequest) return c.json<ApiError>({ error: err.message, field: err.field }, 400);
    deps.onError?.(err, c.req.path);
    return c.json<ApiError>({ error: 'the console could not answer; the error is in its log' }, 500);
  });
  app.notFound((c) => c.json<ApiError>({ error: `no such route: ${c.req.method} ${c.req.path}` }, 404));

  app.use('*', async (c, next) => {
    const identity = deps.identify(c);
    if (!identity) return c.json<ApiError>({ error: 'sign in first' }, 401);
    const { readersGroup } = deps;
    if (readersGroup && !identity.groups.some((g) => g === deps.officersGroup || g === readersGroup)) {
      return c.json<ApiError>(
        { error: `your account is in neither console group (${deps.officersGroup}, ${readersGroup}): ask an admin to add you to one` },
        403,
      );
    }
    c.set('identity', identity);
    c.header('Cache-Control', 'no-store');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !WRITE_TYPES.includes(mediaType(c.req.header('content-type')))) {
      return c.json<ApiError>({ error: `a write must be sent as ${WRITE_TYPES.join(' or ')}`, field: 'content-type' }, 415);
    }
    await next();
  });

  app.get('/me', (c) =>
    c.json<Me>({
      user: c.get('identity').user,
      canRespond: canWrite(c, deps.officersGroup),
      assignees: deps.config.console.assignees,
      language: deps.config.alerts.language,
      timezone: deps.config.timezone,
    }),
  );

  app.route('/', episodeRoutes(deps));
  app.route('/', topicRoutes(deps));
  app.route('/', claimRoutes(deps));
  return app;
}
