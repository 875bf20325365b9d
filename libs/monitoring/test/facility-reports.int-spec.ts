import { ManualClock } from '@lifelong/common';
import { type Principal, RoleGrantsService, type RoleGrant } from '@lifelong/identity';
import {
  FacilityReports,
  FigureReads,
  MonitoringJobs,
  MonitoringWorkerModule,
  ReportForms,
  ReportImport,
} from '@lifelong/monitoring';
import { AdminUnitsService, FacilitiesService, OrganizationsModule } from '@lifelong/organizations';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { testConfig } from '../../../test/setup/test-env';
import { insertLearners, platformAdmin } from '../../../test/support/course-fixtures';
import { servicesModule } from '../../../test/support/services-module';
import type { OutboxRelay } from '../../../test/support/outbox-relay';
import { monitoringRelay, monitoringReportsRelay } from './monitoring-testing';

// Yearly facility reports. Province P ⊃ district D ⊃ facilities F1 and F2 (community learning
// centres); province Q ⊃ facility G. The 2026 form's deadline is 31 January 2027 (UTC+7 midnight);
// time starts on 1 December 2026.
const clock = new ManualClock('2026-12-01T03:00:00.000Z');
const DEADLINE = '2027-01-30T17:00:00.000Z';
const YEAR = 2026;
let moduleRef: TestingModule;
let dataSource: DataSource;
let forms: ReportForms;
let reports: FacilityReports;
let imports: ReportImport;
let jobs: MonitoringJobs;
let admin: Principal;
const units = { P: '', D: '', Q: '' };
const facilities = { F1: '', F2: '', G: '', F3: '' };
const codes = { F1: '', F2: '', G: '', F3: '' };
/** Facility admins of F1 (two of them), supervisors of P and Q, and one of D who also runs F2. */
const people = {} as Record<
  'adminF1' | 'otherAdminF1' | 'supervisorP' | 'supervisorQ' | 'supervisorDRunningF2',
  Principal
>;
let relay: ReturnType<typeof monitoringRelay>;

const FIELDS = [
  {
    key: 'offline_classes',
    label: { vi: 'Số lớp học trực tiếp', en: 'Offline classes' },
    type: 'integer' as const,
    help: 'Các lớp tổ chức trong năm',
    required: true,
    min: 0,
    max: 10_000,
    choices: null,
    indicator: 'offline_classes' as const,
  },
  {
    key: 'offline_class_learners',
    label: { vi: 'Số người học', en: 'Learners' },
    type: 'integer' as const,
    help: null,
    required: true,
    min: 0,
    max: null,
    choices: null,
    indicator: 'offline_class_learners' as const,
  },
  {
    key: 'has_library',
    label: { vi: 'Có thư viện', en: 'Has a library' },
    type: 'boolean' as const,
    help: null,
    required: false,
    min: null,
    max: null,
    choices: null,
    indicator: null,
  },
  {
    key: 'funding',
    label: { vi: 'Nguồn kinh phí', en: 'Funding' },
    type: 'choice' as const,
    help: null,
    required: false,
    min: null,
    max: null,
    choices: ['state', 'social'],
    indicator: null,
  },
  {
    key: 'notes',
    label: { vi: 'Ghi chú', en: 'Notes' },
    type: 'text' as const,
    help: null,
    required: false,
    min: null,
    max: null,
    choices: null,
    indicator: null,
  },
];

const person = async (grants: RoleGrant[]): Promise<Principal> => {
  const [userId] = await insertLearners(dataSource, 1);
  for (const grant of grants) await moduleRef.get(RoleGrantsService).assign(userId!, grant);
  return { userId: userId!, email: `${userId}@example.vn`, roles: grants };
};

const at = (scopeType: 'facility' | 'admin_unit', scopeId: string) => ({ scopeType, scopeId });

