import { LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import { CHART_BLUE } from '../../components/RankedBarChart';
import { compliantColumn, countColumns } from './columns';
import { hasStaff, percentOneDecimal, type SnapshotSummary } from './figures';
import { FiguresTable } from '../../components/FiguresTable';

/** The unit's compliant share over the frozen periods, and the same numbers as a table. */
export function TrendChart({ snapshots }: { snapshots: SnapshotSummary[] }) {
  const { t } = useTranslation('manage');
  const points = snapshots.map((snapshot) => ({
    period: snapshot.period,
    percent: hasStaff(snapshot) ? snapshot.compliantPercent : null,
  }));
  return (
    <Stack gap="xs">
      <Text component="h3" fw={600}>
        {t('compliance.snapshots.trend')}
      </Text>
      {snapshots.length > 1 ? (
        <div aria-hidden="true" inert>
          <LineChart
            h={220}
            data={points}
            dataKey="period"
            series={[{ name: 'percent', label: t('compliance.chart.series'), color: CHART_BLUE }]}
            yAxisProps={{ domain: [0, 100], width: 64 }}
            valueFormatter={percentOneDecimal}
            curveType="linear"
            dotProps={{ r: 4 }}
            connectNulls={false}
            tooltipAnimationDuration={0}
            // A picture only: the table is what keyboards and screen readers use.
            lineChartProps={{ accessibilityLayer: false }}
          />
        </div>
      ) : null}
      <FiguresTable
        caption={t('compliance.snapshots.trendCaption')}
        minWidth={520}
        rows={snapshots}
        rowKey={(snapshot) => snapshot.id}
        rowHeader={{ header: t('compliance.snapshots.period'), cell: (row) => row.period }}
        columns={[
          compliantColumn(t),
          ...countColumns(t, ['assigned', 'completed']),
          {
            header: t('compliance.snapshots.takenAt'),
            cell: (snapshot) => formatDateTime(snapshot.takenAt),
          },
        ]}
      />
    </Stack>
  );
}
