import { webvttProblems } from './webvtt';

const vtt = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('webvttProblems', () => {
  it('accepts a WebVTT file with cues, hours optional, BOM allowed', () => {
    expect(
      webvttProblems(
        vtt(
          'WEBVTT\n\n00:00.000 --> 00:02.500\nXin chào các bạn\n\n1\n00:00:03.000 --> 01:00:04.000 align:start\nHọc tập suốt đời\n',
        ),
      ),
    ).toEqual([]);
    expect(
      webvttProblems(vtt('\uFEFFWEBVTT - bài 1\r\n\r\n00:01.000 --> 00:02.000\r\nA\r\n')),
    ).toEqual([]);
  });

  it('recognizes a SubRip file and says how to fix it', () => {
    expect(webvttProblems(vtt('1\n00:00:01,000 --> 00:00:02,000\nHello\n'))).toEqual([
      'This is a SubRip (.srt) file; convert it to WebVTT (.vtt) first',
    ]);
  });

  it('refuses a missing header, no cues, a bad timing and a cue ending before it starts', () => {
    expect(webvttProblems(vtt('hello'))).toEqual(['A WebVTT file starts with the line "WEBVTT"']);
    expect(webvttProblems(vtt('WEBVTTX\n'))).toHaveLength(1);
    expect(webvttProblems(vtt('WEBVTT\n\nNOTE nothing here\n'))).toEqual(['The file has no cues']);
    expect(webvttProblems(vtt('WEBVTT\n\n0:1 --> 0:2\nA\n'))).toEqual([
      'Line 3: the cue timing is not "hh:mm:ss.ttt --> hh:mm:ss.ttt"',
    ]);
    expect(webvttProblems(vtt('WEBVTT\n\n00:05.000 --> 00:04.000\nA\n'))).toEqual([
      'Line 3: the cue ends before it starts',
    ]);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(
      webvttProblems(Buffer.from([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xff, 0xfe])),
    ).toEqual(['The file is not UTF-8 text']);
  });
});
