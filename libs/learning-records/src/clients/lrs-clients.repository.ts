import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { LrsClient, ReadScope } from './lrs-client';

interface ClientRow {
  id: string;
  name: string;
  api_key: string;
  secret_hash: string;
  read_scope: string;
  may_write: number;
  created_by: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

const COLUMNS =
  '`id`, `name`, `api_key`, `secret_hash`, `read_scope`, `may_write`, `created_by`, `created_at`, `revoked_at`';

const toClient = (row: ClientRow): LrsClient => ({
  id: row.id,
  name: row.name,
  key: row.api_key,
  readScope: row.read_scope as ReadScope,
  mayWrite: Number(row.may_write) === 1,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at),
  revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
});

/** The `lrs_clients` queries. */
@Injectable()
export class LrsClientsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(manager: EntityManager, client: LrsClient, secretHash: string): Promise<void> {
    await manager.query(
      `INSERT INTO \`lrs_clients\` (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        client.id,
        client.name,
        client.key,
        secretHash,
        client.readScope,
        client.mayWrite ? 1 : 0,
        client.createdBy,
        client.createdAt,
        client.revokedAt,
      ],
    );
  }

  /** A client and its secret's hash, by key (the unique index), revoked or not. */
  async byKey(key: string): Promise<{ client: LrsClient; secretHash: string } | null> {
    const rows: ClientRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM \`lrs_clients\` WHERE \`api_key\` = ?`,
      [key],
    );
    const row = rows[0];
    return row ? { client: toClient(row), secretHash: row.secret_hash } : null;
  }

  async byId(manager: EntityManager, id: string): Promise<LrsClient | null> {
    const rows: ClientRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM \`lrs_clients\` WHERE \`id\` = ? FOR UPDATE`,
      [id],
    );
    return rows[0] ? toClient(rows[0]) : null;
  }

  async page(offset: number, limit: number): Promise<{ items: LrsClient[]; total: number }> {
    const rows: ClientRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM \`lrs_clients\` ORDER BY \`created_at\` DESC, \`id\` DESC LIMIT ? OFFSET ?`,
      [limit, offset],
    );
    const [count] = await this.dataSource.query<{ total: string | number }[]>(
      'SELECT COUNT(*) AS `total` FROM `lrs_clients`',
    );
    return { items: rows.map(toClient), total: Number(count?.total ?? 0) };
  }

  async revoke(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(
      'UPDATE `lrs_clients` SET `revoked_at` = ? WHERE `id` = ? AND `revoked_at` IS NULL',
      [at, id],
    );
  }
}
