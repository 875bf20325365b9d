import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../components/ApiErrorAlert';

/** The api's error in the person's language: the studio's own codes first, then the app's. */
export function useStudioErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation('studio');
  const common = useErrorMessage();
  return (error) => {
    const key = `errors.${error instanceof ApiError ? error.code : ''}`;
    return i18n.exists(key, { ns: 'studio' }) ? t(key as 'errors.COURSE_ARCHIVED') : common(error);
  };
}
