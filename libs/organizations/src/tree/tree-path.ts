/**
 * Materialized paths of both organization trees: `/<root id>/…/<own id>/`. A node's subtree is
 * every row whose path starts with the node's path, one range of the path index.
 */

/** Deep enough for any real hierarchy, and keeps a path of UUIDs inside its indexed column. */
export const MAX_TREE_DEPTH = 20;

export const ROOT_PATH = '/';

/** The path of a new node under `parentPath` (or at the root). */
export const childPath = (parentPath: string | null, id: string): string =>
  `${parentPath ?? ROOT_PATH}${id}/`;

/** The depth (1 for a root) of the node with this path. */
export const depthOf = (path: string): number => path.split('/').length - 2;

/** True when `path` is `ancestorPath` or lies below it. */
export const isWithin = (path: string, ancestorPath: string): boolean =>
  path.startsWith(ancestorPath);

/** The ids from the root down to the node itself. */
export const idsOnPath = (path: string): string[] => path.split('/').filter(Boolean);

/** A LIKE pattern matching the subtree of `path`; paths hold only ids and `/`, but escape anyway. */
export const subtreePattern = (path: string): string => `${path.replace(/[\\%_]/g, '\\$&')}%`;

/** Where a new node goes: its path and depth under `parentPath` (null for a root). */
export function placeNode(
  parentPath: string | null,
  id: string,
): { path: string; depth: number } | null {
  const path = childPath(parentPath, id);
  const depth = depthOf(path);
  return depth > MAX_TREE_DEPTH ? null : { path, depth };
}
