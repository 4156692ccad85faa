/**
 * A browser-like client for `app.inject`: keeps cookies, finds the CSRF token in the last
 * page, and submits urlencoded forms as a browser would.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export class TestClient {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const match = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (match) this.csrf = match[1]!;
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } });
    this.remember(res);
    return res;
  }

  /** Posts a form; fetches a CSRF token first if none is known yet. */
  async post(url: string, form: Record<string, string | string[]> = {}, opts: { csrf?: string | false; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
    if (!this.csrf && opts.csrf !== false) await this.get('/anmelden');
    const params = new URLSearchParams();
    const token = opts.csrf === false ? undefined : (opts.csrf ?? this.csrf);
    if (token) params.append('_csrf', token);
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...opts.headers },
      payload: params.toString(),
    });
    this.remember(res);
    return res;
  }

  /** Posts multipart/form-data as a browser does for a form with a file input. */
  async postMultipart(url: string, fields: Record<string, string>, file?: { field: string; filename: string; content: string; type?: string }): Promise<LightMyRequestResponse> {
    const boundary = `----knotenpunkt${Date.now()}`;
    const parts: string[] = [];
    for (const [k, v] of Object.entries({ _csrf: this.csrf, ...fields })) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
    if (file) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n${file.content}\r\n`);
    parts.push(`--${boundary}--\r\n`);
    const res = await this.app.inject({ method: 'POST', url, headers: { cookie: this.cookieHeader(), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.from(parts.join(''), 'utf8') });
    this.remember(res);
    return res;
  }

  /** A JSON request with the session cookie (and the CSRF header for writes). */
  async api(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      headers: { cookie: this.cookieHeader(), ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    this.remember(res);
    return res;
  }

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    await this.get('/anmelden');
    const res = await this.post('/anmelden', { email, password });
    if (res.statusCode !== 303) throw new Error(`sign-in failed for ${email}: ${res.statusCode}`);
    await this.get('/');
    return res;
  }
}

/** The text of the element with id f-<name>-error, i.e. the message shown at a field. */
export function fieldError(html: string, name: string): string | undefined {
  const match = new RegExp(`id="f-${name}-error"[^>]*>([\\s\\S]*?)</p>`).exec(html);
  return match ? match[1]!.replace(/<[^>]+>/g, '').trim() : undefined;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
export function decodeEntities(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_m, e: string) => entities[e]!);
}

/** The value of the input named `name`, decoded as a browser would show it. */
export function inputValue(html: string, name: string): string | undefined {
  const tag = new RegExp(`<input(?:[^>"]|"[^"]*")*\\sname="${name}"(?:[^>"]|"[^"]*")*>`).exec(html)?.[0];
  const raw = tag ? /\svalue="([^"]*)"/.exec(tag)?.[1] : undefined;
  return raw === undefined ? undefined : decodeEntities(raw);
}
