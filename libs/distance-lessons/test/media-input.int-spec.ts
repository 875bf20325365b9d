import { execFile } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AppConfig } from '@lifelong/common';
import { testConfig } from '../../../test/setup/test-env';
import { playlistNaming, requestTrap } from '../../../test/support/distance-lessons';
import { fixture, mediaDir, removeMediaDir } from '../../../test/support/media-fixtures';
import { planLadder } from '../src/transcode/ladder';
import { MediaTools, SourceProblemError } from '../src/transcode/media-tools.service';

const run = promisify(execFile);

// ffprobe and ffmpeg read only the uploaded file itself: a source that names other files or
// addresses (a playlist, a concat list) is refused with a reason, and nothing it names is read.
describe('what ffprobe and ffmpeg read of a source', () => {
  let dir: string;
  let config: AppConfig;
  let tools: MediaTools;
  let trap: Awaited<ReturnType<typeof requestTrap>>;
  let secret: string;

  beforeAll(async () => {
    dir = await mediaDir();
    config = testConfig({ MEDIA_DIR: dir, TRANSCODE_PRESET: 'ultrafast' });
    tools = new MediaTools(config);
    trap = await requestTrap();
    // Another course's video on the worker's disk.
    secret = join(dir, 'videos', 'other', 'hls', 'secret.ts');
    await mkdir(join(dir, 'videos', 'other', 'hls'), { recursive: true });
    await run('ffmpeg', [
      ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25:duration=2'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'mpegts', secret],
    ]);
  });

  afterAll(async () => {
    await trap.close();
    await removeMediaDir(dir);
  });

  const source = async (name: string, bytes: Buffer): Promise<string> => {
    const path = join(dir, 'videos', name, 'source');
    await mkdir(join(dir, 'videos', name), { recursive: true });
    await writeFile(path, bytes);
    return path;
  };

  const hostile = async (): Promise<[string, string][]> => [
    ['an HLS playlist', await source('hls', playlistNaming(secret, `${trap.url}/internal.ts`))],
    ['an HLS playlist of addresses', await source('http', playlistNaming(`${trap.url}/a.ts`))],
    [
      'a concat list',
      await source('concat', Buffer.from(`ffconcat version 1.0\nfile '${secret}'\n`)),
    ],
  ];

  it('probes a real video as before', async () => {
    const probe = await tools.probe(await fixture('short4s'));
    expect(probe.video).toMatchObject({ width: 320, height: 180 });
  });

  it('refuses to probe a source that names other files or addresses, and reads none of them', async () => {
    for (const [what, path] of await hostile()) {
      const probed = tools.probe(path);
      await expect(probed).rejects.toBeInstanceOf(SourceProblemError);
      await expect(probed).rejects.toThrow(/not a video.*Upload the video file itself/);
      expect([what, trap.requests]).toEqual([what, []]);
    }
  });

  it('refuses to encode one, even when the probe was passed by', async () => {
    const decision = planLadder(await tools.probe(await fixture('short4s')));
    if (!decision.ok) throw new Error(decision.reason);
    for (const [what, path] of await hostile()) {
      const output = join(dir, '.work', what.replace(/\W+/g, '-'));
      await mkdir(output, { recursive: true });
      const encoded = tools.encode(
        decision.plan,
        { input: path, outputDir: output },
        { durationSeconds: null, onProgress: () => undefined },
      );
      await expect(encoded).rejects.toBeInstanceOf(SourceProblemError);
      expect([what, trap.requests]).toEqual([what, []]);
      expect([
        what,
        (await readdir(output, { recursive: true })).filter((f) => /\.ts$/.test(f)),
      ]).toEqual([what, []]);
    }
  });
});
