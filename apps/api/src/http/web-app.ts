import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { AppConfig } from '@lifelong/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Paths the api and its operations own: never answered with the web app. */
export const SERVER_PATHS = [
  '/api',
  '/health',
  '/metrics',
  '/verify/',
  '/admin/queues',
  '/.well-known',
];

/** Vite names every file under /assets by its content hash: a new build means new names. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** index.html names the current assets: the browser must ask each time. */
export const INDEX_CACHE_CONTROL = 'no-cache';

const NOT_BUILT =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Lifelong</title>' +
  '<p>The web app is not built: run <code>npm run build</code>, then start again.</p></html>\n';

/** Written by the web build beside index.html (apps/web/build/page-preloads.ts). */
const PAGE_PRELOADS_FILE = 'page-preloads.json';

interface PageIndex {
  pattern: RegExp;
  html: Buffer;
}

/**
 * index.html for each page of the app, naming the page's own chunks as module preloads: a phone
 * then fetches the page's code alongside the framework's instead of a round trip after it. A
 * build without the table (or a path of no page) gets index.html as it is.
 */
function pageIndexes(root: string, index: Buffer): PageIndex[] {
  const file = join(root, PAGE_PRELOADS_FILE);
  if (!existsSync(file)) return [];
  const table = JSON.parse(readFileSync(file, 'utf8')) as { pattern: string; files: string[] }[];
  const html = index.toString('utf8');
  return table.map(({ pattern, files }) => {
    const links = files
      .filter((url) => /^\/assets\/[\w.~-]+\.js$/.test(url))
      .map((url) => `<link rel="modulepreload" crossorigin href="${url}">`)
      .join('');
    return {
      pattern: new RegExp(pattern),
      html: Buffer.from(html.replace('</head>', `${links}</head>`)),
    };
  });
}

function ownedByServer(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  // '/verify/' owns the certificate pages below it; '/verify' itself is the app's form.
  return SERVER_PATHS.some((prefix) =>
    prefix.endsWith('/')
      ? path.startsWith(prefix)
      : path === prefix || path.startsWith(`${prefix}/`),
  );
}

const wantsHtml = (request: FastifyRequest): boolean =>
  (request.headers.accept ?? '').includes('text/html');

/**
 * Serves the built web app (WEB_DIR, `dist/web`) at `/`: its files as they are, and index.html
 * for any other GET a browser makes outside the api's paths, so the app's own router shows the
 * page (a reload of /courses/42 included). Anything else keeps the api's JSON 404. When the app
 * is not built, those pages answer 404 with a one-line HTML hint instead.
 */
export async function serveWebApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const root = config.http.webDir;
  const indexFile = join(root, 'index.html');
  const built = existsSync(indexFile);
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(async (scope: FastifyInstance) => {
    if (built) {
      await scope.register(fastifyStatic, {
        root,
        // One route per file present at start (a build replaces the directory, then a restart).
        wildcard: false,
        index: false,
        // Swagger UI has its own reply.sendFile; this scope needs none.
        decorateReply: false,
        cacheControl: false,
        // The build writes .br and .gz beside each text file (vite.config.ts): sent as they are
        // to a browser that accepts them, with `Vary: Accept-Encoding`; 494 KB of JavaScript
        // becomes about 150 KB on a phone's link.
        preCompressed: true,
        setHeaders: (reply, path) => {
          const assets = path.startsWith(join(root, 'assets'));
          void reply.header('cache-control', assets ? ASSET_CACHE_CONTROL : INDEX_CACHE_CONTROL);
        },
      });
    }
    // Read once: the file names the assets of the build this process serves.
    const index = built ? readFileSync(indexFile) : Buffer.from(NOT_BUILT);
    const pages = built ? pageIndexes(root, index) : [];
    const send = (request: FastifyRequest, reply: FastifyReply): FastifyReply => {
      const path = request.url.split('?')[0] ?? '/';
      const page = pages.find((candidate) => candidate.pattern.test(path));
      return reply
        .status(built ? 200 : 404)
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', INDEX_CACHE_CONTROL)
        .send(page?.html ?? index);
    };
    scope.get('/', (request, reply) => send(request, reply));
    scope.get('/*', (request, reply) =>
      ownedByServer(request.url) || !wantsHtml(request)
        ? reply.callNotFound()
        : send(request, reply),
    );
  });
}
