import { ClockModule, ConfigModule, newId } from '@lifelong/common';
import {
  createDatabaseIfMissing,
  DatabaseModule,
  runMigrations,
  truncateAllTables,
} from '@lifelong/database';
import {
  ImportStaffJob,
  OrganizationsModule,
  OrganizationsWorkerModule,
  OrgUnitsService,
  RequestStaffImportService,
} from '@lifelong/organizations';
import { Test } from '@nestjs/testing';
import { type Connection, createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { testConfig, testDatabaseName } from '../test/setup/test-env';

const ROWS = 50_000;
const BATCH = 1_000;
const LIMIT_SECONDS = 60;

interface StaffLine {
  employeeCode: string;
  fullName: string;
  email: string;
  orgUnitCode: string;
  position: string;
  jobGrade: string;
}

function staffLines(unitCodes: readonly string[]): StaffLine[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    employeeCode: `CB${String(i).padStart(6, '0')}`,
    fullName: `Nguyễn Thị Công Chức ${i}`,
    email: `cong.chuc.${i}@bnv.gov.vn`,
    orgUnitCode: unitCodes[i % unitCodes.length]!,
    position: i % 10 === 0 ? 'Trưởng phòng' : 'Chuyên viên',
    jobGrade: `A${i % 4}`,
  }));
}

const toCsv = (lines: readonly StaffLine[]): Buffer =>
  Buffer.from(
    [
      'employeeCode,fullName,email,orgUnitCode,position,jobGrade',
      ...lines.map((l) =>
        [l.employeeCode, l.fullName, l.email, l.orgUnitCode, l.position, l.jobGrade].join(','),
      ),
    ].join('\n'),
    'utf8',
  );

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

/** Ours: the request path stores the file, then the job handler runs it end to end. */
async function importThroughHandler(): Promise<{
  seconds: number;
  unitIds: Map<string, string>;
  lines: StaffLine[];
}> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(testConfig()),
      ClockModule,
      DatabaseModule,
      OrganizationsModule,
      OrganizationsWorkerModule,
    ],
  }).compile();
  await moduleRef.init();
  try {
    const dataSource = moduleRef.get(DataSource);
    const adminId = newId();
    await dataSource.query('INSERT INTO `users` (`id`, `email`, `full_name`) VALUES (?, ?, ?)', [
      adminId,
      'bench-admin@bnv.gov.vn',
      'Quản trị',
    ]);
    const admin = {
      userId: adminId,
      email: 'bench-admin@bnv.gov.vn',
      roles: [{ role: 'admin' as const, scopeType: null, scopeId: null }],
    };
    const orgUnits = moduleRef.get(OrgUnitsService);
    const ministry = await orgUnits.create(admin, { code: 'BNV', name: 'Bộ Nội vụ' });
    const unitIds = new Map<string, string>();
    for (let d = 0; d < 50; d += 1) {
      const unit = await orgUnits.create(admin, {
        code: `BNV-P${d}`,
        name: `Phòng ${d}`,
        parentId: ministry.id,
      });
      unitIds.set(unit.code, unit.id);
    }
    const lines = staffLines([...unitIds.keys()]);
    const file = toCsv(lines);
    const started = process.hrtime.bigint();
    const request = await moduleRef.get(RequestStaffImportService).request(admin, file);
    const outcome = await moduleRef.get(ImportStaffJob).run(request, {
      jobId: 'bench',
      jobName: 'organizations.import-staff',
      attempt: 1,
      reportProgress: () => Promise.resolve(),
    });
    const elapsed = seconds(started);
    const [report] = await dataSource.query<{ created: number; failed: number }[]>(
      'SELECT `created`, `failed` FROM `staff_imports` WHERE `id` = ?',
      [request.importId],
    );
    if (outcome !== 'completed' || report?.created !== ROWS || report.failed !== 0)
      throw new Error(
        `The import did not create every row: ${JSON.stringify({ outcome, report })}`,
      );
    return { seconds: elapsed, unitIds, lines };
  } finally {
    await moduleRef.close();
  }
}

