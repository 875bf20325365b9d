import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One audited change: who (`actorId`, null for the platform itself), what (`action`), on whom
 * (`subjectType` + `subjectId`), when (`at`, from the Clock), from where (`ip`, `requestId`).
 *
 * The place columns say where the subject belonged at the time (its org unit, facility,
 * administrative unit, with the tree paths then), so a scoped reader's filter is one index
 * range (`admin_unit_path LIKE '/a/b/%'`) without joins into trees that may have moved since.
 *
 * Append-only: the application only inserts and reads (AuditLog, AuditReads), and a database
 * trigger refuses UPDATE and DELETE.
 */
@Entity('audit_entries')
@Index('ix_audit_entries_at', ['at', 'id'])
@Index('ix_audit_entries_actor', ['actorId', 'at'])
@Index('ix_audit_entries_subject', ['subjectId', 'at'])
@Index('ix_audit_entries_action', ['action', 'at'])
@Index('ix_audit_entries_admin_unit', ['adminUnitPath', 'at'])
@Index('ix_audit_entries_org_unit', ['orgUnitPath', 'at'])
@Index('ix_audit_entries_facility', ['facilityId', 'at'])
export class AuditEntry {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  @Column({ type: 'char', length: 36, nullable: true, default: null })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 32 })
  subjectType!: string;

  @Column({ type: 'varchar', length: 64 })
  subjectId!: string;

  @Column({ type: 'varchar', length: 45, nullable: true, default: null })
  ip!: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  requestId!: string | null;

  @Column({ type: 'json' })
  details!: Record<string, unknown>;

  @Column({ type: 'char', length: 36, nullable: true, default: null })
  orgUnitId!: string | null;

  @Column({
    type: 'varchar',
    length: 760,
    charset: 'ascii',
    collation: 'ascii_bin',
    nullable: true,
    default: null,
  })
  orgUnitPath!: string | null;

  @Column({ type: 'char', length: 36, nullable: true, default: null })
  facilityId!: string | null;

  @Column({ type: 'char', length: 36, nullable: true, default: null })
  adminUnitId!: string | null;

  @Column({
    type: 'varchar',
    length: 760,
    charset: 'ascii',
    collation: 'ascii_bin',
    nullable: true,
    default: null,
  })
  adminUnitPath!: string | null;
}
