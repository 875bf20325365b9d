import type { RecordLearningEventJob } from '@lifelong/learning-records';
import type { DataSource } from 'typeorm';
import { type OutboxRelay, outboxRelay } from '../../../test/support/outbox-relay';

/**
 * Runs `learning-records.record-event` for every outbox event after `fromId` written since the
 * last call, as the relay and the worker would; returns how many jobs ran (see outboxRelay).
 */
export function learningRecordsRelay(
  dataSource: DataSource,
  job: RecordLearningEventJob,
  fromId = 0,
): OutboxRelay {
  return outboxRelay(
    dataSource,
    { 'learning-records.record-event': (payload) => job.record(payload) },
    fromId,
  );
}
