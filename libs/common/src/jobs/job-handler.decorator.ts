import { SetMetadata } from '@nestjs/common';
import type { JobName } from './job-registry';

export const JOB_HANDLER = Symbol('lifelong:job-handler');

/**
 * Marks a provider method as the handler of one job. The worker refuses to start when a job
 * of an enabled queue has no handler or more than one.
 */
export const JobHandler = (name: JobName): MethodDecorator => SetMetadata(JOB_HANDLER, name);
