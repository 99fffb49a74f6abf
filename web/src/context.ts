/**
 * What every view shares: the API, who is signed in, the language's words and formats, and the
 * page's one error region.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from '../../shared/console/contract';
import { ApiFailure, type Api } from './api';
import type { Formats } from './format';
import type { Lang, Text } from './i18n';

export interface AppContext {
  readonly api: Api;
  readonly me: Me;
  readonly lang: Lang;
  readonly t: Text;
  readonly f: Formats;
  /** Shows an error (an `ApiFailure` or any other) in the error region; `undefined` clears it. */
  readonly report: (err: unknown) => void;
}

export const App = createContext<AppContext | undefined>(undefined);

export function useApp(): AppContext {
  const app = useContext(App);
  if (!app) throw new Error('useApp outside the app');
  return app;
}

/** An error as the officer reads it: a 403 says they may only read. */
export function errorText(err: unknown, t: Text): string {
  if (err instanceof ApiFailure) {
    if (err.status === 403) return t.readOnly;
    if (err.status === 0) return t.networkError;
    if (err.status === 404) return `${t.notFound} ${err.message}`;
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}
