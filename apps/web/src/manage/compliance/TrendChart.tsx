import { LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../format';
import { CHART_BLUE } from './ComplianceBarChart';
import { hasStaff, percentOneDecimal, type SnapshotSummary } from './figures';

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
      <Table.ScrollContainer minWidth={520}>
        <Table striped verticalSpacing="xs">
          <Table.Caption>{t('compliance.snapshots.trendCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('compliance.snapshots.period')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('compliance.figures.compliant')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('compliance.figures.assigned')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('compliance.figures.completed')}
              </Table.Th>
              <Table.Th scope="col">{t('compliance.snapshots.takenAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {snapshots.map((snapshot) => (
              <Table.Tr key={snapshot.id}>
                <Table.Th scope="row" fw={400}>
                  {snapshot.period}
                </Table.Th>
                <Table.Td ta="right">
                  {hasStaff(snapshot)
                    ? percentOneDecimal(snapshot.compliantPercent)
                    : t('compliance.figures.noStaff')}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(snapshot.assigned)}</Table.Td>
                <Table.Td ta="right">{formatNumber(snapshot.completed)}</Table.Td>
                <Table.Td>{formatDateTime(snapshot.takenAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
