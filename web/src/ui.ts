/**
 * Pieces several views use: the severity badge, an episode's card, a post, the "more" button and
 * a paged list's state. Texts from posts and people are interpolated as children, so they are
 * text nodes, never markup.
 */
import { html } from 'htm/preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AlertSummary, Page, PostView } from '../../shared/console/contract';
import { useApp } from './context';
import { severityBand, webUrl } from './format';
import { indicatorName } from './i18n';
import { episodeHref } from './router';

export function SeverityBadge({ severity }: { severity: number }) {
  const { t } = useApp();
  return html`<span class=${`badge sev-${severityBand(severity)}`}>${t.severity} ${severity}/10</span>`;
}

/** Who is on an episode: the assignee, else whoever acknowledged it. */
export function handlerOf(response: AlertSummary['response']): string | undefined {
  if (response.assignee) return response.assignee;
  return response.state === 'new' ? undefined : response.by;
}

export function EpisodeCard({ alert }: { alert: AlertSummary }) {
  const { t, f } = useApp();
  const who = handlerOf(alert.response);
  return html`<a
    class=${`card episode-card edge-${severityBand(alert.severity)}`}
    data-testid="episode-card"
    href=${episodeHref(alert.alertId)}
  >
    <span class="card-head">
      <${SeverityBadge} severity=${alert.severity} />
      <span class="kind">${t.kind[alert.kind]}</span>
    </span>
    <span class="card-title">${alert.topicLabel}</span>
    <span class="card-meta">
      <span class=${`pill state-${alert.state}`}>${t.episodeState[alert.state]}</span>
      <span class=${`pill response-${alert.response.state}`}>${t.responseState[alert.response.state]}</span>
      <span>${t.revision} ${alert.revision}</span>
    </span>
    <span class="card-line">${t.handledBy}: <strong>${who ?? t.nobodyYet}</strong></span>
    <span class="card-meta muted">${t.fired} ${f.dateTime(alert.firedAt)}</span>
  </a>`;
}

export function PostCard({ post }: { post: PostView }) {
  const { t, f, lang } = useApp();
  const url = webUrl(post.url);
  const handle = post.author?.handle;
  const followers = post.author?.followers;
  const sentiment = t.sentimentLabel[post.sentiment.label] ?? post.sentiment.label;
  const hoax = t.hoaxLevelLabel[post.hoax.level] ?? post.hoax.level;
  const textLang = post.lang === 'id' || post.lang === 'en' ? post.lang : undefined;
  const places = [...new Set([...post.places, ...post.kecamatan, ...post.cities])];
  return html`<article class="post" data-testid="post">
    <p class="post-head">
      <strong class="author">${handle ? `@${handle}` : t.unknownAuthor}</strong>
      ${followers !== undefined ? html` · <span>${t.followersCount(f.number(followers))}</span>` : null}
      <span class="muted"> · ${post.source} · <time datetime=${post.createdAt}>${f.dateTime(post.createdAt)}</time></span>
    </p>
    <p class="post-text" data-testid="post-text" lang=${textLang}>${post.text}</p>
    <p class="post-tags">
      <span class=${`tag sent-${post.sentiment.label}`}>${t.sentiment}: ${sentiment}</span>
      ${post.sentiment.words.length > 0 ? html`<span class="muted">${t.sentimentWords}: ${post.sentiment.words.join(', ')}</span>` : null}
      <span class=${`tag hoax-${post.hoax.level}`}>${t.hoaxLevel}: ${hoax}</span>
    </p>
    ${
      post.hoax.indicators.length > 0
        ? html`<details class="indicators">
            <summary>${t.indicators} (${post.hoax.indicators.length})</summary>
            <ul>
              ${post.hoax.indicators.map(
                (i) =>
                  html`<li>
                    <strong>${indicatorName(i.name, lang)}</strong>${
                      i.evidence.length > 0 ? `: ${i.evidence.map((e) => `“${e}”`).join(', ')}` : ''
                    }
                  </li>`,
              )}
            </ul>
          </details>`
        : null
    }
    ${places.length > 0 ? html`<p class="muted small">${t.places}: ${places.join(', ')}</p>` : null}
    ${url ? html`<p class="small"><a href=${url} target="_blank" rel="noopener noreferrer">${t.openPost}</a></p>` : null}
  </article>`;
}

export function MoreButton({ onClick, busy }: { onClick: () => void; busy: boolean }) {
  const { t } = useApp();
  return html`<p><button type="button" class="secondary" onClick=${onClick} disabled=${busy}>${busy ? t.loading : t.more}</button></p>`;
}

export function Loading() {
  const { t } = useApp();
  return html`<p class="muted" role="status">${t.loading}</p>`;
}

export interface Paged<T> {
  readonly items: readonly T[];
  readonly next?: string;
  readonly loading: boolean;
  /** True once the first page has arrived. */
  readonly loaded: boolean;
  /** The first page could not be read (the error region says why). */
  readonly failed: boolean;
  readonly more: () => void;
  readonly retry: () => void;
}

/**
 * A list read page by page: the first page whenever `key` changes, the following ones on
 * `more()`. An answer to an older key is dropped. A `null` key reads nothing (not yet known what).
 */
export function usePaged<T>(key: string | null, load: (cursor?: string) => Promise<Page<T>>): Paged<T> {
  const { report } = useApp();
  const [state, setState] = useState<{ key: string | null; items: readonly T[]; next?: string; loaded: boolean; failed?: boolean }>({
    key,
    items: [],
    loaded: false,
  });
  const [loading, setLoading] = useState(false);
  const current = useRef<string | null>(key);
  const loader = useRef(load);
  loader.current = load;

  const fetchPage = useCallback(
    (cursor: string | undefined, append: boolean) => {
      const forKey = current.current;
      setLoading(true);
      loader
        .current(cursor)
        .then((page) => {
          if (current.current !== forKey) return;
          setState((s) => ({ key: forKey, items: append ? [...s.items, ...page.items] : page.items, next: page.next, loaded: true }));
        })
        .catch((err: unknown) => {
          if (current.current !== forKey) return;
          if (!append) setState((s) => ({ ...s, failed: true }));
          report(err);
        })
        .finally(() => {
          if (current.current === forKey) setLoading(false);
        });
    },
    [report],
  );

  useEffect(() => {
    current.current = key;
    setState({ key, items: [], loaded: false });
    if (key !== null) fetchPage(undefined, false);
  }, [key, fetchPage]);

  return {
    items: state.key === key ? state.items : [],
    next: state.key === key ? state.next : undefined,
    loading,
    loaded: state.key === key && state.loaded,
    failed: state.key === key && state.failed === true,
    more: () => {
      if (state.next && !loading) fetchPage(state.next, true);
    },
    retry: () => {
      setState((s) => ({ ...s, failed: false }));
      fetchPage(undefined, false);
    },
  };
}

export function RetryButton({ onClick }: { onClick: () => void }) {
  const { t } = useApp();
  return html`<p><button type="button" class="secondary" onClick=${onClick}>${t.retry}</button></p>`;
}

/** What a list shows instead of its items: loading, a retry after a failure, or that it is empty; `null` once it has items. */
export function listStatus(list: Paged<unknown>, empty: string) {
  if (list.failed) return html`<${RetryButton} onClick=${list.retry} />`;
  if (!list.loaded) return html`<${Loading} />`;
  if (list.items.length === 0) return html`<p class="muted">${empty}</p>`;
  return null;
}
