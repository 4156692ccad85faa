import type { Actor } from '../http/actor.js';
import type { Formatters, Lang, MessageKey, Params, T } from './i18n/index.js';

export interface Flash {
  kind: 'success' | 'info' | 'warning' | 'danger';
  key: MessageKey;
  params?: Params;
}

/** What every page component receives: language, viewer, CSRF token and the current path. */
export interface ViewContext {
  t: T;
  lang: Lang;
  fmt: Formatters;
  actor: Actor;
  csrfToken: string;
  path: string;
  flash: Flash | null;
  /** Unread notifications of the signed-in person for the bell (null: not known on this page). */
  unread?: number | null;
}
