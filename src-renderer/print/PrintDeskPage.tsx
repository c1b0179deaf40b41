import { Alert, Badge, Button, Checkbox, Grid, Group, Image, Paper, SegmentedControl, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlankoStockView, PrintProgressEvent, PrintQueueRowView, PrinterStateView, Role } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { useLiveRefresh } from '../sync/live-refresh';
import { TEST_IDS } from '../testids';
import { BatchCard } from './BatchCard';
import { BlankoPanel } from './BlankoPanel';
import { DailyReport } from './DailyReport';
import { PrinterCard } from './PrinterCard';
import { RecordActions } from './RecordActions';

type CardPhase = PrintProgressEvent['phase'];
type QueueFilter = 'QUEUED' | 'PRINTED' | 'SPOILED' | 'ALL';
const FILTERS: readonly QueueFilter[] = ['QUEUED', 'PRINTED', 'SPOILED', 'ALL'];

interface PrintDeskPageProps {
  client: StationClient;
  role: Role;
  onError: (error: unknown, method: string) => void;
}

const PHASE_COLOR: Record<CardPhase, string> = { QUEUED: 'gray', PRINTING: 'blue', PRINTED: 'green', FAILED: 'red', SPOILED: 'orange' };

/**
 * Pencetakan: the prefetched print-ready records, search and a state filter, a batch selection and
 * printing with live progress per card; the printer's state and the blanko stock; the selected
 * record's card preview (the same picture that is sent to the printer) with its actions; and the
 * daily report on its own tab.
 */
