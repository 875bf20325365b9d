import { AuditModule } from '@lifelong/audit';
import { IdentityModule } from '@lifelong/identity';
import { Module } from '@nestjs/common';
import { OrganizationsModule } from './organizations.module';
import { ImportStaffJob } from './staff-import/import-staff.job';
import { StaffBatchWriter } from './staff-import/staff-batch-writer.service';

/** The organizations job handlers (worker process only): the staff CSV import. */
@Module({
  imports: [OrganizationsModule, IdentityModule, AuditModule],
  providers: [ImportStaffJob, StaffBatchWriter],
  // The demo seeder runs the import in-process.
  exports: [ImportStaffJob],
})
export class OrganizationsWorkerModule {}
