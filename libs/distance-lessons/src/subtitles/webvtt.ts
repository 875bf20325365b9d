const HEADER = /^\uFEFF?WEBVTT(?:[ \t][^\r\n]*)?(?:\r?\n|$)/;
const TIME = String.raw`(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})`;
const TIMING = new RegExp(String.raw`^${TIME}[ \t]+-->[ \t]+${TIME}(?:[ \t].*)?$`);
/** SubRip's timing line (`00:00:01,000 --> …`): the usual wrong format. */
const SRT_TIMING = /^\d{2}:\d{2}:\d{2},\d{3}\s+-->\s+\d{2}:\d{2}:\d{2},\d{3}/m;

const seconds = (parts: (string | undefined)[]): number => {
  const [hours, minutes, secs, millis] = parts.map((part) => Number(part ?? 0));
  return (hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (secs ?? 0) + (millis ?? 0) / 1000;
};

/**
 * Problems that make a file unusable as a WebVTT subtitle track (empty when it is fine): not
 * UTF-8, no `WEBVTT` header, no cue, or a cue that ends before it starts.
 */
export function webvttProblems(bytes: Buffer): string[] {
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) return ['The file is not UTF-8 text'];
  if (!HEADER.test(text))
    return SRT_TIMING.test(text)
      ? ['This is a SubRip (.srt) file; convert it to WebVTT (.vtt) first']
      : ['A WebVTT file starts with the line "WEBVTT"'];
  const problems: string[] = [];
  let cues = 0;
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.includes('-->')) return;
    const timing = TIMING.exec(line.trim());
    if (!timing) {
      problems.push(`Line ${index + 1}: the cue timing is not "hh:mm:ss.ttt --> hh:mm:ss.ttt"`);
      return;
    }
    cues += 1;
    if (seconds(timing.slice(5, 9)) < seconds(timing.slice(1, 5)))
      problems.push(`Line ${index + 1}: the cue ends before it starts`);
  });
  if (cues === 0 && problems.length === 0) problems.push('The file has no cues');
  return problems;
}
