import { i18n } from '../../i18n';
import { inspectionsEn } from './en';
import { inspectionsVi } from './vi';

/** Inspections' texts, registered when an inspection page loads so they travel in its chunks. */
export const INSPECTIONS_NS = 'inspections';

if (!i18n.hasResourceBundle('vi', INSPECTIONS_NS)) {
  i18n.addResourceBundle('vi', INSPECTIONS_NS, inspectionsVi);
  i18n.addResourceBundle('en', INSPECTIONS_NS, inspectionsEn);
}
