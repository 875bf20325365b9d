/**
 * The audit log: an append-only record of administrators' and managers' changes (grants,
 * revocations, imports, membership moves, certificate revocations, requirement edits,
 * invitations, deactivations), written in the same transaction as each change.
 *
 * Sits just above common and database, so every domain can record: import {@link AuditModule}
 * and call `AuditLog.record(manager, { action, subjectType, subjectId, details, place })` inside
 * the change's transaction. Who acted, the source IP and the request id come from the request
 * context. Organizations binds {@link AuditPlaces} (where a subject belongs in the trees).
 */

/** AuditLog and AuditReads. */
export { AuditModule } from './audit.module';
/** Records an entry inside the change's transaction (insert only). */
export { AuditLog, type AuditRecord } from './audit-log.service';
/** Reads pages of entries with filters and a reader's visibility (select only). */
export { type AuditFilter, AuditReads, type AuditVisibility } from './audit-reads.service';
/** The entry as stored. */
export { AuditEntry } from './audit-entry.entity';
/** The closed lists of actions and subject types. */
export {
  AUDIT_ACTIONS,
  AUDIT_SUBJECT_TYPES,
  type AuditAction,
  type AuditSubjectType,
} from './audit-actions';
/** Where a subject belongs, and the port organizations binds to resolve it. */
export { type AuditPlace, AuditPlaces, NO_PLACE, type ResolvedPlace } from './audit-places';
