import { Anchor, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../format';
import { type ComplianceRow, hasStaff, percentOneDecimal } from './figures';
import { type Crumb, drillDown } from './trail';

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
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs">
          <Table.Caption>{t('compliance.children.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('compliance.children.unit')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('compliance.figures.compliant')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('compliance.figures.assigned')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('compliance.figures.completed')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('compliance.figures.inProgress')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('compliance.figures.overdue')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr key={row.orgUnitId}>
                <Table.Th scope="row" fw={400}>
                  <Anchor
                    component={Link}
                    to={drillDown(row.orgUnitId)}
                    state={{ trail }}
                    aria-label={t('compliance.children.open', { name: row.name })}
                  >
                    {row.name}
                  </Anchor>
                </Table.Th>
                <Table.Td ta="right">
                  {hasStaff(row)
                    ? percentOneDecimal(row.compliantPercent)
                    : t('compliance.figures.noStaff')}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(row.assigned)}</Table.Td>
                <Table.Td ta="right">{formatNumber(row.completed)}</Table.Td>
                <Table.Td ta="right">{formatNumber(row.inProgress)}</Table.Td>
                <Table.Td ta="right">{formatNumber(row.overdue)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
