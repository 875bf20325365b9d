import { MonitoringError } from '../monitoring-error';

/** A report year as a route names it (`2026`); anything else is 400 VALIDATION_FAILED. */
export function parseReportYear(text: string): number {
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= 1900 && year <= 2999))
    throw new MonitoringError('VALIDATION_FAILED', 'year must be a year such as 2026', {
      fields: { year: ['must be a year such as 2026'] },
    });
  return year;
}
