/**
 * `#/alerts/<alertId>`: one episode with what an officer needs to act on it: what fired and how
 * big, its timeline with every revision marked, the posts behind it, where, who spreads it, the
 * matched claim, and the response panel.
 */
import { html } from 'htm/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { EpisodeView, PostView } from '../../../shared/console/contract';
import { ApiFailure } from '../api';
import { Chart, timelineOptions } from '../charts';
import { useApp } from '../context';
import { webUrl } from '../format';
import { indicatorName } from '../i18n';
import { timelineData } from '../series';
import { Loading, MoreButton, PostCard, RetryButton, SeverityBadge } from '../ui';
import { ResponsePanel } from './response';

type Counted = readonly { readonly name: string; readonly count: number }[];

function Bars({ title, rows }: { title: string; rows: Counted }) {
  const { f } = useApp();
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => b.count - a.count);
  const max = sorted[0]?.count ?? 1;
  return html`<div class="bars">
    <h3>${title}</h3>
    <ol>
      ${sorted.map(
        (r) =>
          html`<li key=${r.name}>
            <span class="bar-name">${r.name}</span>
            <span class="bar-track" aria-hidden="true"
              ><span class="bar" style=${{ width: `${Math.max(2, (100 * r.count) / max)}%` }}></span
            ></span>
            <span class="bar-count">${f.number(r.count)}</span>
          </li>`,
      )}
    </ol>
  </div>`;
}

function Places({ places }: { places: EpisodeView['places'] }) {
  const { t } = useApp();
  const empty = places.cities.length + places.kecamatan.length + places.places.length === 0;
  return html`<section class="panel" data-testid="places" aria-labelledby="places-title">
    <h2 id="places-title">${t.places}</h2>
    ${
      empty
        ? html`<p class="muted">${t.none}</p>`
        : html`<div class="bar-groups">
            <${Bars} title=${t.cities} rows=${places.cities} />
            <${Bars} title=${t.kecamatan} rows=${places.kecamatan} />
            <${Bars} title=${t.placeNames} rows=${places.places} />
          </div>`
    }
  </section>`;
}

/** How many spreaders show before "show all". */
const SPREADERS_SHOWN = 10;

