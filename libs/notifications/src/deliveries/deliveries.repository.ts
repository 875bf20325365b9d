import { Clock } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { RowLedgerRepository } from '../email/row-ledger.repository';
import type { SendLedger } from '../email/send-once';
import type { DeliveryStatus } from './notification-delivery.entity';

/** A delivery row as the fan-out writes it. */
export interface NewDelivery {
  eventId: string;
  userId: string;
  status: DeliveryStatus;
  reason: string | null;
}

interface Changed {
  affectedRows: number;
}

const KEY = '`event_id` = ? AND `user_id` = ? AND `channel` = ?';

/** The email channel's delivery rows: written in bulk, then moved one conditional update at a time. */
@Injectable()
export class DeliveriesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ledgers: RowLedgerRepository,
  ) {}

  /**
   * One multi-row insert; rows that exist (a re-run of the same event) are kept as they are.
   * Returns how many were new.
   */
  async insertMany(rows: readonly NewDelivery[]): Promise<number> {
    if (rows.length === 0) return 0;
    const now = this.clock.now();
    const result = await this.dataSource.query<Changed>(
      'INSERT IGNORE INTO `notification_deliveries` (`event_id`, `user_id`, `channel`, `status`, `reason`, `updated_at`) VALUES ?',
      [rows.map((row) => [row.eventId, row.userId, 'email', row.status, row.reason, now])],
    );
    return result.affectedRows;
  }

  /** Of these recipients of an event, those whose email still waits to be sent. */
  async pendingAmong(eventId: string, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await this.dataSource.query<{ userId: string }[]>(
      "SELECT `user_id` AS `userId` FROM `notification_deliveries` WHERE `event_id` = ? AND `user_id` IN (?) AND `channel` = 'email' AND `status` = 'pending'",
      [eventId, userIds],
    );
    return rows.map((row) => row.userId);
  }

  /** `pending` → `skipped`: found at send time that the person turned email off meanwhile. */
  async skip(eventId: string, userId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE \`notification_deliveries\` SET \`status\` = 'skipped', \`reason\` = ?, \`updated_at\` = ? WHERE ${KEY} AND \`status\` = 'pending'`,
      [reason, this.clock.now(), eventId, userId, 'email'],
    );
  }

  /** Digest rows of these events for one user take the digest's outcome. */
  async settleDigested(
    manager: EntityManager,
    userId: string,
    eventIds: readonly string[],
    outcome: { status: DeliveryStatus; reason: string | null },
  ): Promise<void> {
    if (eventIds.length === 0) return;
    await manager.query(
      "UPDATE `notification_deliveries` SET `status` = ?, `reason` = ?, `updated_at` = ? WHERE `event_id` IN (?) AND `user_id` = ? AND `channel` = 'email' AND `status` = 'digest'",
      [outcome.status, outcome.reason, this.clock.now(), eventIds, userId],
    );
  }

  /** The send state of one email, for `sendOnce`. */
  ledger(eventId: string, userId: string): SendLedger {
    return this.ledgers.ledger({
      table: 'notification_deliveries',
      key: KEY,
      keyParams: [eventId, userId, 'email'],
    });
  }

  async status(eventId: string, userId: string): Promise<DeliveryStatus | null> {
    const rows = await this.dataSource.query<{ status: DeliveryStatus }[]>(
      `SELECT \`status\` FROM \`notification_deliveries\` WHERE ${KEY}`,
      [eventId, userId, 'email'],
    );
    return rows[0]?.status ?? null;
  }
}