/** The floor: the same rows straight into an identical empty schema, 1,000 rows a statement. */
async function insertRaw(
  connection: Connection,
  lines: readonly StaffLine[],
  units: Map<string, string>,
): Promise<number> {
  const started = process.hrtime.bigint();
  const now = new Date().toISOString().slice(0, 23).replace('T', ' ');
  for (let start = 0; start < lines.length; start += BATCH) {
    const people = lines.slice(start, start + BATCH).map((line) => ({ ...line, userId: newId() }));
    await connection.beginTransaction();
    await connection.query('INSERT INTO `users` (`id`, `email`, `full_name`) VALUES ?', [
      people.map((p) => [p.userId, p.email, p.fullName]),
    ]);
    await connection.query('INSERT INTO `staff_profiles` (`user_id`, `employee_code`) VALUES ?', [
      people.map((p) => [p.userId, p.employeeCode]),
    ]);
    await connection.query(
      'INSERT INTO `memberships` (`id`, `user_id`, `org_unit_id`, `position`, `job_grade`, `started_at`, `current_user_id`) VALUES ?',
      [
        people.map((p) => [
          newId(),
          p.userId,
          units.get(p.orgUnitCode),
          p.position,
          p.jobGrade,
          now,
          p.userId,
        ]),
      ],
    );
    await connection.commit();
  }
  return seconds(started);
}

/** A second database migrated like the test one, emptied, holding the same org units. */
async function rawSchema(
  units: Map<string, string>,
): Promise<{ connection: Connection; name: string }> {
  const config = testConfig();
  const name = `${testDatabaseName()}_raw`;
  await createDatabaseIfMissing(config, name);
  await runMigrations(config, name);
  const dataSource = new DataSource({
    type: 'mysql',
    host: config.database.host,
    port: config.database.port,
    username: config.database.user,
    password: config.database.password,
    database: name,
  });
  await dataSource.initialize();
  await truncateAllTables(dataSource).finally(() => dataSource.destroy());
  const { host, port, user, password } = config.database;
  const connection = await createConnection({
    host,
    port,
    user,
    password,
    database: name,
    charset: 'utf8mb4_unicode_ci',
  });
  const root = newId();
  await connection.query(
    'INSERT INTO `org_units` (`id`, `code`, `name`, `parent_id`, `path`, `depth`) VALUES ?',
    [
      [
        [root, 'BNV', 'Bộ Nội vụ', null, `/${root}/`, 1],
        ...[...units].map(([code, id]) => [id, code, code, root, `/${root}/${id}/`, 2]),
      ],
    ],
  );
  return { connection, name };
}

describe('staff import benchmark', () => {
  it(`imports ${ROWS.toLocaleString('en')} rows and compares with raw multi-row inserts`, async () => {
    const ours = await importThroughHandler();
    const raw = await rawSchema(ours.unitIds);
    let rawSeconds: number;
    try {
      rawSeconds = await insertRaw(raw.connection, ours.lines, ours.unitIds);
    } finally {
      await raw.connection.query(`DROP DATABASE \`${raw.name}\``);
      await raw.connection.end();
    }
    const ratio = ours.seconds / rawSeconds;
    process.stdout.write(
      [
        '',
        `staff-import: ${ROWS.toLocaleString('en')} rows`,
        `  ours (store upload + import job, end to end): ${ours.seconds.toFixed(2)} s`,
        `  raw multi-row INSERTs of the same rows:       ${rawSeconds.toFixed(2)} s`,
        `  ratio ours / raw: ${ratio.toFixed(2)}`,
        `  under ${LIMIT_SECONDS} s: ${ours.seconds < LIMIT_SECONDS ? 'yes' : 'NO'}`,
        '',
      ].join('\n') + '\n',
    );
    expect(rawSeconds).toBeGreaterThan(0);
  });
});
