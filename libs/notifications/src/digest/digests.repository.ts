import { Clock } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import type { DeliveryStatus } from '../deliveries/notification-delivery.entity';
import { RowLedgerRepository } from '../email/row-ledger.repository';
import type { SendLedger } from '../email/send-once';
import type { NotificationData } from '../kinds/notification-kind';
import { DEFAULT_TIME_ZONE } from '../templates/language';

/** A person with entries waiting for their digest. */
export interface WaitingUser {
  userId: string;
  timeZone: string;
}

/** A digest as first planned: what it covers, and where it stands. */
export interface DigestState {
  status: string;
  upToEventId: string;
}

/** A waiting entry's notification, for the digest's list. */
export interface DigestItem {
  kind: string;
  data: NotificationData | string;
}

const SETTLE_BATCH = 1_000;
const KEY = '`user_id` = ? AND `digest_date` = ?';

/** Digest entries and digests: planning, the send state, and settling what a digest carried. */
@Injectable()
export class DigestsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: DeliveriesRepository,
    private readonly clock: Clock,
    private readonly ledgers: RowLedgerRepository,
  ) {}

  /** People with waiting entries after `afterUserId`, in id order (a loose scan of the key). */
  waitingUsers(afterUserId: string, limit: number): Promise<WaitingUser[]> {
    return this.dataSource.query<WaitingUser[]>(
      'SELECT w.`user_id` AS `userId`, COALESCE(p.`time_zone`, ?) AS `timeZone` FROM ' +
        '(SELECT DISTINCT `user_id` FROM `notification_digest_entries` WHERE `user_id` > ? ORDER BY `user_id` LIMIT ?) w ' +
        'LEFT JOIN `notification_preferences` p ON p.`user_id` = w.`user_id` ORDER BY w.`user_id`',
      [DEFAULT_TIME_ZONE, afterUserId, limit],
    );
  }

  /**
   * Opens these people's digests of `date`, each covering every entry waiting now; a digest that
   * exists keeps what it covered. Returns the ones still to send (`pending`).
   */
  async openMany(date: string, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    await this.dataSource.query(
      'INSERT IGNORE INTO `notification_digests` (`user_id`, `digest_date`, `status`, `attempts`, `up_to_event_id`, `updated_at`) ' +
        "SELECT `user_id`, ?, 'pending', 0, MAX(`event_id`), ? FROM `notification_digest_entries` WHERE `user_id` IN (?) GROUP BY `user_id`",
      [date, this.clock.now(), userIds],
    );
    const rows = await this.dataSource.query<{ userId: string }[]>(
      "SELECT `user_id` AS `userId` FROM `notification_digests` WHERE `user_id` IN (?) AND `digest_date` = ? AND `status` = 'pending'",
      [userIds, date],
    );
    return rows.map((row) => row.userId);
  }

  /** One person's digest of `date`, opened here if the planner has not. */
  async open(userId: string, date: string): Promise<DigestState | null> {
    await this.openMany(date, [userId]);
    return this.state(userId, date);
  }

  /** The first `limit` entries the digest carries (oldest first), and how many it carries. */
  async contents(
    userId: string,
    upToEventId: string,
    limit: number,
  ): Promise<{ items: DigestItem[]; total: number }> {
    const [items, counted] = await Promise.all([
      this.dataSource.query<DigestItem[]>(
        'SELECT n.`kind`, n.`data` FROM `notification_digest_entries` e JOIN `notifications` n ON n.`event_id` = e.`event_id` AND n.`user_id` = e.`user_id` WHERE e.`user_id` = ? AND e.`event_id` <= ? ORDER BY e.`event_id` LIMIT ?',
        [userId, upToEventId, limit],
      ),
      this.dataSource.query<{ total: string | number }[]>(
        'SELECT COUNT(*) AS `total` FROM `notification_digest_entries` WHERE `user_id` = ? AND `event_id` <= ?',
        [userId, upToEventId],
      ),
    ]);
    return { items, total: Number(counted[0]?.total ?? 0) };
  }

  /** `pending` → `skipped` with the reason (no address, email off, nothing to say). */
  async skip(userId: string, date: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE \`notification_digests\` SET \`status\` = 'skipped', \`reason\` = ?, \`updated_at\` = ? WHERE ${KEY} AND \`status\` = 'pending'`,
      [reason, this.clock.now(), userId, date],
    );
  }

  /**
   * The entries a settled digest carried take its outcome (their delivery rows) and leave the
   * waiting list, a batch per transaction. Idempotent: a re-run settles what is left.
   */
  async settle(
    userId: string,
    upToEventId: string,
    outcome: { status: DeliveryStatus; reason: string | null },
  ): Promise<void> {
    for (;;) {
      const settled = await this.dataSource.transaction(async (manager) => {
        const rows = await manager.query<{ eventId: string }[]>(
          'SELECT `event_id` AS `eventId` FROM `notification_digest_entries` WHERE `user_id` = ? AND `event_id` <= ? ORDER BY `event_id` LIMIT ? FOR UPDATE',
          [userId, upToEventId, SETTLE_BATCH],
        );
        const eventIds = rows.map((row) => row.eventId);
        if (eventIds.length === 0) return 0;
        await this.deliveries.settleDigested(manager, userId, eventIds, outcome);
        await manager.query(
          'DELETE FROM `notification_digest_entries` WHERE `user_id` = ? AND `event_id` IN (?)',
          [userId, eventIds],
        );
        return eventIds.length;
      });
      if (settled < SETTLE_BATCH) return;
    }
  }

  /** One multi-row insert of an event's digest entries; entries that exist stay. */
  async insertEntries(eventId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.dataSource.query(
      'INSERT IGNORE INTO `notification_digest_entries` (`user_id`, `event_id`) VALUES ?',
      [userIds.map((userId) => [userId, eventId])],
    );
  }

  /** The send state of one digest, for `sendOnce`. */
  ledger(userId: string, date: string): SendLedger {
    return this.ledgers.ledger({
      table: 'notification_digests',
      key: KEY,
      keyParams: [userId, date],
    });
  }

  async state(
    userId: string,
    date: string,
  ): Promise<(DigestState & { reason: string | null }) | null> {
    const rows = await this.dataSource.query<(DigestState & { reason: string | null })[]>(
      `SELECT \`status\`, \`up_to_event_id\` AS \`upToEventId\`, \`reason\` FROM \`notification_digests\` WHERE ${KEY}`,
      [userId, date],
    );
    return rows[0] ?? null;
  }
}
