import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useErrorMessage } from '../../components/ApiErrorAlert';

/** The api's error in the person's language: these pages' own codes first, then the app's. */
export function useRequirementErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation('manageRequirements');
  const common = useErrorMessage();
  return (error) => {
    const key = `errors.${error instanceof ApiError ? error.code : ''}`;
    return i18n.exists(key, { ns: 'manageRequirements' })
      ? t(key as 'errors.FORBIDDEN')
      : common(error);
  };
}
