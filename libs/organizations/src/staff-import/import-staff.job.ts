import {
  Clock,
  type JobContext,
  JobHandler,
  JOBS,
  type JobPayloads,
  newId,
} from '@lifelong/common';
import { AuditLog } from '@lifelong/audit';
import { Injectable, Logger } from '@nestjs/common';
import { type CsvItem, readCsvRecords } from './csv-records';
import { OrgUnitLookup } from './org-unit-lookup';
import { OrgUnitsRepository } from '../org-units/org-units.repository';
import { type ImportRun, RunSupersededError, StaffBatchWriter } from './staff-batch-writer.service';
import { isLineError, readHeader, type StaffCsvLayout } from './staff-csv';
import { StaffImportsRepository } from './staff-imports.repository';
import { StaffRowChecker } from './staff-row-checker';
import { scanUpload } from './scan-upload';
import { InvalidUtf8Error } from './utf8-text';

/** Rows written per transaction. */
export const STAFF_IMPORT_BATCH_SIZE = 1_000;

export type ImportStaffOutcome = 'completed' | 'failed' | 'skipped';

interface ClaimedImport extends ImportRun {
  chunkCount: number;
  /** Who asked for the import: the actor of its audit entry. */
  requestedBy: string;
  scopeOrgUnitIds: string[] | null;
  /** Data rows written by an earlier run of this import; this run resumes after them. */
  resumeFrom: number;
}

interface ImportFailure {
  failure: string;
  line: number;
}

type FileShape = { layout: StaffCsvLayout; total: number } | ImportFailure;

/** How a run ends: completed with the rows it read, or failed for a reason a person can act on. */
type RunEnd = { status: 'completed'; rows: number } | ({ status: 'failed' } & ImportFailure);

/**
 * Runs one staff CSV import. Re-reads the import and skips one already finished; claims it with
 * a conditional update; reads the file once to check its encoding and header and count its rows
 * (so a bad file fails before anything is written); then streams it again, writing batches.
 */
@Injectable()
export class ImportStaffJob {
  private readonly logger = new Logger(ImportStaffJob.name);

  constructor(
    private readonly imports: StaffImportsRepository,
    private readonly orgUnits: OrgUnitsRepository,
    private readonly writer: StaffBatchWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  @JobHandler('organizations.import-staff')
  async run(
    payload: JobPayloads['organizations.import-staff'],
    context: JobContext,
  ): Promise<ImportStaffOutcome> {
    const claimed = await this.claim(payload.importId);
    if (!claimed) return 'skipped';
    try {
      return await this.process(claimed, context);
    } catch (error) {
      if (error instanceof RunSupersededError) return 'skipped';
      const attempts = JOBS['organizations.import-staff'].options.attempts ?? 1;
      if (context.attempt >= attempts)
        await this.finish(claimed, {
          status: 'failed',
          failure: 'The import stopped after repeated errors on our side; upload the file again.',
          line: 1,
        }).catch(() => undefined);
      throw error;
    }
  }

  private async claim(importId: string): Promise<ClaimedImport | null> {
    const found = await this.imports.findById(importId);
    if (!found || found.status === 'completed' || found.status === 'failed') return null;
    const runToken = newId();
    if (!(await this.imports.claim(importId, runToken, this.clock.now()))) return null;
    const { chunkCount, scopeOrgUnitIds, processed, inviteCreated, requestedBy } = found;
    return {
      importId,
      runToken,
      chunkCount,
      scopeOrgUnitIds,
      requestedBy,
      invite: inviteCreated ? { by: requestedBy } : null,
      resumeFrom: processed,
    };
  }

  private async process(claimed: ClaimedImport, context: JobContext): Promise<ImportStaffOutcome> {
    const shape = await this.inspect(claimed);
    if ('failure' in shape) {
      await this.finish(claimed, { status: 'failed', ...shape });
      return 'failed';
    }
    await this.imports.setTotal(claimed.importId, claimed.runToken, shape.total);
    const checker = new StaffRowChecker(
      shape.layout,
      claimed.scopeOrgUnitIds,
      new OrgUnitLookup(this.orgUnits),
    );
    let processed = 0;
    for await (const batch of this.dataBatches(claimed)) {
      const checked = await checker.check(batch);
      processed += batch.length;
      if (processed <= claimed.resumeFrom) continue;
      await this.writer.write(claimed, checked, processed);
      await context
        .reportProgress(Math.floor((processed / Math.max(shape.total, 1)) * 100))
        .catch(() => undefined);
    }
    await this.finish(claimed, { status: 'completed', rows: processed });
    return 'completed';
  }

  /** First look: encoding, header, row count; nothing is written. */
  private async inspect(claimed: ClaimedImport): Promise<FileShape> {
    try {
      const { header, dataLines } = await scanUpload(() =>
        this.imports.readUpload(claimed.importId, claimed.chunkCount),
      );
      if (!header) return { failure: 'The file has no header row', line: 1 };
      const layout = isLineError(header) ? { problem: header.message } : readHeader(header.fields);
      if ('problem' in layout) return { failure: layout.problem, line: header.line };
      return { layout, total: dataLines };
    } catch (error) {
      if (error instanceof InvalidUtf8Error) return { failure: error.message, line: error.line };
      throw error;
    }
  }

  /** Second pass: the data records, in batches. */
  private async *dataBatches(claimed: ClaimedImport): AsyncGenerator<CsvItem[]> {
    let batch: CsvItem[] = [];
    let header = true;
    for await (const item of this.records(claimed)) {
      if (header) {
        header = false;
        continue;
      }
      batch.push(item);
      if (batch.length === STAFF_IMPORT_BATCH_SIZE) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  private records(claimed: ClaimedImport): AsyncGenerator<CsvItem> {
    return readCsvRecords(this.imports.readUpload(claimed.importId, claimed.chunkCount));
  }

  /** Ends the run: the status, the import-level failure if any, and the stored file dropped. */
  private async finish(claimed: ClaimedImport, end: RunEnd): Promise<void> {
    const failure = end.status === 'failed' ? end : null;
    await this.imports.transaction(async (manager) => {
      // The first look counted non-blank lines; the rows actually read are the exact total.
      const finished = await this.imports.finish(manager, claimed, {
        status: end.status,
        failure: failure?.failure ?? null,
        total: end.status === 'completed' ? end.rows : null,
        finishedAt: this.clock.now(),
      });
      if (!finished) throw new RunSupersededError(claimed.importId);
      if (failure)
        await this.imports.insertError(
          manager,
          claimed.importId,
          failure.line,
          failure.failure.slice(0, 500),
        );
      await this.imports.discardUpload(manager, claimed.importId);
      const counts = await this.imports.counts(manager, claimed.importId);
      await this.audit.record(manager, {
        action: 'staff-import.finished',
        subjectType: 'staff_import',
        subjectId: claimed.importId,
        actorId: claimed.requestedBy,
        details: {
          status: end.status,
          ...Object.fromEntries(Object.entries(counts ?? {}).map(([k, v]) => [k, Number(v)])),
        },
        place: { orgUnitId: claimed.scopeOrgUnitIds?.[0] ?? null },
      });
    });
    this.logger.log(`Staff import ${claimed.importId} ${end.status}`);
  }
}
