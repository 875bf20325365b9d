import { Anchor, Group, Pagination, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../format';
import { compliantColumn, countColumns } from './columns';
import { type ComplianceRow, drillDown } from './figures';
import { FiguresTable } from '../../components/FiguresTable';
import type { Crumb } from '../../components/trail';

const PAGE_SIZE = 50;

/**
 * The units one level down, worst first, each a link one level deeper. A ministry may have
 * thousands: the table shows a page of them (the chart and the figures cover them all).
 */
export function ChildrenTable({ rows, trail }: { rows: ComplianceRow[]; trail: Crumb[] }) {
  const { t } = useTranslation('manage');
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  return (
    <Stack gap="xs">
      <FiguresTable
        caption={t('compliance.children.caption')}
        minWidth={640}
        rows={shown}
        rowKey={(row) => row.orgUnitId}
        rowHeader={{
          header: t('compliance.children.unit'),
          cell: (row) => (
            <Anchor
              component={Link}
              to={drillDown(row.orgUnitId)}
              state={{ trail }}
              aria-label={t('compliance.children.open', { name: row.name })}
            >
              {row.name}
            </Anchor>
          ),
        }}
        columns={[
          compliantColumn(t),
          ...countColumns(t, ['assigned', 'completed', 'inProgress', 'overdue']),
        ]}
      />
      {pages > 1 ? (
        <Group justify="space-between" gap="xs">
          <Text size="sm">
            {t('compliance.children.shown', {
              from: formatNumber((current - 1) * PAGE_SIZE + 1),
              to: formatNumber((current - 1) * PAGE_SIZE + shown.length),
              total: formatNumber(rows.length),
            })}
          </Text>
          <Pagination
            total={pages}
            value={current}
            onChange={setPage}
            size="sm"
            getControlProps={(control) => ({
              'aria-label':
                control === 'previous'
                  ? t('compliance.children.previous')
                  : t('compliance.children.next'),
            })}
            getItemProps={(item) => ({
              'aria-label': t('compliance.children.page', { page: item }),
            })}
          />
        </Group>
      ) : null}
    </Stack>
  );
}
