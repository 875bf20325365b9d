import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { StaffImport } from './staff-import.entity';
import { StaffImportError } from './staff-import-error.entity';

/** 1 MiB: an escaped chunk stays far below any max_allowed_packet (16 MB on MariaDB). */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

/** Counters an import keeps, as stored (`total`, `created`, `updated`, `failed`). */
export type StaffImportCounts = Record<string, number>;

/**
 * Queries on staff imports, their stored upload chunks and line errors. Methods taking a
 * manager run in the caller's transaction.
 */
@Injectable()
export class StaffImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string): Promise<StaffImport | null> {
    return this.dataSource.getRepository(StaffImport).findOneBy({ id });
  }

  async insert(
    manager: EntityManager,
    staffImport: QueryDeepPartialEntity<StaffImport>,
  ): Promise<void> {
    await manager.insert(StaffImport, staffImport);
  }

  /** The first line errors of the import, by line. */
  firstErrors(importId: string, limit: number): Promise<StaffImportError[]> {
    return this.dataSource.getRepository(StaffImportError).find({
      where: { importId },
      order: { line: 'ASC' },
      take: limit,
      select: { line: true, message: true },
    });
  }

  /** Stores an uploaded file in the caller's transaction; returns how many chunks it took. */
  async storeUpload(manager: EntityManager, importId: string, upload: Buffer): Promise<number> {
    let seq = 0;
    for (let offset = 0; offset < upload.length; offset += UPLOAD_CHUNK_BYTES, seq += 1) {
      await manager.query(
        'INSERT INTO `staff_import_chunks` (`import_id`, `seq`, `data`) VALUES (?, ?, ?)',
        [importId, seq, upload.subarray(offset, offset + UPLOAD_CHUNK_BYTES)],
      );
    }
    return seq;
  }

  /** Reads a stored file back chunk by chunk, so a 50 MB upload never sits in memory twice. */
  async *readUpload(importId: string, chunkCount: number): AsyncGenerator<Buffer> {
    for (let seq = 0; seq < chunkCount; seq += 1) {
      const [chunk] = await this.dataSource.query<{ data: Buffer }[]>(
        'SELECT `data` FROM `staff_import_chunks` WHERE `import_id` = ? AND `seq` = ?',
        [importId, seq],
      );
      if (!chunk) throw new Error(`Chunk ${seq} of staff import ${importId} is missing`);
      yield chunk.data;
    }
  }

  /** Drops the stored file once the import has finished with it (it holds personal data). */
  async discardUpload(manager: EntityManager, importId: string): Promise<void> {
    await manager.query('DELETE FROM `staff_import_chunks` WHERE `import_id` = ?', [importId]);
  }

  /**
   * Gives a queued or running import to a new run (its token); false when the import has
   * finished meanwhile.
   */
  async claim(importId: string, runToken: string, now: Date): Promise<boolean> {
    const result = await this.dataSource.query<{ affectedRows: number }>(
      "UPDATE `staff_imports` SET `status` = 'running', `run_token` = ?, `started_at` = COALESCE(`started_at`, ?) WHERE `id` = ? AND `status` IN ('queued', 'running')",
      [runToken, now, importId],
    );
    return result.affectedRows > 0;
  }

  async setTotal(importId: string, runToken: string, total: number): Promise<void> {
    await this.dataSource.query(
      'UPDATE `staff_imports` SET `total` = ? WHERE `id` = ? AND `run_token` = ?',
      [total, importId, runToken],
    );
  }

  /** The token of the run owning the import, its row locked (`FOR UPDATE`); undefined: no import. */
  async lockRunToken(manager: EntityManager, importId: string): Promise<string | null | undefined> {
    const [owner] = await manager.query<{ runToken: string | null }[]>(
      'SELECT `run_token` AS runToken FROM `staff_imports` WHERE `id` = ? FOR UPDATE',
      [importId],
    );
    return owner?.runToken;
  }

  /** Line errors, a line's first one kept. */
  async insertErrors(
    manager: EntityManager,
    importId: string,
    errors: readonly { line: number; message: string }[],
  ): Promise<void> {
    await manager.query(
      'INSERT IGNORE INTO `staff_import_errors` (`import_id`, `line`, `message`) VALUES ?',
      [errors.map((error) => [importId, error.line, error.message])],
    );
  }

  /** One import-level error, unless its line already has one. */
  async insertError(
    manager: EntityManager,
    importId: string,
    line: number,
    message: string,
  ): Promise<void> {
    await manager.query(
      'INSERT IGNORE INTO `staff_import_errors` (`import_id`, `line`, `message`) VALUES (?, ?, ?)',
      [importId, line, message],
    );
  }

  /** A written batch: rows read so far, and what the batch added to the counters. */
  async addProgress(
    manager: EntityManager,
    importId: string,
    processed: number,
    added: { created: number; updated: number; failed: number },
  ): Promise<void> {
    await manager.query(
      'UPDATE `staff_imports` SET `processed` = ?, `created` = `created` + ?, `updated` = `updated` + ?, `failed` = `failed` + ? WHERE `id` = ?',
      [processed, added.created, added.updated, added.failed, importId],
    );
  }

  /** Ends the run that holds `runToken`; false when another run holds the import now. */
  async finish(
    manager: EntityManager,
    run: { importId: string; runToken: string },
    end: { status: string; failure: string | null; total: number | null; finishedAt: Date },
  ): Promise<boolean> {
    const result = await manager.query<{ affectedRows: number }>(
      'UPDATE `staff_imports` SET `status` = ?, `failure` = ?, `total` = COALESCE(?, `total`), `finished_at` = ?, `run_token` = NULL WHERE `id` = ? AND `run_token` = ?',
      [end.status, end.failure, end.total, end.finishedAt, run.importId, run.runToken],
    );
    return result.affectedRows > 0;
  }

  async counts(manager: EntityManager, importId: string): Promise<StaffImportCounts | undefined> {
    const [counts] = await manager.query<StaffImportCounts[]>(
      'SELECT `total`, `created`, `updated`, `failed` FROM `staff_imports` WHERE `id` = ?',
      [importId],
    );
    return counts;
  }
}
