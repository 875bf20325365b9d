import { Table, Text } from '@mantine/core';
import { type ReactNode, useId } from 'react';

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

/**
 * A table of figures, one row per unit or period. Its caption sits above the scrolling box and
 * names the table (aria-labelledby), so on a phone it wraps on screen instead of being cut
 * across the table's full width.
 */
export function FiguresTable<Row>({
  caption,
  minWidth,
  rows,
  rowKey,
  rowHeader,
  columns,
}: Props<Row>) {
  const captionId = useId();
  return (
    <div>
      <Text id={captionId} size="sm" c="dimmed" mb={4}>
        {caption}
      </Text>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped verticalSpacing="xs" aria-labelledby={captionId}>
          <Table.Thead>
            <Table.Tr>
              {[rowHeader, ...columns].map((column) => (
                <Table.Th key={column.header} scope="col" ta={column.numeric ? 'right' : undefined}>
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                <Table.Th scope="row" fw={400}>
                  {rowHeader.cell(row)}
                </Table.Th>
                {columns.map((column) => (
                  <Table.Td key={column.header} ta={column.numeric ? 'right' : undefined}>
                    {column.cell(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
