import type { TFunction } from 'i18next';
import { formatNumber } from '../../format';
import type { FigureColumn } from '../../components/FiguresTable';
import { type ComplianceRow, hasStaff, percentOneDecimal } from './figures';

type Counts = Pick<ComplianceRow, 'assigned' | 'completed' | 'inProgress' | 'overdue'>;

/** The compliant share, or "no staff" where nobody is assigned (not 0 %: no one to count). */
export function compliantColumn<Row extends Pick<ComplianceRow, 'assigned' | 'compliantPercent'>>(
  t: TFunction<'manage'>,
): FigureColumn<Row> {
  return {
    header: t('compliance.figures.compliant'),
    numeric: true,
    cell: (row) =>
      hasStaff(row) ? percentOneDecimal(row.compliantPercent) : t('compliance.figures.noStaff'),
  };
}

/** One column per count, headed as the figures above the table name them. */
export function countColumns<Row extends Partial<Counts>>(
  t: TFunction<'manage'>,
  counts: readonly (keyof Counts)[],
): FigureColumn<Row>[] {
  return counts.map((count) => ({
    header: t(`compliance.figures.${count}`),
    numeric: true,
    cell: (row) => formatNumber(row[count] ?? 0),
  }));
}
