import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/** Okabe–Ito blue: told apart from the grid by every kind of colour vision. */
export const CHART_BLUE = '#0072B2';
/** At most this many bars: past it the labels no longer read; a table keeps the rest. */
export const MAX_BARS = 15;

interface Props {
  title: string;
  /** Said above the chart when it shows only the first MAX_BARS of more. */
  cutNote: string;
  /** The bars in the order drawn, each a unit's name and its value. */
  bars: readonly { label: string; value: number }[];
  /** The series' name in the tooltip. */
  series: string;
  valueFormatter: (value: number) => string;
  /** The value axis' range, when it has a natural one (a percentage). */
  domain?: [number, number];
}

/**
 * Horizontal bars, one per unit, in the order given. A picture for sighted readers (hidden from
 * screen readers and keyboards): the table beside it holds the same numbers.
 */
export function RankedBarChart({ title, cutNote, bars, series, valueFormatter, domain }: Props) {
  // A phone keeps room for the bars: unit names wrap in a narrower column.
  const roomy = useMediaQuery('(min-width: 36em)', true);
  if (bars.length === 0) return null;
  const shown = bars.slice(0, MAX_BARS).map((bar) => ({ unit: bar.label, value: bar.value }));
  return (
    <Stack gap="xs">
      <Text component="h2" fw={600} size="lg">
        {title}
      </Text>
      {bars.length > MAX_BARS ? <Text size="sm">{cutNote}</Text> : null}
      <div aria-hidden="true" inert>
        <BarChart
          h={Math.max(160, shown.length * 36 + 40)}
          data={shown}
          dataKey="unit"
          orientation="vertical"
          series={[{ name: 'value', label: series, color: CHART_BLUE }]}
          yAxisProps={{ width: roomy ? 220 : 110, tick: { fontSize: 11 } }}
          xAxisProps={domain ? { domain } : undefined}
          valueFormatter={valueFormatter}
          withBarValueLabel
          gridAxis="x"
          tooltipAnimationDuration={0}
          // A picture only: the table is what keyboards and screen readers use.
          barChartProps={{ accessibilityLayer: false }}
        />
      </div>
    </Stack>
  );
}
