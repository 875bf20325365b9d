import { EncodeProgress } from './encode-progress';

describe('EncodeProgress', () => {
  it('reads out_time_us across chunk boundaries and gives a percent of the duration', () => {
    const progress = new EncodeProgress(20);
    expect(progress.push('frame=10\nout_time_us=50')).toBe(false);
    expect(progress.push('00000\nprogress=continue\n')).toBe(true);
    expect(progress.encodedSeconds).toBe(5);
    expect(progress.percent).toBe(25);
  });

  it('never says 100 before the video is published, and knows when ffmpeg ended', () => {
    const progress = new EncodeProgress(10);
    progress.push('out_time_ms=10007800\nprogress=end\n');
    expect(progress.percent).toBe(99);
    expect(progress.finished).toBe(true);
  });

  it('ignores negative or missing times and an unknown duration', () => {
    const progress = new EncodeProgress(null);
    progress.push('out_time_us=N/A\nout_time_us=-5\nprogress=continue\n');
    expect(progress.encodedSeconds).toBe(0);
    expect(progress.percent).toBe(0);
  });
});