/** The outbox events of a type written since the test began. */
const eventsOf = async (type: string, since: number) =>
  (
    await dataSource.query<{ payload: unknown }[]>(
      'SELECT `payload` FROM `outbox_events` WHERE `type` = ? AND `id` > ? ORDER BY `id`',
      [type, since],
    )
  ).map((row) =>
    typeof row.payload === 'string'
      ? (JSON.parse(row.payload) as Record<string, unknown>)
      : row.payload,
  ) as Record<string, unknown>[];

const lastEventId = async (): Promise<number> =>
  Number(
    (
      await dataSource.query<{ id: string | null }[]>('SELECT MAX(`id`) AS id FROM `outbox_events`')
    )[0]?.id ?? 0,
  );

/** Runs the report jobs of the events since the last call, as the relay would. */
let relayReports: OutboxRelay;

beforeAll(async () => {
  moduleRef = await servicesModule(testConfig(), clock, [
    OrganizationsModule,
    MonitoringWorkerModule,
  ]);
  dataSource = moduleRef.get(DataSource);
  forms = moduleRef.get(ReportForms);
  reports = moduleRef.get(FacilityReports);
  imports = moduleRef.get(ReportImport);
  jobs = moduleRef.get(MonitoringJobs);
  relay = monitoringRelay(dataSource, jobs);
  admin = await platformAdmin(dataSource);
  const tag = Date.now().toString(36);
  const adminUnits = moduleRef.get(AdminUnitsService);
  units.P = (
    await adminUnits.create(admin, { code: `P-${tag}`, name: 'Tỉnh P', level: 'province' })
  ).id;
  units.D = (
    await adminUnits.create(admin, {
      code: `D-${tag}`,
      name: 'Huyện D',
      level: 'district',
      parentId: units.P,
    })
  ).id;
  units.Q = (
    await adminUnits.create(admin, { code: `Q-${tag}`, name: 'Tỉnh Q', level: 'province' })
  ).id;
  const register = async (
    name: keyof typeof facilities,
    unit: string,
    type = 'community_learning_center',
  ) => {
    codes[name] = `${name}-${tag}`;
    facilities[name] = (
      await moduleRef.get(FacilitiesService).create(admin, {
        code: codes[name],
        name: `Trung tâm ${name}`,
        type: type as never,
        adminUnitId: unit,
      })
    ).id;
  };
  await register('F1', units.D);
  await register('F2', units.D);
  await register('G', units.Q);
  await register('F3', units.D, 'vocational_center');
  people.adminF1 = await person([{ role: 'facility_admin', ...at('facility', facilities.F1) }]);
  people.otherAdminF1 = await person([
    { role: 'facility_admin', ...at('facility', facilities.F1) },
  ]);
  people.supervisorP = await person([{ role: 'supervisor', ...at('admin_unit', units.P) }]);
  people.supervisorQ = await person([{ role: 'supervisor', ...at('admin_unit', units.Q) }]);
  people.supervisorDRunningF2 = await person([
    { role: 'supervisor', ...at('admin_unit', units.D) },
    { role: 'facility_admin', ...at('facility', facilities.F2) },
  ]);
  await forms.define(YEAR, { deadline: new Date(DEADLINE), fields: FIELDS });
  // The registrations reach the figures first, so the reconciliation below checks reports only.
  await relay();
  relayReports = monitoringReportsRelay(dataSource, jobs, await lastEventId());
});

afterAll(async () => {
  await moduleRef?.close();
});

