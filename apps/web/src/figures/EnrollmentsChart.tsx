import { useTranslation } from 'react-i18next';
import { MAX_BARS, RankedBarChart } from '../components/RankedBarChart';
import { formatNumber } from '../format';
import type { FigureNode } from './queries';

/**
 * Enrollments of the areas below, most first. Areas whose count is hidden ("< 5") are left out
 * rather than drawn as a made-up bar.
 */
export function EnrollmentsChart({ rows }: { rows: FigureNode[] }) {
  const { t } = useTranslation('figures');
  const bars = rows
    .flatMap((row) => {
      const value = row.figures.enrollments;
      return typeof value === 'number' && value > 0 ? [{ label: row.name, value }] : [];
    })
    .sort((a, b) => b.value - a.value);
  return (
    <RankedBarChart
      title={t('chart.title')}
      cutNote={t('chart.most', { count: MAX_BARS })}
      bars={bars}
      series={t('chart.series')}
      valueFormatter={(value) => formatNumber(value)}
    />
  );
}
