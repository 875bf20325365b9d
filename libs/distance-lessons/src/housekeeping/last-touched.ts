import { type Dirent, promises as fs } from 'node:fs';
import { join } from 'node:path';

/** The entries of a folder, or none when the folder was never made. */
export async function entriesOf(folder: string): Promise<Dirent[]> {
  try {
    return await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * The last time anything was written to `paths` (for a folder: to it or the entries in it), in
 * ms; null when none of them exists any more (removed meanwhile by the one who made it).
 */
export async function lastTouched(paths: readonly string[]): Promise<number | null> {
  let latest: number | null = null;
  for (const path of paths) {
    const info = await fs.stat(path).catch(() => null);
    if (!info) continue;
    latest = Math.max(latest ?? 0, info.mtimeMs);
    if (!info.isDirectory()) continue;
    for (const entry of await entriesOf(path)) {
      const inner = await fs.stat(join(path, entry.name)).catch(() => null);
      if (inner) latest = Math.max(latest, inner.mtimeMs);
    }
  }
  return latest;
}
