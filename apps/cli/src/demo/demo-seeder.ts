import { AppConfig } from '@lifelong/common';
import { type Principal, RoleGrantsService, User, UserAccounts } from '@lifelong/identity';
import {
  AdminUnit,
  AdminUnitsService,
  Facility,
  FacilitiesService,
  ImportStaffJob,
  OrgUnit,
  OrgUnitsService,
  RequestStaffImportService,
  StaffProfile,
  STAFF_CSV_COLUMNS,
} from '@lifelong/organizations';
import { FigureRefresh } from '@lifelong/monitoring';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { DemoCourseSeeder } from './demo-courses';
import { DemoEnrollmentSeeder } from './demo-enrollments';
import { DemoTelevisionSeeder } from './demo-television';
import { DemoInspectionSeeder } from './demo-inspections';
import { DemoReportFormSeeder } from './demo-report-form';
import { DemoTrainingSeeder } from './demo-training';
import {
  DEMO_ACCOUNTS,
  DEMO_ADMIN_UNITS,
  DEMO_FACILITIES,
  DEMO_ORG_UNITS,
  DEMO_PASSWORD,
  type DemoStaffMember,
  demoStaff,
} from './demo-data';

/**
 * Loads the demo world through the same services the api uses (so every rule holds), acting as
 * the bootstrap administrator. Everything is found by its code or email first: a second run
 * creates nothing.
 */
