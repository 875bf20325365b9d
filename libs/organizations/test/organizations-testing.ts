import { type JobContext, ManualClock, newId } from '@lifelong/common';
import type { Principal, RoleGrant } from '@lifelong/identity';
import { OrganizationsModule, OrganizationsWorkerModule } from '@lifelong/organizations';
import type { TestingModule } from '@nestjs/testing';
import type { DataSource } from 'typeorm';
import { testConfig } from '../../../test/setup/test-env';
import { servicesModule } from '../../../test/support/services-module';

/** Organizations' services and job handler over the test database, with a manual clock. */
export async function organizationsModule(
  clock = new ManualClock(),
  config = testConfig(),
): Promise<TestingModule> {
  return servicesModule(config, clock, [OrganizationsModule, OrganizationsWorkerModule]);
}

/** A user row as identity stores it (no password: like an imported member of staff). */
export async function insertUser(
  dataSource: DataSource,
  email: string,
  fullName = 'Người Dùng Thử',
): Promise<string> {
  const id = newId();
  await dataSource.query('INSERT INTO `users` (`id`, `email`, `full_name`) VALUES (?, ?, ?)', [
    id,
    email,
    fullName,
  ]);
  return id;
}

/** A caller with these grants (the access policy reads only the grants). */
export const principal = (userId: string, ...roles: RoleGrant[]): Principal => ({
  userId,
  email: `${userId}@example.test`,
  roles,
});

export const platformAdminGrant: RoleGrant = { role: 'admin', scopeType: null, scopeId: null };

/** A job context for calling a handler directly, as the worker would on `attempt`. */
export function jobContext(attempt = 1): JobContext & { progress: unknown[] } {
  const progress: unknown[] = [];
  return {
    jobId: newId(),
    jobName: 'organizations.import-staff',
    attempt,
    progress,
    reportProgress: (value) => {
      progress.push(value);
      return Promise.resolve();
    },
  };
}
