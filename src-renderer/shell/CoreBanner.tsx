import { Alert } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { TEST_IDS } from '../testids';

type CoreNotice = EventPayload<'core.state'>;

/**
 * Electron only: while the station core (in its own process) restarts after a crash or stops,
 * a banner says so; when it is back, the shell reloads what the station says.
 */
export function CoreBanner({ client, onRecovered }: { client: StationClient; onRecovered: () => void }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<CoreNotice | null>(null);
  const last = useRef<CoreNotice | null>(null);

  useEffect(
    () =>
      client.on('core.state', (next) => {
        const previous = last.current;
        last.current = next;
        setNotice(next);
        if (next.state === 'running' && previous !== null && previous.state !== 'running') onRecovered();
      }),
    [client, onRecovered],
  );

  if (notice === null || notice.state === 'running' || (notice.state === 'starting' && notice.restarts === 0)) return null;
  const key = notice.state === 'restarting' || notice.state === 'starting' ? 'restarting' : 'stopping';
  return (
    <Alert color="red" variant="filled" role="alert" title={t(`coreBanner.${key}Title`)} data-testid={TEST_IDS.coreBanner} data-state={notice.state}>
      {t(`coreBanner.${key}`, { attempt: notice.restarts, seconds: Math.ceil((notice.retryInMs ?? 0) / 1000) })}
    </Alert>
  );
}
