/**
 * Live unread counts for open pages: one PostgreSQL connection per app instance LISTENs on
 * the notification channel (notify.ts sends the recipients' ids on commit, from whichever
 * instance made the notification), and every open event stream of those people gets the new
 * count. The connection is opened with the first stream, re-opened with backoff when it
 * drops (the streams then get a fresh count, since NOTIFYs in between are lost), and closed
 * with the app.
 */
import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { NOTIFY_CHANNEL } from './notify.js';

export type Listener = () => void;

export interface NotificationHub {
  /** Calls `listener` whenever the person's notifications may have changed; resolves once listening. */
  subscribe(userId: string, listener: Listener): Promise<() => void>;
  /** Number of open subscriptions (for tests and metrics). */
  size(): number;
  close(): Promise<void>;
}

const MAX_BACKOFF_MS = 30_000;

export function createNotificationHub(opts: { databaseUrl: string | undefined; log: FastifyBaseLogger }): NotificationHub {
  const listeners = new Map<string, Set<Listener>>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let attempt = 0;
  let closed = false;

  const wakeAll = () => {
    for (const set of listeners.values()) for (const listener of set) listener();
  };

  function dispatch(payload: string | undefined): void {
    if (!payload) return;
    for (const userId of payload.split(',')) {
      const set = listeners.get(userId);
      if (set) for (const listener of set) listener();
    }
  }

  function scheduleReconnect(): void {
    if (closed || retryTimer || listeners.size === 0) return;
    const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempt) * (0.5 + Math.random() / 2);
    attempt++;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect().then(wakeAll, () => scheduleReconnect());
    }, delay);
    retryTimer.unref();
  }

  function connect(): Promise<void> {
    if (!opts.databaseUrl || closed) return Promise.resolve();
    if (client) return Promise.resolve();
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString: opts.databaseUrl, application_name: 'knotenpunkt-live' });
      const lost = (error?: Error) => {
        if (client !== c) return;
        client = null;
        if (!closed) opts.log.warn({ err: error }, 'notification listener lost its database connection; reconnecting');
        c.removeAllListeners('notification');
        void c.end().catch(() => undefined);
        scheduleReconnect();
      };
      c.on('error', lost);
      c.on('end', () => lost());
      c.on('notification', (message) => {
        if (message.channel === NOTIFY_CHANNEL) dispatch(message.payload);
      });
      try {
        await c.connect();
        await c.query(`LISTEN ${NOTIFY_CHANNEL}`);
      } catch (error) {
        c.removeAllListeners();
        c.on('error', () => undefined);
        await c.end().catch(() => undefined);
        throw error;
      }
      if (closed) {
        await c.end().catch(() => undefined);
        return;
      }
      client = c;
      attempt = 0;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  return {
    async subscribe(userId, listener) {
      let set = listeners.get(userId);
      if (!set) listeners.set(userId, (set = new Set()));
      set.add(listener);
      try {
        await connect();
      } catch (error) {
        // The stream still gets its count at connect; live updates resume after the reconnect.
        opts.log.warn({ err: error }, 'notification listener could not connect; retrying');
        scheduleReconnect();
      }
      return () => {
        const current = listeners.get(userId);
        current?.delete(listener);
        if (current && current.size === 0) listeners.delete(userId);
      };
    },
    size() {
      let n = 0;
      for (const set of listeners.values()) n += set.size;
      return n;
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      listeners.clear();
      await connecting?.catch(() => undefined);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners('notification');
        await c.end().catch(() => undefined);
      }
    },
  };
}
