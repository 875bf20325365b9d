import { AppConfig, Clock } from '@lifelong/common';
import { Course, Lesson } from '@lifelong/courses';
import type { Principal } from '@lifelong/identity';
import { Broadcast, BroadcastScheduler, ChannelsService } from '@lifelong/television-lessons';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';

/**
 * A national education channel (platform admins schedule on it) and a provincial one run with
 * the Thái Nguyên continuing-education centre (its staff schedule on it), each airing at fixed
 * local times every day.
 */
const DEMO_CHANNELS = [
  {
    code: 'VTV7',
    name: 'VTV7 — Kênh Giáo dục Quốc gia',
    description: 'Kênh truyền hình giáo dục quốc gia: học tập suốt đời trên sóng.',
    ownerCode: null,
    times: ['19:00', '20:00'],
  },
  {
    code: 'TNTV',
    name: 'Đài Phát thanh và Truyền hình Thái Nguyên',
    description: 'Kênh truyền hình tỉnh: chuyên mục học tập cộng đồng.',
    ownerCode: 'GDTX-TN',
    times: ['18:30'],
  },
] as const;
const SLOT_MINUTES = 45;

/**
 * Demo channels with a week of broadcasts of the demo courses' television lessons, from
 * tomorrow (Asia/Ho_Chi_Minh), so the public schedule's default week ahead shows them; scheduled
 * through the same service as the api. A channel
 * that already has broadcasts is left as it is: a second run creates nothing.
 */
@Injectable()
export class DemoTelevisionSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly channels: ChannelsService,
    private readonly scheduler: BroadcastScheduler,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Returns how many records it created; `facilityIds` maps demo facility codes to ids. */
  async seed(admin: Principal, facilityIds: ReadonlyMap<string, string>): Promise<number> {
    const lessons = await this.televisionLessons();
    if (lessons.length === 0) return 0;
    const zone = this.config.television.timeZone;
    const today = DateTime.fromJSDate(this.clock.now(), { zone }).startOf('day');
    const firstDay = today.plus({ days: 1 });
    let created = 0;
    let next = 0;
    for (const demo of DEMO_CHANNELS) {
      let channel = await this.channels.byCode(demo.code);
      if (!channel) {
        const { code, name, description, ownerCode } = demo;
        const facilityId = ownerCode === null ? null : (facilityIds.get(ownerCode) ?? null);
        channel = await this.channels.create(admin, { code, name, description, facilityId });
        created += 1;
      }
      if (await this.dataSource.getRepository(Broadcast).existsBy({ channelId: channel.id }))
        continue;
      for (let day = 0; day < 7; day += 1)
        for (const time of demo.times) {
          const [hour, minute] = time.split(':').map(Number);
          const startsAt = firstDay.plus({ days: day }).set({ hour, minute }).toJSDate();
          const lessonId = lessons[next % lessons.length]!;
          next += 1;
          await this.scheduler.create(admin, {
            channelId: channel.id,
            lessonId,
            startsAt,
            endsAt: new Date(startsAt.getTime() + SLOT_MINUTES * 60_000),
          });
          created += 1;
        }
    }
    return created;
  }

  /** The television lessons of published courses, in a stable order. */
  private async televisionLessons(): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(Lesson)
      .createQueryBuilder('l')
      .innerJoin(Course, 'c', "c.id = l.courseId AND c.status = 'published'")
      .select('l.id', 'id')
      .where("l.kind = 'television'")
      .orderBy('c.title', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }
}
