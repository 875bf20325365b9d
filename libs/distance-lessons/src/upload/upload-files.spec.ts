import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Upload } from '@tus/server';
import { isUploadId, newUploadId, UploadFileStore, uploadPathOf } from './upload-files';

describe('tus upload files', () => {
  let top: string;
  let incoming: string;

  beforeEach(async () => {
    top = await mkdtemp(join(tmpdir(), 'lifelong-tus-'));
    incoming = join(top, '.incoming');
    await mkdir(incoming, { recursive: true });
    await writeFile(join(top, 'outside'), 'keep me');
    await writeFile(join(top, 'outside.json'), '{"id":"outside","metadata":{}}');
  });

  afterEach(() => rm(top, { recursive: true, force: true }));

  it('names uploads with 128 random bits in one fixed format', () => {
    const id = newUploadId();
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(isUploadId(id)).toBe(true);
    expect(newUploadId()).not.toBe(id);
    expect(uploadPathOf(incoming, id)).toBe(join(incoming, id));
  });

  it.each([
    '../outside',
    '..%2Foutside',
    '..\\outside',
    '/etc/passwd',
    'outside\u0000',
    `${'a'.repeat(31)}/`,
    'A'.repeat(32),
    ' ',
  ])('refuses the id %j in every store operation, touching nothing', async (id) => {
    const store = new UploadFileStore(incoming);
    expect(isUploadId(id)).toBe(false);
    expect(() => uploadPathOf(incoming, id)).toThrow();
    await expect(store.remove(id)).rejects.toMatchObject({ status_code: 404 });
    await expect(store.getUpload(id)).rejects.toMatchObject({ status_code: 404 });
    await expect(store.declareUploadLength(id, 1)).rejects.toMatchObject({ status_code: 404 });
    await expect(store.write(Readable.from([Buffer.from('x')]), id, 0)).rejects.toMatchObject({
      status_code: 404,
    });
    await expect(store.create(new Upload({ id, offset: 0, size: 1 }))).rejects.toMatchObject({
      status_code: 404,
    });
    expect(() => store.read(id)).toThrow();
    expect(await readFile(join(top, 'outside'), 'utf8')).toBe('keep me');
    expect(existsSync(join(top, 'outside.json'))).toBe(true);
  });

  it('stores, reads and removes an upload of its own', async () => {
    const store = new UploadFileStore(incoming);
    const id = newUploadId();
    await store.create(new Upload({ id, offset: 0, size: 2, metadata: { uploadedBy: 'u1' } }));
    await store.write(Readable.from([Buffer.from('hi')]), id, 0);
    expect(await store.getUpload(id)).toMatchObject({ id, offset: 2, size: 2 });
    await store.remove(id);
    expect(existsSync(join(incoming, id))).toBe(false);
  });
});
