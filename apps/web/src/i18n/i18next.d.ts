import 'i18next';
import type { ManageRequirementsMessages } from '../manage/requirements/i18n/vi';
import type { StudioMessages } from '../studio/i18n/vi';
import type { StudioTvMessages } from '../studio/television/i18n/vi';
import type { Messages } from './vi';

// t('…') keys are checked by the compiler against the Vietnamese catalog.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: Messages;
      studio: StudioMessages;
      studioTv: StudioTvMessages;
      manageRequirements: ManageRequirementsMessages;
    };
  }
}
