import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ManualClock } from '@lifelong/common';
import { type Principal, RoleGrantsService, type RoleGrant } from '@lifelong/identity';
import {
  InspectionActions,
  InspectionEvidence,
  Inspections,
  MonitoringJobs,
  MonitoringWorkerModule,
} from '@lifelong/monitoring';
import {
  AdminUnitsService,
  FacilitiesService,
  OrganizationsModule,
  OrgUnitsService,
} from '@lifelong/organizations';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { testConfig } from '../../../test/setup/test-env';
import { insertLearners, platformAdmin } from '../../../test/support/course-fixtures';
import { servicesModule } from '../../../test/support/services-module';

// Inspections. Province P ⊃ facility F; province Q ⊃ facility G; agency A ⊃ department A1.
// Time starts on 1 December 2026, 10:00 in Hanoi.
const clock = new ManualClock('2026-12-01T03:00:00.000Z');
let moduleRef: TestingModule;
let dataSource: DataSource;
let inspections: Inspections;
let actions: InspectionActions;
let evidence: InspectionEvidence;
let jobs: MonitoringJobs;
let mediaDir: string;
const ids = { P: '', Q: '', F: '', G: '', A: '', A1: '' };
const people = {} as Record<
  | 'supervisorP'
  | 'supervisorQ'
  | 'supervisorPRunningF'
  | 'adminF'
  | 'adminG'
  | 'supervisorA'
  | 'managerA1',
  Principal
>;

const person = async (grants: RoleGrant[]): Promise<Principal> => {
  const [userId] = await insertLearners(dataSource, 1);
  for (const grant of grants) await moduleRef.get(RoleGrantsService).assign(userId!, grant);
  return { userId: userId!, email: `${userId}@example.vn`, roles: grants };
};

const CHECKLIST = [
  { label: 'Lớp học tổ chức theo kế hoạch năm', weight: 3 },
  { label: 'Sổ theo dõi người học đầy đủ', weight: 1 },
];

const pdf = (text = 'bien ban kiem tra') => ({
  fileName: 'biên bản.pdf',
  contentType: 'application/pdf',
  body: Readable.from([Buffer.from(`%PDF-1.4\n${text}\n%%EOF`)]),
});

const eventsOf = async (type: string) =>
  (
    await dataSource.query<{ payload: unknown }[]>(
      'SELECT `payload` FROM `outbox_events` WHERE `type` = ? ORDER BY `id`',
      [type],
    )
  ).map((row) =>
    typeof row.payload === 'string'
      ? (JSON.parse(row.payload) as Record<string, unknown>)
      : row.payload,
  ) as Record<string, unknown>[];

const auditOf = (subjectId: string) =>
  dataSource.query<{ action: string; actor_id: string | null }[]>(
    'SELECT `action`, `actor_id` FROM `audit_entries` WHERE `subject_id` = ?',
    [subjectId],
  );

