import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../components/ApiErrorAlert';

/** The api's error in the person's language: the reports' own codes first, then the app's. */
export function useReportErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation('reports');
  const common = useErrorMessage();
  return (error) => {
    const key = `errors.${error instanceof ApiError ? error.code : ''}`;
    return i18n.exists(key, { ns: 'reports' }) ? t(key as 'errors.OWN_REPORT') : common(error);
  };
}

/** The message of each field the api refused (400 VALIDATION_FAILED), by field key. */
export function fieldProblems(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return {};
  const fields = (error.details?.fields ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(fields).map(([key, messages]) => [
      key.replace(/^values\./, ''),
      Array.isArray(messages) ? messages.join(' ') : String(messages),
    ]),
  );
}
