import { Alert, Badge, Button, Group, Paper, Progress, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SneakernetImportReport, SneakernetPreview, SneakernetProgress } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { useLanguage } from '../i18n';
import { formatBytes, formatNumber, percentOf } from '../i18n/format';
import { Fact } from '../pages/InfoPage';
import { TEST_IDS } from '../testids';
import { useFailureOnce, useLiveRefresh } from '../sync/live-refresh';

const REFRESH_MS = 5_000;

interface UsbPageProps {
  client: StationClient;
  onError: (error: unknown, method: string) => void;
}

interface ReceiptReport {
  acknowledged: number;
  alreadyAcknowledged: number;
  notHeld: number;
  unknown: number;
}

/**
 * Kirim via USB: what an export would carry (count, size), the removable drives found, export
 * with a progress bar; on a linked station, import a stick's export and show central's answer
 * per record; back at the origin, apply the receipt the relay wrote.
 */
export function UsbPage({ client, onError }: UsbPageProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [preview, setPreview] = useState<SneakernetPreview | null>(null);
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState<'export' | 'import' | 'receipt' | null>(null);
  const [progress, setProgress] = useState<SneakernetProgress | null>(null);
  const [exported, setExported] = useState<{ dir: string | null; count: number; bytes: number } | null>(null);
  const [importDir, setImportDir] = useState('');
  const [report, setReport] = useState<SneakernetImportReport | null>(null);
  const [receiptFile, setReceiptFile] = useState('');
  const [receipt, setReceipt] = useState<ReceiptReport | null>(null);

  const { failed, succeeded } = useFailureOnce(onError);

  const load = useCallback(async () => {
    try {
      const next = await client.call('sneakernet.preview', {});
      succeeded();
      setPreview(next);
      setTarget((current) => (current === '' ? (next.drives[0]?.mountPoint ?? '') : current));
      setImportDir((current) => (current === '' ? (next.exportsFound.find((e) => !e.partial)?.path ?? '') : current));
    } catch (error: unknown) {
      failed(error, 'sneakernet.preview');
    }
  }, [client, failed, succeeded]);

  // Drives come and go: re-read every few seconds while the page is open (and on status.changed).
  const refresh = useLiveRefresh(client, load, REFRESH_MS);
  useEffect(() => client.on('sneakernet.progress', setProgress), [client]);

  const run = async <T,>(kind: 'export' | 'import' | 'receipt', method: string, call: () => Promise<T>, done: (result: T) => void) => {
    setBusy(kind);
    setProgress(null);
    try {
      done(await call());
    } catch (error: unknown) {
      onError(error, method);
    } finally {
      setBusy(null);
      refresh();
    }
  };

  const bytes = (n: number) => formatBytes(n, language);
  const number = (n: number) => formatNumber(n, language);

  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Title order={2} size="h3" mb="sm">
          {t('sneakernet.export.title')}
        </Title>
        <Table mb="md">
          <Table.Tbody>
            <Fact label={t('sneakernet.export.count')}>
              <span data-testid={TEST_IDS.usbWaitingCount}>{preview === null ? '…' : number(preview.count)}</span>
            </Fact>
            <Fact label={t('sneakernet.export.size')}>
              <span data-testid={TEST_IDS.usbWaitingBytes}>{preview === null ? '…' : bytes(preview.bytes)}</span>
            </Fact>
          </Table.Tbody>
        </Table>
        <Text fw={600} mb="xs">
          {t('sneakernet.drives.title')}
        </Text>
        {preview !== null && preview.drives.length === 0 && (
          <Alert color="yellow" mb="sm" data-testid={TEST_IDS.usbNoDrives}>
            {t('sneakernet.drives.none')}
          </Alert>
        )}
        <Radio.Group value={target} onChange={setTarget} mb="sm">
          <Stack gap={4} data-testid={TEST_IDS.usbDrives}>
            {preview?.drives.map((d) => (
              <Radio
                key={d.mountPoint}
                value={d.mountPoint}
                label={t('sneakernet.drives.entry', { label: d.label, mountPoint: d.mountPoint, free: bytes(d.freeBytes), total: bytes(d.totalBytes) })}
              />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput label={t('sneakernet.export.folder')} value={target} onChange={(e) => setTarget(e.currentTarget.value)} mb="sm" data-testid={TEST_IDS.usbTarget} />
        <Button
          disabled={target === '' || busy !== null || preview?.count === 0}
          loading={busy === 'export'}
          data-testid={TEST_IDS.usbExport}
          onClick={() => void run('export', 'sneakernet.export', () => client.call('sneakernet.export', { outDir: target }), setExported)}
        >
          {t('sneakernet.export.button')}
        </Button>
        {progress !== null && busy !== null && (
          <Progress mt="sm" value={percentOf(progress.bytesDone, progress.bytesTotal)} aria-label={t('sneakernet.progress', { done: progress.done, total: progress.total })} data-testid={TEST_IDS.usbProgress} />
        )}
        {exported !== null && (
          <Alert color={exported.dir === null ? 'gray' : 'green'} mt="sm" data-testid={TEST_IDS.usbExportResult}>
            {exported.dir === null ? t('sneakernet.export.nothing') : t('sneakernet.export.done', { count: exported.count, size: bytes(exported.bytes), dir: exported.dir })}
          </Alert>
        )}
      </Paper>

      <Paper withBorder p="md">
        <Title order={2} size="h3" mb="sm">
          {t('sneakernet.import.title')}
        </Title>
        <Text size="sm" mb="sm">
          {t('sneakernet.import.hint')}
        </Text>
        {preview?.exportsFound.map((e) => (
          <Group key={e.path} gap="xs" mb={4}>
            <Button variant="subtle" size="compact-sm" onClick={() => setImportDir(e.path)}>
              {e.name}
            </Button>
            {e.partial && <Badge color="red">{t('sneakernet.import.partial')}</Badge>}
          </Group>
        ))}
        <TextInput label={t('sneakernet.import.folder')} value={importDir} onChange={(e) => setImportDir(e.currentTarget.value)} mb="sm" data-testid={TEST_IDS.usbImportDir} />
        <Button
          disabled={importDir === '' || busy !== null}
          loading={busy === 'import'}
          data-testid={TEST_IDS.usbImport}
          onClick={() => void run('import', 'sneakernet.import', () => client.call('sneakernet.import', { dir: importDir }), setReport)}
        >
          {t('sneakernet.import.button')}
        </Button>
        {report !== null && (
          <Stack gap="xs" mt="md" data-testid={TEST_IDS.usbImportReport}>
            <Text>{t('sneakernet.import.summary', { station: report.originStationId, total: report.total, uploaded: report.uploaded, held: report.alreadyHeld, refused: report.refused })}</Text>
            <Text size="sm">{report.receiptFile === null ? t('sneakernet.import.noReceipt', { reason: report.receiptError ?? '' }) : t('sneakernet.import.receipt', { file: report.receiptFile })}</Text>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sneakernet.import.registrationNo')}</Table.Th>
                  <Table.Th>{t('sneakernet.import.outcome')}</Table.Th>
                  <Table.Th>{t('sneakernet.import.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.results.map((r) => (
                  <Table.Tr key={r.enrollmentId}>
                    <Table.Td>{r.registrationNo}</Table.Td>
                    <Table.Td>
                      <Badge color={r.outcome === 'REFUSED' ? 'red' : r.outcome === 'UPLOADED' ? 'green' : 'gray'}>{t(`sneakernet.outcome.${r.outcome}`)}</Badge>
                    </Table.Td>
                    <Table.Td>{r.reason ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Paper>

      <Paper withBorder p="md">
        <Title order={2} size="h3" mb="sm">
          {t('sneakernet.receipt.title')}
        </Title>
        <TextInput label={t('sneakernet.receipt.file')} value={receiptFile} onChange={(e) => setReceiptFile(e.currentTarget.value)} mb="sm" data-testid={TEST_IDS.usbReceiptFile} />
        <Button
          disabled={receiptFile === '' || busy !== null}
          loading={busy === 'receipt'}
          data-testid={TEST_IDS.usbReceipt}
          onClick={() => void run('receipt', 'sneakernet.importReceipt', () => client.call('sneakernet.importReceipt', { file: receiptFile }), setReceipt)}
        >
          {t('sneakernet.receipt.button')}
        </Button>
        {receipt !== null && (
          <Alert color="green" mt="sm" data-testid={TEST_IDS.usbReceiptReport}>
            {t('sneakernet.receipt.done', { acknowledged: receipt.acknowledged, already: receipt.alreadyAcknowledged, notHeld: receipt.notHeld })}
          </Alert>
        )}
      </Paper>
    </Stack>
  );
}
