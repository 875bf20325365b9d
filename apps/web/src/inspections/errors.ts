import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../components/ApiErrorAlert';
import './i18n';

/** The api's error in the person's language: the inspections' own codes first, then the app's. */
export function useInspectionErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation('inspections');
  const common = useErrorMessage();
  return (error) => {
    const key = `errors.${error instanceof ApiError ? error.code : ''}`;
    return i18n.exists(key, { ns: 'inspections' }) ? t(key as 'errors.OWN_UNIT') : common(error);
  };
}
