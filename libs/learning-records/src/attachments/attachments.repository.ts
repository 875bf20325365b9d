import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AttachmentPart } from './statement-request';

interface ContentRow {
  sha2: string;
  content_type: string;
  content: Buffer;
}

/** The queries of `xapi_attachments`: attachment contents, one row per SHA-2. */
@Injectable()
export class AttachmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Keeps contents not kept yet, in the statements' transaction; the same hash is the same bytes. */
  async keep(
    manager: EntityManager,
    contents: readonly AttachmentPart[],
    stored: Date,
  ): Promise<void> {
    // One statement per content: each fits under max_allowed_packet (XAPI_ATTACHMENTS_MAX_BYTES).
    for (const part of contents)
      await manager.query(
        'INSERT IGNORE INTO `xapi_attachments` (`sha2`, `content_type`, `length`, `content`, ' +
          '`stored_at`) VALUES (?, ?, ?, ?, ?)',
        [part.sha2, part.contentType, part.content.length, part.content, stored],
      );
  }

  /** The contents kept under these hashes (those not kept are left out). */
  async contents(sha2s: readonly string[]): Promise<AttachmentPart[]> {
    if (sha2s.length === 0) return [];
    const rows: ContentRow[] = await this.dataSource.query(
      'SELECT `sha2`, `content_type`, `content` FROM `xapi_attachments` WHERE `sha2` IN (?)',
      [sha2s],
    );
    return rows.map((row) => ({
      sha2: row.sha2,
      contentType: row.content_type,
      content: row.content,
    }));
  }
}
