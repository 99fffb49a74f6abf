/**
 * `#/alerts?state=open|resolved|all&kind=&topic=`: the alert episodes, newest pages on "more".
 * The filters live in the address, so a filtered list can be shared and the back button works.
 */
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import type { TopicView } from '../../../shared/console/contract';
import { useApp } from '../context';
import { hrefOf } from '../router';
import { EpisodeCard, listStatus, MoreButton, usePaged } from '../ui';

export function useTopicNames(): readonly TopicView[] {
  const { api, report } = useApp();
  const [topics, setTopics] = useState<readonly TopicView[]>([]);
  useEffect(() => {
    api
      .topics()
      .then((list) => setTopics(list.items))
      .catch(report);
  }, [api, report]);
  return topics;
}

export function AlertsView({ query }: { query: URLSearchParams }) {
  const { api, t } = useApp();
  const state = query.get('state') ?? 'open';
  const kind = query.get('kind') ?? '';
  const topic = query.get('topic') ?? '';
  const topics = useTopicNames();
  const list = usePaged(`${state}|${kind}|${topic}`, (cursor) =>
    api.alerts({ state, kind: kind || undefined, topic: topic || undefined, limit: 20, cursor }),
  );

  const apply = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    location.hash = hrefOf('/alerts', {
      state: String(form.get('state') ?? ''),
      kind: String(form.get('kind') ?? ''),
      topic: String(form.get('topic') ?? ''),
    });
  };

  return html`<div data-testid="alerts">
    <h1 tabindex="-1">${t.alertsTitle}</h1>
    <form class="filters" onSubmit=${apply}>
      <label>
        ${t.filterState}
        <select name="state" value=${state}>
          <option value="open">${t.stateOpen}</option>
          <option value="resolved">${t.stateResolved}</option>
          <option value="all">${t.stateAll}</option>
        </select>
      </label>
      <label>
        ${t.filterKind}
        <select name="kind" value=${kind}>
          <option value="">${t.any}</option>
          <option value="spike">${t.kind.spike}</option>
          <option value="hoax">${t.kind.hoax}</option>
          <option value="reach">${t.kind.reach}</option>
        </select>
      </label>
      <label>
        ${t.filterTopic}
        <select name="topic" value=${topic}>
          <option value="">${t.any}</option>
          ${topics.map((tp) => html`<option key=${tp.name} value=${tp.name}>${tp.label}</option>`)}
        </select>
      </label>
      <button type="submit" class="secondary">${t.apply}</button>
    </form>
    ${
      listStatus(list, t.noAlerts) ??
      html`<ul class="cards">
        ${list.items.map((a) => html`<li key=${a.alertId}><${EpisodeCard} alert=${a} /></li>`)}
      </ul>`
    }
    ${list.next ? html`<${MoreButton} onClick=${list.more} busy=${list.loading} />` : null}
  </div>`;
}
