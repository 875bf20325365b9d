import { SetMetadata } from '@nestjs/common';
import type { JobHandlerFunction } from './job-context';
import type { JobName } from './job-registry';

export const JOB_HANDLER = Symbol('lifelong:job-handler');

/**
 * Marks a provider method as the handler of one job. The method's signature must take the
 * job's payload (`JobPayloads[name]`), so a handler that reads another job's fields does not
 * compile. The worker refuses to start when a job of an enabled queue has no handler or more
 * than one.
 */
export const JobHandler =
  <N extends JobName>(name: N) =>
  <H extends JobHandlerFunction<N>>(
    target: object,
    method: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ): void => {
    SetMetadata(JOB_HANDLER, name)(target, method, descriptor);
  };
