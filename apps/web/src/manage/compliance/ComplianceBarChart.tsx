import { useTranslation } from 'react-i18next';
import { MAX_BARS, RankedBarChart } from '../../components/RankedBarChart';
import { type ComplianceRow, hasStaff, percentOneDecimal } from './figures';

/** Compliance of the units below, lowest first (units with nobody assigned left out). */
export function ComplianceBarChart({ rows }: { rows: ComplianceRow[] }) {
  const { t } = useTranslation('manage');
  return (
    <RankedBarChart
      title={t('compliance.chart.title')}
      cutNote={t('compliance.chart.worst', { count: MAX_BARS })}
      bars={rows.filter(hasStaff).map((row) => ({ label: row.name, value: row.compliantPercent }))}
      series={t('compliance.chart.series')}
      valueFormatter={percentOneDecimal}
      domain={[0, 100]}
    />
  );
}
