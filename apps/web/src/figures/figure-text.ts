import { formatNumber, formatPercent } from '../format';
import type { Indicator } from './queries';

/** A figure as read: "< 5" as the api hides it, a percentage with its sign, else a number. */
export function figureText(indicator: Pick<Indicator, 'unit'>, value: number | '< 5' | undefined) {
  if (value === '< 5') return value;
  if (value === undefined) return '—';
  return indicator.unit === 'percent' ? formatPercent(value) : formatNumber(value);
}
