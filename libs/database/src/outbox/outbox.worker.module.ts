import { Module } from '@nestjs/common';
import { OutboxArchive } from './outbox-archive';
import { OutboxArchiveJob } from './outbox-archive.job';
import { OutboxRelay } from './outbox-relay';
import { OutboxRelayJob } from './outbox-relay.job';

/** The worker's side of the outbox: the relay and the archive, and their recurring jobs. Needs JobsModule. */
@Module({
  providers: [OutboxRelay, OutboxRelayJob, OutboxArchive, OutboxArchiveJob],
})
export class OutboxWorkerModule {}