@Injectable()
export class DemoSeeder {
  private created = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly adminUnits: AdminUnitsService,
    private readonly facilities: FacilitiesService,
    private readonly orgUnits: OrgUnitsService,
    private readonly accounts: UserAccounts,
    private readonly grants: RoleGrantsService,
    private readonly requestImport: RequestStaffImportService,
    private readonly importStaff: ImportStaffJob,
    private readonly courses: DemoCourseSeeder,
    private readonly enrollments: DemoEnrollmentSeeder,
    private readonly training: DemoTrainingSeeder,
    private readonly television: DemoTelevisionSeeder,
    private readonly reportForm: DemoReportFormSeeder,
    private readonly inspections: DemoInspectionSeeder,
    private readonly figures: FigureRefresh,
  ) {}

  async seed(): Promise<string> {
    this.created = 0;
    const admin = await this.administrator();
    const adminUnitIds = await this.seedAdminUnits(admin);
    const facilityIds = await this.seedFacilities(admin, adminUnitIds);
    const orgUnitIds = await this.seedOrgUnits(admin);
    await this.seedAccounts(adminUnitIds, facilityIds, orgUnitIds);
    this.created += await this.courses.seed(admin, facilityIds);
    // After the courses: channels air their television lessons.
    this.created += await this.television.seed(admin, facilityIds);
    const staffImported = await this.seedStaff(admin);
    // After the staff: they fill a course so that a demo learner waits on its waitlist.
    this.created += await this.enrollments.seed();
    // After the enrollments: mandated training enrolls the ministry's staff in its courses.
    this.created += await this.training.seed(admin);
    // This year's form of the facilities' yearly report, ready to be filled in.
    this.created += await this.reportForm.seed();
    // One inspection planned and one published, with follow-up actions (one overdue).
    this.created += await this.inspections.seed(facilityIds);
    // Last: the public figures counted from all of the above, without waiting for the worker
    // to relay the demo's events or for the nightly reconciliation.
    await this.figures.reconcile();
    return this.created === 0 && !staffImported
      ? 'already loaded, nothing changed.'
      : `${this.created} record(s) created${staffImported ? ', staff imported' : ''}.`;
  }

  private async administrator(): Promise<Principal> {
    const user = await this.dataSource
      .getRepository(User)
      .findOneBy({ email: this.config.admin.email });
    if (!user)
      throw new Error(
        `The administrator ${this.config.admin.email} does not exist: run \`npm run migrate\` first.`,
      );
    return {
      userId: user.id,
      email: user.email,
      roles: [{ role: 'admin', scopeType: null, scopeId: null }],
    };
  }

  private seedAdminUnits(admin: Principal): Promise<Map<string, string>> {
    return this.ensureByCode(AdminUnit, DEMO_ADMIN_UNITS, (unit, ids) =>
      this.adminUnits.create(admin, {
        code: unit.code,
        name: unit.name,
        level: unit.level,
        parentId: unit.parentCode ? ids.get(unit.parentCode) : undefined,
      }),
    );
  }

  private seedFacilities(
    admin: Principal,
    adminUnitIds: Map<string, string>,
  ): Promise<Map<string, string>> {
    return this.ensureByCode(Facility, DEMO_FACILITIES, (facility) =>
      this.facilities.create(admin, {
        code: facility.code,
        name: facility.name,
        type: facility.type,
        adminUnitId: this.required(adminUnitIds, facility.adminUnitCode),
      }),
    );
  }

  private seedOrgUnits(admin: Principal): Promise<Map<string, string>> {
    return this.ensureByCode(OrgUnit, DEMO_ORG_UNITS, (unit, ids) =>
      this.orgUnits.create(admin, {
        code: unit.code,
        name: unit.name,
        parentId: unit.parentCode ? ids.get(unit.parentCode) : undefined,
        level: unit.level,
      }),
    );
  }

  /**
   * Creates, in list order (parents first), the items whose code is not there yet; returns the
   * id of every item by code.
   */
  private async ensureByCode<T extends { code: string }>(
    entity: typeof AdminUnit | typeof Facility | typeof OrgUnit,
    items: readonly T[],
    create: (item: T, ids: Map<string, string>) => Promise<{ id: string }>,
  ): Promise<Map<string, string>> {
    const ids = await this.idsByCode(
      entity,
      items.map((item) => item.code),
    );
    for (const item of items) {
      if (ids.has(item.code)) continue;
      ids.set(item.code, (await create(item, ids)).id);
      this.created += 1;
    }
    return ids;
  }

  private async seedAccounts(
    adminUnitIds: Map<string, string>,
    facilityIds: Map<string, string>,
    orgUnitIds: Map<string, string>,
  ): Promise<void> {
    const scopeIds = { admin_unit: adminUnitIds, facility: facilityIds, org_unit: orgUnitIds };
    for (const account of DEMO_ACCOUNTS) {
      const { userId, created } = await this.accounts.ensureUser({
        email: account.email,
        fullName: account.fullName,
        password: DEMO_PASSWORD,
      });
      if (created) this.created += 1;
      const scope = account.scope;
      await this.grants.assign(userId, {
        role: account.role,
        scopeType: scope?.scopeType ?? null,
        scopeId: scope ? this.required(scopeIds[scope.scopeType], scope.code) : null,
      });
    }
  }

  /** Staff go in through the staff CSV import itself, run in-process; skipped once all are there. */
  private async seedStaff(admin: Principal): Promise<boolean> {
    const staff: DemoStaffMember[] = [
      ...DEMO_ACCOUNTS.flatMap((account) =>
        account.staff
          ? [{ ...account.staff, fullName: account.fullName, email: account.email }]
          : [],
      ),
      ...demoStaff(),
    ];
    const present = await this.dataSource
      .getRepository(StaffProfile)
      .countBy({ employeeCode: In(staff.map((member) => member.employeeCode)) });
    if (present === staff.length) return false;
    const { importId } = await this.requestImport.request(
      admin,
      Buffer.from(staffCsv(staff), 'utf8'),
    );
    const outcome = await this.importStaff.run(
      { importId },
      {
        jobId: `seed-${importId}`,
        jobName: 'organizations.import-staff',
        attempt: 1,
        reportProgress: () => Promise.resolve(),
      },
    );
    if (outcome !== 'completed')
      throw new Error(
        `The demo staff import ended ${outcome}; see GET /api/v1/admin/imports/${importId}.`,
      );
    return true;
  }

  private async idsByCode(
    entity: typeof AdminUnit | typeof Facility | typeof OrgUnit,
    codes: string[],
  ): Promise<Map<string, string>> {
    const rows = await this.dataSource
      .getRepository<{ id: string; code: string }>(entity)
      .find({ select: { id: true, code: true }, where: { code: In(codes) } });
    return new Map(rows.map((row) => [row.code, row.id]));
  }

  private required(ids: Map<string, string>, code: string): string {
    const id = ids.get(code);
    if (!id) throw new Error(`Demo data refers to ${code}, which was not created.`);
    return id;
  }
}

function staffCsv(staff: DemoStaffMember[]): string {
  const header = STAFF_CSV_COLUMNS.join(',');
  const rows = staff.map((member) => STAFF_CSV_COLUMNS.map((column) => member[column]).join(','));
  return [header, ...rows].join('\n') + '\n';
}
