/**
 * An episode's response: who handles it, what was done (the events), and, for officers
 * (`Me.canRespond`), the steps: acknowledge, assign, add a note, mark handled, reopen. Each step
 * is one `POST /api/alerts/:id/response`, answered with the response as it now stands. A note
 * typed in the box goes with whichever step is taken.
 */
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import type { EpisodeView, ResponseAction, ResponseStep } from '../../../shared/console/contract';
import { useApp } from '../context';

type Response = EpisodeView['response'];

interface Props {
  readonly alertId: string;
  readonly response: Response;
  readonly onChange: (response: Response) => void;
}

export function ResponsePanel({ alertId, response, onChange }: Props) {
  const { api, me, t, f, report } = useApp();
  const [assignee, setAssignee] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<ResponseAction>();

  const take = (action: ResponseAction, extra: Partial<ResponseStep> = {}) => {
    const text = note.trim();
    const step: ResponseStep = { action, ...extra, ...(text ? { note: text } : {}) };
    setBusy(action);
    api
      .respond(alertId, step)
      .then((next) => {
        onChange(next);
        setNote('');
        report(undefined);
      })
      .catch(report)
      .finally(() => setBusy(undefined));
  };

  const button = (action: ResponseAction, label: string, testid: string, cls = 'secondary', disabled = false) =>
    html`<button type="button" class=${cls} data-testid=${testid} disabled=${disabled || busy !== undefined} onClick=${() => take(action)}>
      ${busy === action ? t.loading : label}
    </button>`;

  return html`<section class="panel response" data-testid="response-panel" aria-labelledby="response-title">
    <h2 id="response-title">${t.response}</h2>
    <dl class="facts">
      <div>
        <dt>${t.filterState}</dt>
        <dd>
          <span class=${`pill response-${response.state}`} data-testid="response-state" data-state=${response.state}
            >${t.responseState[response.state]}</span
          >
        </dd>
      </div>
      <div>
        <dt>${t.assignee}</dt>
        <dd data-testid="response-assignee">${response.assignee ?? '—'}</dd>
      </div>
      ${
        response.by
          ? html`<div>
              <dt>${t.lastStep}</dt>
              <dd>${response.by}${response.at ? `, ${f.dateTime(response.at)}` : ''}</dd>
            </div>`
          : null
      }
    </dl>
    ${
      me.canRespond
        ? html`<div class="actions">
            <p class="button-row">
              ${response.state === 'new' ? button('acknowledge', t.acknowledge, 'btn-acknowledge', 'primary') : null}
              ${
                response.state === 'handled'
                  ? button('reopen', t.reopen, 'btn-reopen')
                  : button('handled', t.handled, 'btn-handled', response.state === 'new' ? 'secondary' : 'primary')
              }
            </p>
            ${
              me.assignees.length > 0
                ? html`<form
                    class="inline-form"
                    onSubmit=${(e: Event) => {
                      e.preventDefault();
                      if (assignee) take('assign', { assignee });
                    }}
                  >
                    <label for="assignee-select">${t.assignTo}</label>
                    <span class="field-row">
                      <select
                        id="assignee-select"
                        data-testid="select-assignee"
                        value=${assignee}
                        onChange=${(e: Event) => setAssignee((e.currentTarget as HTMLSelectElement).value)}
                      >
                        <option value="">${t.chooseAssignee}</option>
                        ${me.assignees.map((a) => html`<option key=${a} value=${a}>${a}</option>`)}
                      </select>
                      <button type="submit" class="secondary" data-testid="btn-assign" disabled=${!assignee || busy !== undefined}>
                        ${busy === 'assign' ? t.loading : t.assign}
                      </button>
                    </span>
                  </form>`
                : null
            }
            <form
              class="inline-form"
              onSubmit=${(e: Event) => {
                e.preventDefault();
                if (note.trim()) take('note');
              }}
            >
              <label for="note-input">${t.note}</label>
              <textarea
                id="note-input"
                data-testid="note-input"
                rows="3"
                maxlength="2000"
                value=${note}
                onInput=${(e: Event) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
              ></textarea>
              <button type="submit" class="secondary" data-testid="btn-note" disabled=${!note.trim() || busy !== undefined}>
                ${busy === 'note' ? t.loading : t.addNote}
              </button>
            </form>
          </div>`
        : html`<p class="muted">${t.readOnlyNote}</p>`
    }
    <h3>${t.events}</h3>
    ${
      response.events.length === 0
        ? html`<p class="muted">${t.noEvents}</p>`
        : html`<ol class="events">
            ${response.events.map(
              (ev, i) =>
                html`<li key=${`${ev.at}-${i}`}>
                  <strong>${ev.by}</strong> ${t.action[ev.action]}${ev.assignee ? html` <strong>${ev.assignee}</strong>` : null}
                  <span class="muted small"> · <time datetime=${ev.at}>${f.dateTime(ev.at)}</time></span>
                  ${ev.note ? html`<p class="event-note">${ev.note}</p>` : null}
                </li>`,
            )}
          </ol>`
    }
  </section>`;
}
