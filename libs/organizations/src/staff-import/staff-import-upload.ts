import type { DataSource, EntityManager } from 'typeorm';

/** 1 MiB: an escaped chunk stays far below any max_allowed_packet (16 MB on MariaDB). */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

/** Stores an uploaded file in the caller's transaction; returns how many chunks it took. */
export async function storeUpload(
  manager: EntityManager,
  importId: string,
  upload: Buffer,
): Promise<number> {
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
export async function* readUpload(
  dataSource: DataSource,
  importId: string,
  chunkCount: number,
): AsyncGenerator<Buffer> {
  for (let seq = 0; seq < chunkCount; seq += 1) {
    const [chunk] = await dataSource.query<{ data: Buffer }[]>(
      'SELECT `data` FROM `staff_import_chunks` WHERE `import_id` = ? AND `seq` = ?',
      [importId, seq],
    );
    if (!chunk) throw new Error(`Chunk ${seq} of staff import ${importId} is missing`);
    yield chunk.data;
  }
}

/** Drops the stored file once the import has finished with it (it holds personal data). */
export async function discardUpload(manager: EntityManager, importId: string): Promise<void> {
  await manager.query('DELETE FROM `staff_import_chunks` WHERE `import_id` = ?', [importId]);
}
