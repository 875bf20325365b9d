import { Clock } from '@lifelong/common';
import { User, UserLookup } from '@lifelong/identity';
import { InspectionActions, Inspections } from '@lifelong/monitoring';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

const SUPERVISOR = 'thanhtra@demo.lifelong.local';
const FACILITY_ADMIN = 'quanlycoso@demo.lifelong.local';
const TEAM = ['Hoàng Văn Nam', 'Nguyễn Thị Thu'];
const CHECKLIST = [
  { label: 'Kế hoạch hoạt động năm được xây dựng và thực hiện', weight: 3 },
  { label: 'Lớp học và người học được theo dõi đầy đủ', weight: 2 },
  { label: 'Cơ sở vật chất, thư viện phục vụ người dân', weight: 1 },
];

/**
 * Two inspections by Hà Nội's supervisor: one planned at the vocational and continuing-education
 * centre of Sóc Sơn in two weeks, and one of the Open University done a month ago and
 * published, with a follow-up action still open and one overdue, so the facility has something
 * to close and the supervisor something in the overdue list. A facility already inspected is
 * left alone (a second run creates nothing).
 */
@Injectable()
export class DemoInspectionSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserLookup,
    private readonly inspections: Inspections,
    private readonly actions: InspectionActions,
    private readonly clock: Clock,
  ) {}

  /** Returns how many inspections it created. */
  async seed(facilityIds: Map<string, string>): Promise<number> {
    const supervisor = await this.users.principalOf(await this.userId(SUPERVISOR));
    const seen = await this.inspections.list(supervisor, { page: 1, pageSize: 100 });
    const inspected = new Set(seen.items.map((item) => item.targetId));
    let created = 0;
    const planned = facilityIds.get('GDNN-GDTX-SOCSON');
    if (planned && !inspected.has(planned)) {
      await this.inspections.plan(supervisor, {
        targetType: 'facility',
        targetId: planned,
        plannedOn: this.day(14),
        team: TEAM,
        criteria: CHECKLIST,
      });
      created += 1;
    }
    const published = facilityIds.get('DH-MO-HN');
    if (published && !inspected.has(published)) {
      const { id } = await this.inspections.plan(supervisor, {
        targetType: 'facility',
        targetId: published,
        plannedOn: this.day(-30),
        team: TEAM,
        criteria: CHECKLIST,
      });
      await this.inspections.record(
        supervisor,
        id,
        [
          { position: 1, score: 85, note: 'Kế hoạch năm đầy đủ, bám sát nhu cầu người học.' },
          { position: 2, score: 65, note: 'Sổ theo dõi lớp học trực tiếp chưa cập nhật quý 3.' },
          { position: 3, score: 90, note: null },
        ],
        'Trường thực hiện tốt nhiệm vụ giáo dục thường xuyên; cần hoàn thiện hồ sơ theo dõi lớp học.',
      );
      const owner = await this.userId(FACILITY_ADMIN);
      await this.actions.add(supervisor, id, {
        title: 'Cập nhật sổ theo dõi lớp học trực tiếp quý 3',
        ownerId: owner,
        dueOn: this.day(-5),
      });
      await this.actions.add(supervisor, id, {
        title: 'Báo cáo kế hoạch mở rộng góc đọc cho người dân',
        ownerId: owner,
        dueOn: this.day(20),
      });
      await this.inspections.publish(supervisor, id);
      created += 1;
    }
    return created;
  }

  private async userId(email: string): Promise<string> {
    const user = await this.dataSource.getRepository(User).findOneBy({ email });
    if (!user) throw new Error(`The demo account ${email} is missing`);
    return user.id;
  }

  /** The day in Vietnam (UTC+7 all year) `days` from now, `YYYY-MM-DD`. */
  private day(days: number): string {
    return new Date(this.clock.now().getTime() + 7 * 3_600_000 + days * 86_400_000)
      .toISOString()
      .slice(0, 10);
  }
}
