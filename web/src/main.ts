/**
 * The console page's start: read `./config.json` (where the API is, how to sign in), sign in
 * when Cognito is configured, ask the API who this is (`/api/me`), then show the frame.
 */
import { html } from 'htm/preact';
import { render } from 'preact';
import { makeApi } from './api';
import { Shell } from './app';
import { startAuth } from './auth';
import { loadConfig } from './config';
import { errorText } from './context';
import { storedLang, text } from './i18n';

function Failed({ err }: { err: unknown }) {
  const t = text(storedLang() ?? 'id');
  return html`<main id="main" class="failed">
    <h1>Pantau</h1>
    <p class="error" data-testid="error" role="alert">${errorText(err, t)}</p>
    <p><button type="button" class="primary" onClick=${() => location.reload()}>${t.retry}</button></p>
  </main>`;
}

async function start(root: HTMLElement): Promise<void> {
  try {
    const config = await loadConfig();
    const auth = config.cognito ? await startAuth(config.cognito) : undefined;
    const api = makeApi(config.apiBase, auth);
    const me = await api.me();
    render(html`<${Shell} api=${api} me=${me} signOut=${auth?.signOut} />`, root);
  } catch (err) {
    render(html`<${Failed} err=${err} />`, root);
  }
}

const root = document.getElementById('app');
if (root) {
  // The "loading" line index.html shows until the script runs.
  root.replaceChildren();
  void start(root);
}
