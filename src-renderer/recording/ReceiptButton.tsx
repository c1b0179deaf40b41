import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationErrorPayload } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { toErrorPayload } from '../client/station-client';
import { ErrorAlert } from '../shell/ErrorAlert';
import { TEST_IDS } from '../testids';

/**
 * "Cetak tanda terima": fetches the receipt PDF of a saved record and hands it to the browser as
 * a download (a blob link works under the app's CSP, in Electron and in the web host alike).
 */
export function ReceiptButton({ client, enrollmentId }: { client: StationClient; enrollmentId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<StationErrorPayload | null>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const receipt = await client.call('enrollment.receipt', { id: enrollmentId });
      const bytes = Uint8Array.from(atob(receipt.pdfBase64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = receipt.fileName;
      link.dataset['testid'] = TEST_IDS.receiptLink;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (thrown: unknown) {
      setError(toErrorPayload(thrown, 'enrollment.receipt'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="lg" variant="outline" onClick={() => void download()} loading={busy} data-testid={TEST_IDS.receiptButton}>
        {t('recording.receipt.button')}
      </Button>
      {error !== null && <ErrorAlert error={error} onClose={() => setError(null)} />}
    </>
  );
}
