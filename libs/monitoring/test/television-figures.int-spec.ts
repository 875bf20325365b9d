import { JobsModule, ManualClock } from '@lifelong/common';
import { CoursesModule } from '@lifelong/courses';
import { EnrollmentModule } from '@lifelong/enrollment';
import { FigureReads, MonitoringJobs, MonitoringWorkerModule } from '@lifelong/monitoring';
import { OrganizationsModule } from '@lifelong/organizations';
import {
  AttendanceService,
  BroadcastScheduler,
  ChannelsService,
  GroupAttendanceRecords,
  TelevisionLessonsModule,
} from '@lifelong/television-lessons';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { testConfig } from '../../../test/setup/test-env';
import { servicesModule } from '../../../test/support/services-module';
import {
  enrolledLearner,
  type TelevisionWorld,
  televisionWorld,
} from '../../../test/support/television';
import { monitoringRelay } from './monitoring-testing';

// Television in the programme's figures: scheduling, cancelling, a code entered and a group
// recorded, then voided, each reach the airings and attendances of the facility's province
// through the outbox, once.
const clock = new ManualClock('2026-12-01T03:00:00.000Z');
let moduleRef: TestingModule;
let dataSource: DataSource;
let world: TelevisionWorld;
let province: string;
let relay: ReturnType<typeof monitoringRelay>;

type TelevisionFigures = Record<
  'television_airings' | 'television_attendances' | 'television_group_attendances',
  number
>;

beforeAll(async () => {
  moduleRef = await servicesModule(testConfig(), clock, [
    JobsModule,
    OrganizationsModule,
    CoursesModule,
    EnrollmentModule,
    TelevisionLessonsModule,
    MonitoringWorkerModule,
  ]);
  dataSource = moduleRef.get(DataSource);
  relay = monitoringRelay(dataSource, moduleRef.get(MonitoringJobs));
  world = await televisionWorld(moduleRef);
  await relay(); // the world's facilities are counted; what follows is television alone
  const [facility] = await dataSource.query<{ unit: string }[]>(
    'SELECT `admin_unit_id` AS unit FROM `facilities` WHERE `id` = ?',
    [world.facilityId],
  );
  province = facility!.unit;
});

afterAll(async () => {
  await moduleRef.close();
});

/** The province's television figures for a period, as stored. */
async function figures(period: string): Promise<TelevisionFigures> {
  const [row] = await dataSource.query<Record<string, number>[]>(
    'SELECT `television_airings`, `television_attendances`, `television_group_attendances` ' +
      "FROM `monitoring_figures` WHERE `admin_unit_id` = ? AND `period` = ? AND `facility_type` = ''",
    [province, period],
  );
  return {
    television_airings: Number(row?.television_airings ?? 0),
    television_attendances: Number(row?.television_attendances ?? 0),
    television_group_attendances: Number(row?.television_group_attendances ?? 0),
  };
}

const evening = (day: number) => ({
  startsAt: new Date(`2026-12-${String(day).padStart(2, '0')}T12:00:00.000Z`),
  endsAt: new Date(`2026-12-${String(day).padStart(2, '0')}T12:45:00.000Z`),
});

it('counts airings, attendances by code and by group, each change once', async () => {
  const channel = await moduleRef.get(ChannelsService).create(world.admin.principal, {
    code: `TV-${Date.now().toString(36)}`,
    name: 'Kênh giáo dục tỉnh',
    facilityId: world.facilityId,
  });
  const scheduler = moduleRef.get(BroadcastScheduler);
  const [airing] = await scheduler.create(world.instructor.principal, {
    channelId: channel.id,
    lessonId: world.tv1,
    ...evening(3),
  });
  const [cancelled] = await scheduler.create(world.instructor.principal, {
    channelId: channel.id,
    lessonId: world.tv2,
    ...evening(4),
  });
  expect(await relay()).toBe(2);
  for (const period of ['2026', '2026-Q4'])
    expect(await figures(period)).toEqual({
      television_airings: 2,
      television_attendances: 0,
      television_group_attendances: 0,
    });

  await scheduler.cancel(world.instructor.principal, cancelled!.id);
  await relay();
  expect((await figures('2026')).television_airings).toBe(1);

  // During the airing: one learner enters the code, another is recorded with the group.
  const alone = await enrolledLearner(moduleRef, world.courseId, 'xem-mot-minh');
  const together = await enrolledLearner(moduleRef, world.courseId, 'xem-cung-nhom');
  clock.set(new Date(airing!.startsAt.getTime() + 10 * 60_000));
  const attendance = moduleRef.get(AttendanceService);
  await attendance.enterCode(alone.principal, airing!.id, airing!.attendanceCode);
  const group = await attendance.recordGroup(
    world.instructor.principal,
    airing!.id,
    world.facilityId,
    [together.userId],
  );
  expect(group.recorded).toEqual([together.userId]);
  await relay();
  const attended = await figures('2026-Q4');
  expect(attended).toEqual({
    television_airings: 1,
    television_attendances: 1,
    television_group_attendances: 1,
  });

  // A repeated delivery of every event moves nothing.
  relay.rewind();
  await relay();
  expect(await figures('2026-Q4')).toEqual(attended);

  // The group record is voided: the attendance it made no longer counts.
  const records = moduleRef.get(GroupAttendanceRecords);
  const [record] = (
    await records.list(world.instructor.principal, world.courseId, { page: 1, pageSize: 10 })
  ).items;
  await records.void(world.instructor.principal, record!.id, 'Ghi nhầm người');
  await relay();
  expect((await figures('2026-Q4')).television_group_attendances).toBe(0);
  // The nightly reconciliation finds nothing to repair in them.
  const kept = await figures('2026-Q4');
  await moduleRef.get(MonitoringJobs).reconcileFigures();
  expect(await figures('2026-Q4')).toEqual(kept);

  // The public answer names the new indicators.
  const tree = await moduleRef.get(FigureReads).tree({ period: '2026-Q4', adminUnitId: province });
  expect(Object.keys(tree.figures)).toEqual(
    expect.arrayContaining(['television_airings', 'television_group_attendances']),
  );
});
