import { Transform, type Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import * as yauzl from 'yauzl';
import { Cmi5Error } from '../cmi5-error';
import {
  type AssignableUnit,
  MAX_STRUCTURE_BYTES,
  packagedLaunchPath,
  readCourseStructure,
} from './course-structure';

/** What a package may hold: refused before a byte is inflated when the central directory says more. */
export interface PackageLimits {
  maxEntries: number;
  /** Uncompressed bytes of every file together. */
  maxTotalBytes: number;
  /** Uncompressed bytes over compressed bytes of one file; only checked past `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const PACKAGE_LIMITS: PackageLimits = {
  maxEntries: 5_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

/** The name of the course structure file, at the package root. */
export const STRUCTURE_FILE = 'cmi5.xml';

/** A file of a package (directories are not kept). */
export interface PackageFile {
  path: string;
  size: number;
}

/** A package whose central directory and `cmi5.xml` passed every check. */
export interface InspectedPackage {
  unit: AssignableUnit;
  files: PackageFile[];
  totalBytes: number;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

const refuse = (reason: string, message: string, entry?: string): Cmi5Error =>
  Cmi5Error.invalid(reason, message, entry === undefined ? undefined : { entry });

/**
 * A safe relative file name: no absolute path or drive, no `..` or `.` segment, no backslash,
 * NUL or control character. yauzl refuses the worst of these itself; this is the platform's
 * own rule, so it holds whatever the reader does.
 */
export function isSafeEntryName(name: string): boolean {
  if (name === '' || name.length > 1000 || name.startsWith('/') || /^[a-zA-Z]:/.test(name))
    return false;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\\\u0000-\u001f\u007f]/.test(name)) return false;
  const segments = name.replace(/\/$/, '').split('/');
  return segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** yauzl's own refusals of a name, as the same answer as ours. */
function asPackageError(error: unknown): unknown {
  if (error instanceof Cmi5Error) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/invalid relative path|absolute path|invalid characters in fileName/.test(message))
    return refuse('entry-path', `A file name in the zip is not a safe relative path`, message);
  return refuse('zip', `The file is not a readable zip: ${message}`);
}

const open = async (zipPath: string): Promise<yauzl.ZipFile> => {
  try {
    return await yauzl.openPromise(zipPath, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: true,
      decodeStrings: true,
    });
  } catch (error) {
    throw asPackageError(error);
  }
};

/** Every file entry, checked one by one as the central directory lists them. */
async function checkedEntries(
  zip: yauzl.ZipFile,
  limits: PackageLimits,
): Promise<{ entries: yauzl.Entry[]; totalBytes: number }> {
  if (zip.entryCount > limits.maxEntries)
    throw refuse('too-many-entries', `A package holds at most ${limits.maxEntries} entries`);
  const entries: yauzl.Entry[] = [];
  const seen = new Set<string>();
  let totalBytes = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      if (!isSafeEntryName(name))
        throw refuse('entry-path', 'A file name in the zip is not a safe relative path', name);
      if (name.endsWith('/')) continue;
      if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK)
        throw refuse('entry-link', 'A package may not hold symbolic links', name);
      if (entry.isEncrypted()) throw refuse('entry-encrypted', 'Encrypted files are refused', name);
      if (!entry.canDecodeFileData())
        throw refuse('entry-compression', 'A file is compressed in a way not supported', name);
      const key = name.toLowerCase();
      if (seen.has(key)) throw refuse('entry-duplicate', 'The zip names a file twice', name);
      seen.add(key);
      totalBytes += entry.uncompressedSize;
      if (totalBytes > limits.maxTotalBytes)
        throw refuse('too-large', `A package unpacks to at most ${limits.maxTotalBytes} bytes`);
      if (
        entry.uncompressedSize > limits.ratioFloorBytes &&
        entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)
      )
        throw refuse('compression-ratio', 'A file is compressed beyond any real content', name);
      entries.push(entry);
    }
  } catch (error) {
    throw asPackageError(error);
  }
  return { entries, totalBytes };
}

/**
 * A stream of one entry's bytes that fails unless they match the entry's CRC-32 (yauzl checks
 * sizes, not checksums) and its declared size (a lying header inflating more is cut off).
 */
async function verifiedStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  const raw = await zip.openReadStreamPromise(entry);
  let crc = 0;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
    flush(done) {
      done(
        crc >>> 0 === entry.crc32 >>> 0
          ? null
          : refuse('entry-checksum', 'A file of the zip is damaged (CRC mismatch)', entry.fileName),
      );
    },
  });
  raw.once('error', (error) => check.destroy(asPackageError(error) as Error));
  return raw.pipe(check);
}

async function readSmall(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      stream.destroy();
      throw refuse('structure', 'cmi5.xml is larger than 512 KiB');
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Opens the zip at `zipPath`, checks every entry of its central directory against `limits`,
 * reads and checks `cmi5.xml`, and calls `onFile` with each file's verified stream (the caller
 * stores it; a failing stream fails the whole call). Nothing is inflated before every name and
 * size has passed.
 */
export async function unpackPackage(
  zipPath: string,
  onFile: (file: PackageFile, body: Readable) => Promise<void>,
  limits: PackageLimits = PACKAGE_LIMITS,
): Promise<InspectedPackage> {
  const zip = await open(zipPath);
  try {
    const { entries, totalBytes } = await checkedEntries(zip, limits);
    const structureEntry = entries.find((entry) => entry.fileName === STRUCTURE_FILE);
    if (!structureEntry)
      throw refuse('missing-structure', 'The package has no cmi5.xml at its root');
    const xml = await readSmall(await verifiedStream(zip, structureEntry), MAX_STRUCTURE_BYTES);
    const unit = readCourseStructure(xml.toString('utf8'));
    const launchFile = packagedLaunchPath(unit.launchPath).path;
    if (!entries.some((entry) => entry.fileName === launchFile))
      throw refuse('launch-url', `The AU url names ${launchFile}, which the package lacks`);
    const files: PackageFile[] = [];
    for (const entry of entries) {
      const file = { path: entry.fileName, size: entry.uncompressedSize };
      // The stream's own failures (inflate, size, CRC) are already the package's refusals.
      await onFile(file, await verifiedStream(zip, entry));
      files.push(file);
    }
    return { unit, files, totalBytes };
  } finally {
    zip.close();
  }
}
