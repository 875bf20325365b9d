import { type PageQuery, newId, pageOffset } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { NotificationData } from '../kinds/notification-kind';

/** An inbox entry as stored; MySQL hands JSON columns back parsed, MariaDB as text. */
export interface InboxRow {
  id: string;
  kind: string;
  data: NotificationData | string;
  createdAt: Date;
  readAt: Date | null;
}

/** One event's entry, as every recipient gets it. */
export interface NewInboxEntry {
  eventId: string;
  kind: string;
  data: Readonly<Record<string, string>>;
}

const COLUMNS = '`id`, `kind`, `data`, `created_at` AS `createdAt`, `read_at` AS `readAt`';

/**
 * The `notifications` table (people's inboxes): one index range per page (the key starts with
 * the user; unread entries have their own index).
 */
@Injectable()
export class InboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One multi-row insert; an entry that exists (a re-run of the same event) stays as it is. */
  async insertMany(
    entry: NewInboxEntry,
    userIds: readonly string[],
    createdAt: Date,
  ): Promise<void> {
    const data = JSON.stringify(entry.data);
    await this.dataSource.query(
      'INSERT IGNORE INTO `notifications` (`user_id`, `id`, `event_id`, `kind`, `data`, `created_at`) VALUES ?',
      [userIds.map((userId) => [userId, newId(), entry.eventId, entry.kind, data, createdAt])],
    );
  }

  /** A page of the person's entries, newest first, and how many there are in all. */
  async page(
    userId: string,
    unreadOnly: boolean,
    query: PageQuery,
  ): Promise<{ rows: InboxRow[]; total: number }> {
    const filter = unreadOnly ? ' AND `read_at` IS NULL' : '';
    const [rows, counted] = await Promise.all([
      this.dataSource.query<InboxRow[]>(
        `SELECT ${COLUMNS} FROM \`notifications\` WHERE \`user_id\` = ?${filter} ORDER BY \`id\` DESC LIMIT ? OFFSET ?`,
        [userId, query.pageSize, pageOffset(query)],
      ),
      this.dataSource.query<{ total: string | number }[]>(
        `SELECT COUNT(*) AS \`total\` FROM \`notifications\` WHERE \`user_id\` = ?${filter}`,
        [userId],
      ),
    ]);
    return { rows, total: Number(counted[0]?.total ?? 0) };
  }

  /** Marks the person's entry read at `readAt`, unless it already was. */
  async markRead(userId: string, id: string, readAt: Date): Promise<void> {
    await this.dataSource.query(
      'UPDATE `notifications` SET `read_at` = COALESCE(`read_at`, ?) WHERE `user_id` = ? AND `id` = ?',
      [readAt, userId, id],
    );
  }

  async findOne(userId: string, id: string): Promise<InboxRow | null> {
    const rows = await this.dataSource.query<InboxRow[]>(
      `SELECT ${COLUMNS} FROM \`notifications\` WHERE \`user_id\` = ? AND \`id\` = ?`,
      [userId, id],
    );
    return rows[0] ?? null;
  }

  /** The person's entry for an event (what its email says). */
  async findByEvent(eventId: string, userId: string): Promise<InboxRow | null> {
    const rows = await this.dataSource.query<InboxRow[]>(
      'SELECT `id`, `kind`, `data` FROM `notifications` WHERE `event_id` = ? AND `user_id` = ?',
      [eventId, userId],
    );
    return rows[0] ?? null;
  }
}
