import 'i18next';
import type { Messages } from './vi';

// t('…') keys are checked by the compiler against the Vietnamese catalog.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
