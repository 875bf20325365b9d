import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react-swc';
import { defineConfig, type Plugin } from 'vite';
import { PAGE_PRELOADS_FILE, pagePreloads } from './build/page-preloads';
import { PAGE_PATHS } from './src/app/page-paths';

// The api serves dist/web at `/`; in development Vite proxies the api's paths to it.
const API = process.env.LIFELONG_API_URL ?? 'http://localhost:3000';

/** Text files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

/**
 * Writes `<file>.br` (brotli, best) and `<file>.gz` (gzip, best) beside each text file of the
 * build, so the api sends them as they are (@fastify/static `preCompressed`) instead of either
 * sending 400 KB of JavaScript uncompressed or compressing on every request.
 */
function precompress(): Plugin {
  let outDir = '';
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  return {
    name: 'lifelong:precompress',
    apply: 'build',
    configResolved(config) {
      // outDir is written relative to the root (apps/web), not to where the build is run from.
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of files(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const content = readFileSync(file);
        if (content.length < MIN_BYTES) continue;
        const br = brotliCompressSync(content, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        });
        const gz = gzipSync(content, { level: constants.Z_BEST_COMPRESSION });
        if (br.length < content.length) writeFileSync(`${file}.br`, br);
        if (gz.length < content.length) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

/** A Mantine component's class names: `@mantine/core/esm/…/<Name>.module.mjs`, styled by `styles/<Name>.css`. */
const MANTINE_CLASSES = /[\\/]@mantine[\\/]core[\\/]esm[\\/].*[\\/](\w+)\.module\.mjs$/;

/**
 * Each Mantine component brings its own stylesheet, instead of all of Mantine's (270 KB, render
 * blocking, most of it for components no one here uses). The stylesheet is imported by the module
 * holding the component's class names; a component imports the components it is built from before
 * its own class names, so their styles come first, as Mantine requires. main.tsx imports the
 * shared base (baseline, default variables, global).
 */
function mantineStylesPerComponent(): Plugin {
  return {
    name: 'lifelong:mantine-styles-per-component',
    transform(code, id) {
      const name = MANTINE_CLASSES.exec(id)?.[1];
      if (!name) return null;
      return { code: `${code}\nimport "@mantine/core/styles/${name}.css";\n`, map: null };
    },
  };
}

/** Writes, for the api, each page's path and the chunks to preload with it (page-preloads.ts). */
function pagePreloadTable(): Plugin {
  return {
    name: 'lifelong:page-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      this.emitFile({
        type: 'asset',
        fileName: PAGE_PRELOADS_FILE,
        source: `${JSON.stringify(pagePreloads(bundle, PAGE_PATHS), null, 2)}\n`,
      });
    },
  };
}

/**
 * What every page needs and changes only with a dependency upgrade: React, the router, server
 * state, texts and the typed client. One chunk, cached for a year across app deploys.
 */
const FRAMEWORK =
  /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser|@tanstack[\\/][^\\/]+|i18next|react-i18next|openapi-fetch)[\\/]/;

export default defineConfig({
  root: __dirname,
  plugins: [react(), mantineStylesPerComponent(), pagePreloadTable(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Hashed file names under /assets: the api caches them for a year.
    assetsDir: 'assets',
    sourcemap: false,
    // One stylesheet, of the components the app uses (see mantineStylesPerComponent): a page
    // opened later never waits for, or reorders, styles of its own.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'framework', test: FRAMEWORK, priority: 2 }],
          // Pages that share a few components would otherwise each load a handful of 1–3 KB
          // chunks: over HTTP/1.1's six connections a phone waits a round trip per handful. Small
          // shared chunks are copied into the pages that use them instead (a first load went
          // from 25 files to 7, and lost bytes too).
          experimentalInlineCommonChunks: { maxSize: 30 * 1024 },
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': API,
      // The api's verification page; `/verify` itself is the app's form.
      '^/verify/.+': API,
      '/health': API,
      '/.well-known': API,
    },
  },
});
