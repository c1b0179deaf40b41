import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportBundle } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { TEST_IDS } from '../testids';

function download(bundle: SupportBundle): void {
  const binary = atob(bundle.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = bundle.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "Unduh paket dukungan": the station builds the zip (and keeps a copy); the window offers it as a download. */
export function SupportBundleButton({ client, onError }: { client: StationClient; onError: (error: unknown, method: string) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<SupportBundle | null>(null);
  const make = async () => {
    setBusy(true);
    try {
      const bundle = await client.call('diag.supportBundle', {});
      download(bundle);
      setMade(bundle);
    } catch (error: unknown) {
      onError(error, 'diag.supportBundle');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="outline" onClick={() => void make()} loading={busy} data-testid={TEST_IDS.diagBundle}>
        {t('diag.bundle')}
      </Button>
      {made === null ? null : (
        <Text fz="sm" data-testid={TEST_IDS.diagBundleDone}>
          {t('diag.bundleDone', { file: made.fileName, path: made.path })}
        </Text>
      )}
    </>
  );
}
