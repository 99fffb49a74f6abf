/**
 * `#/topics`: the watch topics (from the config file, or added or edited here), the form to add
 * or edit one, disable/enable, and the change log. A 400's `field` puts its message next to
 * that input.
 */
import { html } from 'htm/preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TopicInput, TopicList, TopicView } from '../../../shared/console/contract';
import { ApiFailure } from '../api';
import { useApp } from '../context';
import { Loading, RetryButton } from '../ui';

const FIELDS = ['name', 'label', 'keywords', 'all', 'exclude', 'query'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const EMPTY: Values = { name: '', label: '', keywords: '', all: '', exclude: '', query: '' };

const words = (s: string): string[] =>
  s
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');

function valuesOf(topic: TopicView): Values {
  return {
    name: topic.name,
    label: topic.label,
    keywords: topic.keywords.join(', '),
    all: topic.all.join(', '),
    exclude: topic.exclude.join(', '),
    query: topic.query ?? '',
  };
}

function inputOf(v: Values): TopicInput {
  return {
    name: v.name.trim(),
    label: v.label.trim(),
    keywords: words(v.keywords),
    all: words(v.all),
    exclude: words(v.exclude),
    ...(v.query.trim() ? { query: v.query.trim() } : {}),
  };
}

/** Which input an error's `field` names (`keywords`, `keywords.0`, `topics[2].label`...). */
export function fieldOf(path: string | undefined): Field | undefined {
  if (!path) return undefined;
  return path
    .split(/[.[\]/]/)
    .reverse()
    .find((s): s is Field => (FIELDS as readonly string[]).includes(s));
}

function TopicForm({ editing, onSaved, onCancel }: { editing?: TopicView; onSaved: () => void; onCancel: () => void }) {
  const { api, t, report } = useApp();
  const [values, setValues] = useState<Values>(editing ? valuesOf(editing) : EMPTY);
  const [fieldError, setFieldError] = useState<{ field: Field; message: string }>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    setValues(editing ? valuesOf(editing) : EMPTY);
    setFieldError(undefined);
  }, [editing]);

  const submit = (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFieldError(undefined);
    setSaved(false);
    const input = inputOf(values);
    (editing ? api.editTopic(editing.name, input) : api.addTopic(input))
      .then(() => {
        setSaved(true);
        report(undefined);
        if (!editing) setValues(EMPTY);
        onSaved();
      })
      .catch((err: unknown) => {
        const field = err instanceof ApiFailure ? fieldOf(err.field) : undefined;
        report(err);
        if (field && err instanceof ApiFailure) {
          setFieldError({ field, message: err.message });
          form.current?.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
        }
      })
      .finally(() => setBusy(false));
  };

  const labels: Record<Field, string> = {
    name: t.fieldName,
    label: t.fieldLabel,
    keywords: t.fieldKeywords,
    all: t.fieldAll,
    exclude: t.fieldExclude,
    query: t.fieldQuery,
  };
  const input = (field: Field) => {
    const id = `topic-${field}`;
    const err = fieldError?.field === field ? fieldError.message : undefined;
    return html`<div class="field">
      <label for=${id}>${labels[field]}</label>
      <input
        id=${id}
        name=${field}
        type="text"
        autocomplete="off"
        required=${field === 'name' || field === 'label' || field === 'keywords'}
        readonly=${field === 'name' && editing !== undefined}
        value=${values[field]}
        aria-invalid=${err ? 'true' : undefined}
        aria-describedby=${err ? `${id}-error` : undefined}
        onInput=${(e: Event) => {
          setSaved(false);
          setValues((v) => ({ ...v, [field]: (e.currentTarget as HTMLInputElement).value }));
        }}
      />
      ${err ? html`<p class="field-error" id=${`${id}-error`}>${err}</p>` : null}
    </div>`;
  };

  return html`<form class="panel topic-form" data-testid="topic-form" ref=${form} onSubmit=${submit} aria-labelledby="topic-form-title">
    <h2 id="topic-form-title">${editing ? t.editTopic(editing.name) : t.addTopic}</h2>
    ${FIELDS.map(input)}
    <p class="button-row">
      <button type="submit" class="primary" data-testid="btn-save-topic" disabled=${busy}>${busy ? t.loading : t.save}</button>
      ${editing ? html`<button type="button" class="secondary" onClick=${onCancel}>${t.cancel}</button>` : null}
      <span role="status" class="ok">${saved ? t.saved : ''}</span>
    </p>
  </form>`;
}

