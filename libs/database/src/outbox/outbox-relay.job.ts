import { JobHandler } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { OutboxRelay, type OutboxRelayResult } from './outbox-relay';

/** The recurring `outbox.relay` job (a BullMQ job scheduler): one relay pass per run. */
@Injectable()
export class OutboxRelayJob {
  constructor(private readonly relay: OutboxRelay) {}

  @JobHandler('outbox.relay')
  run(): Promise<OutboxRelayResult> {
    return this.relay.relayPending();
  }
}