export function PrintDeskPage({ client, role, onError }: PrintDeskPageProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'queue' | 'report'>('queue');
  const [rows, setRows] = useState<PrintQueueRowView[]>([]);
  const [total, setTotal] = useState(0);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<QueueFilter>('QUEUED');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [phases, setPhases] = useState<ReadonlyMap<string, { phase: CardPhase; fault: string | null }>>(new Map());
  const [batch, setBatch] = useState<{ id: string; done: number; total: number } | null>(null);
  const [printer, setPrinter] = useState<PrinterStateView | null>(null);
  const [stock, setStock] = useState<BlankoStockView | null>(null);
  const [focus, setFocusState] = useState<PrintQueueRowView | null>(null);
  // The open record, for `load` to refresh without reloading whenever another record is opened.
  const focusRef = useRef<PrintQueueRowView | null>(null);
  const setFocus = useCallback((row: PrintQueueRowView | null) => {
    focusRef.current = row;
    setFocusState(row);
  }, []);
  const [preview, setPreview] = useState<{ id: string; png: string; notes: string[] } | null>(null);

  const load = useCallback(async () => {
    try {
      const [queue, state, blanko] = await Promise.all([
        client.call('print.queue', { state: filter, search: search.trim() === '' ? null : search.trim(), limit: 200 }),
        client.call('print.printerState', {}),
        client.call('blanko.stock', { limit: 10 }),
      ]);
      setRows(queue.rows);
      setTotal(queue.total);
      setPrinter(state);
      setStock(blanko);
      // The open record follows what the station says of it, also once it has left this filter
      // (a spoiled card's record approved for a reprint is queued again).
      const open = focusRef.current;
      if (open !== null) {
        const same = (r: PrintQueueRowView) => r.enrollmentId === open.enrollmentId;
        const fresh = queue.rows.find(same) ?? (await client.call('print.queue', { state: 'ALL', search: open.nik, limit: 10 })).rows.find(same);
        if (fresh !== undefined && focusRef.current?.enrollmentId === open.enrollmentId) setFocus(fresh);
      }
    } catch (error: unknown) {
      onError(error, 'print.queue');
    }
  }, [client, search, filter, onError, setFocus]);
  const refresh = useLiveRefresh(client, load, 5_000);

  useEffect(
    () =>
      client.on('print.progress', (event) => {
        setPhases((known) => new Map(known).set(event.enrollmentId, { phase: event.phase, fault: event.fault === null ? null : `${event.fault.code}: ${event.fault.detail}` }));
        setBatch({ id: event.batchId, done: event.done, total: event.total });
        // Each finished card moved the stock (and the record): read them again, not every 5 s only.
        if (event.phase !== 'QUEUED' && event.phase !== 'PRINTING') refresh();
      }),
    [client, refresh],
  );

  const running = batch !== null && batch.done < batch.total;
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
      // Printed cards stay in view while the batch runs and after it.
      setFilter('ALL');
    } catch (error: unknown) {
      onError(error, 'print.start');
    }
  };

  const open = async (row: PrintQueueRowView) => {
    setFocus(row);
    try {
      const card = await client.call('print.preview', { enrollmentId: row.enrollmentId });
      const notes = card.fits.filter((f) => f.shrunk || f.wrapped).map((f) => t(f.wrapped ? 'printDesk.fitWrapped' : 'printDesk.fitShrunk', { field: f.field, px: f.fontPx }));
      setPreview({ id: row.enrollmentId, png: card.png, notes });
    } catch (error: unknown) {
      setPreview(null);
      onError(error, 'print.preview');
    }
  };

  /** The live phase while its batch runs (and a failure after it); otherwise what the station says of the record. */
  const phaseOf = (r: PrintQueueRowView): { phase: CardPhase; fault: string | null } => {
    const live = phases.get(r.enrollmentId);
    if (live !== undefined && (running || live.phase === 'FAILED')) return live;
    return { phase: r.state, fault: null };
  };

  const queueTab = (
    <Stack gap="lg">
      {/* The stock card holds three forms: it gets two thirds of the row so each stays on one line. */}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md" h="100%">
            <PrinterCard printer={printer} />
            <BatchCard batch={batch} onStop={() => void client.call('print.stop', {}).catch((e: unknown) => onError(e, 'print.stop'))} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <BlankoPanel client={client} stock={stock} onStock={setStock} onError={onError} />
        </Grid.Col>
      </Grid>

      <Group align="end">
        <TextInput label={t('printDesk.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={280} data-testid={TEST_IDS.printDeskSearch} />
        <SegmentedControl
          size="md"
          value={filter}
          onChange={(value) => setFilter(FILTERS.find((f) => f === value) ?? 'QUEUED')}
          data={FILTERS.map((f) => ({ value: f, label: t(`printDesk.filter.${f}`) }))}
          aria-label={t('printDesk.filterLabel')}
          data-testid={TEST_IDS.printDeskFilter}
        />
        <Text c="dimmed">{t(`printDesk.totalBy.${filter}`, { count: total })}</Text>
        <Button size="md" onClick={() => void start()} disabled={selected.size === 0 || running} data-testid={TEST_IDS.printDeskStart}>
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
              const { phase, fault } = phaseOf(r);
              return (
                <Table.Tr
                  key={r.enrollmentId}
                  data-testid={TEST_IDS.printDeskRow}
                  data-phase={phase}
                  data-approval={r.approvalId === null ? 'none' : 'open'}
                  aria-selected={focus?.enrollmentId === r.enrollmentId}
                  bg={focus?.enrollmentId === r.enrollmentId ? 'blue.0' : undefined}
                >
                  <Table.Td>
                    <Checkbox aria-label={r.nik} checked={selected.has(r.enrollmentId)} disabled={r.state !== 'QUEUED'} onChange={() => toggle(r.enrollmentId)} />
                  </Table.Td>
                  <Table.Td ff="monospace">{r.nik}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.nama}</Table.Td>
                  <Table.Td>{r.kecamatan}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Group gap={4} wrap="nowrap">
                      <Badge color={PHASE_COLOR[phase]} title={fault ?? undefined} miw={96} styles={{ label: { overflow: 'visible' } }}>
                        {t(`printDesk.phase.${phase}`)}
                      </Badge>
                      {r.approvalId !== null && (
                        <Badge color="teal" variant="light">
                          {t('printDesk.approvedBadge')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Button size="sm" variant="subtle" onClick={() => void open(r)}>
                      {t('printDesk.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {focus !== null && (
          <Stack w={400} gap="sm" style={{ flexShrink: 0 }}>
            {preview !== null && preview.id === focus.enrollmentId && (
              <Paper withBorder p="xs" data-testid={TEST_IDS.printDeskPreview}>
                <Image src={`data:image/png;base64,${preview.png}`} alt={t('printDesk.previewAlt')} />
                {preview.notes.map((n) => (
                  <Alert key={n} color="yellow" mt="xs" p="xs">
                    {n}
                  </Alert>
                ))}
              </Paper>
            )}
            <RecordActions key={focus.enrollmentId} client={client} role={role} record={focus} onChanged={refresh} onError={onError} />
          </Stack>
        )}
      </Group>
    </Stack>
  );

  return (
    <Tabs value={tab} onChange={(value) => setTab(value === 'report' ? 'report' : 'queue')} keepMounted={false}>
      <Tabs.List mb="lg">
        <Tabs.Tab value="queue" fz="md" py="md" data-testid={TEST_IDS.printDeskTabQueue}>
          {t('printDesk.tabs.queue')}
        </Tabs.Tab>
        <Tabs.Tab value="report" fz="md" py="md" data-testid={TEST_IDS.printDeskTabReport}>
          {t('printDesk.tabs.report')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="queue">{queueTab}</Tabs.Panel>
      <Tabs.Panel value="report">
        <DailyReport client={client} role={role} printerConfigured={printer?.configured === true} onError={onError} />
      </Tabs.Panel>
    </Tabs>
  );
}
