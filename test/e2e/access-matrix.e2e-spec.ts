import type { Role, Scope } from '@lifelong/identity';
import { adminSession } from '../support/admin-session';
import { answered, apiClient, csvBody } from '../support/api-client';
import { eventually, expectStatus } from '../support/e2e';
import type { Json } from '../support/http-client';
import { apiOperations, operationName } from '../support/openapi-operations';
import { type Person, peopleRegistry } from '../support/people';
import { answerProblems } from '../support/response-checks';
import type { ScopeTree } from '../support/scope-tree';

// issue 12, "Keep the class closed": each role of domain.md (and people of another facility,
// org unit and administrative unit) tries routes on resources it must not reach, on the real
// organization tree. A row is role × route × resource → expected; add a row for a new route.
//
// The tree: province P ⊃ district D ⊃ facility F1 (course C1 published, C2 draft);
// province Q ⊃ facility G. Ministry M ⊃ department M1 (learner A is staff there); agency N.

type Actor =
  | 'learnerA'
  | 'learnerB'
  | 'instructorF1'
  | 'instructorG'
  | 'facilityAdminG'
  | 'facilityAdminF1'
  | 'managerM'
  | 'managerM1'
  | 'managerN'
  | 'supervisorQ'
  | 'adminQ'
  | 'admin';

interface Row {
  who: Actor;
  /** `METHOD /path` with `{resource}` placeholders from the fixture (and a query if any). */
  route: string;
  /** A JSON body; strings `{resource}` are replaced too. */
  body?: Json;
  /** refused: 403 or 404 in the error shape. allowed: a 2xx (the control that the row can fail). */
  expect: 'refused' | 'allowed';
}

const refused = (who: Actor, route: string, body?: Json): Row => ({
  who,
  route,
  body,
  expect: 'refused',
});
const allowed = (who: Actor, route: string, body?: Json): Row => ({
  who,
  route,
  body,
  expect: 'allowed',
});

const COURSE = { title: 'Chiếm quyền', summary: 'x' };
/** Facility F1's yearly report of REPORT_YEAR, submitted by its facility admin in the fixture. */
const REPORT_YEAR = 2031;
const F1_REPORT = '/api/v1/facilities/{F1}/reports/{reportYear}';
const REPORT_FORM = {
  deadline: `${REPORT_YEAR + 1}-01-31T00:00:00.000Z`,
  fields: [
    {
      key: 'offline_classes',
      label: { vi: 'Số lớp học trực tiếp', en: 'Offline classes' },
      type: 'integer',
      min: 0,
      indicator: 'offline_classes',
    },
  ],
};
const LRS_CLIENT = { name: 'Chiếm quyền', scopes: ['statements/read' as const] };
const LRS_FORWARD = {
  name: 'Chuyển tiếp',
  endpoint: 'https://lrs.example.org/xapi',
  key: 'partner',
  secret: 'partner-secret',
};
const REQUIREMENT = { title: 'Bắt buộc', courseId: '{C1}', orgUnitId: '{M}', dueDays: 30 };

