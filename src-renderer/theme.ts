import { createTheme } from '@mantine/core';

/**
 * One look for every desk: system fonts (nothing fetched), generous sizes for a busy counter,
 * text colour picked for contrast on every filled colour.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  autoContrast: true,
  luminanceThreshold: 0.35,
  focusRing: 'auto',
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Liberation Mono", Menlo, monospace',
  fontSizes: { xs: '0.875rem', sm: '0.95rem', md: '1.0625rem', lg: '1.25rem', xl: '1.5rem' },
  headings: { fontWeight: '800' },
  components: {
    Button: { defaultProps: { size: 'md' } },
    Tooltip: { defaultProps: { withArrow: true, multiline: true, maw: 420, events: { hover: true, focus: true, touch: true } } },
  },
});
