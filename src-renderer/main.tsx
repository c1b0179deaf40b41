import '@mantine/core/styles.css';
import { MantineProvider, createTheme } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createStationClient } from './client/station-client.js';
import { initI18n } from './i18n/index.js';
import { App } from './shell/App.js';

const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif',
  defaultRadius: 'md',
  fontSizes: { md: '1.05rem', lg: '1.2rem' },
  focusRing: 'always',
});

async function start(): Promise<void> {
  await initI18n();
  const client = createStationClient();
  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <App client={client} />
      </MantineProvider>
    </StrictMode>,
  );
}

void start();
