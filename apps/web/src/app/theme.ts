import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// DejaVu Sans first: it carries every Vietnamese diacritic and is what the certificates use.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  fontFamily: 'system-ui, "DejaVu Sans", "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'md',
});

/**
 * Mantine's dimmed text (field descriptions, secondary lines) is gray 6 by default: 3.3:1 on
 * white, under WCAG AA's 4.5:1. Gray 7 reads clearly and still looks secondary. A field's error
 * (red 6 by default, also 3.3:1) is red 9 for the same reason.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
