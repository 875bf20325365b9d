import { AdministratorBootstrap } from '@lifelong/identity';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { expectStatus, signIn } from '../support/e2e';
import { type HttpClient, listen } from '../support/http-client';
import { type Person, PERSON_PASSWORD, peopleRegistry } from '../support/people';
import { ScopeTree } from '../support/scope-tree';
import { createTestApp } from '../support/test-app';
import { testConfig } from '../setup/test-env';

// "My staff" for org managers: the units they may see (`GET /org-units/tree`) and the staff list's
// search, position filter and order.

const config = testConfig();
let app: NestFastifyApplication;
let http: HttpClient;
let adminToken: string;
const person = peopleRegistry(() => http, 'nhan-vien');
const tree = new ScopeTree(
  () => http,
  () => adminToken,
);

beforeAll(async () => {
  app = await createTestApp(config);
  http = await listen(app);
  await app
    .get(AdministratorBootstrap)
    .ensureAdministrator(config.admin.email, config.admin.password);
  adminToken = await signIn(http, config.admin.email, config.admin.password);
});

afterAll(async () => {
  await app.close();
});

async function rename(someone: Person, fullName: string): Promise<void> {
  await expectStatus(
    http.request('PATCH', '/api/v1/me', { token: someone.token, body: { fullName } }),
    200,
  );
}

describe('my staff over HTTP', () => {
  it('lists the units a manager may see with their staff counts, and refuses units outside', async () => {
    const ministry = await tree.orgUnit('Bộ Tư pháp');
    const department = await tree.orgUnit('Vụ Tổ chức', ministry);
    const office = await tree.orgUnit('Phòng Một', department);
    const sibling = await tree.orgUnit('Vụ Pháp luật', ministry);
    const manager = await person();
    const [a, b] = [await person(), await person()];
    await tree.member(department, a.id);
    await tree.member(office, b.id);
    await tree.grant(manager.id, 'org_manager', department);
    const managerToken = await signIn(http, 'nhan-vien-1@example.vn', PERSON_PASSWORD);

    const mine = await expectStatus(
      http.get('/api/v1/org-units/tree', { token: managerToken }),
      200,
    );
    expect((mine as unknown as { code: string }[]).map(({ code: _code, ...unit }) => unit)).toEqual(
      [
        { id: department.scopeId, name: 'Vụ Tổ chức', parentId: ministry.scopeId, staffCount: 1 },
        { id: office.scopeId, name: 'Phòng Một', parentId: department.scopeId, staffCount: 1 },
      ],
    );
    const below = await expectStatus(
      http.get(`/api/v1/org-units/tree?rootId=${office.scopeId}`, { token: managerToken }),
      200,
    );
    expect(below).toEqual([expect.objectContaining({ id: office.scopeId, staffCount: 1 })]);

    for (const outside of [ministry, sibling])
      await expectStatus(
        http.get(`/api/v1/org-units/tree?rootId=${outside.scopeId}`, { token: managerToken }),
        403,
      );
    await expectStatus(http.get('/api/v1/org-units/tree', { token: a.token }), 403);
    await expectStatus(
      http.get('/api/v1/org-units/tree?rootId=not-an-id', { token: managerToken }),
      400,
    );

    const everything = await expectStatus(
      http.get('/api/v1/org-units/tree', { token: adminToken }),
      200,
    );
    expect((everything as unknown as { id: string }[]).map((unit) => unit.id)).toEqual(
      expect.arrayContaining([ministry.scopeId, sibling.scopeId, office.scopeId]),
    );
  });

  it('finds staff by name without diacritics and by position, in name order when none is overdue', async () => {
    const agency = await tree.orgUnit('Bộ Xây dựng');
    const [an, binh, chi] = [await person(), await person(), await person()];
    await rename(an, 'Nguyễn Văn An');
    await rename(binh, 'Trần Thị Bình');
    await rename(chi, 'Nguyễn Thị Chi');
    await tree.member(agency, an.id, 'Chuyên viên');
    await tree.member(agency, binh.id, 'Trưởng phòng');
    await tree.member(agency, chi.id, 'Chuyên viên');
    const names = async (query: string): Promise<string[]> => {
      const page = (await expectStatus(
        http.get(`/api/v1/training/staff?orgUnitId=${agency.scopeId}${query}`, {
          token: adminToken,
        }),
        200,
      )) as { items: { fullName: string }[]; total: number };
      expect(page.total).toBe(page.items.length);
      return page.items.map((item) => item.fullName);
    };

    expect(await names('')).toEqual(['Nguyễn Thị Chi', 'Nguyễn Văn An', 'Trần Thị Bình']);
    expect(await names('&q=nguyen%20van')).toEqual(['Nguyễn Văn An']);
    expect(await names('&q=NGUYEN')).toEqual(['Nguyễn Thị Chi', 'Nguyễn Văn An']);
    expect(await names('&q=tran%20thi%20b')).toEqual(['Trần Thị Bình']);
    expect(await names('&q=%21%21')).toHaveLength(3);
    expect(await names(`&position=${encodeURIComponent('Trưởng phòng')}`)).toEqual([
      'Trần Thị Bình',
    ]);
    expect(await names(`&q=thi&position=${encodeURIComponent('Chuyên viên')}`)).toEqual([
      'Nguyễn Thị Chi',
    ]);
  });
});
