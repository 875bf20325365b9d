import { CreateUsers1764403200000 } from './1764403200000-create-users';
import { CreateOutboxEvents1764403210000 } from './1764403210000-create-outbox-events';
import { CreateUserRoles1764403300000 } from './1764403300000-create-user-roles';
import { CreateRefreshTokens1764403310000 } from './1764403310000-create-refresh-tokens';
import { CreateOrganizations1764403400000 } from './1764403400000-create-organizations';
import { CreateStaffImports1764403410000 } from './1764403410000-create-staff-imports';
import { CreateCourses1764403600000 } from './1764403600000-create-courses';
import { CreateEnrollments1764403700000 } from './1764403700000-create-enrollments';
import { CreateNotifications1764404000000 } from './1764404000000-create-notifications';
import { CreateVideos1764404100000 } from './1764404100000-create-videos';
import { CreateTelevisionLessons1764500000000 } from './1764500000000-create-television-lessons';
import { CreateCertificates1764600000000 } from './1764600000000-create-certificates';
import { CreateTraining1764700000000 } from './1764700000000-create-training';
import { AddCourseCodes1764800000000 } from './1764800000000-add-course-codes';
import { AddCertificateSharing1764900000000 } from './1764900000000-add-certificate-sharing';
import { CoverCurrentMembers1765000000000 } from './1765000000000-cover-current-members';
import { CanonicalEmails1765100000000 } from './1765100000000-canonical-emails';
import { AddChannelOwners1765300000000 } from './1765300000000-add-channel-owners';
import { CreateGroupAttendanceRecords1765400000000 } from './1765400000000-create-group-attendance-records';
import { AddUserTimeZone1765600000000 } from './1765600000000-add-user-time-zone';
import { CreateAccountLifecycle1765900000000 } from './1765900000000-create-account-lifecycle';
import { CreateUserIdentities1765950000000 } from './1765950000000-create-user-identities';
import { CreateAuditEntries1766000000000 } from './1766000000000-create-audit-entries';
import { AddUserSearchText1766000100000 } from './1766000100000-add-user-search-text';
import { PublishOrganizationViews1766100000000 } from './1766100000000-publish-organization-views';
import { AddCourseReviewNote1766200000000 } from './1766200000000-add-course-review-note';
import { IndexSpentCredentials1766400000000 } from './1766400000000-index-spent-credentials';
import { CreateOutboxEventsArchive1766400100000 } from './1766400100000-create-outbox-events-archive';
import { PublishLearnerViews1766500000000 } from './1766500000000-publish-learner-views';
import { PublishMonitoringViews1766600000000 } from './1766600000000-publish-monitoring-views';
import { CreateMonitoringFigures1766600100000 } from './1766600100000-create-monitoring-figures';
import { CreateTrainingUnitCounts1766630000000 } from './1766630000000-create-training-unit-counts';
import { PublishTelevisionMonitoring1766700000000 } from './1766700000000-publish-television-monitoring';
import { CreateCourseSearchTerms1766800000000 } from './1766800000000-create-course-search-terms';
import { CreateLearningRecords1766900000000 } from './1766900000000-create-learning-records';
import { CreateXapiDocuments1766900100000 } from './1766900100000-create-xapi-documents';
import { CreateFacilityReports1766910000000 } from './1766910000000-create-facility-reports';
import { PublishCourseLessonViews1766920000000 } from './1766920000000-publish-course-lesson-views';
import { CreateLrsForwards1766940000000 } from './1766940000000-create-lrs-forwards';
import { PublishAdministrationViews1766952000000 } from './1766952000000-publish-administration-views';
import { CreateCatalogueTerms1766953000000 } from './1766953000000-create-catalogue-terms';
import { CreateCmi51766954000000 } from './1766954000000-create-cmi5';
import { AddLessonPackages1766954100000 } from './1766954100000-add-lesson-packages';
import { CreateInspections1766955000000 } from './1766955000000-create-inspections';
import { CreateXapiAttachments1766956000000 } from './1766956000000-create-xapi-attachments';
import { CreateXapiStatementRefs1766956100000 } from './1766956100000-create-xapi-statement-refs';
import { AddOrgUnitLevels1766957000000 } from './1766957000000-add-org-unit-levels';

/**
 * Every migration, in order. Listed explicitly (never globbed from dist/) so bundles and
 * tests run exactly these. Add new ones at the end.
 */
export const MIGRATIONS = [
  CreateUsers1764403200000,
  CreateOutboxEvents1764403210000,
  CreateUserRoles1764403300000,
  CreateRefreshTokens1764403310000,
  CreateOrganizations1764403400000,
  CreateStaffImports1764403410000,
  CreateCourses1764403600000,
  CreateEnrollments1764403700000,
  CreateNotifications1764404000000,
  CreateVideos1764404100000,
  CreateTelevisionLessons1764500000000,
  CreateCertificates1764600000000,
  CreateTraining1764700000000,
  AddCourseCodes1764800000000,
  AddCertificateSharing1764900000000,
  CoverCurrentMembers1765000000000,
  CanonicalEmails1765100000000,
  AddChannelOwners1765300000000,
  CreateGroupAttendanceRecords1765400000000,
  AddUserTimeZone1765600000000,
  CreateAccountLifecycle1765900000000,
  CreateUserIdentities1765950000000,
  CreateAuditEntries1766000000000,
  AddUserSearchText1766000100000,
  PublishOrganizationViews1766100000000,
  AddCourseReviewNote1766200000000,
  IndexSpentCredentials1766400000000,
  CreateOutboxEventsArchive1766400100000,
  PublishLearnerViews1766500000000,
  PublishMonitoringViews1766600000000,
  CreateMonitoringFigures1766600100000,
  CreateTrainingUnitCounts1766630000000,
  PublishTelevisionMonitoring1766700000000,
  CreateCourseSearchTerms1766800000000,
  CreateLearningRecords1766900000000,
  CreateXapiDocuments1766900100000,
  CreateFacilityReports1766910000000,
  PublishCourseLessonViews1766920000000,
  CreateLrsForwards1766940000000,
  PublishAdministrationViews1766952000000,
  CreateCatalogueTerms1766953000000,
  CreateCmi51766954000000,
  AddLessonPackages1766954100000,
  CreateInspections1766955000000,
  CreateXapiAttachments1766956000000,
  CreateXapiStatementRefs1766956100000,
  AddOrgUnitLevels1766957000000,
];
