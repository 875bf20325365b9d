import { AppConfig, Clock, isId, type Page, type PageQuery, toPage } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import type { NotificationData } from '../kinds/notification-kind';
import { NotificationError } from '../notification-error';
import { RecipientDirectory } from '../recipients/recipient-directory.service';
import { DEFAULT_TIME_ZONE } from '../templates/language';
import { type Reader, renderNotification } from '../templates/render-notification';
import { InboxRepository, type InboxRow } from './inbox.repository';

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

/** A person's in-app inbox: newest first, rendered in their language when read. */
@Injectable()
export class InboxService {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly directory: RecipientDirectory,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async list(userId: string, query: InboxQuery): Promise<Page<InboxItem>> {
    const [{ rows, total }, reader] = await Promise.all([
      this.inbox.page(userId, Boolean(query.unread), query),
      this.reader(userId),
    ]);
    const items = rows.map((row) => this.render(row, reader));
    return toPage(items, total, query);
  }

  /** Marks the caller's own entry read (again is fine); anyone else's is not found. */
  async markRead(userId: string, notificationId: string): Promise<InboxItem> {
    const notFound = new NotificationError(
      'NOTIFICATION_NOT_FOUND',
      'The notification was not found',
    );
    if (!isId(notificationId)) throw notFound;
    await this.inbox.markRead(userId, notificationId, this.clock.now());
    const [row, reader] = await Promise.all([
      this.inbox.findOne(userId, notificationId),
      this.reader(userId),
    ]);
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
