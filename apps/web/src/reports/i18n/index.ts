import { i18n } from '../../i18n';
import { reportsEn } from './en';
import { reportsVi } from './vi';

/** The yearly reports' texts, registered when a report page loads so they travel in its chunks. */
export const REPORTS_NS = 'reports';

if (!i18n.hasResourceBundle('vi', REPORTS_NS)) {
  i18n.addResourceBundle('vi', REPORTS_NS, reportsVi);
  i18n.addResourceBundle('en', REPORTS_NS, reportsEn);
}
