import { i18n } from '../../../i18n';
import { studioTvEn } from './en';
import { studioTvVi } from './vi';

/**
 * The studio's television texts, in their own namespace: registered when the first television
 * page of the studio loads, so they travel in its chunks only.
 */
export const STUDIO_TV_NS = 'studioTv';

if (!i18n.hasResourceBundle('vi', STUDIO_TV_NS)) {
  i18n.addResourceBundle('vi', STUDIO_TV_NS, studioTvVi);
  i18n.addResourceBundle('en', STUDIO_TV_NS, studioTvEn);
}