function Spreaders({ spreaders }: { spreaders: EpisodeView['spreaders'] }) {
  const { t, f } = useApp();
  const [all, setAll] = useState(false);
  const shown = all ? spreaders : spreaders.slice(0, SPREADERS_SHOWN);
  return html`<section class="panel" data-testid="spreaders" aria-labelledby="spreaders-title">
    <h2 id="spreaders-title">${t.spreaders} (${spreaders.length})</h2>
    ${
      spreaders.length === 0
        ? html`<p class="muted">${t.none}</p>`
        : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="spreaders-title">
            <table>
              <caption class="small muted">
                ${t.timesIn(f.zone)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${t.account}</th>
                  <th scope="col" class="num">${t.postsCount}</th>
                  <th scope="col">${t.first}</th>
                  <th scope="col">${t.last}</th>
                  <th scope="col" class="num">${t.followers}</th>
                  <th scope="col">${t.coordinated}</th>
                </tr>
              </thead>
              <tbody>
                ${shown.map(
                  (s, i) =>
                    html`<tr key=${s.authorId ?? s.handle ?? i}>
                      <th scope="row">${s.handle ? `@${s.handle}` : (s.authorId ?? t.unknownAuthor)}</th>
                      <td class="num">${f.number(s.posts)}</td>
                      <td>${f.dateTimeShort(s.firstAt)}</td>
                      <td>${f.dateTimeShort(s.lastAt)}</td>
                      <td class="num">${s.followers === undefined ? '—' : f.number(s.followers)}</td>
                      <td>${s.coordinated ? html`<span class="pill coordinated">⚑ ${t.coordinatedYes}</span>` : t.coordinatedNo}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
    ${
      !all && spreaders.length > SPREADERS_SHOWN
        ? html`<p><button type="button" class="secondary" onClick=${() => setAll(true)}>${t.showAll(spreaders.length)}</button></p>`
        : null
    }
  </section>`;
}

function Claim({ claim }: { claim: NonNullable<EpisodeView['claim']> }) {
  const { t } = useApp();
  const source = webUrl(claim.source);
  return html`<section class="panel" data-testid="claim" aria-labelledby="claim-title">
    <h2 id="claim-title">${t.claim}</h2>
    <blockquote class="claim-text">${claim.text}</blockquote>
    <p>
      ${t.rating}: <strong class="pill rating">${claim.rating.replace(/_/g, ' ')}</strong>
      ${source ? html` <a href=${source} target="_blank" rel="noopener noreferrer">${t.factCheck}</a>` : html` <span class="muted">${claim.source}</span>`}
    </p>
  </section>`;
}

function Header({ episode }: { episode: EpisodeView }) {
  const { t, f, lang } = useApp();
  const a = episode.alert;
  const status = (t.status as Record<string, string>)[a.status] ?? a.status;
  return html`<header class="episode-head">
    <p class="kicker">${t.kind[a.kind]}</p>
    <h1 tabindex="-1">${a.topicLabel}</h1>
    <p class="badges">
      <${SeverityBadge} severity=${a.severity} />
      <span class=${`pill state-${a.state}`}>${t.episodeState[a.state]}</span>
      <span class="pill">${t.revision} ${a.revision}</span>
      <span class="pill muted">${status}</span>
    </p>
    <dl class="facts">
      <div>
        <dt>${t.fired}</dt>
        <dd>${f.dateTime(a.firedAt)}</dd>
      </div>
      <div>
        <dt>${t.window}</dt>
        <dd>${f.span(a.windowStart, a.windowEnd)}</dd>
      </div>
      <div>
        <dt>${t.observed}</dt>
        <dd>
          ${[
            `${f.number(a.observed)} ${t.perWindow[a.kind]}`,
            `${a.kind === 'hoax' ? t.threshold : t.expected} ${f.number(a.expected)}`,
            ...(a.kind === 'spike' ? [`${f.number(Math.round(a.ratio * 10) / 10)}× ${t.ratio}`] : []),
          ].join(' · ')}
        </dd>
      </div>
      ${
        a.followers !== undefined
          ? html`<div>
              <dt>${t.reach}</dt>
              <dd>${t.followersCount(f.number(a.followers))}${a.reposts !== undefined ? `, ${t.reposts} ${f.number(a.reposts)}` : ''}</dd>
            </div>`
          : null
      }
      ${
        a.complaints !== undefined || (a.related ?? []).length > 0
          ? html`<div data-testid="incident">
              <dt>${t.incident}</dt>
              <dd>
                ${[
                  ...(a.complaints !== undefined ? [t.drivesComplaints(f.number(a.complaints))] : []),
                  ...((a.related ?? []).length > 0 ? [t.alsoAbout((a.related ?? []).join(', '))] : []),
                ].join('; ')}
              </dd>
            </div>`
          : null
      }
      ${
        a.resolvedAt
          ? html`<div>
              <dt>${t.episodeState.resolved}</dt>
              <dd>${f.dateTime(a.resolvedAt)}</dd>
            </div>`
          : null
      }
    </dl>
    ${
      a.indicators && a.indicators.length > 0
        ? html`<p><strong>${t.indicators}:</strong> ${a.indicators.map((i) => indicatorName(i.name, lang)).join(', ')}</p>`
        : null
    }
  </header>`;
}

function Timeline({ episode }: { episode: EpisodeView }) {
  const { t, f, lang } = useApp();
  const data = useMemo(() => timelineData(episode.timeline.buckets, episode.revisions), [episode.timeline, episode.revisions]);
  const kind = episode.alert.kind;
  return html`<section class="panel" aria-labelledby="timeline-title">
    <h2 id="timeline-title">${t.timeline}</h2>
    <${Chart}
      testid="timeline-chart"
      label=${t.timelineSummary(episode.revisions.length)}
      optionsKey=${`${lang}|${f.timeZone}|${episode.alert.alertId}|${episode.revisions.length}`}
      options=${(width: number) => timelineOptions(t, f, width, kind, episode.revisions)}
      data=${data}
    />
    <ol class="revisions small">
      ${episode.revisions.map(
        (r) =>
          html`<li key=${r.revision}>
            ${(r.resolvedAt
              ? // The resolution message: it repeats the peak; what is new is when it calmed down.
                [`r${r.revision}`, `${t.stateResolved} ${f.dateTime(r.resolvedAt)}`]
              : [
                  `r${r.revision}`,
                  f.dateTime(r.firedAt),
                  `${t.severity} ${r.severity}/10`,
                  `${t.observed} ${f.number(r.observed)}`,
                  `${kind === 'hoax' ? t.threshold : t.expected} ${f.number(r.expected)}`,
                ]
            ).join(' · ')}
          </li>`,
      )}
    </ol>
  </section>`;
}

function Posts({ alertId, first }: { alertId: string; first: EpisodeView['posts'] }) {
  const { api, t, report } = useApp();
  const [more, setMore] = useState<{ items: readonly PostView[]; next?: string }>({ items: [], next: first.next });
  const [busy, setBusy] = useState(false);
  useEffect(() => setMore({ items: [], next: first.next }), [first]);
  const loadMore = () => {
    if (!more.next) return;
    setBusy(true);
    api
      .episodePosts(alertId, more.next)
      .then((page) => setMore((m) => ({ items: [...m.items, ...page.items], next: page.next })))
      .catch(report)
      .finally(() => setBusy(false));
  };
  const posts = [...first.items, ...more.items];
  return html`<section class="panel" data-testid="episode-posts" aria-labelledby="posts-title">
    <h2 id="posts-title">${t.posts} (${posts.length}${more.next ? '+' : ''})</h2>
    ${posts.length === 0 ? html`<p class="muted">${t.noPosts}</p>` : posts.map((p) => html`<${PostCard} key=${p.postKey} post=${p} />`)}
    ${more.next ? html`<${MoreButton} onClick=${loadMore} busy=${busy} />` : null}
  </section>`;
}

export function EpisodePage({ alertId }: { alertId: string }) {
  const { api, t, report } = useApp();
  const [episode, setEpisode] = useState<EpisodeView>();
  const [missing, setMissing] = useState(false);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stale = false;
    setEpisode(undefined);
    setMissing(false);
    setFailed(false);
    api
      .episode(alertId)
      .then((e) => {
        if (!stale) setEpisode(e);
      })
      .catch((err: unknown) => {
        if (stale) return;
        if (err instanceof ApiFailure && err.status === 404) setMissing(true);
        else setFailed(true);
        report(err);
      });
    return () => {
      stale = true;
    };
  }, [api, alertId, report, attempt]);

  if (missing)
    return html`<div data-testid="episode">
      <h1 tabindex="-1">${t.notFound}</h1>
      <p><a href="#/">${t.backToOverview}</a></p>
    </div>`;
  if (failed) return html`<div data-testid="episode"><${RetryButton} onClick=${() => setAttempt((n) => n + 1)} /></div>`;
  if (!episode) return html`<div data-testid="episode"><${Loading} /></div>`;
  const setResponse = (response: EpisodeView['response']) => setEpisode((e) => (e ? { ...e, response } : e));
  return html`<article data-testid="episode" class="episode">
    <${Header} episode=${episode} />
    <div class="episode-grid">
      <aside class="episode-side">
        <${ResponsePanel} alertId=${alertId} response=${episode.response} onChange=${setResponse} />
      </aside>
      <div class="episode-main">
        <${Timeline} episode=${episode} />
        ${episode.claim ? html`<${Claim} claim=${episode.claim} />` : null}
        <${Places} places=${episode.places} />
        <${Spreaders} spreaders=${episode.spreaders} />
        <${Posts} alertId=${alertId} first=${episode.posts} />
      </div>
    </div>
  </article>`;
}
