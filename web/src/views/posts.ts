/**
 * `#/posts?topic=&sentiment=&hoax=&place=&q=` (and `from`, `to` when a link carries them): the
 * stored posts, searched. The search lives in the address, so it can be shared and the back
 * button works. Posts are read per watch topic: without one in the address, the first topic.
 */
import { html } from 'htm/preact';
import { useApp } from '../context';
import { hrefOf } from '../router';
import { listStatus, MoreButton, PostCard, usePaged } from '../ui';
import { useTopicNames } from './alerts';

const FIELDS = ['topic', 'sentiment', 'hoax', 'place', 'q', 'from', 'to'] as const;

export function PostsView({ query }: { query: URLSearchParams }) {
  const { api, t } = useApp();
  const topics = useTopicNames();
  const asked = Object.fromEntries(FIELDS.map((k) => [k, query.get(k) ?? ''])) as Record<(typeof FIELDS)[number], string>;
  const values = { ...asked, topic: asked.topic || (topics[0]?.name ?? '') };
  const key = values.topic ? FIELDS.map((k) => values[k]).join('|') : null;
  const list = usePaged(key, (cursor) => api.posts({ ...values, limit: 25, cursor }));

  const search = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const next: Record<string, string> = { from: values.from, to: values.to };
    for (const k of ['topic', 'sentiment', 'hoax', 'place', 'q'] as const) next[k] = String(form.get(k) ?? '').trim();
    location.hash = hrefOf('/posts', next);
  };

  return html`<div data-testid="posts">
    <h1 tabindex="-1">${t.postsTitle}</h1>
    <form class="filters" role="search" onSubmit=${search}>
      <label>
        ${t.filterTopic}
        <select name="topic" value=${values.topic} required>
          ${topics.map((tp) => html`<option key=${tp.name} value=${tp.name}>${tp.label}</option>`)}
        </select>
      </label>
      <label>
        ${t.sentiment}
        <select name="sentiment" value=${values.sentiment}>
          <option value="">${t.any}</option>
          ${['negative', 'neutral', 'positive'].map((s) => html`<option key=${s} value=${s}>${t.sentimentLabel[s]}</option>`)}
        </select>
      </label>
      <label>
        ${t.hoaxLevel}
        <select name="hoax" value=${values.hoax}>
          <option value="">${t.any}</option>
          ${['hoax-like', 'high', 'medium', 'low', 'none'].map((s) => html`<option key=${s} value=${s}>${t.hoaxLevelLabel[s]}</option>`)}
        </select>
      </label>
      <label>
        ${t.place}
        <input name="place" type="text" value=${values.place} autocomplete="off" />
      </label>
      <label class="grow">
        ${t.search}
        <input name="q" type="search" value=${values.q} autocomplete="off" />
      </label>
      <button type="submit" class="primary">${t.find}</button>
    </form>
    <section data-testid="post-results" aria-busy=${list.loading ? 'true' : 'false'}>
      ${listStatus(list, t.noPosts) ?? list.items.map((p) => html`<${PostCard} key=${p.postKey} post=${p} />`)}
    </section>
    ${list.next ? html`<${MoreButton} onClick=${list.more} busy=${list.loading} />` : null}
  </div>`;
}