const MATRIX: Row[] = [
  // A curious learner, on another learner's records and on staff and admin routes.
  refused('learnerB', 'GET /api/v1/enrollments/{enrollmentA}'),
  refused('learnerB', 'DELETE /api/v1/enrollments/{enrollmentA}'),
  refused('learnerB', 'POST /api/v1/enrollments/{enrollmentA}/lessons/{L1}/complete'),
  refused('learnerB', 'POST /api/v1/enrollments/{enrollmentA}/lessons/{L1}/progress', {
    segments: [[0, 10]],
    positionSeconds: 10,
  }),
  refused('learnerB', 'POST /api/v1/enrollments/{enrollmentA}/lessons/{L1}/attempts', {
    answers: [],
  }),
  refused('learnerB', 'POST /api/v1/me/notifications/{notificationA}/read'),
  refused('learnerB', 'GET /api/v1/certificates/{serialA}/pdf'),
  refused('learnerB', 'PUT /api/v1/certificates/{serialA}/sharing', { shared: true }),
  refused('learnerB', 'GET /api/v1/certificates/{serialA}/credential'),
  refused('learnerB', 'GET /api/v1/courses/{C2}'),
  refused('learnerB', 'GET /api/v1/lessons/{L2}/playback'),
  refused('learnerB', 'POST /api/v1/admin/users/{learnerB}/roles', { role: 'admin' }),
  refused('learnerB', 'DELETE /api/v1/admin/users/{instructorF1}/roles', {
    role: 'instructor',
    scopeType: 'facility',
    scopeId: '{F1}',
  }),
  refused('learnerB', 'POST /api/v1/admin-units', { code: 'X-1', name: 'X', level: 'province' }),
  refused('learnerB', 'POST /api/v1/facilities', {
    code: 'X-2',
    name: 'X',
    type: 'other',
    adminUnitId: '{P}',
  }),
  refused('learnerB', 'POST /api/v1/org-units', { code: 'X-3', name: 'X' }),
  refused('learnerB', 'POST /api/v1/org-units/{M}/members', { userId: '{learnerB}' }),
  refused('learnerB', 'GET /api/v1/admin/imports/{importM}'),
  refused('learnerB', 'GET /api/v1/training/requirements?orgUnitId={M}'),
  refused('learnerB', 'GET /api/v1/training/staff?orgUnitId={M}'),
  refused('learnerB', 'GET /api/v1/org-units/tree?rootId={M}'),
  refused('learnerB', 'GET /api/v1/training/compliance?orgUnitId={M}'),
  refused('learnerB', 'GET /api/v1/training/snapshots/{snapshotM}'),
  refused('learnerB', 'POST /api/v1/channels', { code: 'KENH-X', name: 'Kênh X' }),
  refused('learnerB', 'GET /api/v1/certificate-templates/{templateF1}'),
  refused('learnerB', 'GET /api/v1/certificate-templates/placeholders'),
  refused('learnerB', 'POST /api/v1/admin/queues/session'),
  refused('learnerB', 'GET /api/v1/admin/users?q=nguoi'),
  refused('learnerB', 'GET /api/v1/admin/users/{learnerA}'),
  refused('learnerB', 'GET /api/v1/admin/audit'),
  refused('instructorG', 'GET /api/v1/admin/audit'),
  refused('facilityAdminG', 'GET /api/v1/admin/users/{learnerA}'),
  // A malicious instructor of facility G, on facility F1's courses, learners and certificates.
  refused('instructorG', 'PATCH /api/v1/courses/{C1}', { title: 'Chiếm quyền' }),
  refused('instructorG', 'POST /api/v1/courses', { ...COURSE, facilityId: '{F1}' }),
  refused('instructorG', 'POST /api/v1/courses/{C1}/sections', { title: 'Chen vào' }),
  refused('instructorG', 'POST /api/v1/courses/{C2}/publish'),
  refused('instructorG', 'POST /api/v1/courses/{C1}/archive'),
  refused('instructorG', 'POST /api/v1/courses/{C2}/return', { comment: 'Trả về' }),
  refused('learnerB', 'POST /api/v1/courses/{C2}/return', { comment: 'Trả về' }),
  // The studio's lists hold only the caller's own facilities (studio-lists.int-spec.ts); a
  // learner has none to list.
  refused('learnerB', 'GET /api/v1/studio/facilities'),
  refused('learnerB', 'GET /api/v1/studio/courses'),
  refused('learnerB', 'GET /api/v1/studio/review-queue'),
  refused('instructorF1', 'GET /api/v1/studio/review-queue'),
  allowed('instructorF1', 'GET /api/v1/studio/facilities'),
  allowed('instructorF1', 'GET /api/v1/studio/courses'),
  allowed('facilityAdminG', 'GET /api/v1/studio/review-queue'),
  refused('instructorG', 'GET /api/v1/courses/{C1}/group-attendance'),
  refused('instructorG', 'GET /api/v1/courses/{C1}/learners'),
  refused('instructorG', 'GET /api/v1/courses/{C1}/learners.csv'),
  refused('learnerB', 'GET /api/v1/courses/{C1}/learners'),
  refused('learnerB', 'GET /api/v1/courses/{C1}/group-attendance'),
  allowed('instructorF1', 'GET /api/v1/courses/{C1}/group-attendance'),
  refused('instructorG', 'POST /api/v1/sections/{S1}/lessons', {
    title: 'Chen vào',
    kind: 'reading',
    body: '<p>x</p>',
  }),
  refused('instructorG', 'PUT /api/v1/sections/{S1}/lesson-order', { lessonIds: ['{L1}'] }),
  refused('instructorG', 'PATCH /api/v1/lessons/{L1}', { title: 'Chen vào' }),
  refused('instructorG', 'GET /api/v1/courses/{C2}'),
  refused('instructorG', 'GET /api/v1/facilities/{F1}/course-review-policy'),
  refused('instructorG', 'GET /api/v1/enrollments/{enrollmentA}'),
  refused('instructorG', 'GET /api/v1/certificates/{serialA}/pdf'),
  refused('instructorG', 'POST /api/v1/certificates/{serialA}/revoke', { reason: 'Gian lận' }),
  refused('instructorG', 'POST /api/v1/admin/users/{learnerB}/roles', {
    role: 'instructor',
    scopeType: 'facility',
    scopeId: '{F1}',
  }),
  // The head of facility G, on facility F1.
  refused('facilityAdminG', 'POST /api/v1/courses/{C2}/approve'),
  refused('facilityAdminG', 'PUT /api/v1/facilities/{F1}/course-review-policy', {
    requiresReview: false,
  }),
  refused('facilityAdminG', 'POST /api/v1/certificates/{serialA}/revoke', { reason: 'Gian lận' }),
  refused('facilityAdminG', 'GET /api/v1/certificate-templates?facilityId={F1}'),
  refused('facilityAdminG', 'GET /api/v1/certificate-templates/{templateF1}'),
  refused('facilityAdminG', 'PUT /api/v1/certificate-templates/{templateF1}', {
    title: 'Giả',
    body: 'Giả',
    signerName: 'Giả',
    signerTitle: 'Giả',
  }),
  refused('facilityAdminG', 'POST /api/v1/certificate-templates/preview', {
    facilityId: '{F1}',
    title: 'Giả',
    body: 'Giả',
    signerName: 'Giả',
    signerTitle: 'Giả',
  }),
  refused('instructorF1', 'POST /api/v1/certificate-templates/preview', {
    facilityId: '{F1}',
    title: 'Giả',
    body: 'Giả',
    signerName: 'Giả',
    signerTitle: 'Giả',
  }),
  refused('facilityAdminG', 'POST /api/v1/admin/users/{learnerB}/roles', {
    role: 'facility_admin',
    scopeType: 'facility',
    scopeId: '{F1}',
  }),
  // An org manager of agency N, overreaching into ministry M.
  refused('managerN', 'GET /api/v1/training/staff?orgUnitId={M}'),
  refused('managerN', 'GET /api/v1/org-units/tree?rootId={M}'),
  refused('managerN', 'GET /api/v1/training/compliance?orgUnitId={M}'),
  refused('managerN', 'GET /api/v1/training/compliance.csv?orgUnitId={M}'),
  refused('managerN', 'GET /api/v1/training/requirements?orgUnitId={M}'),
  refused('managerN', 'POST /api/v1/training/requirements', REQUIREMENT),
  refused('managerN', 'PUT /api/v1/training/requirements/{requirementM}', REQUIREMENT),
  refused('managerN', 'POST /api/v1/training/requirements/preview', REQUIREMENT),
  refused('managerN', 'GET /api/v1/training/requirements/{requirementM}'),
  refused('managerN', 'GET /api/v1/training/requirements/{requirementM}/versions'),
  refused('learnerA', 'POST /api/v1/training/requirements/preview', { orgUnitId: '{M1}' }),
  refused('managerN', 'POST /api/v1/training/snapshots', { orgUnitId: '{M}', period: '2025' }),
  refused('managerN', 'GET /api/v1/training/snapshots/{snapshotM}'),
  refused('managerN', 'GET /api/v1/training/snapshots?orgUnitId={M}'),
  refused('managerN', 'POST /api/v1/org-units', { code: 'X-4', name: 'X', parentId: '{M}' }),
  refused('managerN', 'POST /api/v1/org-units/{M}/members', { userId: '{learnerB}' }),
  refused('managerN', 'GET /api/v1/org-units?parentId={M}'),
  refused('managerN', 'GET /api/v1/org-units/{M1}'),
  refused('supervisorQ', 'GET /api/v1/org-units/{M1}'),
  refused('learnerB', 'GET /api/v1/org-units/{M1}'),
  refused('managerN', 'PATCH /api/v1/org-units/{M1}', { name: 'Chiếm quyền' }),
  refused('learnerB', 'GET /api/v1/scopes?scopeType=org_unit'),
  refused('managerN', 'POST /api/v1/admin/users/{learnerB}/roles', {
    role: 'org_manager',
    scopeType: 'org_unit',
    scopeId: '{M}',
  }),
  refused('managerN', 'GET /api/v1/admin/imports/{importM}'),
  refused('managerN', 'POST /api/v1/admin/users/{learnerA}/invitation'),
  refused('managerN', 'POST /api/v1/admin/users/{learnerA}/deactivate'),
  refused('managerN', 'POST /api/v1/admin/users/{learnerA}/reactivate'),
  refused('learnerB', 'POST /api/v1/admin/users/{learnerA}/deactivate'),
  refused('instructorG', 'POST /api/v1/admin/users/{learnerA}/invitation'),
  refused('managerN', 'GET /api/v1/admin/users/{learnerA}'),
  refused('managerN', 'GET /api/v1/admin/audit'),
  // The manager of department M1, reaching up to the ministry.
  refused('managerM1', 'GET /api/v1/training/compliance?orgUnitId={M}'),
  refused('managerM1', 'PUT /api/v1/training/requirements/{requirementM}', REQUIREMENT),
  refused('managerM1', 'POST /api/v1/training/requirements/preview', REQUIREMENT),
  // A supervisor of province Q: reports of its own administrative unit, not of ministry M.
  refused('supervisorQ', 'GET /api/v1/training/compliance?orgUnitId={M}'),
  refused('supervisorQ', 'GET /api/v1/training/snapshots/{snapshotM}'),
  refused('supervisorQ', 'POST /api/v1/training/snapshots', { orgUnitId: '{M}', period: '2024' }),
  refused('supervisorQ', 'PATCH /api/v1/courses/{C1}', { title: 'Chiếm quyền' }),
  // An administrator scoped to province Q, on province P and on national resources.
  refused('adminQ', 'PATCH /api/v1/courses/{C1}', { title: 'Chiếm quyền' }),
  refused('adminQ', 'POST /api/v1/courses/{C2}/approve'),
  refused('adminQ', 'PUT /api/v1/facilities/{F1}/course-review-policy', { requiresReview: false }),
  refused('adminQ', 'GET /api/v1/enrollments/{enrollmentA}'),
  refused('adminQ', 'POST /api/v1/certificates/{serialA}/revoke', { reason: 'Gian lận' }),
  refused('adminQ', 'POST /api/v1/admin-units', {
    code: 'X-5',
    name: 'X',
    parentId: '{P}',
    level: 'commune',
  }),
  refused('adminQ', 'POST /api/v1/facilities', {
    code: 'X-6',
    name: 'X',
    type: 'other',
    adminUnitId: '{P}',
  }),
  refused('adminQ', 'POST /api/v1/admin/users/{learnerB}/roles', {
    role: 'instructor',
    scopeType: 'facility',
    scopeId: '{F1}',
  }),
  refused('adminQ', 'POST /api/v1/admin/users/{learnerB}/roles', { role: 'admin' }),
  refused('adminQ', 'POST /api/v1/admin/users/{learnerA}/deactivate'),
  refused('adminQ', 'GET /api/v1/training/compliance?orgUnitId={M}'),
  refused('adminQ', 'POST /api/v1/channels', { code: 'KENH-Q', name: 'Kênh tỉnh Q' }), // hole 6
  refused('adminQ', 'GET /api/v1/admin/users/{learnerA}'),

  // Yearly facility reports: only F1's own admins fill in F1's report; only a supervisor or admin
  // covering F1 who does not answer for it decides; only a platform admin defines the form.
  refused('learnerB', 'PUT /api/v1/monitoring/report-forms/{reportYear}', REPORT_FORM),
  refused('adminQ', 'PUT /api/v1/monitoring/report-forms/{reportYear}', REPORT_FORM),
  refused('supervisorQ', 'PUT /api/v1/monitoring/report-forms/{reportYear}', REPORT_FORM),
  refused('learnerB', `GET ${F1_REPORT}`),
  refused('facilityAdminG', `GET ${F1_REPORT}`),
  refused('supervisorQ', `GET ${F1_REPORT}`),
  refused('instructorF1', `GET ${F1_REPORT}`),
  refused('facilityAdminG', `PUT ${F1_REPORT}`, { values: { offline_classes: 1 } }),
  refused('supervisorQ', `PUT ${F1_REPORT}`, { values: { offline_classes: 1 } }),
  refused('facilityAdminG', `POST ${F1_REPORT}/submit`),
  refused('supervisorQ', `POST ${F1_REPORT}/accept`, {}),
  refused('adminQ', `POST ${F1_REPORT}/accept`, {}),
  refused('facilityAdminF1', `POST ${F1_REPORT}/accept`, {}),
  refused('facilityAdminG', `POST ${F1_REPORT}/return`, { comment: 'Trả về' }),
  refused('supervisorQ', `POST ${F1_REPORT}/return`, { comment: 'Trả về' }),
  refused('facilityAdminF1', `POST ${F1_REPORT}/return`, { comment: 'Trả về' }),
  refused('learnerB', `GET /api/v1/monitoring/reports?year=${REPORT_YEAR}`),
  refused('facilityAdminG', `GET /api/v1/monitoring/reports?year=${REPORT_YEAR}`),
  refused('facilityAdminG', 'POST /api/v1/monitoring/report-forms/{reportYear}/import'),
  refused('learnerB', 'POST /api/v1/monitoring/report-forms/{reportYear}/import'),
  // LRS client credentials are the platform administrator's alone, not a scoped admin's.
  refused('learnerB', 'GET /api/v1/admin/lrs-clients'),
  refused('learnerB', 'POST /api/v1/admin/lrs-clients', LRS_CLIENT),
  refused('adminQ', 'GET /api/v1/admin/lrs-clients'),
  refused('adminQ', 'POST /api/v1/admin/lrs-clients', LRS_CLIENT),
  refused('adminQ', 'POST /api/v1/admin/lrs-clients/{lrsClient}/revoke'),
  refused('supervisorQ', 'POST /api/v1/admin/lrs-clients/{lrsClient}/revoke'),
  allowed('admin', 'GET /api/v1/admin/lrs-clients'),
  // So are the external stores statements are forwarded to (their endpoints and credentials).
  refused('learnerB', 'GET /api/v1/admin/lrs-forwards'),
  refused('learnerB', 'POST /api/v1/admin/lrs-forwards', LRS_FORWARD),
  refused('adminQ', 'GET /api/v1/admin/lrs-forwards'),
  refused('adminQ', 'POST /api/v1/admin/lrs-forwards', LRS_FORWARD),
  refused('adminQ', 'POST /api/v1/admin/lrs-forwards/{lrsForward}/revoke'),
  refused('supervisorQ', 'POST /api/v1/admin/lrs-forwards/{lrsForward}/revoke'),
  allowed('admin', 'GET /api/v1/admin/lrs-forwards'),

  // Controls: the rightful holder reaches each resource, so a refusal above is not a typo.
  allowed('learnerA', 'GET /api/v1/enrollments/{enrollmentA}'),
  allowed('learnerA', 'GET /api/v1/certificates/{serialA}/pdf'),
  allowed('learnerA', 'POST /api/v1/me/notifications/{notificationA}/read'),
  // A learner's own xAPI statements: no id in the route, only the caller's actor is read.
  allowed('learnerB', 'GET /api/v1/me/xapi-statements'),
  allowed('learnerA', 'GET /api/v1/me/xapi-statements/download'),
  allowed('instructorF1', 'GET /api/v1/courses/{C2}'),
  allowed('instructorF1', 'GET /api/v1/facilities/{F1}/course-review-policy'),
  allowed('instructorF1', 'PATCH /api/v1/lessons/{L1}', { title: 'Bài đọc' }),
  allowed('managerM', 'GET /api/v1/training/staff?orgUnitId={M}'),
  allowed('managerM', 'GET /api/v1/org-units/tree?rootId={M}'),
  allowed('managerM', 'GET /api/v1/training/compliance?orgUnitId={M}'),
  allowed('managerM', 'GET /api/v1/training/snapshots/{snapshotM}'),
  allowed('managerM', 'GET /api/v1/training/snapshots?orgUnitId={M}'),
  allowed('managerM', 'PUT /api/v1/training/requirements/{requirementM}', REQUIREMENT),
  allowed('managerM', 'POST /api/v1/training/requirements/preview', REQUIREMENT),
  allowed('managerM', 'GET /api/v1/training/requirements/{requirementM}'),
  allowed('managerM', 'GET /api/v1/training/requirements/{requirementM}/versions'),
  allowed('managerM1', 'GET /api/v1/training/compliance?orgUnitId={M1}'),
  allowed('managerM', 'GET /api/v1/org-units?parentId={M}'),
  allowed('managerM', 'GET /api/v1/org-units/{M1}'),
  allowed('managerM', 'PATCH /api/v1/org-units/{M1}', { name: 'Vụ M1' }),
  allowed('managerN', 'GET /api/v1/scopes?scopeType=org_unit'),
  allowed('managerM', 'POST /api/v1/admin/users/{learnerA}/reactivate'),
  allowed('adminQ', 'POST /api/v1/admin-units', {
    code: 'X-7',
    name: 'X',
    parentId: '{Q}',
    level: 'district',
  }),
  allowed('admin', 'GET /api/v1/certificate-templates/{templateF1}'),
  allowed('admin', 'POST /api/v1/certificate-templates/preview', {
    facilityId: '{F1}',
    title: 'Mẫu',
    body: 'Mẫu',
    signerName: 'Mẫu',
    signerTitle: 'Mẫu',
  }),
  allowed('facilityAdminG', 'GET /api/v1/certificate-templates/placeholders'),
  allowed('admin', 'GET /api/v1/admin/imports/{importM}'),
  allowed('managerM', 'GET /api/v1/admin/users/{learnerA}'),
  allowed('managerM1', 'GET /api/v1/admin/users?q=nguoi'),
  allowed('supervisorQ', 'GET /api/v1/admin/audit'),
  allowed('admin', 'GET /api/v1/admin/users/{learnerA}'),
  allowed('admin', 'PUT /api/v1/monitoring/report-forms/{reportYear}', REPORT_FORM),
  allowed('facilityAdminF1', `GET ${F1_REPORT}`),
  allowed('supervisorQ', `GET /api/v1/monitoring/reports?year=${REPORT_YEAR}`),
  allowed('admin', `GET ${F1_REPORT}`),
  // The report was submitted in the fixture: returned, saved again, submitted, accepted.
  allowed('admin', `POST ${F1_REPORT}/return`, { comment: 'Bổ sung số lớp' }),
  allowed('facilityAdminF1', `PUT ${F1_REPORT}`, { values: { offline_classes: 3 } }),
  allowed('facilityAdminF1', `POST ${F1_REPORT}/submit`),
  allowed('admin', `POST ${F1_REPORT}/accept`, {}),
];

