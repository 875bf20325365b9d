import { planLadder, type LadderPlan } from './ladder';
import type { ProbeResult, VideoStreamInfo } from './probe';

const source = (
  video: Partial<VideoStreamInfo> | null,
  extra: Partial<ProbeResult> = {},
): ProbeResult => ({
  formatName: 'mov,mp4',
  durationSeconds: 60,
  hasAudio: true,
  video: video && {
    codec: 'h264',
    width: 1920,
    height: 1080,
    pixelAspect: 1,
    rotation: 0,
    frameRate: 30,
    variableFrameRate: false,
    ...video,
  },
  ...extra,
});

function plan(probe: ProbeResult): LadderPlan {
  const decision = planLadder(probe);
  if (!decision.ok) throw new Error(decision.reason);
  return decision.plan;
}

const sizes = (p: LadderPlan): string[] => p.renditions.map((r) => `${r.width}x${r.height}`);

describe('planLadder', () => {
  it('encodes every rung a 1080p source reaches, keeping 16:9', () => {
    expect(sizes(plan(source({})))).toEqual(['426x240', '640x360', '1280x720', '1920x1080']);
  });

  it('never upscales: a 360p source stops at 360p', () => {
    expect(sizes(plan(source({ width: 640, height: 360 })))).toEqual(['426x240', '640x360']);
  });

  it('caps an 8K source at 1080p', () => {
    const p = plan(source({ width: 7680, height: 4320 }));
    expect(sizes(p).at(-1)).toBe('1920x1080');
    expect(Math.max(...p.renditions.map((r) => r.height))).toBe(1080);
  });

  it('swaps width and height for a phone video rotated 90° and keeps it portrait', () => {
    expect(sizes(plan(source({ width: 1920, height: 1080, rotation: 90 })))).toEqual([
      '240x426',
      '360x640',
      '720x1280',
      '1080x1920',
    ]);
    expect(sizes(plan(source({ width: 1280, height: 720, rotation: 270 }))).at(-1)).toBe(
      '720x1280',
    );
  });

  it('keeps a 180° rotation landscape', () => {
    expect(sizes(plan(source({ width: 640, height: 360, rotation: 180 })))).toEqual([
      '426x240',
      '640x360',
    ]);
  });

  it('gives every rendition even dimensions, also from odd sources', () => {
    const p = plan(source({ width: 853, height: 479 }));
    for (const r of p.renditions) {
      expect(r.width % 2).toBe(0);
      expect(r.height % 2).toBe(0);
    }
  });

  it('adds the source size when it is well above its highest rung (480p)', () => {
    expect(sizes(plan(source({ width: 854, height: 480 })))).toEqual([
      '428x240',
      '640x360',
      '854x480',
    ]);
  });

  it('encodes a source smaller than the lowest rung at its own (even) size', () => {
    expect(sizes(plan(source({ width: 321, height: 181 })))).toEqual(['320x180']);
  });

  it('applies non-square pixels (anamorphic DV 720x576 shown as 16:9)', () => {
    expect(sizes(plan(source({ width: 720, height: 576, pixelAspect: 64 / 45 }))).at(-1)).toBe(
      '1024x576',
    );
  });

  it('plans no audio for a source without sound', () => {
    const p = plan(source({}, { hasAudio: false }));
    expect(p.audio).toBe(false);
    expect(p.renditions.every((r) => r.audioKbps === null)).toBe(true);
  });

  it('refuses a sound-only file with a reason a person can act on', () => {
    expect(planLadder(source(null, { hasAudio: true }))).toEqual({
      ok: false,
      reason: expect.stringMatching(/No video stream found.*only sound/) as unknown,
    });
  });

  it('refuses a file with no streams at all', () => {
    expect(planLadder(source(null, { hasAudio: false }))).toMatchObject({ ok: false });
  });

  it('evens out a variable frame rate and halves 60 fps, with a keyframe every 6 seconds', () => {
    const vfr = plan(source({ frameRate: 29.5, variableFrameRate: true }));
    expect(vfr.frameRate).toBe(29.5);
    expect(vfr.keyframeInterval).toBe(177);
    const sixty = plan(source({ frameRate: 60 }));
    expect(sixty.frameRate).toBe(30);
    expect(sixty.keyframeInterval).toBe(180);
    expect(plan(source({ frameRate: null })).frameRate).toBe(25);
  });

  it('announces more bandwidth for bigger renditions, sound included', () => {
    const bandwidths = plan(source({})).renditions.map((r) => r.bandwidth);
    expect(bandwidths).toEqual([...bandwidths].sort((a, b) => a - b));
    expect(bandwidths[0]).toBe(504_000);
  });

  it('takes the poster early in the video, within it even when it is short', () => {
    expect(plan(source({})).posterAtSeconds).toBe(5);
    expect(plan(source({}, { durationSeconds: 2 })).posterAtSeconds).toBe(0.5);
  });
});
