import { extname, posix, resolve, sep } from 'node:path';

/**
 * Storage keys: lower-case ASCII segments separated by `/`, each starting with a letter or a
 * digit, so no key can climb out of its folder (`..`) or carry a user's file name.
 */
const KEY = /^[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)*$/;

/** Throws unless `key` is a storage key made by this lib (never from user input). */
export function assertKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`Not a media storage key: ${JSON.stringify(key)}`);
  return key;
}

/**
 * The local path of `name` (`/`-separated) under `root`, resolved and checked to stay inside it:
 * the last line of defence should a name that climbs out (`..`, an absolute path) ever get past
 * the checks before it.
 */
export function resolveUnder(root: string, name: string): string {
  const top = resolve(root);
  const path = resolve(top, ...name.split('/'));
  if (!path.startsWith(top + sep)) throw new Error('A storage path left its root folder');
  return path;
}

/** Where a key lives on disk under `root`. */
export const diskPathOf = (root: string, key: string): string => resolveUnder(root, assertKey(key));

/** The object-store key for `key`: a key of ours that no normalization would change. */
export function objectKeyOf(key: string): string {
  if (posix.normalize(assertKey(key)) !== key) throw new Error('Not a media storage key');
  return key;
}

/** Every stored file of one video lives under this prefix. */
export const videoPrefix = (videoId: string): string =>
  assertKey(`videos/${videoId.toLowerCase()}`);
/** The uploaded original, kept without its user-given name. */
export const sourceKey = (videoId: string): string => `${videoPrefix(videoId)}/source`;
/** The published HLS folder (master, variants, segments, poster). */
export const hlsPrefix = (videoId: string): string => `${videoPrefix(videoId)}/hls`;
/** One subtitle track. */
export const subtitleKey = (videoId: string, language: string): string =>
  assertKey(`${videoPrefix(videoId)}/subtitles/${language}.vtt`);

const CONTENT_TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.m4s': 'video/mp4',
  '.mp4': 'video/mp4',
  '.jpg': 'image/jpeg',
  '.vtt': 'text/vtt; charset=utf-8',
};

/** The Content-Type a published media file is served with. */
export const contentTypeOf = (name: string): string =>
  CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
