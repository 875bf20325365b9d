import { i18n } from '../../i18n';
import { studioEn } from './en';
import { studioVi } from './vi';

/**
 * The studio's texts, in their own namespace: registered when the first studio page loads, so
 * they travel in the studio's chunks and never in a learner's. Both languages are small enough
 * to come together.
 */
export const STUDIO_NS = 'studio';

if (!i18n.hasResourceBundle('vi', STUDIO_NS)) {
  i18n.addResourceBundle('vi', STUDIO_NS, studioVi);
  i18n.addResourceBundle('en', STUDIO_NS, studioEn);
}
