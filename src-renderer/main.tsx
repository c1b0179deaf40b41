import '@mantine/core/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToStation } from './client/transport';
import { initI18n } from './i18n';
import { App } from './shell/App';
import { theme } from './theme';

initI18n();
// Before the first render: this takes the launch token out of the address bar.
const connection = connectToStation();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" forceColorScheme="light">
      <App connection={connection} />
    </MantineProvider>
  </StrictMode>,
);