function TopicRow({ topic, onEdit, onToggle }: { topic: TopicView; onEdit: () => void; onToggle: () => void }) {
  const { me, t, f } = useApp();
  const rules = [
    `${t.keywords}: ${topic.keywords.join(', ')}`,
    ...(topic.all.length > 0 ? [`${t.allWords}: ${topic.all.join(', ')}`] : []),
    ...(topic.exclude.length > 0 ? [`${t.excludeWords}: ${topic.exclude.join(', ')}`] : []),
    ...(topic.query ? [`${t.query}: ${topic.query}`] : []),
  ].join(' · ');
  return html`<li
    class="panel topic-row"
    data-testid="topic-row"
    data-topic=${topic.name}
    data-disabled=${topic.disabled ? 'true' : 'false'}
  >
    <p class="row-head">
      <strong>${topic.label}</strong> <code>${topic.name}</code>
      <span class=${`pill ${topic.disabled ? 'muted' : 'topic-active'}`}>${topic.disabled ? t.topicDisabled : t.topicActive}</span>
    </p>
    <p class="small">${rules}</p>
    <p class="small muted">
      ${t.origin[topic.origin]}${
        topic.updatedBy || topic.updatedAt
          ? ` · ${t.changedBy(topic.updatedBy ?? '?', topic.updatedAt ? f.dateTime(topic.updatedAt) : '')}`
          : ''
      }
    </p>
    ${
      me.canRespond
        ? html`<p class="button-row">
            <button type="button" class="secondary" onClick=${onEdit} aria-label=${`${t.edit} ${topic.label}`}>${t.edit}</button>
            <button
              type="button"
              class="secondary"
              onClick=${onToggle}
              aria-label=${`${topic.disabled ? t.enable : t.disable} ${topic.label}`}
            >
              ${topic.disabled ? t.enable : t.disable}
            </button>
          </p>`
        : null
    }
  </li>`;
}

export function TopicsView() {
  const { api, me, t, f, report } = useApp();
  const [list, setList] = useState<TopicList>();
  const [editing, setEditing] = useState<TopicView>();
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    setFailed(false);
    api
      .topics()
      .then(setList)
      .catch((err: unknown) => {
        setFailed(true);
        report(err);
      });
  }, [api, report]);
  useEffect(load, [load]);

  const toggle = (topic: TopicView) => {
    api
      .setTopicDisabled(topic.name, !topic.disabled)
      .then(() => {
        report(undefined);
        load();
      })
      .catch(report);
  };
  const edit = (topic: TopicView) => {
    setEditing(topic);
    requestAnimationFrame(() => document.getElementById('topic-label')?.focus());
  };

  return html`<div data-testid="topics">
    <h1 tabindex="-1">${t.topicsTitle}</h1>
    ${
      !list
        ? failed
          ? html`<${RetryButton} onClick=${load} />`
          : html`<${Loading} />`
        : html`<ul class="topic-list">
            ${list.items.map((tp) => html`<${TopicRow} key=${tp.name} topic=${tp} onEdit=${() => edit(tp)} onToggle=${() => toggle(tp)} />`)}
          </ul>`
    }
    ${
      me.canRespond
        ? html`<${TopicForm}
            editing=${editing}
            onSaved=${() => {
              setEditing(undefined);
              load();
            }}
            onCancel=${() => setEditing(undefined)}
          />`
        : html`<p class="muted">${t.readOnly}</p>`
    }
    ${
      list && list.changes.length > 0
        ? html`<section class="panel" aria-labelledby="changes-title">
            <h2 id="changes-title">${t.changeLog}</h2>
            <ol class="events">
              ${list.changes.map(
                (c, i) =>
                  html`<li key=${`${c.at}-${i}`}>
                    <strong>${c.by}</strong> ${t.changeAction[c.action]} <code>${c.topic}</code>
                    ${c.changed.length > 0 ? html`<span class="small"> (${c.changed.join(', ')})</span>` : null}
                    <span class="muted small"> · <time datetime=${c.at}>${f.dateTime(c.at)}</time></span>
                  </li>`,
              )}
            </ol>
          </section>`
        : null
    }
  </div>`;
}
