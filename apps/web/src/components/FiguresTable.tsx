import { Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import { spacerRowsBefore, VIRTUAL_FROM } from './table-window';

export interface FigureColumn<Row> {
  header: string;
  /** Numbers align right, so their digits line up down the column. */
  numeric?: boolean;
  cell: (row: Row) => ReactNode;
}

interface Props<Row> {
  caption: string;
  /** Below this width the table scrolls sideways inside its box, never the page. */
  minWidth: number;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The first column: what each row is about, read out as the row's header. */
  rowHeader: FigureColumn<Row>;
  columns: readonly FigureColumn<Row>[];
}

/** A row of figures, with a striped table's rows at least this tall. */
const ROW_ESTIMATE = 41;

/**
 * A table of figures, one row per unit or period. Its caption sits above the scrolling box and
 * names the table (aria-labelledby), so on a phone it wraps on screen instead of being cut
 * across the table's full width. A long table (a ministry has thousands of units) scrolls inside
 * a box of its own and draws only the rows in view: it still is one table, its caption naming it
 * and its row count said (aria-rowcount, and a line under the caption), and the box takes the
 * keyboard focus so arrow keys scroll it.
 */
export function FiguresTable<Row>(props: Props<Row>) {
  const captionId = useId();
  return (
    <div>
      <Text id={captionId} size="sm" c="dimmed" mb={4}>
        {props.caption}
      </Text>
      {props.rows.length >= VIRTUAL_FROM ? (
        <WindowedTable {...props} captionId={captionId} />
      ) : (
        <Table.ScrollContainer minWidth={props.minWidth}>
          <Table striped verticalSpacing="xs" aria-labelledby={captionId}>
            <HeaderRow {...props} />
            <Table.Tbody>
              {props.rows.map((row) => (
                <FiguresRow key={props.rowKey(row)} {...props} row={row} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </div>
  );
}

function WindowedTable<Row>(props: Props<Row> & { captionId: string }) {
  const { t } = useTranslation();
  const countId = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const { rows, minWidth, captionId } = props;
  // The virtualizer hands back functions that change as the table scrolls, which a compiler's
  // memoizing would freeze: this component is left to React as written (as the rule says).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 10,
  });
  const items = virtual.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const before = items[0]?.start ?? 0;
  const after = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  const columnCount = 1 + props.columns.length;
  return (
    <>
      <Text id={countId} size="sm" mb={4}>
        {t('app.tableRows', { rows: formatNumber(rows.length) })}
      </Text>
      <div
        ref={scroller}
        style={{ maxHeight: '70vh', overflow: 'auto' }}
        tabIndex={0}
        role="region"
        aria-labelledby={captionId}
      >
        <Table
          striped
          stickyHeader
          verticalSpacing="xs"
          miw={minWidth}
          aria-labelledby={captionId}
          aria-describedby={countId}
          aria-rowcount={rows.length + 1}
        >
          <HeaderRow {...props} />
          <Table.Tbody>
            {Array.from({ length: spacerRowsBefore(first) }, (_, spacer) => (
              <SpacerRow
                key={`before-${spacer}`}
                height={spacer === 0 ? before : 0}
                span={columnCount}
              />
            ))}
            {items.map((item) => {
              const row = rows[item.index];
              if (row === undefined) return null;
              return (
                <FiguresRow
                  key={props.rowKey(row)}
                  {...props}
                  row={row}
                  index={item.index}
                  measure={virtual.measureElement}
                />
              );
            })}
            {after > 0 ? <SpacerRow height={after} span={columnCount} /> : null}
          </Table.Tbody>
        </Table>
      </div>
    </>
  );
}

function HeaderRow<Row>({ rowHeader, columns }: Props<Row>) {
  return (
    <Table.Thead>
      <Table.Tr aria-rowindex={1}>
        {[rowHeader, ...columns].map((column) => (
          <Table.Th key={column.header} scope="col" ta={column.numeric ? 'right' : undefined}>
            {column.header}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

function FiguresRow<Row>({
  row,
  rowHeader,
  columns,
  index,
  measure,
}: Props<Row> & { row: Row; index?: number; measure?: (element: Element | null) => void }) {
  return (
    <Table.Tr
      ref={measure}
      data-index={index}
      aria-rowindex={index === undefined ? undefined : index + 2}
    >
      <Table.Th scope="row" fw={400}>
        {rowHeader.cell(row)}
      </Table.Th>
      {columns.map((column) => (
        <Table.Td key={column.header} ta={column.numeric ? 'right' : undefined}>
          {column.cell(row)}
        </Table.Td>
      ))}
    </Table.Tr>
  );
}

/** The room of the rows not drawn, so the scroll bar and position stay true. */
function SpacerRow({ height, span }: { height: number; span: number }) {
  return (
    <tr aria-hidden>
      <td colSpan={span} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
