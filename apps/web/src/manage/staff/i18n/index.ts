import { i18n } from '../../../i18n';
import { manageStaffEn } from './en';
import { manageStaffVi } from './vi';

/**
 * The staff pages' texts (my staff, staff import), in their own namespace: registered when one of
 * those pages loads, so they travel in its chunks only.
 */
export const MANAGE_STAFF_NS = 'manageStaff';

if (!i18n.hasResourceBundle('vi', MANAGE_STAFF_NS)) {
  i18n.addResourceBundle('vi', MANAGE_STAFF_NS, manageStaffVi);
  i18n.addResourceBundle('en', MANAGE_STAFF_NS, manageStaffEn);
}
