import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  cmi5Xml,
  contentFiles,
  contentPackage,
  declaredSize,
  renamed,
  wrongChecksum,
  zipOf,
} from '../../../../test/support/cmi5-packages';
import { Cmi5Error } from '../cmi5-error';
import { PACKAGE_LIMITS, unpackPackage } from './zip-package';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cmi5-zip-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Unpacks `zip`, collecting every file's bytes; the refusal's reason when it is refused. */
async function unpack(zip: Buffer, limits = PACKAGE_LIMITS) {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.zip`);
  await writeFile(path, zip);
  const files = new Map<string, Buffer>();
  try {
    const inspected = await unpackPackage(
      path,
      async (file, body: Readable) => {
        const chunks: Buffer[] = [];
        for await (const chunk of body) chunks.push(chunk as Buffer);
        files.set(file.path, Buffer.concat(chunks));
      },
      limits,
    );
    return { inspected, files, reason: null };
  } catch (error) {
    if (!(error instanceof Cmi5Error)) throw error;
    return { inspected: null, files, reason: (error.details as { reason: string }).reason };
  }
}

const withStructure = (xml: string, more = contentFiles()) =>
  zipOf([{ name: 'cmi5.xml', data: xml }, ...more]);

describe('unpacking a cmi5 package', () => {
  it('reads the AU of cmi5.xml and hands over every file, byte for byte', async () => {
    const { inspected, files } = await unpack(
      await contentPackage({ moveOn: 'Passed', masteryScore: 0.8 }),
    );
    expect(inspected?.unit).toMatchObject({
      auIri: 'https://noi-dung.example.vn/cmi5/an-toan-dien/bai-1',
      title: 'An toàn điện trong gia đình',
      launchPath: 'index.html',
      moveOn: 'Passed',
      masteryScore: 0.8,
      launchMethod: 'AnyWindow',
    });
    expect([...files.keys()].sort()).toEqual([
      'app.js',
      'cmi5.xml',
      'css/style.css',
      'index.html',
      'lib/cmi5.umd.js',
    ]);
    expect(files.get('css/style.css')?.toString()).toBe('body { font-family: sans-serif; }');
  });

  it('refuses an entry that climbs out of the package (../../x) before storing anything', async () => {
    const planted = { name: 'aa/aa/x', data: 'escaped' };
    const zip = renamed(
      await withStructure(cmi5Xml(), [...contentFiles(), planted]),
      'aa/aa/x',
      '../../x',
    );
    const { reason, files } = await unpack(zip);
    expect(reason).toBe('entry-path');
    expect(files.size).toBe(0);
  });

  it('refuses absolute entry names', async () => {
    const zip = renamed(await contentPackage(), 'app.js', '/etc/a');
    expect((await unpack(zip)).reason).toBe('entry-path');
  });

  it('refuses a zip whose directory declares more than the total limit', async () => {
    const zip = declaredSize(await contentPackage(), 'css/style.css', 0xfffffff0);
    const { reason, files } = await unpack(zip);
    expect(reason).toBe('too-large');
    expect(files.size).toBe(0);
  });

  it('refuses a file compressed beyond any real content (a zip bomb)', async () => {
    const bomb = { name: 'video/zeros.bin', data: Buffer.alloc(8 * 1024 * 1024) };
    const { reason, files } = await unpack(
      await withStructure(cmi5Xml(), [...contentFiles(), bomb]),
    );
    expect(reason).toBe('compression-ratio');
    expect(files.size).toBe(0);
  });

  it('refuses more entries than the limit, before reading them', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `f/${i}.txt`, data: 'x' }));
    const zip = await withStructure(cmi5Xml(), [...contentFiles(), ...many]);
    expect((await unpack(zip, { ...PACKAGE_LIMITS, maxEntries: 20 })).reason).toBe(
      'too-many-entries',
    );
  });

  it('stops a file that inflates past its declared size', async () => {
    const zip = declaredSize(await contentPackage(), 'app.js', 10);
    expect((await unpack(zip)).reason).toBe('zip');
  });

  it('refuses a damaged file (CRC mismatch)', async () => {
    const zip = wrongChecksum(await contentPackage(), 'app.js');
    expect((await unpack(zip)).reason).toBe('entry-checksum');
  });

  it('refuses a package without cmi5.xml', async () => {
    expect((await unpack(await zipOf(contentFiles()))).reason).toBe('missing-structure');
  });

  it('refuses a file that is not a zip', async () => {
    expect((await unpack(Buffer.from('PK not really a zip'))).reason).toBe('zip');
  });

  it.each([
    ['not well-formed XML', '<courseStructure><course id="https://a.vn/c"></courseStructure>'],
    ['a DOCTYPE (entity expansion)', '<!DOCTYPE x [<!ENTITY a "aaaa">]><courseStructure/>'],
    ['no AU', cmi5Xml().replace(/<au[\s\S]*<\/au>/, '')],
    ['two AUs', cmi5Xml({ moreAus: 1 })],
    ['an unknown moveOn', cmi5Xml({ moveOn: 'Whenever' })],
    ['a mastery score above 1', cmi5Xml({ masteryScore: 1.5 })],
    ['an AU id that is no IRI', cmi5Xml({ auId: 'bai 1' })],
  ])('refuses cmi5.xml with %s', async (_case, xml) => {
    expect((await unpack(await withStructure(xml))).reason).toBe('structure');
  });

  it.each([
    ['on another host', 'https://content.example.com/index.html'],
    ['protocol-relative', '//content.example.com/index.html'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['climbing out', '../index.html'],
    ['a file the package lacks', 'missing.html'],
  ])('refuses a launch URL %s', async (_case, url) => {
    expect((await unpack(await withStructure(cmi5Xml({ url })))).reason).toBe('launch-url');
  });

  it('keeps a query string on a packaged launch URL', async () => {
    const { inspected } = await unpack(
      await withStructure(cmi5Xml({ url: 'index.html?lang=vi&amp;mode=full' })),
    );
    expect(inspected?.unit.launchPath).toBe('index.html?lang=vi&mode=full');
  });
});
