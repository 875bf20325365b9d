import { createTheme } from '@mantine/core';

// DejaVu Sans first: it carries every Vietnamese diacritic and is what the certificates use.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  fontFamily: 'system-ui, "DejaVu Sans", "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'md',
});
