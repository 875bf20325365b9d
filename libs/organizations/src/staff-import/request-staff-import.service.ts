import { AuditLog } from '@lifelong/audit';
import { AppConfig, CommonError, forbidden, newId } from '@lifelong/common';
import { recordEvent } from '@lifelong/database';
import { AccessPolicy, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { OrganizationError } from '../organization-error';
import { STAFF_MANAGERS } from '../policies';
import { StaffImportsRepository, UPLOAD_CHUNK_BYTES } from './staff-imports.repository';

/** Accepting a staff CSV: it is stored and queued in one transaction; the worker runs it. */
@Injectable()
export class RequestStaffImportService {
  constructor(
    private readonly imports: StaffImportsRepository,
    private readonly access: AccessPolicy,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  /**
   * With `invite`, the people the import creates are emailed an invitation as they are written.
   * Stores the file, creates the import and records `organizations.staff-import-requested`
   * together, so the import exists exactly when its job will run, whether or not Redis is up.
   */
  async request(
    principal: Principal,
    upload: Buffer,
    options: { invite?: boolean } = {},
  ): Promise<{ importId: string }> {
    if (upload.length === 0)
      throw new OrganizationError('STAFF_IMPORT_EMPTY', 'The uploaded file is empty', 'invalid');
    if (upload.length > this.config.http.importMaxBytes)
      throw new CommonError(
        'PAYLOAD_TOO_LARGE',
        `The file is larger than ${this.config.http.importMaxBytes} bytes`,
        'too_large',
      );
    const scopeOrgUnitIds = this.importScope(principal);
    const importId = newId();
    await this.imports.transaction(async (manager) => {
      await this.imports.insert(manager, {
        id: importId,
        status: 'queued',
        requestedBy: principal.userId,
        scopeOrgUnitIds,
        inviteCreated: options.invite === true,
        byteSize: upload.length,
        chunkCount: Math.ceil(upload.length / UPLOAD_CHUNK_BYTES),
      });
      await this.imports.storeUpload(manager, importId, upload);
      await recordEvent(manager, 'organizations.staff-import-requested', { importId });
      await this.audit.record(manager, {
        action: 'staff-import.requested',
        subjectType: 'staff_import',
        subjectId: importId,
        details: { byteSize: upload.length, scopeOrgUnitIds },
        place: { orgUnitId: scopeOrgUnitIds?.[0] ?? null },
      });
    });
    return { importId };
  }

  /**
   * The org units the importer may fill, fixed when they ask (null: all of them). Each row's
   * unit is checked against it in the worker, without the importer's token.
   */
  private importScope(principal: Principal): string[] | null {
    const reach = this.access.reach(principal, STAFF_MANAGERS);
    if (reach.everywhere) return null;
    const orgUnitIds = reach.scopes
      .filter((scope) => scope.scopeType === 'org_unit')
      .map((scope) => scope.scopeId);
    if (orgUnitIds.length === 0)
      throw forbidden('Importing staff needs an admin or org manager role over an org unit');
    return orgUnitIds;
  }
}
