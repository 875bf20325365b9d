import { adminSession } from '../support/admin-session';
import { answered, apiClient } from '../support/api-client';
import { expectStatus } from '../support/e2e';
import { type Person, peopleRegistry, signInAgain } from '../support/people';

// "My staff" for org managers: the units they may see (`GET /org-units/tree`) and the staff list's
// search, position filter and order.

const api = adminSession();
const person = peopleRegistry(() => api.http, 'nhan-vien');

async function rename(someone: Person, fullName: string): Promise<void> {
  await expectStatus(
    api.http.request('PATCH', '/api/v1/me', { token: someone.token, body: { fullName } }),
    200,
  );
}

describe('my staff over HTTP', () => {
  it('lists the units a manager may see with their staff counts, and refuses units outside', async () => {
    const ministry = await api.tree.orgUnit('Bộ Tư pháp');
    const department = await api.tree.orgUnit('Vụ Tổ chức', ministry);
    const office = await api.tree.orgUnit('Phòng Một', department);
    const sibling = await api.tree.orgUnit('Vụ Pháp luật', ministry);
    const manager = await person();
    const [a, b] = [await person(), await person()];
    await api.tree.member(department, a.id);
    await api.tree.member(office, b.id);
    await api.tree.grant(manager.id, 'org_manager', department);
    const managerToken = await signInAgain(api.http, manager);

    const asManager = apiClient(api.http.base, managerToken);
    const mine = await expectStatus(answered(asManager.GET('/api/v1/org-units/tree')), 200);
    expect(mine.map(({ code: _code, ...unit }) => unit)).toEqual([
      { id: department.scopeId, name: 'Vụ Tổ chức', parentId: ministry.scopeId, staffCount: 1 },
      { id: office.scopeId, name: 'Phòng Một', parentId: department.scopeId, staffCount: 1 },
    ]);
    const below = await expectStatus(
      api.http.get(`/api/v1/org-units/tree?rootId=${office.scopeId}`, { token: managerToken }),
      200,
    );
    expect(below).toEqual([expect.objectContaining({ id: office.scopeId, staffCount: 1 })]);

    for (const outside of [ministry, sibling])
      await expectStatus(
        api.http.get(`/api/v1/org-units/tree?rootId=${outside.scopeId}`, { token: managerToken }),
        403,
      );
    await expectStatus(api.http.get('/api/v1/org-units/tree', { token: a.token }), 403);
    await expectStatus(
      api.http.get('/api/v1/org-units/tree?rootId=not-an-id', { token: managerToken }),
      400,
    );

    const everything = await expectStatus(answered(api.asAdmin.GET('/api/v1/org-units/tree')), 200);
    expect(everything.map((unit) => unit.id)).toEqual(
      expect.arrayContaining([ministry.scopeId, sibling.scopeId, office.scopeId]),
    );
  });

  it('finds staff by name without diacritics and by position, in name order when none is overdue', async () => {
    const agency = await api.tree.orgUnit('Bộ Xây dựng');
    const [an, binh, chi] = [await person(), await person(), await person()];
    await rename(an, 'Nguyễn Văn An');
    await rename(binh, 'Trần Thị Bình');
    await rename(chi, 'Nguyễn Thị Chi');
    await api.tree.member(agency, an.id, 'Chuyên viên');
    await api.tree.member(agency, binh.id, 'Trưởng phòng');
    await api.tree.member(agency, chi.id, 'Chuyên viên');
    const names = async (query: { q?: string; position?: string } = {}): Promise<string[]> => {
      const page = await expectStatus(
        answered(
          api.asAdmin.GET('/api/v1/training/staff', {
            params: { query: { orgUnitId: agency.scopeId, ...query } },
          }),
        ),
        200,
      );
      expect(page.total).toBe(page.items.length);
      return page.items.map((item) => item.fullName);
    };

    expect(await names()).toEqual(['Nguyễn Thị Chi', 'Nguyễn Văn An', 'Trần Thị Bình']);
    expect(await names({ q: 'nguyen van' })).toEqual(['Nguyễn Văn An']);
    expect(await names({ q: 'NGUYEN' })).toEqual(['Nguyễn Thị Chi', 'Nguyễn Văn An']);
    expect(await names({ q: 'tran thi b' })).toEqual(['Trần Thị Bình']);
    expect(await names({ q: '!!' })).toHaveLength(3);
    expect(await names({ position: 'Trưởng phòng' })).toEqual(['Trần Thị Bình']);
    expect(await names({ q: 'thi', position: 'Chuyên viên' })).toEqual(['Nguyễn Thị Chi']);
  });
});
