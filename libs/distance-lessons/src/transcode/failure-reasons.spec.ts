import {
  CUT_SHORT_REASON,
  NOT_A_CONTAINER_REASON,
  sourceProblem,
  timeoutReason,
  UNREADABLE_REASON,
} from './failure-reasons';

describe('sourceProblem', () => {
  it('says a truncated MP4 is cut short', () => {
    expect(
      sourceProblem(
        '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x5] moov atom not found\nsource: Invalid data found when processing input',
      ),
    ).toBe(CUT_SHORT_REASON);
    expect(sourceProblem('[mov] stream 0, offset 0x1f2: partial file')).toBe(CUT_SHORT_REASON);
  });

  it('says garbage is unreadable, and names a codec nobody decodes', () => {
    expect(sourceProblem('x.mp4: Invalid data found when processing input')).toBe(
      UNREADABLE_REASON,
    );
    expect(sourceProblem('Decoder (codec prores_raw) not found for input stream #0:0')).toMatch(
      /cannot decode \(prores_raw\)/,
    );
  });

  it('says a playlist or a list of files is not a video', () => {
    expect(
      sourceProblem("[hls @ 0x5] Format not on whitelist 'mov,matroska'\nsource: Invalid argument"),
    ).toBe(NOT_A_CONTAINER_REASON);
    expect(NOT_A_CONTAINER_REASON).toMatch(/not a video.*Upload the video file itself/);
  });

  it('leaves passing failures alone (disk full, killed)', () => {
    expect(sourceProblem('No space left on device')).toBeNull();
    expect(sourceProblem('')).toBeNull();
  });

  it('explains a timeout in minutes', () => {
    expect(timeoutReason(10_800)).toMatch(/longer than 180 minutes/);
  });
});
