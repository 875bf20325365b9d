import { createServer } from 'node:net';

interface StoredCookie {
  name: string;
  value: string;
  host: string;
  path: string;
  attributes: string[];
}

/** One answer, redirects not followed. */
export interface Visit {
  status: number;
  /** The Location header resolved against the request URL, or null. */
  location: string | null;
  /** Set-Cookie lines of this answer. */
  setCookies: string[];
  text: string;
}

/**
 * What a browser does with redirects and cookies, and no more, so redirect-based sign-ins can be
 * driven over HTTP: cookies per host (ports share them, as in browsers) and path, Max-Age=0
 * deletes; redirects are followed step by step by the test, which sees each hop.
 */
export class RedirectBrowser {
  private cookies: StoredCookie[] = [];

  /** The cookie's value as this browser holds it for `url` (path-matched), or undefined. */
  cookie(url: string, name: string): string | undefined {
    return this.matching(new URL(url)).find((cookie) => cookie.name === name)?.value;
  }

  /** Every cookie held under this name, whatever its path. */
  held(name: string): StoredCookie[] {
    return this.cookies.filter((cookie) => cookie.name === name);
  }

  get(url: string): Promise<Visit> {
    return this.visit(url, { method: 'GET' });
  }

  postForm(url: string, form: Record<string, string>): Promise<Visit> {
    return this.visit(url, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  private async visit(
    url: string,
    init: { method: string; body?: string; headers?: Record<string, string> },
  ): Promise<Visit> {
    const target = new URL(url);
    const cookie = this.matching(target)
      .map(({ name, value }) => `${name}=${value}`)
      .join('; ');
    const response = await fetch(target, {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, ...(cookie ? { cookie } : {}) },
    });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) this.store(target, line);
    const location = response.headers.get('location');
    return {
      status: response.status,
      location: location === null ? null : new URL(location, target).href,
      setCookies,
      text: await response.text(),
    };
  }

  private matching(url: URL): StoredCookie[] {
    return this.cookies.filter(
      (cookie) => cookie.host === url.hostname && url.pathname.startsWith(cookie.path),
    );
  }

  private store(url: URL, line: string): void {
    const [pair = '', ...attributes] = line.split(/;\s*/);
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator);
    const value = pair.slice(separator + 1);
    const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
    const gone =
      attributes.some((a) => /^max-age=(0|-)/i.test(a)) ||
      attributes.some((a) => /^expires=.*1970/i.test(a));
    this.cookies = this.cookies.filter(
      (cookie) => !(cookie.name === name && cookie.host === url.hostname && cookie.path === path),
    );
    if (!gone) this.cookies.push({ name, value, host: url.hostname, path, attributes });
  }
}

/** A loopback port free at the moment of asking (for a server whose URL must be known first). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
