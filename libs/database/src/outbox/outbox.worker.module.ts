import { Module } from '@nestjs/common';
import { OutboxRelay } from './outbox-relay';
import { OutboxRelayJob } from './outbox-relay.job';

/** The worker's side of the outbox: the relay and its recurring job. Needs JobsModule. */
@Module({ providers: [OutboxRelay, OutboxRelayJob], exports: [OutboxRelay] })
export class OutboxWorkerModule {}
