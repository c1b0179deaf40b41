import { Alert, Badge, Button, Code, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconcileReport, Role, StationMode, SyncOverview, SyncTransfer } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { formatBytes, formatDateTime, formatNumber, formatShortTime, percentOf } from '../i18n/format';
import { useLanguage } from '../i18n';
import { Fact } from '../pages/InfoPage';
import { ConnectivityBadge } from '../shell/ConnectivityBadge';
import { syncBacklogStepTestId, TEST_IDS } from '../testids';
import { useFailureOnce, useLiveRefresh } from './live-refresh';
import { SyncHistory } from './SyncHistory';
import { TrainingLinkControl } from './TrainingLinkControl';

/** How often the page re-reads the picture while it is open (status.changed also triggers it). */
const REFRESH_MS = 3_000;

/** The steps a waiting record goes through, in order; always shown, with 0 when none wait there. */
const BACKLOG_STEPS = ['METADATA', 'PACKET', 'ACK'] as const;

/** Who may ask central for a reconciliation (the method's roles). */
const RECONCILERS: readonly Role[] = ['supervisor', 'technician'];

interface SyncPageProps {
  client: StationClient;
  role: Role;
  mode: StationMode;
  onError: (error: unknown, method: string) => void;
}

/**
 * Sinkronisasi: the link to central and why it is as it is, the send queue by step and bytes,
 * the transfers in flight, the worker's pauses, cached print-ready data, reference data, the
 * last reconciliation and the history of attempts. Live while open.
 */
