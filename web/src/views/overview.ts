/**
 * `#/`: the open episodes first, then one chart per watch topic over the last hours. Refreshed
 * every 10 s while the tab is visible (and at once when it comes back), so a replay shows live;
 * the refresh only feeds new data to the same elements, so scroll and focus stay where they are.
 */
import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Overview } from '../../../shared/console/contract';
import { Chart, topicChartOptions } from '../charts';
import { useApp } from '../context';
import { bucketData, regroup } from '../series';
import { EpisodeCard, Loading } from '../ui';

export const REFRESH_MS = 5_000;
/** The most points a topic's chart draws. */
const MAX_POINTS = 96;

type TopicRow = Overview['topics'][number];

function TopicChart({ topic, hours, bucketMinutes }: { topic: TopicRow; hours: number; bucketMinutes: number }) {
  const { t, f, lang } = useApp();
  const data = useRef<{ buckets: TopicRow['buckets']; columns: ReturnType<typeof bucketData>; minutes: number } | null>(null);
  // The same columns object while the buckets are the same answer's, so the chart is not fed twice.
  if (data.current?.buckets !== topic.buckets) {
    const grouped = regroup(topic.buckets, bucketMinutes, MAX_POINTS);
    data.current = { buckets: topic.buckets, columns: bucketData(grouped.buckets), minutes: grouped.minutes };
  }
  const { total, negative, hoax } = topic.totals;
  return html`<section class="panel topic-panel" aria-labelledby=${`topic-${topic.name}`}>
    <h3 id=${`topic-${topic.name}`}>${topic.label} ${topic.disabled ? html`<span class="pill muted">${t.disabledTopic}</span>` : null}</h3>
    <p class="totals">
      ${(['total', 'negative', 'hoax'] as const).map(
        (k) =>
          html`<span class="total-item" key=${k}>
            <span class=${`dot ${k}`}></span> ${k === 'total' ? t.total : k === 'negative' ? t.negative : t.hoaxLike}${' '}
            <strong>${f.number(topic.totals[k])}</strong>
          </span>`,
      )}
      <a class="small" href=${`#/posts?topic=${encodeURIComponent(topic.name)}`}>${t.navPosts}</a>
    </p>
    <p class="small muted chart-note">${t.perMinutes(data.current.minutes)}</p>
    <${Chart}
      testid="topic-chart"
      topic=${topic.name}
      label=${`${t.chartOf(topic.label)}, ${hours}h: ${t.total} ${total}, ${t.negative} ${negative}, ${t.hoaxLike} ${hoax}`}
      optionsKey=${`${lang}|${f.timeZone}`}
      options=${(width: number) => topicChartOptions(t, f, width)}
      data=${data.current.columns}
    />
  </section>`;
}

export function OverviewView({ hours }: { hours: number }) {
  const { api, t, f, report } = useApp();
  const [overview, setOverview] = useState<Overview>();
  /** The last refresh failed and said so: the next good one clears the message. */
  const failed = useRef(false);

  useEffect(() => {
    let stopped = false;
    let inFlight = false;
    const refresh = () => {
      if (inFlight || document.hidden) return;
      inFlight = true;
      api
        .overview(hours)
        .then((o) => {
          if (stopped) return;
          setOverview(o);
          if (failed.current) report(undefined);
          failed.current = false;
        })
        .catch((err: unknown) => {
          if (stopped) return;
          failed.current = true;
          report(err);
        })
        .finally(() => {
          inFlight = false;
        });
    };
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    const onVisible = () => {
      if (!document.hidden) refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [api, hours, report]);

  return html`<div data-testid="overview">
    <h1 tabindex="-1">${t.overviewTitle}</h1>
    ${overview ? html`<p class="muted small">${t.asOf} ${f.dateTime(overview.asOf)}. ${t.liveNote}</p>` : null}
    <section aria-labelledby="open-title" data-testid="open-episodes">
      <h2 id="open-title">${t.openEpisodes}${overview ? ` (${overview.open.length})` : ''}</h2>
      ${
        !overview
          ? html`<${Loading} />`
          : overview.open.length === 0
            ? html`<p class="muted">${t.noOpenEpisodes}</p>`
            : html`<ul class="cards">
                ${overview.open.map((a) => html`<li key=${a.alertId}><${EpisodeCard} alert=${a} /></li>`)}
              </ul>`
      }
    </section>
    <section aria-labelledby="topics-title">
      <h2 id="topics-title">${t.perTopic(hours)}</h2>
      <div class="topic-grid">
        ${overview?.topics.map((topic) => html`<${TopicChart} key=${topic.name} topic=${topic} hours=${hours} bucketMinutes=${overview.bucketMinutes} />`)}
      </div>
    </section>
  </div>`;
}
