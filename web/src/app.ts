/**
 * The page's frame: the top bar (Pantau, the views, the language toggle, sign-out), the one
 * error region every view reports to, and the view the hash route names.
 */
import { html } from 'htm/preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Me } from '../../shared/console/contract';
import type { Api } from './api';
import { App, errorText, useApp, type AppContext } from './context';
import { formats } from './format';
import { storedLang, storeLang, text, type Lang, type Text } from './i18n';
import { useRoute, type Route } from './router';
import { AlertsView } from './views/alerts';
import { ClaimsView } from './views/claims';
import { EpisodePage } from './views/episode';
import { OverviewView } from './views/overview';
import { PostsView } from './views/posts';
import { TopicsView } from './views/topics';

const NAV: readonly { readonly path: string; readonly label: (t: Text) => string }[] = [
  { path: '', label: (t) => t.navOverview },
  { path: 'alerts', label: (t) => t.navAlerts },
  { path: 'posts', label: (t) => t.navPosts },
  { path: 'topics', label: (t) => t.navTopics },
  { path: 'claims', label: (t) => t.navClaims },
];

function hoursOf(query: URLSearchParams): number {
  const hours = Number(query.get('hours') ?? 24);
  return Number.isInteger(hours) && hours >= 1 && hours <= 24 * 14 ? hours : 24;
}

function View({ route }: { route: Route }) {
  const { t } = useApp();
  const [first, second] = route.path;
  switch (first) {
    case undefined:
      return html`<${OverviewView} hours=${hoursOf(route.query)} />`;
    case 'alerts':
      return second === undefined ? html`<${AlertsView} query=${route.query} />` : html`<${EpisodePage} key=${second} alertId=${second} />`;
    case 'posts':
      return html`<${PostsView} query=${route.query} />`;
    case 'topics':
      return html`<${TopicsView} />`;
    case 'claims':
      return html`<${ClaimsView} />`;
    default:
      return html`<div>
        <h1 tabindex="-1">${t.pageNotFound}</h1>
        <p><a href="#/">${t.backToOverview}</a></p>
      </div>`;
  }
}

export function Shell({ api, me, signOut }: { api: Api; me: Me; signOut?: () => void }) {
  const [lang, setLang] = useState<Lang>(() => storedLang() ?? me.language);
  const [error, setError] = useState<unknown>();
  const route = useRoute();
  const t = text(lang);
  const f = useMemo(() => formats(lang, me.timezone), [lang, me.timezone]);
  const report = useCallback((err: unknown) => setError(err), []);
  const app = useMemo<AppContext>(() => ({ api, me, lang, t, f, report }), [api, me, lang, t, f, report]);
  const main = useRef<HTMLElement>(null);
  const firstRoute = useRef(true);
  const section = route.path[0] ?? '';

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // A new view: the old view's error goes, the view starts at its top, and focus moves to it (not on the first load).
  const routeKey = `${route.path.join('/')}?${route.query.toString()}`;
  useEffect(() => {
    setError(undefined);
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [routeKey]);

  useEffect(() => {
    const current = NAV.find((n) => n.path === section);
    document.title = current ? `Pantau · ${current.label(t)}` : 'Pantau';
  }, [section, t]);

  const toggleLang = () => {
    const next: Lang = lang === 'id' ? 'en' : 'id';
    storeLang(next);
    setLang(next);
  };

  return html`<${App.Provider} value=${app}>
    <header class="topbar">
      <button type="button" class="skip" onClick=${() => main.current?.focus()}>${t.skip}</button>
      <a class="brand" href="#/">Pantau</a>
      <nav aria-label=${t.nav}>
        <ul>
          ${NAV.map(
            (n) =>
              html`<li key=${n.path}>
                <a href=${`#/${n.path}`} aria-current=${section === n.path ? 'page' : undefined}>${n.label(t)}</a>
              </li>`,
          )}
        </ul>
      </nav>
      <div class="tools">
        <span class="user small" title=${t.signedInAs}>${me.user}</span>
        <button
          type="button"
          class="ghost"
          data-testid="lang-toggle"
          lang=${lang === 'id' ? 'en' : 'id'}
          title=${t.langToggleLabel}
          onClick=${toggleLang}
        >
          ${t.langToggle}
        </button>
        ${signOut ? html`<button type="button" class="ghost" onClick=${signOut}>${t.signOut}</button>` : null}
      </div>
    </header>
    <div class="error-region" data-testid="error" role="alert">
      ${
        error === undefined
          ? null
          : html`<p class="error">
              <span>${errorText(error, t)}</span>
              <button type="button" class="ghost small" onClick=${() => setError(undefined)} aria-label=${t.dismiss}>×</button>
            </p>`
      }
    </div>
    <main id="main" tabindex="-1" ref=${main}>
      <${View} route=${route} />
    </main>
  <//>`;
}
