import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A stored document of the xAPI document resources. */
export interface StoredDocument {
  documentKey: Buffer;
  scopeKey: Buffer;
  documentId: string;
  clientId: string;
  contentType: string;
  content: Buffer;
  etag: string;
  updated: Date;
}

interface DocumentRow {
  document_key: Buffer;
  scope_key: Buffer;
  document_id: string;
  client_id: string;
  content_type: string;
  content: Buffer;
  etag: string;
  updated: Date;
}

const toDocument = (row: DocumentRow): StoredDocument => ({
  documentKey: row.document_key,
  scopeKey: row.scope_key,
  documentId: row.document_id,
  clientId: row.client_id,
  contentType: row.content_type,
  content: row.content,
  etag: row.etag,
  updated: new Date(row.updated),
});

const COLUMNS =
  '`document_key`, `scope_key`, `document_id`, `client_id`, `content_type`, `content`, `etag`, `updated`';

/** The `xapi_documents` queries. */
@Injectable()
export class DocumentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** One document; locked when read inside a writing transaction. */
  async one(key: Buffer, manager?: EntityManager): Promise<StoredDocument | null> {
    const rows: DocumentRow[] = await (manager ?? this.dataSource).query(
      `SELECT ${COLUMNS} FROM \`xapi_documents\` WHERE \`document_key\` = ?${manager ? ' FOR UPDATE' : ''}`,
      [key],
    );
    return rows[0] ? toDocument(rows[0]) : null;
  }

  /** The ids of a scope's documents updated after `since`, those of `clientId` only if named. */
  async ids(scopeKey: Buffer, since?: Date, clientId?: string): Promise<string[]> {
    const params: unknown[] = [scopeKey];
    let sql = 'SELECT `document_id` FROM `xapi_documents` WHERE `scope_key` = ?';
    if (since) {
      sql += ' AND `updated` > ?';
      params.push(since);
    }
    if (clientId !== undefined) {
      sql += ' AND `client_id` = ?';
      params.push(clientId);
    }
    const rows: { document_id: string }[] = await this.dataSource.query(
      `${sql} ORDER BY \`updated\`, \`document_id\` LIMIT 10000`,
      params,
    );
    return rows.map((row) => row.document_id);
  }

  async insert(manager: EntityManager, document: StoredDocument): Promise<void> {
    await manager.query(
      `INSERT INTO \`xapi_documents\` (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        document.documentKey,
        document.scopeKey,
        document.documentId,
        document.clientId,
        document.contentType,
        document.content,
        document.etag,
        document.updated,
      ],
    );
  }

  async replace(manager: EntityManager, document: StoredDocument): Promise<void> {
    await manager.query(
      'UPDATE `xapi_documents` SET `content_type` = ?, `content` = ?, `etag` = ?, `updated` = ? ' +
        'WHERE `document_key` = ?',
      [
        document.contentType,
        document.content,
        document.etag,
        document.updated,
        document.documentKey,
      ],
    );
  }

  async delete(manager: EntityManager, key: Buffer): Promise<void> {
    await manager.query('DELETE FROM `xapi_documents` WHERE `document_key` = ?', [key]);
  }

  /** Deletes a scope's documents (those of `clientId` only, if named). */
  async deleteScope(scopeKey: Buffer, clientId?: string): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM `xapi_documents` WHERE `scope_key` = ?' +
        (clientId === undefined ? '' : ' AND `client_id` = ?'),
      clientId === undefined ? [scopeKey] : [scopeKey, clientId],
    );
  }
}
