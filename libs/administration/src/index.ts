/**
 * Administration: what administrators and managers read across domains about people — the user
 * directory (search by name, email or employee code, unit, role, status), the user page (roles,
 * memberships, enrollments, assignments, each for those allowed to see it) and the audit log's
 * reading side. Owns no tables: it reads the views the owners publish as read models (its
 * `*.repository.ts` files) and the audit lib's AuditReads. Sits at the top of the dependency
 * order, beside training.
 */

/** The admin routes (api only). */
export { AdministrationHttpModule } from './administration.http.module';
/** The directory's statements and the readers' places, for the query-plan test. */
export { directoryStatements, type DirectoryFilter } from './users/user-directory.repository';
export { type ReaderPlaces } from './reader-places.service';
