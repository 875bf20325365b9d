import {
  AppConfig,
  Clock,
  isId,
  type Page,
  pageOffset,
  type PageQuery,
  toPage,
} from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { NotificationData } from '../kinds/notification-kind';
import { NotificationError } from '../notification-error';
import { RecipientDirectory } from '../recipients/recipient-directory';
import { DEFAULT_TIME_ZONE } from '../templates/language';
import { type Reader, renderNotification } from '../templates/render-notification';

/** One inbox entry in the reader's language. */
export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  data: NotificationData;
  createdAt: Date;
  readAt: Date | null;
}

/** A page of the inbox; `unread` keeps only what has not been read. */
export interface InboxQuery extends PageQuery {
  unread?: boolean;
}

interface InboxRow {
  id: string;
  kind: string;
  data: NotificationData | string;
  createdAt: Date;
  readAt: Date | null;
}

const COLUMNS = '`id`, `kind`, `data`, `created_at` AS `createdAt`, `read_at` AS `readAt`';

/**
 * A person's in-app inbox: newest first, one index range per page (the key starts with the
 * user; unread entries have their own index), rendered in their language when read.
 */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: RecipientDirectory,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async list(userId: string, query: InboxQuery): Promise<Page<InboxItem>> {
    const filter = query.unread ? ' AND `read_at` IS NULL' : '';
    const [rows, counted, reader] = await Promise.all([
      this.dataSource.query<InboxRow[]>(
        `SELECT ${COLUMNS} FROM \`notifications\` WHERE \`user_id\` = ?${filter} ORDER BY \`id\` DESC LIMIT ? OFFSET ?`,
        [userId, query.pageSize, pageOffset(query)],
      ),
      this.dataSource.query<{ total: string | number }[]>(
        `SELECT COUNT(*) AS \`total\` FROM \`notifications\` WHERE \`user_id\` = ?${filter}`,
        [userId],
      ),
      this.reader(userId),
    ]);
    const items = rows.map((row) => this.render(row, reader));
    return toPage(items, Number(counted[0]?.total ?? 0), query);
  }

  /** Marks the caller's own entry read (again is fine); anyone else's is not found. */
  async markRead(userId: string, notificationId: string): Promise<InboxItem> {
    const notFound = new NotificationError(
      'NOTIFICATION_NOT_FOUND',
      'The notification was not found',
    );
    if (!isId(notificationId)) throw notFound;
    await this.dataSource.query(
      'UPDATE `notifications` SET `read_at` = COALESCE(`read_at`, ?) WHERE `user_id` = ? AND `id` = ?',
      [this.clock.now(), userId, notificationId],
    );
    const [rows, reader] = await Promise.all([
      this.dataSource.query<InboxRow[]>(
        `SELECT ${COLUMNS} FROM \`notifications\` WHERE \`user_id\` = ? AND \`id\` = ?`,
        [userId, notificationId],
      ),
      this.reader(userId),
    ]);
    const row = rows[0];
    if (!row) throw notFound;
    return this.render(row, reader);
  }

  private async reader(userId: string): Promise<Reader> {
    const recipient = await this.directory.findOne(userId);
    return recipient ?? { locale: null, timeZone: DEFAULT_TIME_ZONE };
  }

  private render(row: InboxRow, reader: Reader): InboxItem {
    // MySQL hands JSON columns back parsed, MariaDB as text.
    const data =
      typeof row.data === 'string' ? (JSON.parse(row.data) as NotificationData) : row.data;
    const links = { publicUrl: this.config.http.publicUrl };
    const { text } = renderNotification(row.kind, data, reader, links);
    const { id, kind, createdAt, readAt } = row;
    return { id, kind, title: text.title, body: text.body, data, createdAt, readAt };
  }
}
