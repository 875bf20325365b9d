import { i18n } from '../../i18n';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useErrorMessage } from '../../components/ApiErrorAlert';
import { adminOrgEn } from './en';
import { adminOrgVi } from './vi';

/**
 * The organization pages' texts, in their own namespace: registered when the first of those
 * pages loads, so they travel in its chunk.
 */
export const ADMIN_ORG_NS = 'adminOrg';

if (!i18n.hasResourceBundle('vi', ADMIN_ORG_NS)) {
  i18n.addResourceBundle('vi', ADMIN_ORG_NS, adminOrgVi);
  i18n.addResourceBundle('en', ADMIN_ORG_NS, adminOrgEn);
}

/** The api's refusal in plain words: this namespace's text for the code, else the app's. */
export function useOrgErrorMessage(): (error: unknown) => string {
  const { t, i18n: current } = useTranslation(ADMIN_ORG_NS);
  const general = useErrorMessage();
  return (error) => {
    const code = error instanceof ApiError ? error.code : '';
    return code && current.exists(`${ADMIN_ORG_NS}:errors.${code}`)
      ? t(`errors.${code}` as 'errors.FORBIDDEN')
      : general(error);
  };
}
