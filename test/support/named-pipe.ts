import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { eventually, type Patience } from './e2e';

const run = promisify(execFile);

/** A named pipe at `path`: a process that opens it to read waits there for a writer. */
export async function makeNamedPipe(path: string): Promise<void> {
  await run('mkfifo', [path]);
}

/** The write end of a named pipe whose reader is waiting in read(); see `holdReader`. */
export interface HeldReader {
  /**
   * Writes `bytes` as the reader takes them; false when the reader stopped reading first (it
   * closed the pipe: it had what it needed).
   */
  feed(bytes: Buffer): Promise<boolean>;
  /** Closes the write end: a reader still there reads the end of the file. */
  release(): Promise<void>;
}

/**
 * Waits until a process opens the named pipe at `path` to read, then holds the write end open
 * without writing: the reader stays in read() (neither data nor an end of file) until it is
 * killed or the pipe released. That is how a test stops a process at a known point of its work.
 */
export async function holdReader(path: string, patience?: Patience): Promise<HeldReader> {
  const handle = await eventually<FileHandle>(
    `a process reading ${path}`,
    async () => {
      try {
        // Without a reader, a non-blocking open for writing fails with ENXIO instead of waiting.
        return await open(path, constants.O_WRONLY | constants.O_NONBLOCK);
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENXIO') return undefined;
        throw error;
      }
    },
    { interval: 50, ...patience },
  );
  // Writes go through a blocking descriptor, so they wait for the reader instead of failing.
  let writer: FileHandle | undefined;
  return {
    feed: async (bytes) => {
      writer ??= await open(path, constants.O_WRONLY);
      try {
        await writer.writeFile(bytes);
        return true;
      } catch (error) {
        if ((error as { code?: unknown }).code === 'EPIPE') return false;
        throw error;
      }
    },
    release: async () => {
      await writer?.close();
      await handle.close();
    },
  };
}