describe('the yearly form', () => {
  it('reads back as defined, in order, none retired', async () => {
    const form = await forms.find(YEAR);
    expect(form.deadline.toISOString()).toBe(DEADLINE);
    expect(form.fields.map((field) => [field.key, field.retired])).toEqual(
      FIELDS.map((field) => [field.key, false]),
    );
    expect(form.fields[3]).toMatchObject({ type: 'choice', choices: ['state', 'social'] });
    expect(form.fields[0]).toMatchObject({ min: 0, max: 10_000, indicator: 'offline_classes' });
  });

  it.each([
    ['a key used twice', [FIELDS[0]!, { ...FIELDS[2]!, key: 'offline_classes' }]],
    ['an indicator on a text field', [{ ...FIELDS[4]!, indicator: 'offline_classes' as const }]],
    ['a choice field without choices', [{ ...FIELDS[3]!, choices: [] }]],
    ['min above max', [{ ...FIELDS[0]!, min: 5, max: 1 }]],
  ])('refuses %s', async (_why, fields) => {
    await expect(
      forms.define(2030, { deadline: new Date(DEADLINE), fields }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});

describe('a facility report', () => {
  it('is saved as a draft by its facility admin, checked against the field types', async () => {
    await expect(
      reports.saveDraft(people.adminF1, facilities.F1, YEAR, { offline_classes: 2.5 }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { offline_classes: ['must be an integer'] } },
    });
    await expect(
      reports.saveDraft(people.adminF1, facilities.F1, YEAR, { funding: 'loans', nope: 1 }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      reports.saveDraft(people.adminF1, facilities.F1, YEAR, { has_library: 'yes' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      reports.saveDraft(people.adminF1, facilities.F1, YEAR, { offline_classes: -1 }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const draft = await reports.saveDraft(people.adminF1, facilities.F1, YEAR, {
      offline_classes: 12,
      has_library: true,
      funding: 'state',
    });
    expect(draft).toMatchObject({
      status: 'draft',
      values: { offline_classes: 12, has_library: true },
    });
    expect(draft.fields.map((field) => field.key)).toEqual(FIELDS.map((field) => field.key));
  });

  it("is out of reach of another facility's admin and of a supervisor elsewhere", async () => {
    const adminG = await person([{ role: 'facility_admin', ...at('facility', facilities.G) }]);
    await expect(
      reports.saveDraft(adminG, facilities.F1, YEAR, { offline_classes: 1 }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(reports.find(people.supervisorQ, facilities.F1, YEAR)).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(reports.find(people.supervisorP, facilities.F1, YEAR)).resolves.toMatchObject({
      status: 'draft',
    });
  });

  it('is not submitted while a required field is empty', async () => {
    await expect(reports.submit(people.adminF1, facilities.F1, YEAR)).rejects.toMatchObject({
      code: 'REPORT_INCOMPLETE',
      details: { missing: ['offline_class_learners'] },
    });
  });

  it('is submitted once; a second submission is a conflict, and it no longer changes', async () => {
    await reports.saveDraft(people.adminF1, facilities.F1, YEAR, {
      offline_classes: 12,
      offline_class_learners: 240,
      notes: 'Lớp xoá mù chữ',
    });
    const submitted = await reports.submit(people.adminF1, facilities.F1, YEAR);
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: people.adminF1.userId });
    await expect(reports.submit(people.otherAdminF1, facilities.F1, YEAR)).rejects.toMatchObject({
      code: 'REPORT_ALREADY_SUBMITTED',
      kind: 'conflict',
    });
    await expect(
      reports.saveDraft(people.adminF1, facilities.F1, YEAR, { offline_classes: 1 }),
    ).rejects.toMatchObject({ code: 'REPORT_NOT_EDITABLE' });
  });

  it('two submissions at once: one wins, the other is a conflict', async () => {
    const adminF3 = await person([{ role: 'facility_admin', ...at('facility', facilities.F3) }]);
    await reports.saveDraft(adminF3, facilities.F3, YEAR, {
      offline_classes: 1,
      offline_class_learners: 3,
    });
    const outcomes = await Promise.allSettled([
      reports.submit(adminF3, facilities.F3, YEAR),
      reports.submit(adminF3, facilities.F3, YEAR),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toMatchObject({
      code: 'REPORT_ALREADY_SUBMITTED',
    });
  });

  it('is decided by a supervisor whose unit covers it, never by its own admins or one elsewhere', async () => {
    await expect(
      reports.accept(people.otherAdminF1, facilities.F1, YEAR, null),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(
      reports.accept(people.supervisorQ, facilities.F1, YEAR, null),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    // A facility admin who is also a supervisor above: still may not decide on their own report.
    const adminAndSupervisor = await person([
      { role: 'facility_admin', ...at('facility', facilities.F1) },
      { role: 'supervisor', ...at('admin_unit', units.P) },
    ]);
    await expect(
      reports.accept(adminAndSupervisor, facilities.F1, YEAR, null),
    ).rejects.toMatchObject({ code: 'OWN_REPORT', kind: 'forbidden' });
    await expect(
      reports.sendBack(people.supervisorP, facilities.F1, YEAR, 'Số người học chưa khớp sổ'),
    ).resolves.toMatchObject({
      status: 'returned',
      decidedBy: people.supervisorP.userId,
      comment: 'Số người học chưa khớp sổ',
    });
    await expect(
      reports.accept(people.supervisorP, facilities.F1, YEAR, null),
    ).rejects.toMatchObject({ code: 'REPORT_NOT_SUBMITTED', kind: 'conflict' });
  });

  it('a supervisor of the district who runs one of its facilities decides on the others only', async () => {
    const adminF2 = await person([{ role: 'facility_admin', ...at('facility', facilities.F2) }]);
    await reports.saveDraft(adminF2, facilities.F2, YEAR, {
      offline_classes: 2,
      offline_class_learners: 2,
    });
    await reports.submit(adminF2, facilities.F2, YEAR);
    await expect(
      reports.accept(people.supervisorDRunningF2, facilities.F2, YEAR, null),
    ).rejects.toMatchObject({ code: 'OWN_REPORT' });
    await expect(
      reports.accept(people.supervisorDRunningF2, facilities.F3, YEAR, 'Đạt'),
    ).resolves.toMatchObject({ status: 'accepted', comment: 'Đạt' });
  });

  it("lists the reports waiting in a supervisor's scope only", async () => {
    const forP = await reports.list(people.supervisorP, { year: YEAR, page: 1, pageSize: 20 });
    expect(forP.items.map((item) => item.facilityId)).toEqual([facilities.F2]);
    expect(forP.items[0]).toMatchObject({ facilityName: 'Trung tâm F2', place: 'Huyện D, Tỉnh P' });
    const forQ = await reports.list(people.supervisorQ, { year: YEAR, page: 1, pageSize: 20 });
    expect(forQ.total).toBe(0);
    const accepted = await reports.list(admin, {
      year: YEAR,
      status: 'accepted',
      page: 1,
      pageSize: 20,
    });
    expect(accepted.items.map((item) => item.facilityId)).toContain(facilities.F3);
  });

  it('a returned report is sent again, and accepted, its indicator answers reaching the figures', async () => {
    await reports.saveDraft(people.adminF1, facilities.F1, YEAR, {
      offline_classes: 12,
      offline_class_learners: 230,
    });
    await reports.submit(people.adminF1, facilities.F1, YEAR);
    const since = await lastEventId();
    await reports.accept(people.supervisorP, facilities.F1, YEAR, null);
    expect(await eventsOf('monitoring.reports-accepted', since)).toEqual([
      { year: YEAR, facilityIds: [facilities.F1] },
    ]);
    await relayReports();
    const figures = moduleRef.get(FigureReads);
    const stored = async (period: string, facilityType: string) =>
      (
        await dataSource.query<{ classes: number; learners: number }[]>(
          'SELECT `offline_classes` AS classes, `offline_class_learners` AS learners ' +
            'FROM `monitoring_figures` WHERE `period` = ? AND `facility_type` = ? AND `admin_unit_id` = ?',
          [period, facilityType, units.P],
        )
      )[0];
    // F1 (12 classes, 230 learners) and F3 (a vocational centre: 1 class, 3 learners).
    expect(await stored(String(YEAR), '')).toEqual({ classes: 13, learners: 233 });
    expect(await stored(String(YEAR), 'community_learning_center')).toEqual({
      classes: 12,
      learners: 230,
    });
    expect((await stored(`${YEAR}-Q4`, ''))?.classes ?? 0).toBe(0);
    // The public figures: district D, the province's only unit, shows them as they are.
    const province = await figures.tree({ period: String(YEAR), adminUnitId: units.P });
    expect(province.children[0]?.figures).toMatchObject({
      offline_classes: 13,
      offline_class_learners: 233,
    });
    // Running the job again changes nothing; the nightly reconciliation agrees with it.
    expect(await jobs.refreshReports({ year: YEAR, facilityIds: [facilities.F1] })).toMatchObject({
      changed: 0,
    });
    expect(await jobs.reconcileFigures()).toMatchObject({ changed: 0 });
  });
});

describe('a field removed after reports were submitted', () => {
  it('is retired: old reports keep their answers and its definition, new drafts may not use it', async () => {
    await forms.define(YEAR, {
      deadline: new Date(DEADLINE),
      fields: FIELDS.filter((field) => field.key !== 'notes'),
    });
    const form = await forms.find(YEAR);
    expect(form.fields.find((field) => field.key === 'notes')).toMatchObject({ retired: true });
    const old = await reports.find(people.supervisorP, facilities.F1, YEAR);
    const submittedBefore = await reports.find(admin, facilities.F2, YEAR);
    expect(old.status).toBe('accepted');
    expect(submittedBefore.fields.map((field) => field.key)).toContain('notes');
    expect(old.fields.find((field) => field.key === 'notes')).toMatchObject({
      label: { vi: 'Ghi chú', en: 'Notes' },
      type: 'text',
    });
    const adminG = await person([{ role: 'facility_admin', ...at('facility', facilities.G) }]);
    await expect(
      reports.saveDraft(adminG, facilities.G, YEAR, { notes: 'x' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    // Named again, it comes back.
    await forms.define(YEAR, { deadline: new Date(DEADLINE), fields: FIELDS });
    expect((await forms.find(YEAR)).fields.every((field) => !field.retired)).toBe(true);
  });
});

describe('the deadline', () => {
  it('refuses a first submission from the deadline on, read from the clock', async () => {
    const adminG = await person([{ role: 'facility_admin', ...at('facility', facilities.G) }]);
    await reports.saveDraft(adminG, facilities.G, YEAR, {
      offline_classes: 1,
      offline_class_learners: 9,
    });
    clock.set(new Date(DEADLINE));
    try {
      await expect(reports.submit(adminG, facilities.G, YEAR)).rejects.toMatchObject({
        code: 'REPORT_PAST_DEADLINE',
        kind: 'rule',
      });
    } finally {
      clock.set(new Date('2026-12-01T03:00:00.000Z'));
    }
  });
});

describe('reminders', () => {
  it('tell the admins of facilities whose report is not submitted, once per step', async () => {
    const form2027 = '2028-01-30T17:00:00.000Z';
    await forms.define(2027, { deadline: new Date(form2027), fields: FIELDS });
    const adminF1 = people.adminF1;
    // F1 submits its 2027 report; G has a draft; F2 (admin) and the others have nothing yet.
    await reports.saveDraft(adminF1, facilities.F1, 2027, {
      offline_classes: 1,
      offline_class_learners: 1,
    });
    clock.set(new Date('2028-01-17T03:00:00.000Z'));
    try {
      await reports.submit(adminF1, facilities.F1, 2027);
      const since = await lastEventId();
      await jobs.remindReports();
      const first = (await eventsOf('monitoring.report-due-soon', since)).filter(
        (event) => event.year === '2027',
      );
      const told = first.map((event) => event.facilityId);
      expect(told).not.toContain(facilities.F1);
      expect(told).toEqual(expect.arrayContaining([facilities.F2, facilities.G]));
      expect(first.find((event) => event.facilityId === facilities.F2)).toMatchObject({
        daysLeft: '14',
        facilityName: 'Trung tâm F2',
        deadline: form2027,
      });
      // Again at once: nothing new. Nearer the deadline: the 3-day step, once.
      const again = await lastEventId();
      await jobs.remindReports();
      expect(await eventsOf('monitoring.report-due-soon', again)).toEqual([]);
      clock.set(new Date('2028-01-28T03:00:00.000Z'));
      const near = await lastEventId();
      await jobs.remindReports();
      await jobs.remindReports();
      const second = (await eventsOf('monitoring.report-due-soon', near)).filter(
        (event) => event.year === '2027' && event.facilityId === facilities.F2,
      );
      expect(second).toHaveLength(1);
      expect(second[0]).toMatchObject({ daysLeft: '3' });
      expect(second[0]!.recipientIds).toEqual(
        expect.arrayContaining([people.supervisorDRunningF2.userId]),
      );
    } finally {
      clock.set(new Date('2026-12-01T03:00:00.000Z'));
    }
  });
});

describe('the CSV import', () => {
  const csv = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');

  it('creates accepted reports line by line, reporting each refused line with its number', async () => {
    await forms.define(2025, { deadline: new Date('2026-01-30T17:00:00.000Z'), fields: FIELDS });
    const since = await lastEventId();
    const outcome = await imports.import(
      people.supervisorP,
      2025,
      csv([
        'facility_code,offline_classes,offline_class_learners,has_library,funding',
        `${codes.F1},4,80,có,state`,
        `${codes.F3},abc,10,,`,
        `${codes.G},1,10,,`,
        `NO-SUCH,1,1,,`,
        `${codes.F1},5,5,,`,
        `${codes.F2},1,,,`,
      ]),
    );
    expect(outcome).toEqual({
      imported: 1,
      failed: 5,
      errors: [
        { line: 3, message: 'offline_classes must be a number' },
        { line: 4, message: `facility ${codes.G} is outside your scope` },
        { line: 5, message: 'no facility has the code NO-SUCH' },
        { line: 6, message: `facility ${codes.F1} appears on an earlier line` },
        { line: 7, message: 'required fields empty: offline_class_learners' },
      ],
    });
    const f1 = await reports.find(admin, facilities.F1, 2025);
    expect(f1).toMatchObject({
      status: 'accepted',
      decidedBy: people.supervisorP.userId,
      values: {
        offline_classes: 4,
        offline_class_learners: 80,
        has_library: true,
        funding: 'state',
      },
    });
    // Nothing half-imported: the refused lines left no report.
    for (const name of ['F3', 'G', 'F2'] as const)
      await expect(reports.find(admin, facilities[name], 2025)).rejects.toMatchObject({
        code: 'REPORT_NOT_FOUND',
      });
    expect(await eventsOf('monitoring.reports-accepted', since)).toEqual([
      { year: 2025, facilityIds: [facilities.F1] },
    ]);
    // The figures of a year before any facility was registered: the event writes them, and the
    // nightly reconciliation rebuilds them when they are lost.
    await relayReports();
    const classes2025 = async () =>
      (
        await dataSource.query<{ classes: number }[]>(
          "SELECT `offline_classes` AS classes FROM `monitoring_figures` WHERE `period` = '2025' " +
            "AND `facility_type` = '' AND `admin_unit_id` = ?",
          [units.P],
        )
      )[0]?.classes;
    expect(await classes2025()).toBe(4);
    await dataSource.query("DELETE FROM `monitoring_figures` WHERE `period` = '2025'");
    await jobs.reconcileFigures();
    expect(await classes2025()).toBe(4);
  });

  it('refuses a facility whose report is already submitted, and one the importer runs', async () => {
    const outcome = await imports.import(
      people.supervisorDRunningF2,
      YEAR,
      csv([
        'facility_code;offline_classes;offline_class_learners',
        `${codes.F1};1;1`,
        `${codes.F2};1;1`,
      ]),
    );
    expect(outcome.errors).toEqual([
      { line: 2, message: `the ${YEAR} report of facility ${codes.F1} is already accepted` },
      {
        line: 3,
        message: `you answer for facility ${codes.F2}, so you may not decide on its report`,
      },
    ]);
  });

  it('refuses a file over 2 MB whole', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024 + 1, 'a');
    await expect(imports.import(people.supervisorP, 2025, big)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('refuses a header that does not match the form', async () => {
    await expect(
      imports.import(people.supervisorP, 2025, csv(['offline_classes,bogus', '1,2'])),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
