import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { type ComplianceRow, hasStaff, percentOneDecimal } from './figures';

/** Okabe–Ito blue: told apart from the grid by every kind of colour vision. */
export const CHART_BLUE = '#0072B2';
/** At most this many bars: past it the labels no longer read; the table keeps the rest. */
const MAX_BARS = 15;

/**
 * Compliance of the units below, lowest first. The chart is a picture for sighted readers
 * (hidden from screen readers): the table of units holds the same numbers.
 */
export function ComplianceBarChart({ rows }: { rows: ComplianceRow[] }) {
  const { t } = useTranslation('manage');
  // A phone keeps room for the bars: unit names wrap in a narrower column.
  const roomy = useMediaQuery('(min-width: 36em)', true);
  const staffed = rows.filter(hasStaff);
  if (staffed.length === 0) return null;
  const bars = staffed.slice(0, MAX_BARS).map((row) => ({
    unit: row.name,
    percent: row.compliantPercent,
  }));
  return (
    <Stack gap="xs">
      <Text component="h2" fw={600} size="lg">
        {t('compliance.chart.title')}
      </Text>
      {staffed.length > MAX_BARS ? (
        <Text size="sm">{t('compliance.chart.worst', { count: MAX_BARS })}</Text>
      ) : null}
      <div aria-hidden="true" inert>
        <BarChart
          h={Math.max(160, bars.length * 36 + 40)}
          data={bars}
          dataKey="unit"
          orientation="vertical"
          series={[{ name: 'percent', label: t('compliance.chart.series'), color: CHART_BLUE }]}
          yAxisProps={{ width: roomy ? 220 : 110, tick: { fontSize: 11 } }}
          xAxisProps={{ domain: [0, 100] }}
          valueFormatter={percentOneDecimal}
          withBarValueLabel
          gridAxis="x"
          tooltipAnimationDuration={0}
          // A picture only: the table is what keyboards and screen readers use.
          barChartProps={{ accessibilityLayer: false }}
        />
      </div>
    </Stack>
  );
}
