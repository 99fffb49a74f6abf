/**
 * Hash routing, so that static hosting needs no rewrites: `#/` overview, `#/alerts`,
 * `#/alerts/<alertId url-encoded>`, `#/posts?topic=…`, `#/topics`, `#/claims`.
 */
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  /** The path's segments, decoded: `#/alerts/spike%3Ab` is `['alerts', 'spike:b']`. */
  readonly path: readonly string[];
  readonly query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const pathPart = q < 0 ? raw : raw.slice(0, q);
  const path = pathPart
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return { path, query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}

export const episodeHref = (alertId: string): string => `#/alerts/${encodeURIComponent(alertId)}`;

/** A route's address with its query, leaving out empty values. */
export function hrefOf(path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const s = params.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
