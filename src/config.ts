/**
 * The only reader of process.env. Every variable is declared once in this schema, with its
 * default and a sentence for the README; `loadConfig` validates the whole environment at start
 * and fails with a readable list of everything that is missing or wrong.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import path from 'node:path';

const Env = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
    description: 'development, production or test. production requires SESSION_SECRET and BASE_URL.',
  }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'TCP port of the web server.' }),
  HOST: Type.String({ default: '127.0.0.1', description: 'Interface to listen on (0.0.0.0 behind a load balancer).' }),
  BASE_URL: Type.String({ default: '', description: 'Public address, e.g. https://knotenpunkt.example.org; links in mails use it. Defaults to http://localhost:PORT.' }),
  DATA_DIR: Type.String({ default: './data', description: 'Directory for the embedded database and the mail outbox.' }),
  DATABASE_URL: Type.String({ default: '', description: 'postgres://… of a PostgreSQL >= 15 server. When empty, an embedded PostgreSQL is started under DATA_DIR.' }),
  SMTP_URL: Type.String({ default: '', description: 'smtp(s)://user:pass@host:port for outgoing mail. When empty, mails are written as .eml files to DATA_DIR/outbox.' }),
  MAIL_FROM: Type.String({ default: 'Knotenpunkt <no-reply@knotenpunkt.example>', description: 'Sender of all mails.' }),
  OFFICE_EMAIL: Type.String({ default: 'office@knotenpunkt.example', description: 'Address of the office (Geschäftsstelle); receives accessibility feedback.' }),
  SESSION_SECRET: Type.String({ default: '', description: 'At least 32 characters; signs cookies and CSRF secrets. Required in production.' }),
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), {
    default: 'info',
    description: 'pino log level.',
  }),
  SESSION_TTL_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30, description: 'Sessions end after this many days without use.' }),
  RATE_LIMIT_WINDOW_SECONDS: Type.Integer({ minimum: 1, maximum: 86400, default: 900, description: 'Window of the sign-in, registration and reset rate limits.' }),
  RATE_LIMIT_MAX_PER_ACCOUNT: Type.Integer({ minimum: 1, maximum: 10000, default: 10, description: 'Attempts per e-mail address and window.' }),
  CONTENT_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 10000, default: 10, description: 'Posts, replies and reports a member may write per minute.' }),
  RATE_LIMIT_MAX_PER_IP: Type.Integer({ minimum: 1, maximum: 100000, default: 50, description: 'Attempts per client IP address and window.' }),
  TRUST_PROXY: Type.Boolean({ default: false, description: 'true behind a reverse proxy that sets X-Forwarded-For.' }),
  INBOUND_SMTP_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 0, description: 'Port of the SMTP listener that receives replies by e-mail (mailing-list mode). 0: off. Route the reply domain to it.' }),
  INBOUND_SMTP_HOST: Type.String({ default: '127.0.0.1', description: 'Interface of the SMTP listener for replies by e-mail.' }),
  REPLY_DOMAIN: Type.String({ default: '', description: 'Domain of reply addresses (antwort+…@REPLY_DOMAIN), routed to the SMTP listener. Defaults to the host name of BASE_URL.' }),
  DEMO: Type.Boolean({ default: false, description: 'true seeds the demo data at start (npm run demo sets it).' }),
});

export type EnvConfig = Static<typeof Env>;

export interface Config extends EnvConfig {
  baseUrl: URL;
  dataDir: string;
  outboxDir: string;
  sessionSecret: string;
  secureCookies: boolean;
  replyDomain: string;
}

export const configVariables = Object.entries(Env.properties).map(([name, schema]) => ({
  name,
  default: (schema as { default?: unknown }).default,
  description: (schema as { description?: string }).description ?? '',
}));

const DEV_SECRET = 'development-secret-do-not-use-in-production-0000';

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Die Konfiguration ist unvollständig oder fehlerhaft / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment. Throws ConfigError listing every problem at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<EnvConfig> = {}): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(Env.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const withDefaults = Value.Default(Env, Value.Convert(Env, { ...raw }));
  const merged = { ...(withDefaults as object), ...overrides };
  const problems = [...Value.Errors(Env, merged)].map((e) => `${e.path.slice(1) || '(root)'}: ${e.message} (${JSON.stringify(e.value)})`);
  const cfg = merged as EnvConfig;
  if (problems.length === 0) {
    if (cfg.NODE_ENV === 'production') {
      if (cfg.SESSION_SECRET.length < 32) problems.push('SESSION_SECRET: required in production, at least 32 characters');
      if (!cfg.BASE_URL) problems.push('BASE_URL: required in production (the public address, e.g. https://knotenpunkt.example.org)');
    } else if (cfg.SESSION_SECRET && cfg.SESSION_SECRET.length < 32) {
      problems.push('SESSION_SECRET: at least 32 characters');
    }
    if (cfg.BASE_URL && !URL.canParse(cfg.BASE_URL)) problems.push(`BASE_URL: not a URL (${cfg.BASE_URL})`);
    if (cfg.DATABASE_URL && !/^postgres(ql)?:\/\//.test(cfg.DATABASE_URL)) problems.push('DATABASE_URL: must start with postgres://');
    if (cfg.SMTP_URL && !/^smtps?:\/\//.test(cfg.SMTP_URL)) problems.push('SMTP_URL: must start with smtp:// or smtps://');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const baseUrl = new URL(cfg.BASE_URL || `http://localhost:${cfg.PORT}`);
  const dataDir = path.resolve(cfg.DATA_DIR);
  return {
    ...cfg,
    baseUrl,
    dataDir,
    outboxDir: path.join(dataDir, 'outbox'),
    sessionSecret: cfg.SESSION_SECRET || DEV_SECRET,
    secureCookies: baseUrl.protocol === 'https:',
    replyDomain: cfg.REPLY_DOMAIN || baseUrl.hostname,
  };
}
