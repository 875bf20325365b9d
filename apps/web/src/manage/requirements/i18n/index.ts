import { i18n } from '../../../i18n';
import { manageRequirementsEn } from './en';
import { manageRequirementsVi } from './vi';

/**
 * The requirement pages' texts, in their own namespace: registered when the first of these
 * pages loads, so they travel in the managers' chunks and never in a learner's.
 */
export const MANAGE_REQUIREMENTS_NS = 'manageRequirements';

if (!i18n.hasResourceBundle('vi', MANAGE_REQUIREMENTS_NS)) {
  i18n.addResourceBundle('vi', MANAGE_REQUIREMENTS_NS, manageRequirementsVi);
  i18n.addResourceBundle('en', MANAGE_REQUIREMENTS_NS, manageRequirementsEn);
}
