import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntriesRepository } from './audit-entries.repository';
import { AuditEntry } from './audit-entry.entity';
import { AuditLog } from './audit-log.service';
import { AuditReads } from './audit-reads.service';

/**
 * The audit log: {@link AuditLog} for every domain that records a change, {@link AuditReads}
 * for the administrators' reading route. Needs Clock and the database; placing entries needs an
 * `AuditPlaces` bound by a global module (organizations).
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  providers: [AuditLog, AuditReads, AuditEntriesRepository],
  exports: [AuditLog, AuditReads],
})
export class AuditModule {}
