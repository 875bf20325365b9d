import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service';

/** Provides the one JobQueue (producer side of every queue) to the whole process. */
@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
