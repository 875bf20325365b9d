import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Small media made with ffmpeg at run time (test pattern and tone), never committed. Each is
 * made once per machine into the system's temp folder and reused; a half-made file is never
 * seen (made aside, then renamed).
 */
const FOLDER = join(tmpdir(), 'lifelong-media-fixtures-v2');

const pattern = (size: string, seconds: number, rate = 25): string[] => [
  '-f',
  'lavfi',
  '-i',
  `testsrc2=size=${size}:rate=${rate}:duration=${seconds}`,
];
const tone = (seconds: number): string[] => [
  '-f',
  'lavfi',
  '-i',
  `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
];
const h264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];
const aac = ['-c:a', 'aac', '-b:a', '64k'];

/** How each fixture is made: ffmpeg arguments between the inputs and the output file. */
const RECIPES: Record<FixtureName, { ext: string; args: readonly string[]; remux?: string[] }> = {
  /** 10 s, 640x360, with sound: the end-to-end upload (two renditions: 240p, 360p). */
  lesson10s: {
    ext: 'mp4',
    args: [...pattern('640x360', 10), ...tone(10), ...h264, ...aac, '-shortest'],
  },
  /** 4 s, 320x180, with sound: the quick one for integration tests. */
  short4s: {
    ext: 'mp4',
    args: [...pattern('320x180', 4), ...tone(4), ...h264, ...aac, '-shortest'],
  },
  /** 10 s, 640x360, with sound, the index (moov) first: readable as it arrives, through a pipe. */
  streamable10s: {
    ext: 'mp4',
    args: [
      ...pattern('640x360', 10),
      ...tone(10),
      ...h264,
      ...aac,
      '-shortest',
      '-movflags',
      '+faststart',
    ],
  },
  /** 60 s, 1280x720, with sound: the transcode benchmark's source. */
  bench720p: {
    ext: 'mp4',
    args: [...pattern('1280x720', 60), ...tone(60), ...h264, ...aac, '-shortest'],
  },
  /** 4 s with the index (moov) first, as phones and editors often write it. */
  faststart4s: {
    ext: 'mp4',
    args: [
      ...pattern('320x180', 4),
      ...tone(4),
      ...h264,
      ...aac,
      '-shortest',
      '-movflags',
      '+faststart',
    ],
  },
  /** 2 s without sound. */
  noAudio: { ext: 'mp4', args: [...pattern('320x180', 2), ...h264] },
  /** 2 s of sound only. */
  audioOnly: { ext: 'm4a', args: [...tone(2), ...aac] },
  /** A phone clip: landscape pixels shown portrait (rotate 90) at an irregular frame rate. */
  phone: {
    ext: 'mp4',
    args: [
      ...pattern('640x360', 3, 30),
      ...tone(3),
      '-vf',
      "select='not(mod(n\\,3))+not(mod(n\\,7))'",
      '-fps_mode',
      'vfr',
      ...h264,
      ...aac,
      '-shortest',
    ],
    // ffmpeg writes a rotation only when copying streams, not while encoding them.
    remux: ['-metadata:s:v:0', 'rotate=90'],
  },
  /** 8K, a fraction of a second: the cap at 1080p. */
  uhd8k: { ext: 'mp4', args: [...pattern('7680x4320', 0.2, 10), ...h264] },
  /** A still image, to be uploaded under a video's name. */
  png: { ext: 'png', args: [...pattern('64x64', 1), '-frames:v', '1'] },
};

export type FixtureName =
  | 'lesson10s'
  | 'short4s'
  | 'streamable10s'
  | 'faststart4s'
  | 'bench720p'
  | 'noAudio'
  | 'audioOnly'
  | 'phone'
  | 'uhd8k'
  | 'png';

/** The path of a fixture, made on first use. */
export async function fixture(name: FixtureName): Promise<string> {
  const { ext, args, remux } = RECIPES[name];
  const path = join(FOLDER, `${name}.${ext}`);
  if (existsSync(path)) return path;
  await mkdir(FOLDER, { recursive: true });
  const partial = join(FOLDER, `.${randomUUID()}.${ext}`);
  const quiet = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'];
  await run('ffmpeg', [...quiet, ...args, partial]);
  if (remux) {
    const encoded = `${partial}.${ext}`;
    await rename(partial, encoded);
    await run('ffmpeg', [...quiet, '-i', encoded, '-c', 'copy', ...remux, partial]);
    await rm(encoded, { force: true });
  }
  await rename(partial, path);
  return path;
}

/** The first `share` of a fixture's bytes: an upload or recording cut short. */
export async function truncated(name: FixtureName, share: number): Promise<Buffer> {
  const handle = await open(await fixture(name), 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.floor(size * share));
    await handle.read(buffer, 0, buffer.length, 0);
    return buffer;
  } finally {
    await handle.close();
  }
}

/** ffprobe's view of a file or URL: streams with their codec, size and packet count. */
export async function probeStreams(
  input: string,
): Promise<{ codec_type: string; codec_name: string; width?: number; height?: number }[]> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_streams',
    input,
  ]);
  return (JSON.parse(stdout) as { streams: never[] }).streams;
}

/** Decodes every frame of a file or URL; rejects when ffmpeg finds an error. */
export async function decodes(input: string): Promise<void> {
  await run('ffmpeg', ['-v', 'error', '-xerror', '-nostdin', '-i', input, '-f', 'null', '-']);
}

/** A fresh MEDIA_DIR for one test file. */
export async function mediaDir(): Promise<string> {
  const dir = join(
    tmpdir(),
    `lifelong-media-${process.env.TEST_DB_PREFIX ?? 'test'}-${randomUUID()}`,
  );
  await mkdir(dir, { recursive: true });
  return dir;
}

export const removeMediaDir = (dir: string): Promise<void> =>
  rm(dir, { recursive: true, force: true });
