import 'i18next';
import type { FiguresMessages } from '../figures/i18n/vi';
import type { ManageMessages } from '../manage/i18n/catalogs';
import type { AdminOrgMessages } from '../admin/i18n/vi';
import type { ManageRequirementsMessages } from '../manage/requirements/i18n/vi';
import type { StudioMessages } from '../studio/i18n/vi';
import type { StudioTvMessages } from '../studio/television/i18n/vi';
import type { ManageStaffMessages } from '../manage/staff/i18n/vi';
import type { ReportsMessages } from '../reports/i18n/vi';
import type { InspectionsMessages } from '../inspections/i18n/vi';
import type { Messages } from './vi';

// t('…') keys are checked by the compiler against the Vietnamese catalog.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: Messages;
      studio: StudioMessages;
      studioTv: StudioTvMessages;
      manage: ManageMessages;
      manageStaff: ManageStaffMessages;
      adminOrg: AdminOrgMessages;
      manageRequirements: ManageRequirementsMessages;
      figures: FiguresMessages;
      reports: ReportsMessages;
      inspections: InspectionsMessages;
    };
  }
}
