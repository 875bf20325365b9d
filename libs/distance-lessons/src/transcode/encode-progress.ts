/**
 * Reads ffmpeg's `-progress` output (blocks of `key=value` lines ending with
 * `progress=continue|end`) as it arrives in arbitrary chunks.
 */
export class EncodeProgress {
  private pending = '';
  private outTimeSeconds = 0;
  private ended = false;

  constructor(private readonly durationSeconds: number | null) {}

  /** Feeds a chunk of stdout; returns true when a block completed (a new figure is known). */
  push(chunk: string): boolean {
    const lines = (this.pending + chunk).split('\n');
    this.pending = lines.pop() ?? '';
    let block = false;
    for (const line of lines) {
      const [key, value = ''] = line.trim().split('=', 2);
      // out_time_ms is in microseconds too (a long-standing ffmpeg quirk); prefer out_time_us.
      if (key === 'out_time_us' || key === 'out_time_ms') {
        const micros = Number(value);
        if (Number.isFinite(micros) && micros >= 0) this.outTimeSeconds = micros / 1e6;
      } else if (key === 'progress') {
        block = true;
        if (value === 'end') this.ended = true;
      }
    }
    return block;
  }

  /** Seconds of output encoded so far. */
  get encodedSeconds(): number {
    return this.outTimeSeconds;
  }

  /** 0–99 while running (100 is for a published video); 0 when the duration is unknown. */
  get percent(): number {
    if (!this.durationSeconds || this.durationSeconds <= 0) return 0;
    return Math.max(
      0,
      Math.min(99, Math.floor((this.outTimeSeconds / this.durationSeconds) * 100)),
    );
  }

  get finished(): boolean {
    return this.ended;
  }
}
