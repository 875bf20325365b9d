import { i18n } from '../../i18n';
import { manageEn, manageVi } from './catalogs';

/**
 * The training-management area's texts (org managers, supervisors), in their own namespace,
 * registered when its first page loads so they travel in its chunks and never in a learner's.
 */
export const MANAGE_NS = 'manage';

if (!i18n.hasResourceBundle('vi', MANAGE_NS)) {
  i18n.addResourceBundle('vi', MANAGE_NS, manageVi);
  i18n.addResourceBundle('en', MANAGE_NS, manageEn);
}
