import { type ComponentType, lazy, Suspense } from 'react';
import { PageLoader } from '../components/PageLoader';
import { Route, Routes } from 'react-router';
import { RequireSignIn } from '../learner/RequireSignIn';
import { Layout } from './Layout';
import { PAGE_PATHS } from './page-paths';

/**
 * A page is its own chunk, fetched the first time it is opened, so a learner's first load carries
 * only the pages a learner opens; studio and dashboards never load for them. Pages export their
 * component as `Component`.
 *
 * Declarative routes rather than a data router: the app fetches through TanStack Query, not route
 * loaders, and the data router was 16 KB (gzip) of every first load doing nothing.
 */
const page = (load: () => Promise<{ Component: ComponentType }>) =>
  lazy(() => load().then((module) => ({ default: module.Component })));

const HomePage = page(() => import('../pages/HomePage'));
const CataloguePage = page(() => import('../pages/CataloguePage'));
const CoursePage = page(() => import('../pages/CoursePage'));
const TelevisionPage = page(() => import('../pages/TelevisionPage'));
const VerifyPage = page(() => import('../pages/VerifyPage'));
const FiguresPage = page(() => import('../pages/FiguresPage'));
const SignInPage = page(() => import('../pages/SignInPage'));
const RegisterPage = page(() => import('../pages/RegisterPage'));
const ForgotPasswordPage = page(() => import('../pages/ForgotPasswordPage'));
const ResetPasswordPage = page(() => import('../pages/ResetPasswordPage'));
const InvitationPage = page(() => import('../pages/InvitationPage'));
const MyLearningPage = page(() => import('../pages/MyLearningPage'));
const PlayerPage = page(() => import('../pages/PlayerPage'));
const CertificatesPage = page(() => import('../pages/CertificatesPage'));
const NotificationsPage = page(() => import('../pages/NotificationsPage'));
const TrainingPage = page(() => import('../pages/TrainingPage'));
const ProfilePage = page(() => import('../pages/ProfilePage'));
const NotFoundPage = page(() => import('../pages/NotFoundPage'));
// Administrators' pages: their own chunks, never loaded by a learner (nor preloaded).
const AdminUsersPage = page(() => import('../pages/admin/AdminUsersPage'));
const AdminUserPage = page(() => import('../pages/admin/AdminUserPage'));
const AdminAuditPage = page(() => import('../pages/admin/AdminAuditPage'));
const AdminUnitsPage = page(() => import('../pages/admin/AdminUnitsPage'));
const AdminFacilitiesPage = page(() => import('../pages/admin/AdminFacilitiesPage'));
const AdminOrgUnitsPage = page(() => import('../pages/admin/AdminOrgUnitsPage'));
// The studio for instructors and facility admins: its own chunks (and texts), never a learner's.
const StudioCoursesPage = page(() => import('../pages/studio/StudioCoursesPage'));
const NewCoursePage = page(() => import('../pages/studio/NewCoursePage'));
const CourseEditorPage = page(() => import('../pages/studio/CourseEditorPage'));
const ReviewQueuePage = page(() => import('../pages/studio/ReviewQueuePage'));
const StudioTelevisionPage = page(() => import('../pages/studio/StudioTelevisionPage'));
const ScheduleBroadcastPage = page(() => import('../pages/studio/ScheduleBroadcastPage'));
const BroadcastPage = page(() => import('../pages/studio/BroadcastPage'));
const GroupAttendancePage = page(() => import('../pages/studio/GroupAttendancePage'));
const AttendanceCodePage = page(() => import('../pages/studio/AttendanceCodePage'));
const CertificateTemplatePage = page(() => import('../pages/studio/CertificateTemplatePage'));
// Training management for org managers and supervisors: its own chunks (and texts).
const CompliancePage = page(() => import('../pages/manage/CompliancePage'));
// Org managers' staff pages: their own chunks and texts (namespace manageStaff).
const MyStaffPage = page(() => import('../pages/manage/MyStaffPage'));
const StaffImportPage = page(() => import('../pages/manage/StaffImportPage'));
// Org managers' training requirements: their own chunks and texts.
const RequirementsPage = page(() => import('../pages/manage/RequirementsPage'));
const NewRequirementPage = page(() => import('../pages/manage/NewRequirementPage'));
const RequirementPage = page(() => import('../pages/manage/RequirementPage'));
// Facilities' yearly reports: filled in from the studio, decided on in training management.
const FacilityReportPage = page(() => import('../pages/studio/FacilityReportPage'));
const FacilityReportsPage = page(() => import('../pages/manage/FacilityReportsPage'));
// Inspections: planned and recorded in training management, read by the unit in its area.
const InspectionsPage = page(() => import('../pages/manage/InspectionsPage'));
const NewInspectionPage = page(() => import('../pages/manage/NewInspectionPage'));
const InspectionPage = page(() => import('../pages/manage/InspectionPage'));
const OverdueActionsPage = page(() => import('../pages/manage/OverdueActionsPage'));
const ReceivedInspectionsPage = page(() => import('../pages/studio/ReceivedInspectionsPage'));
const ReceivedInspectionPage = page(() => import('../pages/studio/ReceivedInspectionPage'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path={PAGE_PATHS.HomePage} element={<HomePage />} />
        <Route path={PAGE_PATHS.CataloguePage} element={<CataloguePage />} />
        <Route path={PAGE_PATHS.CoursePage} element={<CoursePage />} />
        <Route path={PAGE_PATHS.TelevisionPage} element={<TelevisionPage />} />
        <Route path={PAGE_PATHS.VerifyPage} element={<VerifyPage />} />
        <Route path={PAGE_PATHS.FiguresPage} element={<FiguresPage />} />
        <Route path={PAGE_PATHS.SignInPage} element={<SignInPage />} />
        <Route path={PAGE_PATHS.RegisterPage} element={<RegisterPage />} />
        <Route path={PAGE_PATHS.ForgotPasswordPage} element={<ForgotPasswordPage />} />
        <Route path={PAGE_PATHS.ResetPasswordPage} element={<ResetPasswordPage />} />
        <Route path={PAGE_PATHS.InvitationPage} element={<InvitationPage />} />
        {/* A learner's own pages: signed-out visitors are sent to sign in and brought back. */}
        <Route element={<RequireSignIn />}>
          <Route path={PAGE_PATHS.MyLearningPage} element={<MyLearningPage />} />
          <Route path={PAGE_PATHS.PlayerPage} element={<PlayerPage />} />
          <Route path={PAGE_PATHS.CertificatesPage} element={<CertificatesPage />} />
          <Route path={PAGE_PATHS.NotificationsPage} element={<NotificationsPage />} />
          <Route path={PAGE_PATHS.TrainingPage} element={<TrainingPage />} />
          <Route path={PAGE_PATHS.ProfilePage} element={<ProfilePage />} />
          <Route path="/admin/users" element={<AdminUsersPage />} />
          <Route path="/admin/users/:id" element={<AdminUserPage />} />
          <Route path="/admin/audit" element={<AdminAuditPage />} />
          <Route path={PAGE_PATHS['manage/CompliancePage']} element={<CompliancePage />} />
          <Route path="/admin/admin-units" element={<AdminUnitsPage />} />
          <Route path="/admin/facilities" element={<AdminFacilitiesPage />} />
          <Route path="/admin/org-units" element={<AdminOrgUnitsPage />} />
          <Route path="/studio" element={<StudioCoursesPage />} />
          <Route path="/studio/new" element={<NewCoursePage />} />
          <Route path="/studio/courses/:id" element={<CourseEditorPage />} />
          <Route path="/studio/review" element={<ReviewQueuePage />} />
          <Route path="/manage/requirements" element={<RequirementsPage />} />
          <Route path="/manage/requirements/new" element={<NewRequirementPage />} />
          <Route path="/manage/requirements/:id" element={<RequirementPage />} />
          <Route path="/studio/television" element={<StudioTelevisionPage />} />
          <Route path="/studio/television/schedule" element={<ScheduleBroadcastPage />} />
          <Route path="/studio/television/broadcasts/:id" element={<BroadcastPage />} />
          <Route
            path="/studio/television/broadcasts/:id/attendance"
            element={<GroupAttendancePage />}
          />
          <Route path="/studio/certificate-template" element={<CertificateTemplatePage />} />
          <Route
            path="/studio/facilities/:facilityId/certificate-template"
            element={<CertificateTemplatePage />}
          />
          <Route path="/manage/staff" element={<MyStaffPage />} />
          <Route path="/manage/imports" element={<StaffImportPage />} />
          <Route path="/manage/reports" element={<FacilityReportsPage />} />
          <Route path="/studio/reports" element={<FacilityReportPage />} />
          <Route path="/studio/facilities/:facilityId/reports" element={<FacilityReportPage />} />
          <Route path="/manage/inspections" element={<InspectionsPage />} />
          <Route path="/manage/inspections/new" element={<NewInspectionPage />} />
          <Route path="/manage/inspections/overdue" element={<OverdueActionsPage />} />
          <Route path="/manage/inspections/:id" element={<InspectionPage />} />
          <Route path="/studio/inspections" element={<ReceivedInspectionsPage />} />
          <Route path="/studio/inspections/:id" element={<ReceivedInspectionPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      {/* The attendance code for a room's screen: the whole page, no header or menu around it. */}
      <Route element={<RequireSignIn />}>
        <Route
          path="/studio/television/broadcasts/:id/code"
          element={
            <Suspense fallback={<PageLoader />}>
              <AttendanceCodePage />
            </Suspense>
          }
        />
      </Route>
    </Routes>
  );
}
