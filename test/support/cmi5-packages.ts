import { readFileSync } from 'node:fs';
import { ZipFile } from 'yazl';

// cmi5 packages built by the tests: zips written with yazl, `cmi5.xml` from a few options, and
// the tampering that hostile packages need (names and sizes yazl itself would never write).

export interface PackageEntry {
  name: string;
  data: Buffer | string;
  /** Default true (deflate). */
  compress?: boolean;
}

/** A zip of `entries`, in order. */
export async function zipOf(entries: readonly PackageEntry[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries)
    zip.addBuffer(Buffer.from(entry.data), entry.name, {
      compress: entry.compress ?? true,
      mtime: new Date('2026-01-01T00:00:00Z'),
    });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface StructureOptions {
  courseId?: string;
  auId?: string;
  url?: string;
  moveOn?: string;
  masteryScore?: number;
  launchMethod?: string;
  title?: string;
  /** More AUs after the first (a package a lesson refuses). */
  moreAus?: number;
}

export const COURSE_IRI = 'https://noi-dung.example.vn/cmi5/an-toan-dien';
export const AU_IRI = 'https://noi-dung.example.vn/cmi5/an-toan-dien/bai-1';

/** A `cmi5.xml` course structure with one AU (or more, `moreAus`). */
export function cmi5Xml(options: StructureOptions = {}): string {
  const au = (id: string) => `
  <au id="${id}" moveOn="${options.moveOn ?? 'CompletedAndPassed'}"${
    options.masteryScore === undefined ? '' : ` masteryScore="${options.masteryScore}"`
  } launchMethod="${options.launchMethod ?? 'AnyWindow'}">
    <title><langstring lang="vi-VN">${options.title ?? 'An toàn điện trong gia đình'}</langstring></title>
    <description><langstring lang="vi-VN">Bài học tương tác</langstring></description>
    <url>${options.url ?? 'index.html'}</url>
  </au>`;
  const extra = Array.from({ length: options.moreAus ?? 0 }, (_, i) =>
    au(`${options.auId ?? AU_IRI}-${i + 2}`),
  ).join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${options.courseId ?? COURSE_IRI}">
    <title><langstring lang="vi-VN">An toàn điện</langstring></title>
    <description><langstring lang="vi-VN">Khoá học cmi5 thử</langstring></description>
  </course>${au(options.auId ?? AU_IRI)}${extra}
</courseStructure>`;
}

/** `@xapi/cmi5`'s browser build (its package's `browser` file: axios and the library, no imports). */
const cmi5Library = (): Buffer => readFileSync(require.resolve('@xapi/cmi5/dist/Cmi5.umd.js'));

/**
 * The content of a small AU the way vendor content reports: `@xapi/cmi5` reads the launch
 * parameters, fetches the auth token, reads `LMS.LaunchData`, sends `initialized`, then on the
 * learner's clicks `completed`, `passed` (score 0.9) and `terminated`. Its state shows in
 * `#status` (`ready`, `completed`, `passed`, `terminated`, or `error: …`).
 */
export function contentFiles(): PackageEntry[] {
  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>An toàn điện</title>
<link rel="stylesheet" href="css/style.css"></head>
<body>
  <h1>An toàn điện trong gia đình</h1>
  <p id="status">loading</p>
  <button id="complete" type="button">Hoàn thành bài</button>
  <button id="pass" type="button">Nộp bài kiểm tra</button>
  <button id="exit" type="button">Thoát</button>
  <script src="lib/cmi5.umd.js"></script>
  <script src="app.js"></script>
</body></html>`;
  const app = `const status = document.getElementById('status');
const show = (text) => { status.textContent = text; };
const cmi5 = new Cmi5();
const ready = cmi5.initialize().then(() => show('ready'));
const step = (id, action, done) =>
  document.getElementById(id).addEventListener('click', () =>
    ready.then(action).then(() => show(done)).catch((error) => show('error: ' + error.message)));
ready.catch((error) => show('error: ' + error.message));
step('complete', () => cmi5.complete(), 'completed');
step('pass', () => cmi5.pass(0.9), 'passed');
step('exit', () => cmi5.terminate(), 'terminated');
`;
  return [
    { name: 'index.html', data: html },
    { name: 'app.js', data: app },
    { name: 'css/style.css', data: 'body { font-family: sans-serif; }' },
    { name: 'lib/cmi5.umd.js', data: cmi5Library() },
  ];
}

/** A whole, valid package: `cmi5.xml` with `options` and the content above. */
export const contentPackage = (options: StructureOptions = {}): Promise<Buffer> =>
  zipOf([{ name: 'cmi5.xml', data: cmi5Xml(options) }, ...contentFiles()]);

/** Every occurrence of `from` in the zip's bytes (names in local and central headers) becomes `to`. */
export function renamed(zip: Buffer, from: string, to: string): Buffer {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('same length only');
  const out = Buffer.from(zip);
  const needle = Buffer.from(from);
  for (let at = out.indexOf(needle); at !== -1; at = out.indexOf(needle, at + 1))
    Buffer.from(to).copy(out, at);
  return out;
}

const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/**
 * The zip with the uncompressed size of `name` declared as `size` in both headers: what a zip
 * bomb's directory says before a byte is inflated.
 */
export function declaredSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let at = 0; at < out.length - 46; at++) {
    const signature = out.readUInt32LE(at);
    if (
      signature === CENTRAL_HEADER &&
      out.toString('utf8', at + 46, at + 46 + out.readUInt16LE(at + 28)) === name
    )
      out.writeUInt32LE(size, at + 24);
    if (
      signature === LOCAL_HEADER &&
      out.toString('utf8', at + 30, at + 30 + out.readUInt16LE(at + 26)) === name
    )
      out.writeUInt32LE(size, at + 22);
  }
  return out;
}

/** The zip with the CRC-32 of `name` changed in both headers (its bytes no longer match it). */
export function wrongChecksum(zip: Buffer, name: string): Buffer {
  const out = Buffer.from(zip);
  for (let at = 0; at < out.length - 46; at++) {
    const signature = out.readUInt32LE(at);
    if (
      signature === CENTRAL_HEADER &&
      out.toString('utf8', at + 46, at + 46 + out.readUInt16LE(at + 28)) === name
    )
      out.writeUInt32LE((out.readUInt32LE(at + 16) ^ 0xffff) >>> 0, at + 16);
    if (
      signature === LOCAL_HEADER &&
      out.toString('utf8', at + 30, at + 30 + out.readUInt16LE(at + 26)) === name
    )
      out.writeUInt32LE((out.readUInt32LE(at + 14) ^ 0xffff) >>> 0, at + 14);
  }
  return out;
}
