import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { compliantColumn, countColumns } from './columns';
import { type ComplianceRow, drillDown } from './figures';
import { FiguresTable } from '../../components/FiguresTable';
import type { Crumb } from '../../components/trail';

/**
 * The units one level down, worst first, each a link one level deeper. A ministry may have
 * thousands: the table then scrolls inside its box and draws only the rows in view.
 */
export function ChildrenTable({ rows, trail }: { rows: ComplianceRow[]; trail: Crumb[] }) {
  const { t } = useTranslation('manage');
  return (
    <FiguresTable
      caption={t('compliance.children.caption')}
      minWidth={640}
      rows={rows}
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
  );
}
