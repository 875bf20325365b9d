import type { OutputBundle, OutputChunk } from 'rolldown';

/** What the build writes beside index.html for the api (apps/api/src/http/web-app.ts). */
export const PAGE_PRELOADS_FILE = 'page-preloads.json';

export interface PagePreload {
  /** The page's paths, as a regular expression over the URL's path. */
  pattern: string;
  /** The page's scripts that index.html does not already load, as absolute URLs. */
  files: string[];
}

/**
 * A react-router pattern as a regular expression: `:name` is one segment, a trailing `?` makes a
 * segment optional, and a trailing slash is allowed.
 */
export function routePattern(path: string): string {
  const segments = path.split('/').filter(Boolean);
  const body = segments
    .map((segment) => {
      const optional = segment.endsWith('?');
      const name = optional ? segment.slice(0, -1) : segment;
      const part = name.startsWith(':')
        ? '/[^/]+'
        : `/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
      return optional ? `(?:${part})?` : part;
    })
    .join('');
  return `^${body}/?$`;
}

/** A chunk and every chunk it imports statically, by file name. */
function closure(bundle: OutputBundle, chunk: OutputChunk, seen = new Set<string>()): Set<string> {
  if (seen.has(chunk.fileName)) return seen;
  seen.add(chunk.fileName);
  for (const name of chunk.imports) {
    const imported = bundle[name];
    if (imported?.type === 'chunk') closure(bundle, imported, seen);
  }
  return seen;
}

/**
 * For each page path, the scripts its page needs beyond what the entry loads. Throws when a page
 * named in `paths` has no chunk of its own: the table and the pages must not drift apart.
 */
export function pagePreloads(
  bundle: OutputBundle,
  paths: Record<string, string>,
  base = '/',
): PagePreload[] {
  const chunks = Object.values(bundle).filter((item): item is OutputChunk => item.type === 'chunk');
  const entry = chunks.find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('page preloads: the build has no entry chunk');
  const loaded = closure(bundle, entry);
  return Object.entries(paths).map(([page, path]) => {
    const chunk = chunks.find(
      (item) =>
        item.isDynamicEntry &&
        (item.facadeModuleId ?? '').replace(/\\/g, '/').endsWith(`/pages/${page}.tsx`),
    );
    if (!chunk) throw new Error(`page preloads: no chunk for the page ${page} (${path})`);
    const files = [...closure(bundle, chunk)]
      .filter((file) => !loaded.has(file))
      .map((file) => `${base}${file}`);
    return { pattern: routePattern(path), files };
  });
}
