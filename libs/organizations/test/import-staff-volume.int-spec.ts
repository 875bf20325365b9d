import {
  ImportStaffJob,
  OrgUnitsService,
  RequestStaffImportService,
  StaffImport,
} from '@lifelong/organizations';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import {
  insertUser,
  jobContext,
  organizationsModule,
  platformAdminGrant,
  principal,
} from './organizations-testing';

const ROWS = 100_000;

// A ministry-sized file: 100,000 rows in one import, well within the test time budget.
describe('staff CSV import of 100,000 rows', () => {
  let moduleRef: TestingModule;
  let dataSource: DataSource;

  beforeAll(async () => {
    moduleRef = await organizationsModule();
    dataSource = moduleRef.get(DataSource);
  });

  afterAll(() => moduleRef.close());

  it('imports every row in batches, reporting progress', async () => {
    const admin = principal(await insertUser(dataSource, 'admin@bnv.gov.vn'), platformAdminGrant);
    const orgUnits = moduleRef.get(OrgUnitsService);
    const ministry = await orgUnits.create(admin, { code: 'BNV', name: 'Bộ Nội vụ' });
    const codes: string[] = [];
    for (let d = 0; d < 20; d += 1) {
      const code = `BNV-P${d}`;
      await orgUnits.create(admin, { code, name: `Phòng ${d}`, parentId: ministry.id });
      codes.push(code);
    }
    const lines = ['employeeCode;fullName;email;orgUnitCode;position;jobGrade'];
    for (let i = 0; i < ROWS; i += 1)
      lines.push(
        `CB${i};Nguyễn Thị Công Chức ${i};cong.chuc.${i}@bnv.gov.vn;${codes[i % codes.length]};Chuyên viên;A${i % 4}`,
      );
    const file = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');

    const requests = moduleRef.get(RequestStaffImportService);
    const job = moduleRef.get(ImportStaffJob);
    const first = await requests.request(admin, file);
    const context = jobContext();
    expect(await job.run(first, context)).toBe('completed');
    const imports = dataSource.getRepository(StaffImport);
    expect(await imports.findOneByOrFail({ id: first.importId })).toMatchObject({
      status: 'completed',
      total: ROWS,
      processed: ROWS,
      created: ROWS,
      failed: 0,
    });
    expect(context.progress.at(-1)).toBe(100);
    expect(context.progress.length).toBe(ROWS / 1_000);

    const [{ n }] = await dataSource.query<[{ n: string }]>(
      'SELECT COUNT(*) AS n FROM `memberships` WHERE `ended_at` IS NULL',
    );
    expect(Number(n)).toBe(ROWS);
  }, 120_000);
});