/** The xAPI resources: LRS clients' Basic credentials, tested in xapi.e2e-spec.ts. */
const XAPI_ROUTES = [
  'GET /xapi/statements',
  'PUT /xapi/statements',
  'POST /xapi/statements',
  'GET /xapi/activities',
  'GET /xapi/agents',
  ...['/xapi/activities/state', '/xapi/activities/profile', '/xapi/agents/profile'].flatMap(
    (path) => ['GET', 'PUT', 'POST', 'DELETE'].map((method) => `${method} ${path}`),
  ),
];

/**
 * Non-public routes with no row above, each with why. The audit test below fails when a new
 * route is neither in the matrix nor here.
 */
const NOT_IN_MATRIX: Record<string, string> = {
  'POST /api/v1/auth/logout': 'acts on the refresh token sent, whoever holds it',
  'GET /api/v1/me': "the caller's own account",
  'PATCH /api/v1/me': "the caller's own account (no id in the route)",
  'POST /api/v1/me/password': "the caller's own account (no id in the route)",
  'GET /api/v1/me/sessions': "the caller's own sessions",
  'DELETE /api/v1/me/sessions/{}':
    "the caller's own sessions; another person's id answers 404 (accounts.e2e-spec.ts)",
  'POST /api/v1/courses/{}/enrollments':
    'any learner may enroll in a published course; a draft answers 422 COURSE_NOT_PUBLISHED (api.md)',
  'GET /api/v1/me/notifications': "the caller's own records",
  'GET /api/v1/me/notification-preferences': "the caller's own settings",
  'PUT /api/v1/me/notification-preferences': "the caller's own settings",
  'GET /api/v1/me/enrollments': "the caller's own records",
  'GET /api/v1/me/schedule-feed': "the caller's own feed",
  'POST /api/v1/me/schedule-feed/rotate': "the caller's own feed",
  'GET /api/v1/me/certificates': "the caller's own records",
  'GET /api/v1/me/assignments': "the caller's own records",
  'POST /api/v1/admin/imports/staff': 'hole 1 (staff import scope): the identity tests',
  'POST /api/v1/lessons/{}/video': 'multipart upload; covered by the distance-lessons tests',
  'POST /api/v1/lessons/{}/cmi5-package': 'multipart upload; covered by cmi5.e2e-spec.ts',
  'GET /api/v1/lessons/{}/cmi5-package': 'needs an uploaded package; covered by cmi5.e2e-spec.ts',
  'POST /api/v1/lessons/{}/cmi5-launch':
    'needs an uploaded package and an enrollment; covered by cmi5.e2e-spec.ts',
  'GET /api/v1/videos/{}': 'needs an uploaded video; covered by the distance-lessons tests',
  'POST /api/v1/videos/{}/subtitles': 'multipart upload; covered by the distance-lessons tests',
  'POST /api/v1/uploads': 'tus protocol; hole 2 (the distance-lessons tests)',
  'HEAD /api/v1/uploads/{}': 'tus protocol; hole 2 (the distance-lessons tests)',
  'PATCH /api/v1/uploads/{}': 'tus protocol; hole 2 (the distance-lessons tests)',
  'DELETE /api/v1/uploads/{}': 'tus protocol; hole 2 (the distance-lessons tests)',
  'POST /api/v1/channels/{}/schedule/import':
    'hole 6 (channel authorization): the television tests',
  'GET /api/v1/channels/{}/schedule/imports/{}':
    'hole 6 (channel authorization): the television tests',
  'POST /api/v1/broadcasts': 'hole 6 (channel authorization): the television tests',
  'PATCH /api/v1/broadcasts/{}': 'hole 6 (channel authorization): the television tests',
  'DELETE /api/v1/broadcasts/{}': 'hole 6 (channel authorization): the television tests',
  'POST /api/v1/broadcasts/{}/attendance': "the caller's own attendance, by the code on screen",
  'POST /api/v1/broadcasts/{}/group-attendance': 'hole 7 (group attendance): the television tests',
  'POST /api/v1/group-attendance/{}/void':
    'hole 7: group-attendance.int-spec.ts, a facilitator who is not course staff is refused a void',
  'PUT /api/v1/broadcasts/{}/replay': 'hole 6 (channel authorization): the television tests',
  'PUT /api/v1/lessons/{}/check-quiz':
    'a trial of a quiz the caller authors; same rule as PATCH lessons',
  'POST /api/v1/certificate-templates': 'same facility rule as PUT certificate-templates',
  ...Object.fromEntries(
    [
      'POST /api/v1/monitoring/inspections',
      'GET /api/v1/monitoring/inspections',
      'GET /api/v1/monitoring/inspections/received',
      'GET /api/v1/monitoring/inspections/{}',
      'PUT /api/v1/monitoring/inspections/{}/scores',
      'POST /api/v1/monitoring/inspections/{}/criteria/{}/evidence',
      'POST /api/v1/monitoring/inspections/{}/publish',
      'POST /api/v1/monitoring/inspections/{}/actions',
      'POST /api/v1/monitoring/inspection-actions/{}/evidence',
      'POST /api/v1/monitoring/inspection-actions/{}/close',
      'GET /api/v1/monitoring/inspection-actions/overdue',
    ].map((route) => [
      route,
      'scope, own unit and before publishing: inspections.int-spec.ts and inspections.e2e-spec.ts',
    ]),
  ),
  ...Object.fromEntries(
    XAPI_ROUTES.map((route) => [
      route,
      "an LRS client's Basic credentials, not a person's token: xapi.e2e-spec.ts (scopes, revocation)",
    ]),
  ),
};

