import { Badge, Group, Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MANAGE_STAFF_NS } from './i18n';
import type { StaffMember } from './queries';
import { trainingCounts } from './staff-training';

const ROW_ESTIMATE = 52;

/**
 * The staff as a table whose rows outside the scrolled window are not rendered (a ministry has
 * 200,000 people); nearing the end of what is loaded asks for the next page.
 */
export function StaffTable({
  members,
  total,
  unitName,
  hasMore,
  loadMore,
}: {
  members: readonly StaffMember[];
  total: number;
  unitName: (unitId: string) => string;
  hasMore: boolean;
  loadMore: () => void;
}) {
  const { t } = useTranslation(MANAGE_STAFF_NS);
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer hands back functions that change as the list scrolls, which a compiler's
  // memoizing would freeze: this component is left to React as written (as the rule says).
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count: members.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 10,
  });
  const items = rows.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && last >= members.length - 20) loadMore();
  }, [hasMore, last, members.length, loadMore]);
  const before = items[0]?.start ?? 0;
  const after = rows.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div
      ref={scroller}
      style={{ maxHeight: '65vh', overflow: 'auto' }}
      tabIndex={0}
      role="region"
      aria-label={t('staff.table')}
    >
      <Table striped stickyHeader miw={760} aria-rowcount={total + 1}>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th>{t('staff.columns.name')}</Table.Th>
            <Table.Th>{t('staff.columns.unit')}</Table.Th>
            <Table.Th>{t('staff.columns.position')}</Table.Th>
            <Table.Th>{t('staff.columns.jobGrade')}</Table.Th>
            <Table.Th>{t('staff.columns.training')}</Table.Th>
            <Table.Th>{t('staff.columns.account')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 ? (
            <tr aria-hidden>
              <td colSpan={6} style={{ height: before, padding: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const member = members[item.index];
            if (!member) return null;
            return (
              <Table.Tr
                key={member.userId}
                data-index={item.index}
                ref={rows.measureElement}
                aria-rowindex={item.index + 2}
              >
                <Table.Td fw={500}>{member.fullName}</Table.Td>
                <Table.Td>{unitName(member.orgUnitId)}</Table.Td>
                <Table.Td>{member.position ?? '—'}</Table.Td>
                <Table.Td>{member.jobGrade ?? '—'}</Table.Td>
                <Table.Td>
                  <Training member={member} />
                </Table.Td>
                <Table.Td>{t(`staff.account.${member.accountStatus}`)}</Table.Td>
              </Table.Tr>
            );
          })}
          {after > 0 ? (
            <tr aria-hidden>
              <td colSpan={6} style={{ height: after, padding: 0 }} />
            </tr>
          ) : null}
        </Table.Tbody>
      </Table>
      {hasMore ? (
        <Text size="sm" ta="center" p="xs" aria-live="polite">
          {t('staff.loadingMore')}
        </Text>
      ) : null}
    </div>
  );
}

/** Counts by status, overdue in red first (the badge carries the word, not only the colour). */
function Training({ member }: { member: StaffMember }) {
  const { t } = useTranslation(MANAGE_STAFF_NS);
  const counts = trainingCounts(member);
  if (counts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('staff.noTraining')}
      </Text>
    );
  return (
    <Group gap={4}>
      {counts.map(([status, count]) => (
        <Badge
          key={status}
          size="sm"
          variant={status === 'overdue' ? 'filled' : 'outline'}
          color={status === 'overdue' ? 'red.8' : status === 'completed' ? 'teal.9' : 'blue.9'}
        >
          {t(`staff.assignment.${status}`)}: {count}
        </Badge>
      ))}
    </Group>
  );
}
