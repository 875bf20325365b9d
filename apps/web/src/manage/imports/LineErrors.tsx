import { Table } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MANAGE_STAFF_NS } from '../staff/i18n';
import type { StaffImport } from './queries';

/** The per-line error report; up to a thousand lines, so rows outside the window are not drawn. */
export function LineErrors({ errors }: { errors: StaffImport['errors'] }) {
  const { t } = useTranslation(MANAGE_STAFF_NS);
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer hands back functions that change as the list scrolls, which a compiler's
  // memoizing would freeze: this component is left to React as written (as the rule says).
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count: errors.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 40,
    overscan: 10,
  });
  const items = rows.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = rows.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div
      ref={scroller}
      style={{ maxHeight: '50vh', overflow: 'auto' }}
      tabIndex={0}
      role="region"
      aria-label={t('imports.errorsTitle')}
    >
      <Table striped stickyHeader aria-rowcount={errors.length + 1}>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th w="6rem">{t('imports.line')}</Table.Th>
            <Table.Th>{t('imports.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 ? (
            <tr aria-hidden>
              <td colSpan={2} style={{ height: before, padding: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const error = errors[item.index];
            if (!error) return null;
            return (
              <Table.Tr
                key={`${error.line}-${item.index}`}
                data-index={item.index}
                ref={rows.measureElement}
                aria-rowindex={item.index + 2}
              >
                <Table.Td>{error.line}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{error.message}</Table.Td>
              </Table.Tr>
            );
          })}
          {after > 0 ? (
            <tr aria-hidden>
              <td colSpan={2} style={{ height: after, padding: 0 }} />
            </tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </div>
  );
}
