import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface TestOidcClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export interface TestOidcProvider {
  issuer: string;
  stop(): Promise<void>;
}

/**
 * Starts the real OpenID Connect provider of `oidc-provider-server.mjs` in a child process on a free port (ESM-only library,
 * jest runs CommonJS) and resolves when it listens.
 */
export const startOidcProvider = async (clients: TestOidcClient[], port = 0): Promise<TestOidcProvider> => {
  const child: ChildProcess = spawn(process.execPath, ['--no-warnings', join(__dirname, 'oidc-provider-server.mjs')], {
    env: { ...process.env, OIDC_TEST_CONFIG: JSON.stringify({ clients, port }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const issuer = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`OIDC provider did not start in 20 s: ${stderr}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const ready = /READY (\S+)/.exec(stdout);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`OIDC provider exited with ${code}: ${stderr}`));
    });
  });
  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
};

/** A browser without JavaScript: follows redirects by hand, keeps cookies per origin, submits the provider's forms. */
export class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  /** `rewrite` maps a URL before it is requested (e.g. the configured PUBLIC_URL to the test app's port). */
  constructor(private readonly rewrite: (url: string) => string = (url) => url) {}

  cookies(url: string): Map<string, string> {
    const origin = new URL(this.rewrite(url)).origin;
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }

  /** One request, no redirect following. */
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const target = this.rewrite(url);
    const jar = this.cookies(target);
    const headers: Record<string, string> = {};
    if (jar.size > 0) headers['cookie'] = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(target, {
      body: init.form ? new URLSearchParams(init.form) : undefined,
      headers,
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair?.indexOf('=') ?? -1;
      if (!pair || index < 0) continue;
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  /** Follows redirects from `url` until a page that is not a redirect, or until `stop` says so; returns every hop. */
  async follow(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
    stop: (url: string) => boolean = () => false,
  ): Promise<{ url: string; response: Response; hops: string[] }> {
    const hops: string[] = [url];
    let current = url;
    let response = await this.request(current, init);
    for (let hop = 0; hop < 20 && response.status >= 300 && response.status < 400; hop++) {
      const location = response.headers.get('location');
      if (!location) break;
      current = new URL(location, current).toString();
      hops.push(current);
      if (stop(current)) break;
      response = await this.request(current);
    }
    return { hops, response, url: current };
  }
}

/** The action of the first form on an HTML page (the provider's login and consent pages). */
export const formAction = (html: string, base: string): string => {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on page: ${html.slice(0, 300)}`);
  return new URL(action.replace(/&amp;/g, '&'), base).toString();
};
