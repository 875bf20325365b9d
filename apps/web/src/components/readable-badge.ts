import type { AlertProps, BadgeProps } from '@mantine/core';

/**
 * Text for a light tint of `color` that keeps WCAG's 4.5:1: Mantine's light-variant text (and
 * even shade 9 of green or orange) falls below it on the tint.
 */
export const readableColor = (color: string): string =>
  `color-mix(in srgb, var(--mantine-color-${color}-9) 70%, black)`;

/** A light-tinted badge with a readable label. */
export function readableBadge(
  color: string,
): Pick<BadgeProps, 'color' | 'variant' | 'styles' | 'tt'> {
  return {
    color,
    variant: 'light',
    tt: 'none',
    styles: { label: { color: readableColor(color) } },
  };
}

/** A light-tinted alert with a readable title. */
export function readableAlert(color: string): Pick<AlertProps, 'color' | 'variant' | 'styles'> {
  return { color, variant: 'light', styles: { title: { color: readableColor(color) } } };
}
