import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/create-app';
import { testConfig } from '../setup/test-env';

// The api serves the built web app at `/` (web.md "Shape"): a build stand-in with an index and
// one hashed asset, so this file needs no Vite build.
const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/main-Ab12Cd34.js"></script></head></html>';
const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
/** The asset, long enough that the build writes its compressed copies beside it. */
const SCRIPT = `${'console.log("app");\n'.repeat(200)}`;

async function start(webDir: string): Promise<{ app: NestFastifyApplication; base: string }> {
  const app = await createApp(testConfig({ WEB_DIR: webDir }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

describe('the web app, built', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'lifelong-web-'));
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets', 'main-Ab12Cd34.js'), SCRIPT);
    // What vite.config.ts's precompress step writes beside each text file of the build.
    writeFileSync(join(webDir, 'assets', 'main-Ab12Cd34.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(join(webDir, 'assets', 'main-Ab12Cd34.js.gz'), gzipSync(SCRIPT));
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    // What vite.config.ts's page-preloads step writes: the course page's own chunk.
    writeFileSync(
      join(webDir, 'page-preloads.json'),
      JSON.stringify([{ pattern: '^/courses/[^/]+/?$', files: ['/assets/CoursePage-Xy12.js'] }]),
    );
    ({ app, base } = await start(webDir));
  });

  afterAll(async () => {
    await app.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('answers / with index.html, never cached, under the unchanged CSP', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(INDEX);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    const scripts = csp.split(';').find((directive) => directive.startsWith('script-src '));
    expect(scripts).toBe("script-src 'self'");
  });

  it('serves hashed assets cached for a year as immutable', async () => {
    const response = await fetch(`${base}/assets/main-Ab12Cd34.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it.each(['br', 'gzip'])(
    'sends a phone that accepts %s the compressed copy of an asset, cached alike',
    async (encoding) => {
      const response = await fetch(`${base}/assets/main-Ab12Cd34.js`, {
        headers: { 'accept-encoding': encoding },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('content-type')).toContain('javascript');
      expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await response.text()).toBe(SCRIPT); // fetch decodes it: the copy is the file
    },
  );

  it('prefers brotli when both are accepted, and sends the file as is when neither is', async () => {
    const both = await fetch(`${base}/assets/main-Ab12Cd34.js`, {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(both.headers.get('content-encoding')).toBe('br');
    const plain = await fetch(`${base}/assets/main-Ab12Cd34.js`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await plain.text()).toBe(SCRIPT);
  });

  it('serves other files at the root without the long cache', async () => {
    const response = await fetch(`${base}/favicon.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it("answers a browser's GET of any page of the app with index.html (a reload of a deep link)", async () => {
    for (const path of ['/courses', '/learning?tab=done', '/verify', '/sign-in']) {
      const response = await fetch(`${base}${path}`, { headers: HTML });
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(INDEX);
    }
  });

  it("names a page's own chunks as module preloads in the index of that page", async () => {
    for (const path of ['/courses/42', '/courses/42/?from=home']) {
      const response = await fetch(`${base}${path}`, { headers: HTML });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(
        INDEX.replace(
          '</head>',
          '<link rel="modulepreload" crossorigin href="/assets/CoursePage-Xy12.js"></head>',
        ),
      );
    }
    // Another page, or none: index.html as it is.
    const other = await fetch(`${base}/courses/42/lessons`, { headers: HTML });
    expect(await other.text()).toBe(INDEX);
  });

  it.each([
    '/api/v1/no-such-thing',
    '/api',
    '/health/nope',
    '/metrics/x',
    '/.well-known/x',
    '/admin/queues/x',
  ])('keeps %s to the api (a JSON answer, never the app)', async (path) => {
    const response = await fetch(`${base}${path}`, { headers: HTML });
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.text()).not.toBe(INDEX);
  });

  it('leaves /verify/<serial> to the certificate page', async () => {
    const response = await fetch(`${base}/verify/NO-SUCH`, { headers: HTML });
    expect(response.status).toBeGreaterThanOrEqual(400); // the api's answer for a bad serial
    expect(await response.text()).not.toBe(INDEX);
  });

  it('answers an unknown /api path with the JSON 404 of api.md', async () => {
    const response = await fetch(`${base}/api/v1/no-such-thing`, { headers: HTML });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('answers a non-HTML GET of an unknown path with the JSON 404', async () => {
    const response = await fetch(`${base}/courses/42`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('leaves a missing asset a 404, not the app', async () => {
    const response = await fetch(`${base}/assets/gone-0000.js`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});

describe('the web app, not built', () => {
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    ({ app, base } = await start(join(tmpdir(), 'lifelong-web-never-built')));
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers / with a 404 page that says how to build it', async () => {
    const response = await fetch(`${base}/`, { headers: HTML });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('npm run build');
  });

  it('still answers the api', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
  });
});
