import { i18n } from '../../i18n';
import { figuresEn } from './en';
import { figuresVi } from './vi';

/** The figures page's texts, registered when the page loads so they travel in its chunk. */
export const FIGURES_NS = 'figures';

if (!i18n.hasResourceBundle('vi', FIGURES_NS)) {
  i18n.addResourceBundle('vi', FIGURES_NS, figuresVi);
  i18n.addResourceBundle('en', FIGURES_NS, figuresEn);
}
