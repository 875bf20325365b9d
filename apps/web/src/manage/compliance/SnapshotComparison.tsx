import { Alert, Group, NativeSelect, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FiguresTable } from '../../components/FiguresTable';
import { PageLoader } from '../../components/PageLoader';
import {
  type ComplianceRow,
  hasStaff,
  percentOneDecimal,
  type Snapshot,
  signedPoints,
  type SnapshotSummary,
} from './figures';
import { useSnapshot } from './queries';

const unsigned = (change: number): string => signedPoints(change).replace(/^[+−]/, '');

/**
 * Two frozen periods side by side, per unit of the subtree, with the change written as a sign,
 * an arrow and words (never colour alone). The frozen rows are fetched only once two periods
 * are chosen.
 */
export function SnapshotComparison({ snapshots }: { snapshots: SnapshotSummary[] }) {
  const { t } = useTranslation('manage');
  const [fromId, setFromId] = useState(snapshots.at(-2)?.id ?? '');
  const [toId, setToId] = useState(snapshots.at(-1)?.id ?? '');
  const distinct = fromId !== '' && toId !== '' && fromId !== toId;
  const from = useSnapshot(distinct ? fromId : undefined);
  const to = useSnapshot(distinct ? toId : undefined);
  if (snapshots.length < 2) return <Text size="sm">{t('compliance.compare.needTwo')}</Text>;
  const options = snapshots.map((snapshot) => ({ value: snapshot.id, label: snapshot.period }));
  return (
    <Stack gap="xs">
      <Text component="h3" fw={600}>
        {t('compliance.compare.title')}
      </Text>
      <Group gap="sm">
        <NativeSelect
          label={t('compliance.compare.from')}
          data={options}
          value={fromId}
          onChange={(event) => setFromId(event.currentTarget.value)}
        />
        <NativeSelect
          label={t('compliance.compare.to')}
          data={options}
          value={toId}
          onChange={(event) => setToId(event.currentTarget.value)}
        />
      </Group>
      {!distinct ? <Alert color="yellow">{t('compliance.compare.sameChoice')}</Alert> : null}
      {distinct && (from.isPending || to.isPending) ? <PageLoader /> : null}
      {from.isError || to.isError ? <ApiErrorAlert error={from.error ?? to.error} /> : null}
      {from.data && to.data ? <ComparisonTable from={from.data} to={to.data} /> : null}
    </Stack>
  );
}

/** Per unit of the subtree (thousands in a ministry: a long table draws only what is in view). */
function ComparisonTable({ from, to }: { from: Snapshot; to: Snapshot }) {
  const { t } = useTranslation('manage');
  const earlier = new Map(from.rows.map((row) => [row.orgUnitId, row]));
  const share = (value?: ComplianceRow) =>
    value === undefined
      ? t('compliance.compare.missing')
      : hasStaff(value)
        ? percentOneDecimal(value.compliantPercent)
        : t('compliance.figures.noStaff');
  return (
    <FiguresTable
      caption={t('compliance.compare.caption', { from: from.period, to: to.period })}
      minWidth={520}
      rows={to.rows}
      rowKey={(row) => row.orgUnitId}
      rowHeader={{ header: t('compliance.children.unit'), cell: (row) => row.name }}
      columns={[
        { header: from.period, numeric: true, cell: (row) => share(earlier.get(row.orgUnitId)) },
        { header: to.period, numeric: true, cell: (row) => share(row) },
        {
          header: t('compliance.compare.change'),
          cell: (row) => <Change before={earlier.get(row.orgUnitId)} after={row} />,
        },
      ]}
    />
  );
}

/** The change in points as a sign, an arrow and words (never colour alone). */
function Change({ before, after }: { before?: ComplianceRow; after: ComplianceRow }) {
  const { t } = useTranslation('manage');
  if (!before || !hasStaff(before) || !hasStaff(after)) return '—';
  const change = Math.round((after.compliantPercent - before.compliantPercent) * 10) / 10;
  return (
    <span>
      <span aria-hidden="true">
        {change > 0 ? '▲ ' : change < 0 ? '▼ ' : '= '}
        {signedPoints(change)}
      </span>
      <VisuallyHidden>
        {change > 0
          ? t('compliance.compare.up', { value: unsigned(change) })
          : change < 0
            ? t('compliance.compare.down', { value: unsigned(change) })
            : t('compliance.compare.same')}
      </VisuallyHidden>
    </span>
  );
}
