import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DiskMediaStorage } from './disk-media-storage';
import { diskPathOf } from './media-keys';

/** Keys that climb out, are absolute, or carry a NUL or a backslash. */
const HOSTILE_KEYS = [
  '..',
  '../outside.txt',
  'videos/../../outside.txt',
  'videos/a/../../../outside.txt',
  '/etc/passwd',
  '//etc/passwd',
  'videos/a\u0000/source',
  'videos\\..\\..\\outside.txt',
  '..\\outside.txt',
  'videos/./a',
  'videos/a/',
  '',
];

describe('DiskMediaStorage keys', () => {
  let top: string;
  let root: string;

  beforeEach(async () => {
    top = await mkdtemp(join(tmpdir(), 'lifelong-disk-'));
    root = join(top, 'media');
    await mkdir(join(root, 'videos', 'a'), { recursive: true });
    await writeFile(join(top, 'outside.txt'), 'keep me');
  });

  afterEach(() => rm(top, { recursive: true, force: true }));

  it('resolves a key of ours to a file under its root', () => {
    expect(diskPathOf(root, 'videos/a/hls/240p/seg_00000.ts')).toBe(
      join(root, 'videos', 'a', 'hls', '240p', 'seg_00000.ts'),
    );
  });

  it.each(HOSTILE_KEYS)('refuses %j before touching the disk', async (key) => {
    const storage = new DiskMediaStorage(root);
    expect(() => diskPathOf(root, key)).toThrow(/storage key|left its root/);
    await expect(storage.delete(key)).rejects.toThrow();
    await expect(storage.deletePrefix(key)).rejects.toThrow();
    await expect(storage.read(key)).rejects.toThrow();
    await expect(storage.write(key, Readable.from(['x']), 'text/plain')).rejects.toThrow();
    await expect(storage.move('videos/a', key)).rejects.toThrow();
    expect(await readFile(join(top, 'outside.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(join(root, 'videos', 'a'))).toBe(true);
  });
});
