import { Alert, Badge, Button, Checkbox, Group, Image, NumberInput, Paper, Progress, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlankoStockView, PrintProgressEvent, PrintQueueRowView, PrinterStateView, Role } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n';
import { useLiveRefresh } from '../sync/live-refresh';
import { TEST_IDS } from '../testids';

type CardPhase = PrintProgressEvent['phase'];

interface PrintDeskPageProps {
  client: StationClient;
  role: Role;
  onError: (error: unknown, method: string) => void;
}

const PHASE_COLOR: Record<CardPhase, string> = { QUEUED: 'gray', PRINTING: 'blue', PRINTED: 'green', FAILED: 'red', SPOILED: 'orange' };

/**
 * Pencetakan: the prefetched print-ready records, search, a batch selection and printing with
 * live progress per card; the printer's state, the blanko stock with receive and count, and the
 * preview of the selected card (the same picture that is sent to the printer).
 */
export function PrintDeskPage({ client, onError }: PrintDeskPageProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [rows, setRows] = useState<PrintQueueRowView[]>([]);
  const [total, setTotal] = useState(0);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [phases, setPhases] = useState<ReadonlyMap<string, { phase: CardPhase; fault: string | null }>>(new Map());
  const [batch, setBatch] = useState<{ id: string; done: number; total: number } | null>(null);
  const [printer, setPrinter] = useState<PrinterStateView | null>(null);
  const [stock, setStock] = useState<BlankoStockView | null>(null);
  const [preview, setPreview] = useState<{ id: string; png: string; notes: string[] } | null>(null);
  const [receive, setReceive] = useState<{ quantity: number | string; from: string; to: string }>({ quantity: '', from: '', to: '' });
  const [counted, setCounted] = useState<number | string>('');

  const load = useCallback(async () => {
    try {
      const [queue, state, blanko] = await Promise.all([
        client.call('print.queue', { state: batch === null ? 'QUEUED' : 'ALL', search: search.trim() === '' ? null : search.trim(), limit: 200 }),
        client.call('print.printerState', {}),
        client.call('blanko.stock', { limit: 10 }),
      ]);
      setRows(queue.rows);
      setTotal(queue.total);
      setPrinter(state);
      setStock(blanko);
    } catch (error: unknown) {
      onError(error, 'print.queue');
    }
  }, [client, search, batch, onError]);
  const refresh = useLiveRefresh(client, load, 5_000);

  useEffect(
    () =>
      client.on('print.progress', (event) => {
        setPhases((known) => new Map(known).set(event.enrollmentId, { phase: event.phase, fault: event.fault === null ? null : `${event.fault.code}: ${event.fault.detail}` }));
        setBatch({ id: event.batchId, done: event.done, total: event.total });
        if (event.done === event.total) refresh();
      }),
    [client, refresh],
  );

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const printable = rows.filter((r) => r.state === 'QUEUED');
  const allSelected = printable.length > 0 && printable.every((r) => selected.has(r.enrollmentId));

  const start = async () => {
    try {
      const started = await client.call('print.start', { enrollmentIds: [...selected] });
      setPhases(new Map([...selected].map((id) => [id, { phase: 'QUEUED' as const, fault: null }])));
      setBatch({ id: started.batchId, done: 0, total: started.attemptIds.length });
      setSelected(new Set());
    } catch (error: unknown) {
      onError(error, 'print.start');
    }
  };

  const showPreview = async (id: string) => {
    try {
      const card = await client.call('print.preview', { enrollmentId: id });
      const notes = card.fits.filter((f) => f.shrunk || f.wrapped).map((f) => t(f.wrapped ? 'printDesk.fitWrapped' : 'printDesk.fitShrunk', { field: f.field, px: f.fontPx }));
      setPreview({ id, png: card.png, notes });
    } catch (error: unknown) {
      setPreview(null);
      onError(error, 'print.preview');
    }
  };

  const receiveBlanks = async () => {
    try {
      setStock(await client.call('blanko.receive', { quantity: Number(receive.quantity), serialFrom: receive.from, serialTo: receive.to }));
      setReceive({ quantity: '', from: '', to: '' });
    } catch (error: unknown) {
      onError(error, 'blanko.receive');
    }
  };

  const count = async () => {
    try {
      const result = await client.call('blanko.count', { counted: Number(counted) });
      setStock(result.stock);
      setCounted('');
    } catch (error: unknown) {
      onError(error, 'blanko.count');
    }
  };

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Paper withBorder p="md" data-testid={TEST_IDS.printDeskPrinter}>
          <Title order={2} size="h4">{t('printDesk.printer')}</Title>
          {printer === null || !printer.configured ? (
            <Text c="dimmed">{t('printDesk.noPrinter')}</Text>
          ) : (
            <Stack gap={4}>
              <Group gap="xs">
                <Badge color={printer.ready ? 'green' : 'red'}>{printer.ready ? t('printDesk.ready') : t('printDesk.notReady')}</Badge>
                <Text fw={600}>{printer.name}</Text>
              </Group>
              <Text size="sm">{printer.model}</Text>
              {printer.faults.map((f) => (
                <Text key={f.raw} size="sm" c={f.warning ? 'orange' : 'red'}>
                  {t(`printDesk.fault.${f.code}`, { defaultValue: f.code })} ({f.raw})
                </Text>
              ))}
            </Stack>
          )}
        </Paper>
        <Paper withBorder p="md" data-testid={TEST_IDS.printDeskStock}>
          <Title order={2} size="h4">{t('printDesk.stock')}</Title>
          <Group gap="xs">
            <Text size="xl" fw={700} data-testid={TEST_IDS.printDeskStockCount}>
              {stock === null ? '—' : formatNumber(stock.stock, language)}
            </Text>
            {stock?.low === true && <Badge color="orange">{t('printDesk.lowStock', { threshold: stock.lowThreshold })}</Badge>}
          </Group>
          {stock !== null && (
            <Text size="sm" c="dimmed">
              {t('printDesk.sinceCount', stock.sinceLastCount)}
            </Text>
          )}
          <Group gap="xs" mt="xs" align="end">
            <NumberInput label={t('printDesk.quantity')} value={receive.quantity} onChange={(v) => setReceive({ ...receive, quantity: v })} w={90} min={1} />
            <TextInput label={t('printDesk.serialFrom')} value={receive.from} onChange={(e) => setReceive({ ...receive, from: e.currentTarget.value })} w={130} />
            <TextInput label={t('printDesk.serialTo')} value={receive.to} onChange={(e) => setReceive({ ...receive, to: e.currentTarget.value })} w={130} />
            <Button variant="light" onClick={() => void receiveBlanks()}>{t('printDesk.receive')}</Button>
          </Group>
          <Group gap="xs" mt="xs" align="end">
            <NumberInput label={t('printDesk.counted')} value={counted} onChange={setCounted} w={120} min={0} />
            <Button variant="light" onClick={() => void count()}>{t('printDesk.count')}</Button>
          </Group>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4">{t('printDesk.batch')}</Title>
          {batch === null ? (
            <Text c="dimmed">{t('printDesk.noBatch')}</Text>
          ) : (
            <Stack gap={4} data-testid={TEST_IDS.printDeskBatch} data-done={batch.done} data-total={batch.total}>
              <Text>{t('printDesk.batchProgress', { done: batch.done, total: batch.total })}</Text>
              <Progress value={batch.total === 0 ? 0 : (100 * batch.done) / batch.total} aria-label={t('printDesk.batch')} />
              {batch.done < batch.total && (
                <Button variant="subtle" color="red" onClick={() => void client.call('print.stop', {}).catch((e: unknown) => onError(e, 'print.stop'))}>
                  {t('printDesk.stop')}
                </Button>
              )}
            </Stack>
          )}
        </Paper>
      </SimpleGrid>

      <Group align="end">
        <TextInput label={t('printDesk.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={280} data-testid={TEST_IDS.printDeskSearch} />
        <Text c="dimmed">{t('printDesk.total', { count: total })}</Text>
        <Button onClick={() => void start()} disabled={selected.size === 0 || (batch !== null && batch.done < batch.total)} data-testid={TEST_IDS.printDeskStart}>
          {t('printDesk.print', { count: selected.size })}
        </Button>
      </Group>

      <Group align="start" wrap="nowrap">
        <Table striped highlightOnHover style={{ flex: 1 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Checkbox
                  aria-label={t('printDesk.selectAll')}
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(printable.map((r) => r.enrollmentId)))}
                  data-testid={TEST_IDS.printDeskSelectAll}
                />
              </Table.Th>
              <Table.Th>NIK</Table.Th>
              <Table.Th>{t('printDesk.name')}</Table.Th>
              <Table.Th>{t('printDesk.kecamatan')}</Table.Th>
              <Table.Th>{t('printDesk.state')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const live = phases.get(r.enrollmentId);
              const phase: CardPhase = live?.phase ?? (r.state === 'QUEUED' ? 'QUEUED' : r.state);
              return (
                <Table.Tr key={r.enrollmentId} data-testid={TEST_IDS.printDeskRow} data-phase={phase}>
                  <Table.Td>
                    <Checkbox aria-label={r.nik} checked={selected.has(r.enrollmentId)} disabled={r.state !== 'QUEUED'} onChange={() => toggle(r.enrollmentId)} />
                  </Table.Td>
                  <Table.Td ff="monospace">{r.nik}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.nama}</Table.Td>
                  <Table.Td>{r.kecamatan}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge color={PHASE_COLOR[phase]} title={live?.fault ?? undefined} miw={96} styles={{ label: { overflow: 'visible' } }}>
                      {t(`printDesk.phase.${phase}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" onClick={() => void showPreview(r.enrollmentId)}>{t('printDesk.preview')}</Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {preview !== null && (
          <Paper withBorder p="xs" w={380} style={{ flexShrink: 0 }} data-testid={TEST_IDS.printDeskPreview}>
            <Image src={`data:image/png;base64,${preview.png}`} alt={t('printDesk.previewAlt')} />
            {preview.notes.map((n) => (
              <Alert key={n} color="yellow" mt="xs" p="xs">{n}</Alert>
            ))}
          </Paper>
        )}
      </Group>
    </Stack>
  );
}
