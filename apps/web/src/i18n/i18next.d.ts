import 'i18next';
import type { AdminOrgMessages } from '../admin/i18n/vi';
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
      adminOrg: AdminOrgMessages;
    };
  }
}
