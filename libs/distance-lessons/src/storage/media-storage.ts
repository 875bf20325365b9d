import type { Readable } from 'node:stream';

/** An inclusive byte range, as HTTP `Range: bytes=start-end` names it. */
export interface ByteRange {
  start: number;
  end: number;
}

/** A stored object opened for reading: all of it, or the range asked for. */
export interface OpenedObject {
  body: Readable;
  /** The whole object's size. */
  size: number;
  /** The bytes `body` carries, when a range was asked for. */
  range?: ByteRange;
}

/**
 * Where video files live: local disk (default) or S3-compatible object storage. Keys are made
 * by the lib (`media-keys.ts`), never from user input. Every write is all-or-nothing: a reader
 * never sees half a file.
 */
export abstract class MediaStorage {
  /** Stores a stream under `key`; resolves with the bytes written. */
  abstract write(key: string, body: Readable, contentType: string): Promise<number>;

  /** Moves a finished local file (a tus upload) into storage under `key`; the file is gone after. */
  abstract adoptFile(key: string, localPath: string, contentType: string): Promise<void>;

  /** Opens an object (or a range of it); null when there is none. */
  abstract read(key: string, range?: ByteRange): Promise<OpenedObject | null>;

  /** The object's size in bytes; null when there is none. */
  abstract size(key: string): Promise<number | null>;

  /** Every key under `prefix` (a folder: `videos/<id>`). */
  abstract list(prefix: string): Promise<string[]>;

  /** Removes one object; nothing happens when it is not there. */
  abstract delete(key: string): Promise<void>;

  /** Removes everything under `prefix`. */
  abstract deletePrefix(prefix: string): Promise<void>;

  /** Renames an object (object stores copy then delete). */
  abstract move(from: string, to: string): Promise<void>;

  /**
   * A local path holding the object's bytes, for ffprobe and ffmpeg: disk storage answers its
   * own file; object storage downloads to `scratchPath`.
   */
  abstract localCopy(key: string, scratchPath: string): Promise<string>;

  /**
   * Publishes a finished local folder under `prefix`, replacing whatever was there; the local
   * folder is consumed. Until this resolves nothing under `prefix` changes for readers of a
   * ready video (disk renames the folder into place; object storage uploads every file first).
   */
  abstract publishFolder(localDir: string, prefix: string): Promise<void>;
}
