import { ManualClock } from '@lifelong/common';
import {
  Authenticated,
  CurrentUser,
  type Principal,
  Public,
  RequireRoles,
  RoleGrantsService,
  UserAccounts,
} from '@lifelong/identity';
import { Controller, Get } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestApp } from '../../../test/support/test-app';
import { testConfig } from '../../../test/setup/test-env';

@Controller('test/guard')
class ProbeController {
  @Get('public')
  @Public()
  open(): { ok: true } {
    return { ok: true };
  }

  @Get('signed-in')
  @Authenticated()
  signedIn(@CurrentUser() principal: Principal): { userId: string } {
    return { userId: principal.userId };
  }

  @Get('instructors')
  @RequireRoles('instructor')
  instructors(): { ok: true } {
    return { ok: true };
  }

  // No decision at all: the guard must refuse it (the route audit would also flag it).
  @Get('undecided')
  undecided(): { ok: true } {
    return { ok: true };
  }
}

@Controller('test/supervisors')
@RequireRoles('supervisor')
class SupervisorsController {
  @Get()
  inherited(): { ok: true } {
    return { ok: true };
  }

  @Get('open')
  @Public()
  overridden(): { ok: true } {
    return { ok: true };
  }
}

const config = testConfig();
const PASSWORD = 'Correct-horse-2026';
let app: NestFastifyApplication;

async function tokenFor(email: string, ...roles: Parameters<RoleGrantsService['assign']>[1][]) {
  const { userId } = await app
    .get(UserAccounts)
    .ensureUser({ email, fullName: 'Thử', password: PASSWORD });
  for (const role of roles) await app.get(RoleGrantsService).assign(userId, role);
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: PASSWORD },
  });
  expect(login.statusCode).toBe(200);
  return login.json<{ accessToken: string }>().accessToken;
}

const get = async (url: string, token?: string): Promise<number> =>
  (
    await app.inject({
      method: 'GET',
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })
  ).statusCode;

let learner: string;
let instructor: string;
let platformAdmin: string;
let provincialAdmin: string;
let supervisor: string;

beforeAll(async () => {
  app = await createTestApp(config, {
    clock: new ManualClock(),
    controllers: [ProbeController, SupervisorsController],
  });
  await app.init();
  learner = await tokenFor('learner@example.vn');
  instructor = await tokenFor('instructor@example.vn', {
    role: 'instructor',
    scopeType: 'facility',
    scopeId: 'F',
  });
  platformAdmin = await tokenFor('root@example.vn', {
    role: 'admin',
    scopeType: null,
    scopeId: null,
  });
  provincialAdmin = await tokenFor('province@example.vn', {
    role: 'admin',
    scopeType: 'admin_unit',
    scopeId: 'P',
  });
  supervisor = await tokenFor('inspector@example.vn', {
    role: 'supervisor',
    scopeType: 'admin_unit',
    scopeId: 'P',
  });
});

afterAll(async () => {
  await app.close();
});

describe('the global auth guard', () => {
  it('lets anyone call a public route', async () => {
    expect(await get('/test/guard/public')).toBe(200);
  });

  it('needs a valid token for an authenticated route', async () => {
    expect(await get('/test/guard/signed-in')).toBe(401);
    expect(await get('/test/guard/signed-in', learner)).toBe(200);
  });

  it('needs one of the roles for a role route; an unscoped admin passes, a scoped one does not', async () => {
    expect(await get('/test/guard/instructors')).toBe(401);
    expect(await get('/test/guard/instructors', learner)).toBe(403);
    expect(await get('/test/guard/instructors', instructor)).toBe(200);
    expect(await get('/test/guard/instructors', platformAdmin)).toBe(200);
    expect(await get('/test/guard/instructors', provincialAdmin)).toBe(403);
  });

  it('refuses a route without a decision, even to an administrator (fail closed)', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/test/guard/undecided',
      headers: { authorization: `Bearer ${platformAdmin}` },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: 'This route has no auth decision',
    });
  });

  it('checks tokens with its own strategies, even after another app in the process closed', async () => {
    const other = await createTestApp(config);
    await other.init();
    await other.close();
    expect(await get('/test/guard/signed-in', learner)).toBe(200);
    expect(await get('/test/guard/instructors', instructor)).toBe(200);
  });

  it('reads the decision of the class, unless the method has its own', async () => {
    expect(await get('/test/supervisors', learner)).toBe(403);
    expect(await get('/test/supervisors', supervisor)).toBe(200);
    expect(await get('/test/supervisors/open')).toBe(200);
  });
});
