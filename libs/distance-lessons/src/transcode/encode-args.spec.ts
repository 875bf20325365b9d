import { encodeArgs, filterGraph } from './encode-args';
import type { LadderPlan } from './ladder';

const plan: LadderPlan = {
  renditions: [
    { name: '240p', width: 426, height: 240, videoKbps: 400, audioKbps: 64, bandwidth: 504000 },
    { name: '360p', width: 640, height: 360, videoKbps: 800, audioKbps: 96, bandwidth: 976000 },
  ],
  audio: true,
  frameRate: 25,
  keyframeInterval: 150,
  segmentSeconds: 6,
  posterAtSeconds: 2.5,
};

const valueOf = (args: string[], flag: string): string | undefined => args[args.indexOf(flag) + 1];

describe('encodeArgs', () => {
  const args = encodeArgs(plan, {
    input: '/in/source',
    outputDir: '/out/hls/',
    preset: 'ultrafast',
  });

  it('reads the source file itself and nothing it names (no network, no playlists)', () => {
    const input = args.indexOf('-i');
    expect(valueOf(args, '-protocol_whitelist')).toBe('file');
    expect(args.indexOf('-protocol_whitelist')).toBeLessThan(input);
    const demuxers = valueOf(args, '-format_whitelist')?.split(',') ?? [];
    expect(args.indexOf('-format_whitelist')).toBeLessThan(input);
    expect(demuxers).toEqual(expect.arrayContaining(['mov', 'matroska', 'mpegts']));
    for (const referencing of ['hls', 'concat', 'dash', 'sdp', 'image2', 'rtsp'])
      expect(demuxers).not.toContain(referencing);
  });

  it('splits one decode into every rendition and the poster', () => {
    expect(filterGraph(plan)).toBe(
      '[0:v]fps=25,split=3[s0][s1][sp];' +
        '[s0]scale=426:240:flags=bicubic,setsar=1[v0];' +
        '[s1]scale=640:360:flags=bicubic,setsar=1[v1];' +
        "[sp]select='gte(t\\,2.5)',scale=640:360,setsar=1[vp]",
    );
    expect(args.filter((arg) => arg === '-i')).toHaveLength(1);
  });

  it('writes 6-second HLS segments with keyframes forced on their boundaries', () => {
    expect(valueOf(args, '-hls_time')).toBe('6');
    expect(valueOf(args, '-force_key_frames')).toBe('expr:gte(t,n_forced*6)');
    expect(valueOf(args, '-g')).toBe('150');
    expect(valueOf(args, '-sc_threshold')).toBe('0');
  });

  it('maps each rendition with its sound into the master playlist', () => {
    expect(valueOf(args, '-var_stream_map')).toBe('v:0,a:0,name:240p v:1,a:1,name:360p');
    expect(valueOf(args, '-master_pl_name')).toBe('master.m3u8');
    expect(valueOf(args, '-hls_segment_filename')).toBe('/out/hls/%v/seg_%05d.ts');
    expect(args).toContain('/out/hls/%v/index.m3u8');
    expect(valueOf(args, '-b:v:1')).toBe('800k');
    expect(valueOf(args, '-b:a:0')).toBe('64k');
  });

  it('reports progress on stdout and ends with the poster', () => {
    expect(valueOf(args, '-progress')).toBe('pipe:1');
    expect(args.slice(-9, -1)).toEqual([
      '-map',
      '[vp]',
      '-frames:v',
      '1',
      '-q:v',
      '3',
      '-update',
      '1',
    ]);
    expect(args.at(-1)).toBe('/out/hls/poster.jpg');
  });

  it('maps no sound for a silent source', () => {
    const silent = encodeArgs(
      {
        ...plan,
        audio: false,
        renditions: plan.renditions.map((r) => ({ ...r, audioKbps: null })),
      },
      { input: 'in', outputDir: 'out', preset: 'veryfast' },
    );
    expect(valueOf(silent, '-var_stream_map')).toBe('v:0,name:240p v:1,name:360p');
    expect(silent).not.toContain('0:a:0');
    expect(silent).not.toContain('aac');
  });
});
