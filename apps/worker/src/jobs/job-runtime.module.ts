import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobHandlerExplorer } from './job-handler-explorer';
import { QueueWorkers } from './queue-workers.service';

/** Runs the jobs of the enabled queues with the handlers the worker's modules provide. */
@Module({ imports: [DiscoveryModule], providers: [JobHandlerExplorer, QueueWorkers] })
export class JobRuntimeModule {}
