import { Reflector } from '@nestjs/core';
import type { JobContext } from './job-context';
import { JOB_HANDLER, JobHandler } from './job-handler.decorator';
import type { JobPayloads } from './job-registry';

// The type checker (tsc -p tsconfig.json, part of the test command) reads this file too: each
// `@ts-expect-error` below fails the check the day a mismatched handler would compile.
class Handlers {
  @JobHandler('enrollment.fill-free-seats')
  fill(payload: JobPayloads['enrollment.fill-free-seats'], context: JobContext): string {
    return `${payload.courseId} ${context.attempt}`;
  }

  /** Reading fewer fields than the payload carries is fine. */
  @JobHandler('training.attach-certificate')
  attach({ serial }: { serial: string }): string {
    return serial;
  }

  /** A recurring job with an empty payload needs no parameter. */
  @JobHandler('outbox.relay')
  relay(): number {
    return 0;
  }

  // @ts-expect-error another job's payload: `importId` is not in `enrollment.fill-free-seats`
  @JobHandler('enrollment.fill-free-seats')
  wrongJob(payload: JobPayloads['organizations.import-staff']): string {
    return payload.importId;
  }

  // @ts-expect-error a field the payload does not carry
  @JobHandler('certificates.issue')
  extraField({ enrollmentId, userId }: { enrollmentId: string; userId: string }): string {
    return enrollmentId + userId;
  }

  // @ts-expect-error the second parameter is the job's context, not something else
  @JobHandler('media.transcode-video')
  wrongContext(payload: JobPayloads['media.transcode-video'], force: boolean): string {
    return `${payload.videoId} ${force}`;
  }
}

describe('@JobHandler', () => {
  it("marks the method with the job's name for the worker to find", () => {
    const reflector = new Reflector();
    const { prototype } = Handlers;
    expect(reflector.get(JOB_HANDLER, prototype.fill)).toBe('enrollment.fill-free-seats');
    expect(reflector.get(JOB_HANDLER, prototype.attach)).toBe('training.attach-certificate');
    expect(reflector.get(JOB_HANDLER, prototype.relay)).toBe('outbox.relay');
  });
});