const routeKey = (route: string): string => (route.split('?')[0] ?? '').replace(/\{[^}]+\}/g, '{}');

const api = adminSession({ withWorker: true, withMediaDir: true });
const tokens = {} as Record<Actor, string>;
const ids: Record<string, string> = {};
const person = peopleRegistry(() => api.http, 'matrix');

/** Replaces `{name}` with the fixture's ids, in a route or anywhere in a body. */
const fill = (text: string): string =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const id = ids[name];
    if (id === undefined) throw new Error(`no fixture id named ${name}`);
    return id;
  });
const fillBody = (body: Json): Json => JSON.parse(fill(JSON.stringify(body))) as Json;

/** A new person signed in, holding `role` at `scope` (a fresh sign-in carries the grant). */
async function holding(role: Role, scope: Scope | undefined, tree: ScopeTree): Promise<Person> {
  const someone = await person();
  await tree.grant(someone.id, role, scope);
  return someone;
}

beforeAll(async () => {
  tokens.admin = api.adminToken;
  const { tree } = api;

  const P = await tree.adminUnit('Tỉnh P');
  const D = await tree.adminUnit('Huyện D', P);
  const Q = await tree.adminUnit('Tỉnh Q');
  const F1 = await tree.facility('Trung tâm học tập cộng đồng F1', D);
  const G = await tree.facility('Trung tâm học tập cộng đồng G', Q);
  const M = await tree.orgUnit('Bộ M');
  const M1 = await tree.orgUnit('Vụ M1', M);
  const N = await tree.orgUnit('Cơ quan N');
  Object.assign(ids, {
    P: P.scopeId,
    D: D.scopeId,
    Q: Q.scopeId,
    F1: F1.scopeId,
    G: G.scopeId,
    M: M.scopeId,
    M1: M1.scopeId,
    N: N.scopeId,
  });

  const people: Record<Exclude<Actor, 'admin'>, Person> = {
    learnerA: await person(),
    learnerB: await person(),
    instructorF1: await holding('instructor', F1, tree),
    instructorG: await holding('instructor', G, tree),
    facilityAdminG: await holding('facility_admin', G, tree),
    facilityAdminF1: await holding('facility_admin', F1, tree),
    managerM: await holding('org_manager', M, tree),
    managerM1: await holding('org_manager', M1, tree),
    managerN: await holding('org_manager', N, tree),
    supervisorQ: await holding('supervisor', Q, tree),
    adminQ: await holding('admin', Q, tree),
  };
  for (const [actor, who] of Object.entries(people)) {
    tokens[actor as Actor] = who.token;
    ids[actor] = who.id;
  }
  await tree.member(M1, people.learnerA.id);

  // Facility F1's courses, authored by its instructor: C1 published, C2 a draft.
  const asInstructor = apiClient(api.http.base, tokens.instructorF1);
  const course = async (title: string, publish: boolean) => {
    const created = await expectStatus(
      answered(
        asInstructor.POST('/api/v1/courses', {
          body: { facilityId: F1.scopeId, title, summary: 'Khoá học của F1' },
        }),
      ),
      201,
    );
    const { id } = created;
    const section = await expectStatus(
      answered(
        asInstructor.POST('/api/v1/courses/{id}/sections', {
          params: { path: { id } },
          body: { title: 'Phần 1' },
        }),
      ),
      201,
    );
    const lesson = await expectStatus(
      answered(
        asInstructor.POST('/api/v1/sections/{id}/lessons', {
          params: { path: { id: section.id } },
          body: { title: 'Bài đọc', kind: 'reading', body: '<p>Nội dung.</p>' },
        }),
      ),
      201,
    );
    if (publish)
      await expectStatus(
        answered(asInstructor.POST('/api/v1/courses/{id}/publish', { params: { path: { id } } })),
        200,
      );
    return { id, sectionId: section.id, lessonId: lesson.id };
  };
  const c1 = await course('Kỹ năng số cơ bản', true);
  const c2 = await course('Bản nháp', false);
  Object.assign(ids, {
    C1: c1.id,
    S1: c1.sectionId,
    L1: c1.lessonId,
    C2: c2.id,
    S2: c2.sectionId,
    L2: c2.lessonId,
  });

  // Learner A enrolls in C1 and completes it: an enrollment, a notification, a certificate.
  const asLearnerA = apiClient(api.http.base, tokens.learnerA);
  const enrollment = await expectStatus(
    answered(
      asLearnerA.POST('/api/v1/courses/{id}/enrollments', { params: { path: { id: c1.id } } }),
    ),
    201,
  );
  ids.enrollmentA = enrollment.id;
  await expectStatus(
    answered(
      asLearnerA.POST('/api/v1/enrollments/{id}/lessons/{lessonId}/complete', {
        params: { path: { id: enrollment.id, lessonId: c1.lessonId } },
      }),
    ),
    200,
  );
  ids.serialA = await eventually('the certificate', async () => {
    const list = await answered(asLearnerA.GET('/api/v1/me/certificates'));
    return list.body.items[0]?.serial;
  });
  ids.notificationA = await eventually('a notification', async () => {
    const list = await answered(asLearnerA.GET('/api/v1/me/notifications'));
    return list.body.items[0]?.id;
  });

  // Ministry M's mandated training, snapshot and staff import; facility F1's template.
  ids.requirementM = (
    await expectStatus(
      answered(
        api.asAdmin.POST('/api/v1/training/requirements', {
          body: { ...REQUIREMENT, courseId: c1.id, orgUnitId: M.scopeId },
        }),
      ),
      201,
    )
  ).id;
  ids.snapshotM = (
    await expectStatus(
      answered(
        apiClient(api.http.base, tokens.managerM).POST('/api/v1/training/snapshots', {
          body: { orgUnitId: M.scopeId, period: '2026' },
        }),
      ),
      201,
    )
  ).id;
  const csv = `employeeCode,fullName,email,orgUnitCode,position,jobGrade\nNV-1,Lê Văn Một,mot@example.vn,X,Chuyên viên,A1\n`;
  const imported = await answered(api.asAdmin.POST('/api/v1/admin/imports/staff', csvBody(csv)));
  if (imported.status !== 202) throw new Error(`staff import answered ${imported.status}`);
  ids.importM = imported.body.importId;
  ids.lrsClient = (
    await expectStatus(
      answered(api.asAdmin.POST('/api/v1/admin/lrs-clients', { body: LRS_CLIENT })),
      201,
    )
  ).id;
  ids.lrsForward = (
    await expectStatus(
      answered(api.asAdmin.POST('/api/v1/admin/lrs-forwards', { body: LRS_FORWARD })),
      201,
    )
  ).id;
  ids.templateF1 = (
    await expectStatus(
      answered(
        api.asAdmin.POST('/api/v1/certificate-templates', {
          body: {
            facilityId: F1.scopeId,
            title: 'Chứng chỉ',
            body: '{{holderName}} đã hoàn thành {{courseTitle}}',
            signerName: 'Nguyễn Văn Ký',
            signerTitle: 'Giám đốc',
          },
        }),
      ),
      201,
    )
  ).id;
  // Facility F1's yearly report, submitted by its facility admin.
  ids.reportYear = String(REPORT_YEAR);
  await expectStatus(
    api.http.request('PUT', `/api/v1/monitoring/report-forms/${REPORT_YEAR}`, {
      token: api.adminToken,
      body: REPORT_FORM,
    }),
    200,
  );
  const report = `/api/v1/facilities/${F1.scopeId}/reports/${REPORT_YEAR}`;
  await expectStatus(
    api.http.request('PUT', report, {
      token: tokens.facilityAdminF1,
      body: { values: { offline_classes: 2 } },
    }),
    200,
  );
  await expectStatus(api.http.post(`${report}/submit`, { token: tokens.facilityAdminF1 }), 200);
}, 120_000);

