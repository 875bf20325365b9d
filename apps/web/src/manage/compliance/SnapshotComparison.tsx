import { Alert, Group, NativeSelect, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { hasStaff, percentOneDecimal, signedPoints, type SnapshotSummary } from './figures';
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
  const earlier = new Map(from.data?.rows.map((row) => [row.orgUnitId, row]));
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
      {from.data && to.data ? (
        <Table.ScrollContainer minWidth={520}>
          <Table striped verticalSpacing="xs">
            <Table.Caption>
              {t('compliance.compare.caption', { from: from.data.period, to: to.data.period })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('compliance.children.unit')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {from.data.period}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {to.data.period}
                </Table.Th>
                <Table.Th scope="col">{t('compliance.compare.change')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {to.data.rows.map((row) => {
                const before = earlier.get(row.orgUnitId);
                const share = (value?: typeof row) =>
                  value === undefined
                    ? t('compliance.compare.missing')
                    : hasStaff(value)
                      ? percentOneDecimal(value.compliantPercent)
                      : t('compliance.figures.noStaff');
                const change =
                  before && hasStaff(before) && hasStaff(row)
                    ? Math.round((row.compliantPercent - before.compliantPercent) * 10) / 10
                    : undefined;
                return (
                  <Table.Tr key={row.orgUnitId}>
                    <Table.Th scope="row" fw={400}>
                      {row.name}
                    </Table.Th>
                    <Table.Td ta="right">{share(before)}</Table.Td>
                    <Table.Td ta="right">{share(row)}</Table.Td>
                    <Table.Td>
                      {change === undefined ? (
                        '—'
                      ) : (
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
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
