/**
 * From this many rows a table of figures draws only the rows in view: a few dozen rows draw in
 * no time and read best whole (and find-in-page finds them), a ministry's 2,000 units do not.
 */
export const VIRTUAL_FROM = 100;

/**
 * How many spacer rows go before the first row drawn, so that row keeps the stripe it has in the
 * whole table: a striped table shades its odd rows (`nth-of-type`), and the spacers are rows
 * too. One spacer holds the height of the rows above (none at the top); a second, empty one
 * keeps the count's parity when the first row drawn is an even one of the whole table.
 */
export function spacerRowsBefore(firstIndex: number): number {
  if (firstIndex <= 0) return 0;
  return firstIndex % 2 === 1 ? 1 : 2;
}