describe('the access matrix', () => {
  it.each(MATRIX.map((row) => [row.expect, row.who, row.route, row] as const))(
    '%s: %s → %s',
    async (_expect, who, route, row) => {
      const [method = '', path = ''] = route.split(' ');
      const headers: Record<string, string> = { authorization: `Bearer ${tokens[who]}` };
      if (row.body) headers['content-type'] = 'application/json';
      const response = await fetch(`${api.http.base}${fill(path)}`, {
        method,
        headers,
        body: row.body && JSON.stringify(fillBody(row.body)),
      });
      const text = await response.text();
      const outcome =
        response.status >= 200 && response.status < 300
          ? 'allowed'
          : [403, 404].includes(response.status)
            ? 'refused'
            : `answered ${response.status}`;
      // On failure the answer shows: a 2xx where refused is expected is a hole.
      expect(outcome === row.expect ? outcome : `${outcome}: ${text.slice(0, 300)}`).toBe(
        row.expect,
      );
      if (row.expect === 'refused')
        expect(
          answerProblems({
            status: response.status,
            contentType: response.headers.get('content-type') ?? '',
            text,
            method,
            path,
          }),
        ).toEqual([]);
    },
  );

  it('has a row for every non-public route of the OpenAPI document, or a reason why not', async () => {
    const inMatrix = new Set(MATRIX.map((row) => routeKey(row.route)));
    const missing = (await apiOperations(api.http))
      .filter((operation) => operation.access.kind !== 'public')
      .map((operation) => routeKey(operationName(operation)))
      .filter((key) => !inMatrix.has(key) && !NOT_IN_MATRIX[key]);
    expect(missing).toEqual([]);
    const stale = Object.keys(NOT_IN_MATRIX).filter((key) => inMatrix.has(key));
    expect(stale).toEqual([]);
  });
});
