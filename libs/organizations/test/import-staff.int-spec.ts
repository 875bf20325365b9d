import { ManualClock } from '@lifelong/common';
import type { Principal } from '@lifelong/identity';
import {
  ImportStaffJob,
  OrgUnitsService,
  RequestStaffImportService,
  StaffImport,
} from '@lifelong/organizations';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { StaffBatchWriter } from '../src/staff-import/staff-batch-writer.service';
import {
  insertUser,
  jobContext,
  organizationsModule,
  platformAdminGrant,
  principal,
} from './organizations-testing';
import { testConfig } from '../../../test/setup/test-env';

const HEADER = 'employeeCode,fullName,email,orgUnitCode,position,jobGrade';

interface Report {
  status: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  failed: number;
  failure: string | null;
  errors: { line: number; message: string }[];
}

// The staff import job, called directly as the worker would call it.
describe('staff CSV import job', () => {
  const clock = new ManualClock('2026-11-29T08:00:00.000Z');
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let admin: Principal;
  let ministryManager: Principal;
  const units: Record<string, string> = {};

  beforeAll(async () => {
    moduleRef = await organizationsModule(clock);
    dataSource = moduleRef.get(DataSource);
    admin = principal(await insertUser(dataSource, 'admin@bnv.gov.vn'), platformAdminGrant);
    const orgUnits = moduleRef.get(OrgUnitsService);
    const add = async (code: string, parent?: string): Promise<void> => {
      units[code] = (
        await orgUnits.create(admin, {
          code,
          name: `Đơn vị ${code}`,
          parentId: parent && units[parent],
        })
      ).id;
    };
    await add('BNV');
    await add('BNV-VP', 'BNV');
    await add('BNV-TCCB', 'BNV');
    await add('BGD');
    ministryManager = principal(await insertUser(dataSource, 'manager@bnv.gov.vn'), {
      role: 'org_manager',
      scopeType: 'org_unit',
      scopeId: units.BNV!,
    });
  });

  afterAll(() => moduleRef.close());

  async function runImport(
    csv: string | Buffer,
    by: Principal = admin,
  ): Promise<Report & { importId: string; outcome: string }> {
    const upload = Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8');
    const { importId } = await moduleRef.get(RequestStaffImportService).request(by, upload);
    const outcome = await moduleRef.get(ImportStaffJob).run({ importId }, jobContext());
    return { importId, outcome, ...(await report(importId)) };
  }

  async function report(importId: string): Promise<Report> {
    const found = await dataSource.getRepository(StaffImport).findOneByOrFail({ id: importId });
    const errors = await dataSource.query<{ line: number; message: string }[]>(
      'SELECT `line`, `message` FROM `staff_import_errors` WHERE `import_id` = ? ORDER BY `line`',
      [importId],
    );
    const { status, total, processed, created, updated, failed, failure } = found;
    return { status, total, processed, created, updated, failed, failure, errors };
  }

  async function count(table: string): Promise<number> {
    const [row] = await dataSource.query<{ count: string }[]>(
      `SELECT COUNT(*) AS count FROM \`${table}\``,
    );
    return Number(row?.count);
  }

  async function staff(employeeCode: string): Promise<Record<string, unknown> | undefined> {
    const [row] = await dataSource.query<Record<string, unknown>[]>(
      'SELECT u.`email`, u.`full_name` AS fullName, u.`password_hash` AS passwordHash, o.`code` AS orgUnitCode, m.`position`, m.`job_grade` AS jobGrade FROM `staff_profiles` p JOIN `users` u ON u.`id` = p.`user_id` LEFT JOIN `memberships` m ON m.`current_user_id` = u.`id` LEFT JOIN `org_units` o ON o.`id` = m.`org_unit_id` WHERE p.`employee_code` = ?',
      [employeeCode],
    );
    return row;
  }

  const csv = (...rows: string[]): string => [HEADER, ...rows].join('\n') + '\n';

  it('creates people, their employee codes and memberships; a re-run creates nothing', async () => {
    const file = csv(
      'NV001,Nguyễn Văn An,an.nguyen@bnv.gov.vn,BNV-VP,Chuyên viên,A1',
      'NV002,Trần Thị Bình,Binh.Tran@BNV.gov.vn,BNV-TCCB,Trưởng phòng,A2',
      'NV003,Lê Văn Cường,cuong.le@bnv.gov.vn,BNV,,',
    );
    const first = await runImport(file);
    expect(first).toMatchObject({
      outcome: 'completed',
      status: 'completed',
      total: 3,
      processed: 3,
      created: 3,
      updated: 0,
      failed: 0,
      errors: [],
    });
    expect(await staff('NV002')).toEqual({
      email: 'binh.tran@bnv.gov.vn',
      fullName: 'Trần Thị Bình',
      passwordHash: null,
      orgUnitCode: 'BNV-TCCB',
      position: 'Trưởng phòng',
      jobGrade: 'A2',
    });
    expect(await staff('NV003')).toMatchObject({
      orgUnitCode: 'BNV',
      position: null,
      jobGrade: null,
    });

    const users = await count('users');
    const again = await runImport(file);
    expect(again).toMatchObject({ status: 'completed', created: 0, updated: 0, failed: 0 });
    expect(await count('users')).toBe(users);
    expect(await count('memberships')).toBe(3);
    expect(await count('staff_import_chunks')).toBe(0);
  });

  it('skips an import that already finished when its job runs again', async () => {
    const done = await runImport(
      csv('NV010,Phạm Minh Đức,duc.pham@bnv.gov.vn,BNV-VP,Chuyên viên,A1'),
    );
    expect(done.status).toBe('completed');
    const outcome = await moduleRef
      .get(ImportStaffJob)
      .run({ importId: done.importId }, jobContext(2));
    expect(outcome).toBe('skipped');
    expect(await report(done.importId)).toMatchObject({ created: 1, processed: 1 });
  });

  it('moves a person to a new unit, ending the old membership and keeping history', async () => {
    await runImport(csv('NV020,Hoàng Thu Hà,ha.hoang@bnv.gov.vn,BNV-VP,Chuyên viên,A1'));
    clock.advance(86_400_000);
    const moved = await runImport(
      csv('NV020,Hoàng Thu Hà,ha.hoang@bnv.gov.vn,BNV-TCCB,Phó trưởng phòng,A2'),
    );
    expect(moved).toMatchObject({ created: 0, updated: 1, failed: 0 });
    const history = await dataSource.query<{ code: string; endedAt: Date | null }[]>(
      'SELECT o.`code`, m.`ended_at` AS endedAt FROM `memberships` m JOIN `org_units` o ON o.`id` = m.`org_unit_id` JOIN `staff_profiles` p ON p.`user_id` = m.`user_id` WHERE p.`employee_code` = ? ORDER BY m.`started_at`',
      ['NV020'],
    );
    expect(history).toEqual([
      { code: 'BNV-VP', endedAt: new Date('2026-11-30T08:00:00.000Z') },
      { code: 'BNV-TCCB', endedAt: null },
    ]);
  });

  it('matches a registered user by email when the employee code is new', async () => {
    const userId = await insertUser(dataSource, 'giang.vo@bnv.gov.vn', 'Võ Giang');
    const result = await runImport(
      csv('NV030,Võ Thị Giang,GIANG.VO@bnv.gov.vn,BNV-VP,Chuyên viên,A1'),
    );
    expect(result).toMatchObject({ created: 0, updated: 1, failed: 0 });
    const [profile] = await dataSource.query<{ userId: string }[]>(
      'SELECT `user_id` AS userId FROM `staff_profiles` WHERE `employee_code` = ?',
      ['NV030'],
    );
    expect(profile?.userId).toBe(userId);
    expect(await staff('NV030')).toMatchObject({ fullName: 'Võ Thị Giang', orgUnitCode: 'BNV-VP' });
  });

  it('reads a byte-order mark, ; delimiters and CRLF line ends', async () => {
    const file = `\uFEFF${HEADER.replace(/,/g, ';')}\r\nNV040;Đặng Văn Hùng;hung.dang@bnv.gov.vn;BNV-VP;Chuyên viên, kế toán;A1\r\n`;
    const result = await runImport(file);
    expect(result).toMatchObject({ status: 'completed', created: 1, failed: 0 });
    expect(await staff('NV040')).toMatchObject({ position: 'Chuyên viên, kế toán' });
  });

  it('reports each bad line and imports the good ones', async () => {
    const result = await runImport(
      csv(
        'NV050,Bùi Thị Lan,lan.bui@bnv.gov.vn,BNV-VP,Chuyên viên,A1',
        'NV051,Thiếu cột,thieu@bnv.gov.vn,BNV-VP',
        'NV052,Thừa cột,thua@bnv.gov.vn,BNV-VP,Chuyên viên,A1,extra',
        'NV050,Bùi Thị Lan,lan.bui@bnv.gov.vn,BNV-VP,Chuyên viên,A1',
        'NV053,Trùng email,LAN.BUI@bnv.gov.vn,BNV-VP,,',
        'NV054,Không rõ đơn vị,khong.ro@bnv.gov.vn,NO-SUCH-UNIT,,',
        'NV055,Sai email,not-an-email,BNV-VP,,',
        `NV056,"Robert'); DROP TABLE users;-- 😀",bobby@bnv.gov.vn,BNV-VP,"Chuyên viên ""cao cấp""",A1`,
        '',
        "NV'057,Mã sai,ma.sai@bnv.gov.vn,BNV-VP,,",
      ),
    );
    expect(result).toMatchObject({
      status: 'completed',
      total: 9,
      processed: 9,
      created: 2,
      failed: 7,
    });
    expect(result.errors).toEqual([
      { line: 3, message: 'expected 6 fields, found 4' },
      { line: 4, message: 'expected 6 fields, found 7' },
      { line: 5, message: 'employee code NV050 already appears on line 2' },
      { line: 6, message: 'email lan.bui@bnv.gov.vn already appears on line 2' },
      { line: 7, message: 'unknown org unit code NO-SUCH-UNIT' },
      { line: 8, message: 'email "not-an-email" is not a valid address' },
      {
        line: 11,
        message: "employeeCode may use letters, digits, '.', '_', '/' and '-' only",
      },
    ]);
    expect(await staff('NV056')).toMatchObject({
      fullName: "Robert'); DROP TABLE users;-- 😀",
      position: 'Chuyên viên "cao cấp"',
    });
    expect(await count('users')).toBeGreaterThan(0);
  });

  it('refuses an email that belongs to someone else, on that line', async () => {
    await insertUser(dataSource, 'taken@bnv.gov.vn', 'Người Khác');
    await runImport(csv('NV060,Đỗ Văn Minh,minh.do@bnv.gov.vn,BNV-VP,,'));
    const result = await runImport(csv('NV060,Đỗ Văn Minh,taken@bnv.gov.vn,BNV-VP,,'));
    expect(result).toMatchObject({ created: 0, updated: 0, failed: 1 });
    expect(result.errors).toEqual([
      { line: 2, message: 'email taken@bnv.gov.vn is already used by another person' },
    ]);
    expect(await staff('NV060')).toMatchObject({ email: 'minh.do@bnv.gov.vn' });
  });

  it("refuses rows for units outside the importer's scope", async () => {
    const result = await runImport(
      csv(
        'NV070,Ngô Văn Nam,nam.ngo@bnv.gov.vn,BNV-TCCB,,',
        'NV071,Lý Thị Oanh,oanh.ly@moet.gov.vn,BGD,,',
      ),
      ministryManager,
    );
    expect(result).toMatchObject({ created: 1, failed: 1 });
    expect(result.errors).toEqual([
      { line: 3, message: 'org unit BGD is outside the units you manage' },
    ]);
  });

  describe('who an import may change (domain.md, Accounts)', () => {
    /** A person who set a password: a self-registered learner, or an activated member of staff. */
    async function signedUpUser(email: string, fullName: string): Promise<string> {
      const userId = await insertUser(dataSource, email, fullName);
      await dataSource.query('UPDATE `users` SET `password_hash` = ? WHERE `id` = ?', [
        '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
        userId,
      ]);
      return userId;
    }

    const account = async (userId: string): Promise<Record<string, unknown> | undefined> => {
      const [row] = await dataSource.query<Record<string, unknown>[]>(
        'SELECT u.`email`, u.`full_name` AS fullName, o.`code` AS orgUnitCode FROM `users` u LEFT JOIN `memberships` m ON m.`current_user_id` = u.`id` LEFT JOIN `org_units` o ON o.`id` = m.`org_unit_id` WHERE u.`id` = ?',
        [userId],
      );
      return row;
    };

    it('changes nothing for a self-registered user or the administrator the org manager does not manage, and reports each line', async () => {
      const learner = await signedUpUser('hoa.learner@gmail.com', 'Phan Thị Hoa');
      const platformAdmin = await signedUpUser('root@lifelong.gov.vn', 'Quản trị');
      // Another ministry's member of staff who has signed in, known by an employee code.
      const elsewhere = await signedUpUser('khanh.moet@moet.gov.vn', 'Lương Văn Khánh');
      await runImport(csv('GD900,Lương Văn Khánh,khanh.moet@moet.gov.vn,BGD,Chuyên viên,A1'));
      const before = await Promise.all([learner, platformAdmin, elsewhere].map(account));

      const result = await runImport(
        csv(
          'NV900,Kẻ Gian,hoa.learner@gmail.com,BNV-VP,,',
          'NV901,Kẻ Gian,root@lifelong.gov.vn,BNV-VP,,',
          'GD900,Kẻ Gian,attacker@bnv.gov.vn,BNV-VP,,',
        ),
        ministryManager,
      );

      expect(result).toMatchObject({ status: 'completed', created: 0, updated: 0, failed: 3 });
      expect(result.errors).toEqual([
        {
          line: 2,
          message:
            'hoa.learner@gmail.com belongs to a person outside the units you manage; they were not changed',
        },
        {
          line: 3,
          message:
            'root@lifelong.gov.vn belongs to a person outside the units you manage; they were not changed',
        },
        {
          line: 4,
          message:
            'employee code GD900 belongs to a person outside the units you manage; they were not changed',
        },
      ]);
      expect(await Promise.all([learner, platformAdmin, elsewhere].map(account))).toEqual(before);
      expect(before[2]).toMatchObject({ orgUnitCode: 'BGD' });
    });

    it('never changes the email or name of an account that has signed in, even its own staff', async () => {
      await runImport(csv('NV910,Tạ Văn Long,long.ta@bnv.gov.vn,BNV-VP,Chuyên viên,A1'));
      const [{ userId }] = await dataSource.query<[{ userId: string }]>(
        'SELECT `user_id` AS userId FROM `staff_profiles` WHERE `employee_code` = ?',
        ['NV910'],
      );
      // Long accepts the invitation: the account now has a password.
      await dataSource.query('UPDATE `users` SET `password_hash` = ? WHERE `id` = ?', [
        '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
        userId,
      ]);
      const result = await runImport(
        csv(
          'NV910,Tạ Văn Long,intruder@bnv.gov.vn,BNV-TCCB,Chuyên viên,A1',
          'NV910,Kẻ Gian,long.ta@bnv.gov.vn,BNV-TCCB,Chuyên viên,A1',
        ),
        ministryManager,
      );
      expect(result.errors).toEqual([
        {
          line: 2,
          message:
            'employee code NV910 belongs to an account that has signed in: an import cannot change its email',
        },
        { line: 3, message: 'employee code NV910 already appears on line 2' },
      ]);
      expect(await account(userId)).toEqual({
        email: 'long.ta@bnv.gov.vn',
        fullName: 'Tạ Văn Long',
        orgUnitCode: 'BNV-VP',
      });
      const renamed = await runImport(
        csv('NV910,Kẻ Gian,long.ta@bnv.gov.vn,BNV-TCCB,Chuyên viên,A1'),
        ministryManager,
      );
      expect(renamed.errors).toEqual([
        {
          line: 2,
          message:
            'employee code NV910 belongs to an account that has signed in: an import cannot change its name',
        },
      ]);
      // The same person moved within the manager's units, name and email unchanged: fine.
      const moved = await runImport(
        csv('NV910,Tạ Văn Long,LONG.TA@bnv.gov.vn,BNV-TCCB,Chuyên viên,A1'),
        ministryManager,
      );
      expect(moved).toMatchObject({ updated: 1, failed: 0 });
      expect(await account(userId)).toMatchObject({ orgUnitCode: 'BNV-TCCB' });
    });

    it('still corrects the name and email of its own staff who have never signed in', async () => {
      await runImport(csv('NV920,Đinh Văn Mạnh,manh.dinh@bnv.gov.vn,BNV-VP,,'), ministryManager);
      const corrected = await runImport(
        csv('NV920,Đinh Văn Mạnh (Phòng VP),manh.dv@bnv.gov.vn,BNV-VP,,'),
        ministryManager,
      );
      expect(corrected).toMatchObject({ updated: 1, failed: 0 });
      expect(await staff('NV920')).toMatchObject({
        email: 'manh.dv@bnv.gov.vn',
        fullName: 'Đinh Văn Mạnh (Phòng VP)',
      });
    });
  });

  it('fails the whole import on a bad header, writing nothing', async () => {
    const users = await count('users');
    const result = await runImport(
      'employeeCode,fullName,email,orgUnit,position\nNV080,Phan Văn Quang,quang@bnv.gov.vn,BNV-VP,\n',
    );
    expect(result).toMatchObject({ outcome: 'failed', status: 'failed', created: 0, processed: 0 });
    expect(result.failure).toBe(
      'The header row has missing column(s) orgUnitCode, jobGrade and unexpected column(s) orgUnit; expected employeeCode,fullName,email,orgUnitCode,position,jobGrade',
    );
    expect(result.errors).toEqual([{ line: 1, message: result.failure }]);
    expect(await count('users')).toBe(users);
  });

  it('fails on invalid UTF-8 naming the line and byte offset, before writing any row', async () => {
    const users = await count('users');
    const good = csv('NV090,Trịnh Văn Sơn,son.trinh@bnv.gov.vn,BNV-VP,,');
    const latin1 = Buffer.from('NV091,Nguy\xEAn V\xE0n T,t@bnv.gov.vn,BNV-VP,,\n', 'latin1');
    const result = await runImport(Buffer.concat([Buffer.from(good, 'utf8'), latin1]));
    const offset = Buffer.byteLength(good, 'utf8') + 'NV091,Nguy'.length;
    expect(result).toMatchObject({ status: 'failed', created: 0, processed: 0 });
    expect(result.failure).toContain(
      `line 3 has an invalid byte sequence at byte offset ${offset}`,
    );
    expect(await count('users')).toBe(users);
  });

  it('accepts an import while Redis is unreachable: the job waits in the outbox', async () => {
    const noRedis = await organizationsModule(
      clock,
      testConfig({ REDIS_URL: 'redis://127.0.0.1:1' }),
    );
    try {
      const { importId } = await noRedis
        .get(RequestStaffImportService)
        .request(admin, Buffer.from(csv('NV110,Chu Văn Vinh,vinh@bnv.gov.vn,BNV-VP,,')));
      expect(await report(importId)).toMatchObject({ status: 'queued' });
      const events = await dataSource.query<{ payload: unknown }[]>(
        'SELECT `payload` FROM `outbox_events` WHERE `type` = ? AND `dispatched_at` IS NULL',
        ['organizations.staff-import-requested'],
      );
      expect(events.map((event) => JSON.stringify(event.payload))).toContainEqual(
        expect.stringContaining(importId),
      );
    } finally {
      await noRedis.close();
    }
  });

  it('refuses an empty upload', async () => {
    await expect(
      moduleRef.get(RequestStaffImportService).request(admin, Buffer.alloc(0)),
    ).rejects.toMatchObject({ code: 'STAFF_IMPORT_EMPTY', kind: 'invalid' });
  });

  it('resumes after a failed batch without duplicating rows', async () => {
    const rows = Array.from(
      { length: 2_500 },
      (_, i) => `R${i},Nhân viên ${i},r${i}@bnv.gov.vn,BNV-VP,Chuyên viên,A${i % 3}`,
    );
    const { importId } = await moduleRef
      .get(RequestStaffImportService)
      .request(admin, Buffer.from(csv(...rows)));
    const writer = moduleRef.get(StaffBatchWriter);
    const write = writer.write.bind(writer);
    let calls = 0;
    const spy = jest.spyOn(writer, 'write').mockImplementation((...args) => {
      calls += 1;
      return calls === 2 ? Promise.reject(new Error('connection lost')) : write(...args);
    });
    const job = moduleRef.get(ImportStaffJob);
    await expect(job.run({ importId }, jobContext(1))).rejects.toThrow('connection lost');
    expect(await report(importId)).toMatchObject({
      status: 'running',
      processed: 1_000,
      created: 1_000,
    });
    spy.mockRestore();
    expect(await job.run({ importId }, jobContext(2))).toBe('completed');
    expect(await report(importId)).toMatchObject({
      status: 'completed',
      total: 2_500,
      processed: 2_500,
      created: 2_500,
      failed: 0,
    });
    const [{ n }] = await dataSource.query<[{ n: string }]>(
      "SELECT COUNT(*) AS n FROM `staff_profiles` WHERE `employee_code` LIKE 'R%'",
    );
    expect(Number(n)).toBe(2_500);
    // One memberships-changed event per written batch, not one per row.
    const ids = new Set(
      (
        await dataSource.query<{ userId: string }[]>(
          "SELECT p.`user_id` AS userId FROM `staff_profiles` p WHERE p.`employee_code` LIKE 'R%'",
        )
      ).map((row) => row.userId),
    );
    const events = (
      await dataSource.query<{ payload: unknown }[]>(
        'SELECT `payload` FROM `outbox_events` WHERE `type` = ?',
        ['organizations.memberships-changed'],
      )
    )
      .map((row) =>
        typeof row.payload === 'string'
          ? (JSON.parse(row.payload) as { userIds: string[] })
          : (row.payload as { userIds: string[] }),
      )
      .filter((payload) => payload.userIds.some((userId) => ids.has(userId)));
    expect(events.map((payload) => payload.userIds.length)).toEqual([1_000, 1_000, 500]);
  });

  it('marks the import failed when the last attempt fails', async () => {
    const { importId } = await moduleRef
      .get(RequestStaffImportService)
      .request(admin, Buffer.from(csv('NV100,Mai Văn Tú,tu.mai@bnv.gov.vn,BNV-VP,,')));
    const writer = moduleRef.get(StaffBatchWriter);
    const spy = jest.spyOn(writer, 'write').mockRejectedValue(new Error('deadlock'));
    await expect(moduleRef.get(ImportStaffJob).run({ importId }, jobContext(3))).rejects.toThrow(
      'deadlock',
    );
    spy.mockRestore();
    expect(await report(importId)).toMatchObject({ status: 'failed', created: 0 });
  });
});
