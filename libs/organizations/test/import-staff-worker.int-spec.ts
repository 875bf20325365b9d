import type { INestApplicationContext } from '@nestjs/common';
import { RequestStaffImportService, StaffImport } from '@lifelong/organizations';
import { DataSource } from 'typeorm';
import { createTestWorker } from '../../../test/support/test-worker';
import { testConfig } from '../../../test/setup/test-env';
import { insertUser, platformAdminGrant, principal } from './organizations-testing';

// The whole path: the request records the outbox event, the worker's relay turns it into the
// `organizations.import-staff` job, and the handler found in OrganizationsWorkerModule runs it.
describe('staff import through the worker', () => {
  let worker: INestApplicationContext;

  // Time for a whole worker to start on a busy two-core machine.
  beforeAll(async () => {
    worker = await createTestWorker(testConfig({ OUTBOX_RELAY_INTERVAL_MS: '200' }));
  }, 60_000);

  afterAll(() => worker?.close());

  it('completes an import requested through the outbox', async () => {
    const dataSource = worker.get(DataSource);
    const admin = principal(await insertUser(dataSource, 'admin@bnv.gov.vn'), platformAdminGrant);
    const unitId = '01900000-0000-7000-8000-0000000000aa';
    await dataSource.query(
      'INSERT INTO `org_units` (`id`, `code`, `name`, `path`, `depth`) VALUES (?, ?, ?, ?, 1)',
      [unitId, 'BNV', 'Bộ Nội vụ', `/${unitId}/`],
    );
    const csv =
      'employeeCode,fullName,email,orgUnitCode,position,jobGrade\nNV1,Lê Thị Hoa,hoa@bnv.gov.vn,BNV,,\n';
    const { importId } = await worker
      .get(RequestStaffImportService)
      .request(admin, Buffer.from(csv, 'utf8'));
    const imports = dataSource.getRepository(StaffImport);
    let found = await imports.findOneByOrFail({ id: importId });
    for (let tries = 0; tries < 100 && found.status !== 'completed'; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      found = await imports.findOneByOrFail({ id: importId });
    }
    expect(found).toMatchObject({ status: 'completed', created: 1, failed: 0 });
  });
});
