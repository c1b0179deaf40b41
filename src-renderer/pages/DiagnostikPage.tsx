import { Alert, Button, Code, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connectivity, StationStatus, StationWarning } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { DevicesPanel } from '../devices/DevicesPanel';
import { DiagReportView } from '../diagnostics/DiagReportView';
import { SupportBundleButton } from '../diagnostics/SupportBundleButton';
import { useDiagnosis } from '../diagnostics/use-diagnosis';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n';
import { ConnectivityBadge } from '../shell/ConnectivityBadge';
import { TEST_IDS } from '../testids';
import { Fact } from './InfoPage';

interface DiagnostikPageProps {
  client: StationClient;
  status: StationStatus | null;
  onConnectivity: (connectivity: Connectivity) => void;
  onError: (error: unknown, method: string) => void;
}

/** The technician's one screen: the whole diagnosis (devices, central step by step, clock, database, backlog, disk), the devices live (reconnect; practice faults in training), the link as the station reports it, the support bundle. */
export function DiagnostikPage({ client, status, onConnectivity, onError }: DiagnostikPageProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [probing, setProbing] = useState(false);
  const connectivity = status?.connectivity ?? null;
  const [warnings, setWarnings] = useState<StationWarning[] | null>(null);
  const diagnosis = useDiagnosis(client, onError);

  useEffect(() => {
    let alive = true;
    client.call('station.info', {}).then(
      (info) => alive && setWarnings(info.warnings),
      (error: unknown) => alive && onError(error, 'station.info'),
    );
    return () => {
      alive = false;
    };
  }, [client, onError]);

  const probe = async () => {
    setProbing(true);
    try {
      onConnectivity(await client.call('station.probeCentral', {}));
    } catch (error: unknown) {
      onError(error, 'station.probeCentral');
    } finally {
      setProbing(false);
    }
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="xl">
            {t('diag.title')}
          </Title>
          <Group gap="sm">
            <SupportBundleButton client={client} onError={onError} />
            <Button onClick={() => void diagnosis.run()} loading={diagnosis.running} data-testid={TEST_IDS.diagRun}>
              {t('diag.run')}
            </Button>
          </Group>
        </Group>
        {diagnosis.report === null ? (
          <Group gap="sm">
            <Loader size="sm" />
            <Text>{t('diag.running')}</Text>
          </Group>
        ) : (
          <DiagReportView report={diagnosis.report} />
        )}
      </Paper>

      <DevicesPanel client={client} mode={status?.mode ?? null} onError={onError} />

      <Paper withBorder p="lg" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="xl">
            {t('diagnostik.connectivityTitle')}
          </Title>
          <Button onClick={() => void probe()} loading={probing}>
            {t('diagnostik.probe')}
          </Button>
        </Group>
        {connectivity === null ? (
          <Text fz="lg">{t('connectivity.unknown')}</Text>
        ) : (
          <Table className="ktp-facts" verticalSpacing="sm" horizontalSpacing="md" striped aria-live="polite">
            <Table.Tbody>
              <Fact label={t('diagnostik.state')}>
                <Group gap="md">
                  <ConnectivityBadge connectivity={connectivity} size="lg" />
                  <Text>{t(`connectivity.${connectivity.state}`)}</Text>
                </Group>
              </Fact>
              <Fact label={t('diagnostik.since')}>{formatDateTime(connectivity.since, language)}</Fact>
              <Fact label={t('diagnostik.checkedAt')}>
                {connectivity.checkedAt === null ? t('diagnostik.never') : formatDateTime(connectivity.checkedAt, language)}
              </Fact>
              <Fact label={t('diagnostik.latency')}>
                {connectivity.latencyMs === null ? '—' : `${formatNumber(Math.round(connectivity.latencyMs), language)} ms`}
              </Fact>
              <Fact label={t('diagnostik.reasonCode')}>
                {connectivity.reason === null ? t('diagnostik.none') : <Code fz="md">{connectivity.reason.code}</Code>}
              </Fact>
              <Fact label={t('diagnostik.reasonDetail')}>
                {connectivity.reason === null ? t('diagnostik.none') : connectivity.reason.detail}
              </Fact>
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      <Paper withBorder p="lg" radius="md">
        <Title order={2} fz="xl" mb="sm">
          {t('diagnostik.stationTitle')}
        </Title>
        <Table className="ktp-facts" verticalSpacing="sm" horizontalSpacing="md" striped>
          <Table.Tbody>
            <Fact label={t('info.mode')}>{status === null ? '—' : t(`mode.${status.mode}`)}</Fact>
            <Fact label={t('diagnostik.backlog')}>
              {status === null || status.backlog === null ? t('diagnostik.backlogUnknown') : formatNumber(status.backlog, language)}
            </Fact>
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="lg" radius="md" data-testid={TEST_IDS.stationWarnings}>
        <Title order={2} fz="xl" mb="sm">
          {t('diagnostik.warningsTitle')}
        </Title>
        {warnings === null ? null : warnings.length === 0 ? (
          <Text>{t('diagnostik.noWarnings')}</Text>
        ) : (
          <Stack gap="sm">
            {warnings.map((warning) => (
              <Alert key={warning.code} color="orange" variant="light" title={warning.code}>
                {language === 'en' ? warning.message.en : warning.message.id}
              </Alert>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
