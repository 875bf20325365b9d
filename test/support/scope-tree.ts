import type { Scope } from '@lifelong/identity';
import type { HttpClient, Json } from './http-client';

/**
 * The real organization tree for end-to-end tests: administrative units, facilities and org
 * units created over HTTP by the platform admin, so every scope check runs against the
 * organizations module's own ScopeHierarchy (never a stand-in).
 */
export class ScopeTree {
  private count = 0;

  constructor(
    private readonly http: () => HttpClient,
    private readonly adminToken: () => string,
  ) {}

  /** An administrative unit (`level` e.g. province, district, commune), under `parent` if given. */
  adminUnit(
    name: string,
    parent?: Scope,
    level = parent ? 'district' : 'province',
  ): Promise<Scope> {
    return this.create('/api/v1/admin-units', 'admin_unit', {
      code: this.code('AU'),
      name,
      level,
      parentId: parent?.scopeId,
    });
  }

  /** A facility in an administrative unit. */
  facility(name: string, adminUnit: Scope, type = 'community_learning_center'): Promise<Scope> {
    return this.create('/api/v1/facilities', 'facility', {
      code: this.code('F'),
      name,
      type,
      adminUnitId: adminUnit.scopeId,
    });
  }

  /** An org unit (agency or department), under `parent` if given. */
  orgUnit(name: string, parent?: Scope): Promise<Scope> {
    return this.create('/api/v1/org-units', 'org_unit', {
      code: this.code('OU'),
      name,
      parentId: parent?.scopeId,
    });
  }

  /** Grants `role` at `scope` (unscoped when none) to a user, as the platform admin. */
  async grant(userId: string, role: string, scope?: Scope): Promise<void> {
    const response = await this.http().post(`/api/v1/admin/users/${userId}/roles`, {
      token: this.adminToken(),
      body: { role, ...scope },
    });
    if (response.status !== 201)
      throw new Error(
        `Granting ${role} answered ${response.status}: ${JSON.stringify(response.body)}`,
      );
  }

  /** Makes a user a member of an org unit. */
  async member(
    orgUnit: Scope,
    userId: string,
    position = 'Chuyên viên',
    jobGrade = 'A1',
  ): Promise<void> {
    const response = await this.http().post(`/api/v1/org-units/${orgUnit.scopeId}/members`, {
      token: this.adminToken(),
      body: { userId, position, jobGrade },
    });
    if (response.status !== 201)
      throw new Error(
        `Adding a member answered ${response.status}: ${JSON.stringify(response.body)}`,
      );
  }

  private code(prefix: string): string {
    this.count += 1;
    return `${prefix}-${this.count}-${Date.now().toString(36)}`;
  }

  private async create(path: string, scopeType: Scope['scopeType'], body: Json): Promise<Scope> {
    const response = await this.http().post(path, { token: this.adminToken(), body });
    if (response.status !== 201)
      throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return { scopeType, scopeId: response.body.id as string };
  }
}
