import { AUTH_COOKIES, CSRF_HEADER, type MeResponse } from '@helhet/shared';

export const DEMO_PASSWORD_FOR_TESTS = 'Helhet-demo-2026!';

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A signed-in browser-like session: keeps cookies and echoes the CSRF cookie in the header on writes. */
export class Session {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  static async login(baseUrl: string, email: string, password = DEMO_PASSWORD_FOR_TESTS): Promise<Session & { me: MeResponse }> {
    const session = new Session(baseUrl);
    const result = await session.request<MeResponse>('POST', '/api/auth/login', { email, password });
    if (result.status !== 200) throw new Error(`login ${email} failed: ${result.status} ${JSON.stringify(result.body)}`);
    return Object.assign(session, { me: result.body });
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** `headers`: extra request headers (e.g. `Idempotency-Key`). */
  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    const form = body instanceof FormData;
    if (body !== undefined && !form) headers['content-type'] = 'application/json';
    if (this.cookies.size > 0) headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get(AUTH_COOKIES.csrf);
    if (csrf && options.csrf !== false && method !== 'GET') headers[CSRF_HEADER] = csrf;
    const payload = body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body);
    const response = await fetch(`${this.baseUrl}${path}`, { body: payload, headers, method });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair?.indexOf('=') ?? -1;
      if (!pair || index < 0) continue;
      const name = pair.slice(0, index);
      const value = decodeURIComponent(pair.slice(index + 1));
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json');
    return { body: (text ? (json ? JSON.parse(text) : text) : undefined) as T, headers: response.headers, status: response.status };
  }

  get<T = unknown>(path: string): Promise<HttpResult<T>> {
    return this.request<T>('GET', path);
  }
}