export function SyncPage({ client, role, mode, onError }: SyncPageProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [overview, setOverview] = useState<SyncOverview | null>(null);
  const [refreshedAt, setRefreshedAt] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const [syncing, setSyncing] = useState(false);
  const [due, setDue] = useState<number | null>(null);
  const [reconciling, setReconciling] = useState(false);
  const [report, setReport] = useState<ReconcileReport | null>(null);
  const { failed, succeeded } = useFailureOnce(onError);

  const load = useCallback(async () => {
    try {
      const next = await client.call('sync.overview', {});
      succeeded();
      setOverview(next);
      setRefreshedAt(new Date().toISOString());
      setRound((r) => r + 1);
    } catch (error: unknown) {
      failed(error, 'sync.overview');
    }
  }, [client, failed, succeeded]);
  const refresh = useLiveRefresh(client, load, REFRESH_MS);

  const syncNow = async () => {
    setSyncing(true);
    setDue(null);
    try {
      setDue((await client.call('sync.now', {})).due);
      refresh();
    } catch (error: unknown) {
      onError(error, 'sync.now');
    } finally {
      setSyncing(false);
    }
  };

  const reconcile = async () => {
    setReconciling(true);
    setReport(null);
    try {
      setReport(await client.call('sync.reconcile', {}));
      refresh();
    } catch (error: unknown) {
      onError(error, 'sync.reconcile');
    } finally {
      setReconciling(false);
    }
  };

  if (overview === null) return <Text c="gray.7">{t('recording.start.loading')}</Text>;

  if (!overview.enabled) {
    return (
      <Stack gap="lg">
        <Alert color="gray" variant="light" title={t('sync.notConfiguredTitle')} data-testid={TEST_IDS.syncNotConfigured}>
          <Text fz="lg">{t('sync.notConfigured')}</Text>
        </Alert>
        <LinkFacts overview={overview} />
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Group gap="md" align="flex-start">
          <Button size="lg" onClick={() => void syncNow()} loading={syncing} data-testid={TEST_IDS.syncNow}>
            {t('sync.syncNow')}
          </Button>
          {RECONCILERS.includes(role) && (
            <Stack gap={4} maw={420} align="flex-start">
              <Button size="lg" variant="default" onClick={() => void reconcile()} loading={reconciling} data-testid={TEST_IDS.syncReconcile}>
                {t('sync.reconcile')}
              </Button>
              <Text fz="sm" c="gray.8">
                {t('sync.reconcileHelp')}
              </Text>
            </Stack>
          )}
        </Group>
        {refreshedAt !== null && (
          <Text fz="sm" c="gray.7" aria-live="off">
            {t('sync.refreshed', { time: formatDateTime(refreshedAt, language) })}
          </Text>
        )}
      </Group>

      {due !== null && (
        <Alert color="blue" variant="light" withCloseButton onClose={() => setDue(null)} role="status">
          {t('sync.syncNowDone', { due: formatNumber(due, language) })}
        </Alert>
      )}
      {report !== null && (
        <Alert color="green" variant="light" title={t('sync.reconcileDone')} withCloseButton onClose={() => setReport(null)} data-testid={TEST_IDS.syncReconcileReport} role="status">
          <ReportLine report={report} />
        </Alert>
      )}

      {mode === 'training' && <TrainingLinkControl client={client} onChanged={refresh} onError={onError} />}

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <LinkFacts overview={overview} />
        <Stack gap="lg">
          <BacklogTable overview={overview} />
          <Transfers transfers={overview.transfers} />
        </Stack>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <LastReconcile lastReconcile={overview.lastReconcile} />
        <References references={overview.references} />
      </SimpleGrid>

      <SyncHistory client={client} round={round} onError={onError} />
    </Stack>
  );
}

function LinkFacts({ overview }: { overview: SyncOverview }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { connectivity } = overview;
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} fz="xl" mb="sm">
        {t('sync.linkTitle')}
      </Title>
      <Table className="ktp-facts ktp-facts--narrow" verticalSpacing="sm" horizontalSpacing="md" striped>
        <Table.Tbody>
          <Fact label={t('sync.state')}>
            <Stack gap={6} data-testid={TEST_IDS.syncLinkState} data-state={connectivity.state}>
              <Group gap="md">
                <ConnectivityBadge connectivity={connectivity} size="lg" />
                <Text>{t(`connectivity.${connectivity.state}`)}</Text>
              </Group>
              <Text fw={700}>
                {t('sync.reason')}: {connectivity.reason === null ? t('sync.noReason') : t(`sync.reasons.${connectivity.reason.code}`)}
              </Text>
              {connectivity.reason !== null && (
                <Text fz="sm" c="gray.8">
                  <Code fz="sm">{connectivity.reason.code}</Code> {connectivity.reason.detail}
                </Text>
              )}
            </Stack>
          </Fact>
          {overview.enabled && (
            <>
              <Fact label={t('sync.centralUrl')}>
                <Code fz="md">{overview.centralUrl ?? '—'}</Code>
              </Fact>
              <Fact label={t('sync.lastSuccess')}>
                <span data-testid={TEST_IDS.syncLastSuccess}>{overview.lastSuccessAt === null ? t('sync.never') : formatDateTime(overview.lastSuccessAt, language)}</span>
              </Fact>
              <Fact label={t('sync.pausedUntil')}>
                <span data-testid={TEST_IDS.syncPausedUntil}>
                  {overview.pausedUntil === null ? t('sync.notPaused') : t('sync.pausedUntilValue', { time: formatDateTime(overview.pausedUntil, language) })}
                </span>
              </Fact>
              <Fact label={t('sync.breaker')}>
                <Group gap="sm" data-testid={TEST_IDS.syncBreaker} data-state={overview.breaker}>
                  <Badge size="lg" radius="sm" variant="light" color={overview.breaker === 'CLOSED' ? 'green.9' : overview.breaker === 'OPEN' ? 'red.9' : 'orange.9'}>
                    {overview.breaker}
                  </Badge>
                  <Text>{t(`sync.breakers.${overview.breaker}`)}</Text>
                </Group>
              </Fact>
              <Fact label={t('sync.printReady')}>
                <span data-testid={TEST_IDS.syncPrintReady}>
                  {t('sync.printReadyValue', { queued: formatNumber(overview.printReady.queued, language), total: formatNumber(overview.printReady.total, language) })}
                </span>
              </Fact>
            </>
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function BacklogTable({ overview }: { overview: SyncOverview }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { backlog } = overview;
  const rows = [
    ...BACKLOG_STEPS.map((step) => backlog.bySteps.find((row) => row.step === step) ?? { step, count: 0, bytes: 0, failing: 0 }),
    ...backlog.bySteps.filter((row) => !(BACKLOG_STEPS as readonly string[]).includes(row.step)),
  ];
  return (
    <Paper withBorder p="lg" radius="md" data-testid={TEST_IDS.syncBacklog}>
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} fz="xl">
          {t('sync.backlogTitle')}
        </Title>
        <Text fz="lg" fw={800} data-testid={TEST_IDS.syncBacklogTotal}>
          {t('sync.backlogTotal', { records: formatNumber(backlog.count, language), size: formatBytes(backlog.bytes, language) })}
        </Text>
      </Group>
      <Table verticalSpacing="xs" horizontalSpacing="md" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sync.colStep')}</Table.Th>
            <Table.Th ta="right">{t('sync.colCount')}</Table.Th>
            <Table.Th ta="right">{t('sync.colBytes')}</Table.Th>
            <Table.Th ta="right">{t('sync.colFailing')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.step} data-testid={syncBacklogStepTestId(row.step)}>
              <Table.Td fw={600}>{t(`sync.steps.${row.step}`)}</Table.Td>
              <Table.Td ta="right" fw={700}>
                {formatNumber(row.count, language)}
              </Table.Td>
              <Table.Td ta="right">{formatBytes(row.bytes, language)}</Table.Td>
              <Table.Td ta="right" c={row.failing > 0 ? 'red.9' : undefined} fw={row.failing > 0 ? 700 : undefined}>
                {formatNumber(row.failing, language)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {backlog.count === 0 && (
        <Text mt="sm" c="green.9" fw={600}>
          {t('sync.backlogEmpty')}
        </Text>
      )}
    </Paper>
  );
}

function Transfers({ transfers }: { transfers: SyncTransfer[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} fz="xl" mb="sm">
        {t('sync.transfersTitle')}
      </Title>
      {transfers.length === 0 && <Text c="gray.7">{t('sync.transfersEmpty')}</Text>}
      <Stack gap="md">
        {transfers.map((transfer) => {
          const sent = formatBytes(transfer.bytesSent, language);
          const amount =
            transfer.bytesTotal === null ? t('sync.transferSent', { sent }) : t('sync.transferProgress', { sent, total: formatBytes(transfer.bytesTotal, language) });
          return (
            <Stack key={`${transfer.enrollmentId}-${transfer.step}`} gap={4} data-testid={TEST_IDS.syncTransfer}>
              <Group justify="space-between" wrap="nowrap">
                <Text ff="monospace" fw={700}>
                  {transfer.registrationNo ?? transfer.enrollmentId}
                </Text>
                <Text fz="sm" c="gray.8">
                  {t(`sync.steps.${transfer.step}`)} · {t('sync.transferStarted', { time: formatShortTime(transfer.startedAt, language) })}
                </Text>
              </Group>
              <Progress value={percentOf(transfer.bytesSent, transfer.bytesTotal)} size="lg" radius="sm" animated aria-label={`${transfer.registrationNo ?? transfer.enrollmentId}: ${amount}`} />
              <Text fz="sm">{amount}</Text>
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}

function ReportLine({ report }: { report: ReconcileReport }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const keys = ['checked', 'held', 'missing', 'different', 'requeued'] as const;
  return (
    <Group gap="xl">
      {keys.map((key) => (
        <Stack key={key} gap={0}>
          <Text fz="sm" c="gray.8">
            {t(`sync.report.${key}`)}
          </Text>
          <Text fz="xl" fw={800} data-field={key}>
            {formatNumber(report[key], language)}
          </Text>
        </Stack>
      ))}
    </Group>
  );
}

function LastReconcile({ lastReconcile }: { lastReconcile: SyncOverview['lastReconcile'] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Paper withBorder p="lg" radius="md" data-testid={TEST_IDS.syncLastReconcile}>
      <Title order={2} fz="xl" mb="sm">
        {t('sync.reconcileTitle')}
      </Title>
      {lastReconcile === null ? (
        <Text c="gray.7">{t('sync.reconcileNever')}</Text>
      ) : (
        <Stack gap="sm">
          <Text>
            {t('sync.reconcileAt')}: {formatDateTime(lastReconcile.at, language)}
          </Text>
          <ReportLine report={lastReconcile.report} />
        </Stack>
      )}
    </Paper>
  );
}

function References({ references }: { references: SyncOverview['references'] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Paper withBorder p="lg" radius="md" data-testid={TEST_IDS.syncReferences}>
      <Title order={2} fz="xl" mb="sm">
        {t('sync.referencesTitle')}
      </Title>
      {references.length === 0 ? (
        <Text c="gray.7">{t('sync.referencesEmpty')}</Text>
      ) : (
        <Table verticalSpacing="xs" horizontalSpacing="md" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sync.colName')}</Table.Th>
              <Table.Th>{t('sync.colVersion')}</Table.Th>
              <Table.Th>{t('sync.colFetched')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {references.map((reference) => (
              <Table.Tr key={reference.name}>
                <Table.Td ff="monospace" fz="sm" style={{ whiteSpace: 'nowrap' }}>
                  {reference.name}
                </Table.Td>
                <Table.Td fw={700}>{reference.version}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} title={formatDateTime(reference.fetchedAt, language)}>
                  {formatShortTime(reference.fetchedAt, language)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
