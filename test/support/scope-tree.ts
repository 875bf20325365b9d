import type { Role, Scope } from '@lifelong/identity';
import { answered, type ApiClient, apiClient } from './api-client';
import { expectStatus } from './e2e';
import type { HttpClient } from './http-client';

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
  async adminUnit(
    name: string,
    parent?: Scope,
    level: 'province' | 'district' | 'commune' = parent ? 'district' : 'province',
  ): Promise<Scope> {
    const unit = await expectStatus(
      answered(
        this.api().POST('/api/v1/admin-units', {
          body: { code: this.code('AU'), name, level, parentId: parent?.scopeId },
        }),
      ),
      201,
    );
    return { scopeType: 'admin_unit', scopeId: unit.id };
  }

  /** A facility in an administrative unit. */
  async facility(
    name: string,
    adminUnit: Scope,
    type = 'community_learning_center' as const,
  ): Promise<Scope> {
    const facility = await expectStatus(
      answered(
        this.api().POST('/api/v1/facilities', {
          body: { code: this.code('F'), name, type, adminUnitId: adminUnit.scopeId },
        }),
      ),
      201,
    );
    return { scopeType: 'facility', scopeId: facility.id };
  }

  /** An org unit (agency or department), under `parent` if given. */
  async orgUnit(name: string, parent?: Scope): Promise<Scope> {
    const unit = await expectStatus(
      answered(
        this.api().POST('/api/v1/org-units', {
          body: { code: this.code('OU'), name, parentId: parent?.scopeId },
        }),
      ),
      201,
    );
    return { scopeType: 'org_unit', scopeId: unit.id };
  }

  /** Grants `role` at `scope` (unscoped when none) to a user, as the platform admin. */
  async grant(userId: string, role: Role, scope?: Scope): Promise<void> {
    await expectStatus(
      answered(
        this.api().POST('/api/v1/admin/users/{id}/roles', {
          params: { path: { id: userId } },
          body: { role, ...scope },
        }),
      ),
      201,
    );
  }

  /** Makes a user a member of an org unit. */
  async member(
    orgUnit: Scope,
    userId: string,
    position = 'Chuyên viên',
    jobGrade = 'A1',
  ): Promise<void> {
    await expectStatus(
      answered(
        this.api().POST('/api/v1/org-units/{id}/members', {
          params: { path: { id: orgUnit.scopeId } },
          body: { userId, position, jobGrade },
        }),
      ),
      201,
    );
  }

  private api(): ApiClient {
    return apiClient(this.http().base, this.adminToken());
  }

  private code(prefix: string): string {
    this.count += 1;
    return `${prefix}-${this.count}-${Date.now().toString(36)}`;
  }
}