/** The file behind a signed link, read as the browser would follow it. */
const follow = async (url: string): Promise<string> => {
  const [id, expires, signature] = new URL(url).pathname.split('/').slice(-3);
  const file = await evidence.open(id!, expires!, signature!);
  const chunks: Buffer[] = [];
  for await (const chunk of file.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
};

beforeAll(async () => {
  mediaDir = mkdtempSync(join(tmpdir(), 'inspections-'));
  moduleRef = await servicesModule(testConfig({ MEDIA_DIR: mediaDir }), clock, [
    OrganizationsModule,
    MonitoringWorkerModule,
  ]);
  dataSource = moduleRef.get(DataSource);
  inspections = moduleRef.get(Inspections);
  actions = moduleRef.get(InspectionActions);
  evidence = moduleRef.get(InspectionEvidence);
  jobs = moduleRef.get(MonitoringJobs);
  const admin = await platformAdmin(dataSource);
  const tag = Date.now().toString(36);
  const adminUnits = moduleRef.get(AdminUnitsService);
  ids.P = (
    await adminUnits.create(admin, { code: `IP-${tag}`, name: 'Tỉnh P', level: 'province' })
  ).id;
  ids.Q = (
    await adminUnits.create(admin, { code: `IQ-${tag}`, name: 'Tỉnh Q', level: 'province' })
  ).id;
  const facilities = moduleRef.get(FacilitiesService);
  for (const [name, unit] of [
    ['F', ids.P],
    ['G', ids.Q],
  ] as const)
    ids[name] = (
      await facilities.create(admin, {
        code: `I${name}-${tag}`,
        name: `Trung tâm ${name}`,
        type: 'community_learning_center',
        adminUnitId: unit,
      })
    ).id;
  const orgUnits = moduleRef.get(OrgUnitsService);
  ids.A = (await orgUnits.create(admin, { code: `IA-${tag}`, name: 'Sở A' })).id;
  ids.A1 = (
    await orgUnits.create(admin, { code: `IA1-${tag}`, name: 'Phòng A1', parentId: ids.A })
  ).id;
  people.supervisorP = await person([
    { role: 'supervisor', scopeType: 'admin_unit', scopeId: ids.P },
  ]);
  people.supervisorQ = await person([
    { role: 'supervisor', scopeType: 'admin_unit', scopeId: ids.Q },
  ]);
  people.supervisorPRunningF = await person([
    { role: 'supervisor', scopeType: 'admin_unit', scopeId: ids.P },
    { role: 'facility_admin', scopeType: 'facility', scopeId: ids.F },
  ]);
  people.adminF = await person([{ role: 'facility_admin', scopeType: 'facility', scopeId: ids.F }]);
  people.adminG = await person([{ role: 'facility_admin', scopeType: 'facility', scopeId: ids.G }]);
  people.supervisorA = await person([
    { role: 'supervisor', scopeType: 'org_unit', scopeId: ids.A },
  ]);
  people.managerA1 = await person([
    { role: 'org_manager', scopeType: 'org_unit', scopeId: ids.A1 },
  ]);
});

afterAll(async () => {
  await moduleRef?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

const planF = () =>
  inspections.plan(people.supervisorP, {
    targetType: 'facility',
    targetId: ids.F,
    plannedOn: '2026-12-10',
    team: ['Nguyễn Văn Thanh', 'Lê Thị Tra'],
    criteria: CHECKLIST,
  });

describe('planning', () => {
  it('is for a supervisor covering the target, never for someone who runs it', async () => {
    const plan = {
      targetType: 'facility' as const,
      targetId: ids.F,
      plannedOn: '2026-12-10',
      team: ['Trần Văn Kiểm'],
      criteria: CHECKLIST,
    };
    await expect(inspections.plan(people.supervisorQ, plan)).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(inspections.plan(people.adminF, plan)).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(inspections.plan(people.supervisorPRunningF, plan)).rejects.toMatchObject({
      code: 'OWN_UNIT',
    });
    await expect(
      inspections.plan(people.supervisorP, { ...plan, targetId: ids.A }),
    ).rejects.toMatchObject({ code: 'FACILITY_NOT_FOUND' });
  });

  it('keeps the checklist with its weights, and offers the unit admins as action owners', async () => {
    const planned = await planF();
    expect(planned).toMatchObject({
      targetName: 'Trung tâm F',
      plannedOn: '2026-12-10',
      team: ['Nguyễn Văn Thanh', 'Lê Thị Tra'],
      status: 'planned',
      total: null,
    });
    expect(
      planned.criteria.map(({ position, label, weight, score }) => ({
        position,
        label,
        weight,
        score,
      })),
    ).toEqual([
      { position: 1, label: CHECKLIST[0]!.label, weight: 3, score: null },
      { position: 2, label: CHECKLIST[1]!.label, weight: 1, score: null },
    ]);
    expect(planned.unitAdmins.map((admin) => admin.userId)).toContain(people.adminF.userId);
    expect(planned.unitAdmins.map((admin) => admin.userId)).toContain(
      people.supervisorPRunningF.userId,
    );
  });
});

describe('recording and publishing', () => {
  it('is hidden from the facility until published, then read-only and audited', async () => {
    const { id } = await planF();
    await expect(inspections.find(people.adminF, id)).rejects.toMatchObject({
      code: 'INSPECTION_NOT_FOUND',
    });
    await expect(inspections.publish(people.supervisorP, id)).rejects.toMatchObject({
      code: 'INSPECTION_INCOMPLETE',
      details: { unscored: [1, 2] },
    });
    await expect(
      inspections.record(people.supervisorP, id, [{ position: 3, score: 10, note: null }], null),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    const recorded = await inspections.record(
      people.supervisorP,
      id,
      [
        { position: 1, score: 80, note: 'Đủ 12 lớp' },
        { position: 2, score: 40, note: 'Thiếu sổ quý 3' },
      ],
      'Trung tâm hoạt động tốt, cần bổ sung hồ sơ.',
    );
    // (3 × 80 + 1 × 40) / 4
    expect(recorded.total).toBe(70);
    expect(recorded.criteria[1]).toMatchObject({ score: 40, note: 'Thiếu sổ quý 3' });

    const file = await inspections.addEvidence(people.supervisorP, id, 2, pdf('so theo doi'));
    expect(file).toMatchObject({
      criterion: 2,
      fileName: 'biên bản.pdf',
      contentType: 'application/pdf',
    });
    expect(await follow(file.url)).toContain('so theo doi');

    const published = await inspections.publish(people.supervisorP, id);
    expect(published).toMatchObject({ status: 'published', total: 70 });
    expect(await auditOf(id)).toEqual([{ action: 'inspection.published', actor_id: null }]);
    await expect(
      inspections.record(people.supervisorP, id, [{ position: 1, score: 90, note: null }], null),
    ).rejects.toMatchObject({ code: 'INSPECTION_PUBLISHED' });
    await expect(inspections.publish(people.supervisorP, id)).rejects.toMatchObject({
      code: 'INSPECTION_PUBLISHED',
    });

    // The facility reads it (with its evidence), without the list of whom to give actions to.
    const seen = await inspections.find(people.adminF, id);
    expect(seen).toMatchObject({
      total: 70,
      summary: 'Trung tâm hoạt động tốt, cần bổ sung hồ sơ.',
    });
    expect(seen.unitAdmins).toEqual([]);
    expect(await follow(seen.criteria[1]!.evidence[0]!.url)).toContain('so theo doi');
    expect(
      (await inspections.received(people.adminF, { page: 1, pageSize: 50 })).items.map(
        (item) => item.id,
      ),
    ).toContain(id);
    expect((await inspections.received(people.adminG, { page: 1, pageSize: 50 })).items).toEqual(
      [],
    );
    await expect(inspections.find(people.adminG, id)).rejects.toMatchObject({
      code: 'INSPECTION_NOT_FOUND',
    });
    // Supervisors list what their scope covers.
    const listP = await inspections.list(people.supervisorP, { page: 1, pageSize: 50 });
    expect(listP.items.find((item) => item.id === id)).toMatchObject({ total: 70 });
    const listQ = await inspections.list(people.supervisorQ, { page: 1, pageSize: 50 });
    expect(listQ.items.map((item) => item.id)).not.toContain(id);
  });

  it('opens evidence only through an untampered, unexpired link, and takes only PDFs and images', async () => {
    const { id } = await planF();
    await expect(
      inspections.addEvidence(people.supervisorP, id, 1, {
        fileName: 'run.html',
        contentType: 'text/html',
        body: Readable.from([Buffer.from('<script>')]),
      }),
    ).rejects.toMatchObject({ code: 'EVIDENCE_TYPE_NOT_ALLOWED' });
    const file = await inspections.addEvidence(people.supervisorP, id, 1, pdf());
    const [evidenceId, expires, signature] = new URL(file.url).pathname.split('/').slice(-3);
    await expect(
      evidence.open(evidenceId!, String(Number(expires) + 60), signature!),
    ).rejects.toMatchObject({
      code: 'EVIDENCE_LINK_INVALID',
    });
    clock.advance((Number(expires) + 1) * 1000 - clock.now().getTime());
    await expect(evidence.open(evidenceId!, expires!, signature!)).rejects.toMatchObject({
      code: 'EVIDENCE_LINK_EXPIRED',
    });
    // Reading the inspection again hands out a fresh link.
    const again = await inspections.find(people.supervisorP, id);
    expect(await follow(again.criteria[0]!.evidence[0]!.url)).toContain('bien ban');
  });
});

describe('follow-up actions', () => {
  it('reminds 7 and 1 days before and when overdue, once each; the unit closes with evidence', async () => {
    clock.set(new Date('2026-12-01T03:00:00.000Z'));
    const { id } = await planF();
    await inspections.record(
      people.supervisorP,
      id,
      [
        { position: 1, score: 100, note: null },
        { position: 2, score: 50, note: null },
      ],
      null,
    );
    await expect(
      actions.add(people.supervisorP, id, {
        title: 'Bổ sung sổ',
        ownerId: people.adminG.userId,
        dueOn: '2026-12-20',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const withAction = await actions.add(people.supervisorP, id, {
      title: 'Bổ sung sổ theo dõi quý 3',
      ownerId: people.adminF.userId,
      dueOn: '2026-12-20',
    });
    const action = withAction.actions[0]!;
    expect(action).toMatchObject({ status: 'open', ownerId: people.adminF.userId, overdue: false });
    expect(action.ownerName).not.toBe('');
    // Not published yet: the facility cannot see or close it, and nobody is reminded.
    await expect(actions.close(people.adminF, action.id, null)).rejects.toMatchObject({
      code: 'ACTION_NOT_FOUND',
    });
    await inspections.publish(people.supervisorP, id);

    const remindersOf = async () =>
      (await eventsOf('monitoring.action-due')).filter((event) => event.actionId === action.id);
    await jobs.remindReports();
    expect(await remindersOf()).toEqual([]);
    // 13 December in Hanoi: 7 days left.
    clock.set(new Date('2026-12-12T18:00:00.000Z'));
    await jobs.remindReports();
    await jobs.remindReports();
    expect(await remindersOf()).toEqual([
      expect.objectContaining({
        recipientIds: [people.adminF.userId],
        daysLeft: '7',
        dueOn: '2026-12-20',
        targetName: 'Trung tâm F',
        title: 'Bổ sung sổ theo dõi quý 3',
      }),
    ]);
    clock.set(new Date('2026-12-19T01:00:00.000Z'));
    await jobs.remindReports();
    expect((await remindersOf()).map((event) => event.daysLeft)).toEqual(['7', '1']);
    // Still due on the 20th itself; overdue from the 21st, when the inspector hears too.
    clock.set(new Date('2026-12-20T16:00:00.000Z'));
    await jobs.remindReports();
    expect((await remindersOf()).map((event) => event.daysLeft)).toEqual(['7', '1']);
    expect(
      (await actions.overdue(people.supervisorP, { page: 1, pageSize: 50 })).items.map(
        (item) => item.id,
      ),
    ).not.toContain(action.id);
    clock.set(new Date('2026-12-20T17:00:00.000Z'));
    await jobs.remindReports();
    await jobs.remindReports();
    const told = await remindersOf();
    expect(told.map((event) => event.daysLeft)).toEqual(['7', '1', 'overdue']);
    expect(told[2]!.recipientIds).toEqual([people.adminF.userId, people.supervisorP.userId]);

    const overdue = await actions.overdue(people.supervisorP, { page: 1, pageSize: 50 });
    expect(overdue.items.find((item) => item.id === action.id)).toMatchObject({
      dueOn: '2026-12-20',
      targetName: 'Trung tâm F',
    });
    expect(
      (await actions.overdue(people.supervisorQ, { page: 1, pageSize: 50 })).items.map(
        (item) => item.id,
      ),
    ).not.toContain(action.id);

    // Closing needs evidence, from someone who answers for the facility.
    await expect(actions.close(people.adminF, action.id, 'Đã bổ sung')).rejects.toMatchObject({
      code: 'ACTION_NEEDS_EVIDENCE',
    });
    await expect(actions.addEvidence(people.adminG, action.id, pdf())).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await actions.addEvidence(people.adminF, action.id, pdf('so quy 3'));
    const closed = await actions.close(people.adminF, action.id, 'Đã bổ sung');
    const after = closed.actions.find((item) => item.id === action.id)!;
    expect(after).toMatchObject({ status: 'closed', closingNote: 'Đã bổ sung', overdue: false });
    expect(await follow(after.evidence[0]!.url)).toContain('so quy 3');
    expect(await auditOf(action.id)).toEqual([
      { action: 'inspection-action.closed', actor_id: null },
    ]);
    await expect(actions.close(people.adminF, action.id, null)).rejects.toMatchObject({
      code: 'ACTION_CLOSED',
    });
    expect(
      (await actions.overdue(people.supervisorP, { page: 1, pageSize: 50 })).items.map(
        (item) => item.id,
      ),
    ).not.toContain(action.id);
  });
});

describe('an org unit', () => {
  it('is inspected by a supervisor of the agency above and read by its managers once published', async () => {
    const planned = await inspections.plan(people.supervisorA, {
      targetType: 'org_unit',
      targetId: ids.A1,
      plannedOn: '2026-12-22',
      team: ['Phạm Thị Giám'],
      criteria: [{ label: 'Kế hoạch bồi dưỡng công chức', weight: 1 }],
    });
    expect(planned).toMatchObject({ targetName: 'Phòng A1' });
    expect(planned.unitAdmins.map((admin) => admin.userId)).toEqual([people.managerA1.userId]);
    await expect(
      inspections.plan(people.supervisorP, {
        targetType: 'org_unit',
        targetId: ids.A1,
        plannedOn: '2026-12-22',
        team: ['X'],
        criteria: [{ label: 'Y', weight: 1 }],
      }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await inspections.record(
      people.supervisorA,
      planned.id,
      [{ position: 1, score: 95, note: null }],
      null,
    );
    await inspections.publish(people.supervisorA, planned.id);
    expect(await inspections.find(people.managerA1, planned.id)).toMatchObject({ total: 95 });
    expect(
      (await inspections.list(people.supervisorA, { page: 1, pageSize: 50 })).items.map(
        (item) => item.id,
      ),
    ).toEqual([planned.id]);
  });
});
