/**
 * `#/claims`: the fact-checked claims Pantau matches posts against, and (for officers) an import
 * of more: JSON lines pasted or read from a file, sent as `application/x-ndjson`.
 */
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import type { ClaimImportResult } from '../../../shared/console/contract';
import { useApp } from '../context';
import { webUrl } from '../format';
import { listStatus, MoreButton, usePaged } from '../ui';

function ClaimImport({ onImported }: { onImported: () => void }) {
  const { api, t, report } = useApp();
  const [lines, setLines] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ClaimImportResult>();

  const readFile = (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (file) file.text().then(setLines).catch(report);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    if (!lines.trim()) return;
    setBusy(true);
    setResult(undefined);
    api
      .importClaims(lines.endsWith('\n') ? lines : `${lines}\n`)
      .then((r) => {
        setResult(r);
        report(undefined);
        if (r.imported > 0) onImported();
      })
      .catch(report)
      .finally(() => setBusy(false));
  };

  return html`<details class="panel">
    <summary class="summary-title">${t.importClaims}</summary>
    <form data-testid="claim-import" onSubmit=${submit}>
      <p class="small muted">${t.importHelp}</p>
      <div class="field">
        <label for="claims-lines">${t.importText}</label>
        <textarea
          id="claims-lines"
          name="lines"
          rows="6"
          spellcheck=${false}
          value=${lines}
          onInput=${(e: Event) => setLines((e.currentTarget as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="field">
        <label for="claims-file">${t.importFile}</label>
        <input
          id="claims-file"
          type="file"
          accept=".jsonl,.ndjson,.json,application/x-ndjson,application/json,text/plain"
          onChange=${readFile}
        />
      </div>
      <p class="button-row">
        <button type="submit" class="primary" data-testid="btn-import-claims" disabled=${busy || !lines.trim()}>
          ${busy ? t.loading : t.doImport}
        </button>
      </p>
      <div role="status">
        ${
          result
            ? html`<p class="ok">${t.imported(result.imported)}</p>
                ${
                  result.rejected.length > 0
                    ? html`<p>${t.rejected} (${result.rejected.length}):</p>
                        <ul class="rejected small">
                          ${result.rejected.map((r, i) => html`<li key=${i}><code>${r}</code></li>`)}
                        </ul>`
                    : null
                }`
            : null
        }
      </div>
    </form>
  </details>`;
}

export function ClaimsView() {
  const { api, me, t, f } = useApp();
  const [generation, setGeneration] = useState(0);
  const list = usePaged(`claims|${generation}`, (cursor) => api.claims(cursor));
  return html`<div data-testid="claims">
    <h1 tabindex="-1">${t.claimsTitle}</h1>
    ${me.canRespond ? html`<${ClaimImport} onImported=${() => setGeneration((g) => g + 1)} />` : null}
    ${
      listStatus(list, t.noClaims) ??
      html`<ul class="claim-list">
        ${list.items.map((c) => {
          const source = webUrl(c.source);
          return html`<li key=${c.id} class="panel" data-testid="claim-row">
            <p class="claim-text">${c.text}</p>
            <p class="small">
              <strong class="pill rating">${c.rating.replace(/_/g, ' ')}</strong>
              ${c.topic ? html` · <code>${c.topic}</code>` : null} ${c.publisher ? ` · ${c.publisher}` : ''}
              ${c.reviewedAt ? ` · ${t.reviewed} ${f.dateTime(c.reviewedAt)}` : ''} · ${t.claimOrigin[c.origin]}
              ${source ? html` · <a href=${source} target="_blank" rel="noopener noreferrer">${t.factCheck}</a>` : null}
            </p>
          </li>`;
        })}
      </ul>`
    }
    ${list.next ? html`<${MoreButton} onClick=${list.more} busy=${list.loading} />` : null}
  </div>`;
}
