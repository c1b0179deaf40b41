import { Code, Paper, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber, splitDuration } from '../i18n/format';
import { useLanguage } from '../i18n';
import { TEST_IDS } from '../testids';
import type { LoadedInfo } from './loaded-info';

function Uptime({ loaded }: { loaded: LoadedInfo }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(loaded.receivedAt);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(performance.now()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = loaded.info.uptimeSeconds + Math.max(0, now - loaded.receivedAt) / 1_000;
  const { days, clock } = splitDuration(seconds);
  return (
    <span>
      {days > 0 ? `${t('info.uptimeDays', { days })} ` : ''}
      {clock}
    </span>
  );
}

/** Row of a facts table: a header cell and its value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** What identifies this station: shown on the Info page and on the sign-in screen of production mode. */
export function InfoFacts({ loaded }: { loaded: LoadedInfo | null }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (loaded === null) return <Text fz="lg">{t('info.unavailable')}</Text>;
  const { info } = loaded;
  const { region, runtime } = info;
  const runtimeText = [`Node ${runtime.node}`, runtime.electron === null ? null : `Electron ${runtime.electron}`, runtime.platform]
    .filter((part) => part !== null)
    .join(' · ');

  return (
    <Table className="ktp-facts" verticalSpacing="sm" horizontalSpacing="md" striped>
      <Table.Tbody>
        <Fact label={t('info.version')}>
          <span data-testid={TEST_IDS.infoVersion}>{info.version}</span>
        </Fact>
        <Fact label={t('info.stationId')}>
          <Text span fw={800} fz="lg" data-testid={TEST_IDS.infoStationId}>
            {info.stationId}
          </Text>
        </Fact>
        <Fact label={t('info.mode')}>{t(`mode.${info.mode}`)}</Fact>
        <Fact label={t('info.province')}>
          {region.provinceCode} — {region.provinceName}
        </Fact>
        <Fact label={t('info.regency')}>
          {region.regencyCode} — {region.regencyName}
        </Fact>
        <Fact label={t('info.district')}>
          {region.districtCode} — {region.districtName}
        </Fact>
        <Fact label={t('info.dataDir')}>
          <Code fz="md">{info.dataDir}</Code>
        </Fact>
        <Fact label={t('info.configPath')}>{info.configPath === null ? t('info.noConfig') : <Code fz="md">{info.configPath}</Code>}</Fact>
        <Fact label={t('info.host')}>{t(info.host === 'web' ? 'info.hostWeb' : 'info.hostElectron')}</Fact>
        <Fact label={t('info.runtime')}>{runtimeText}</Fact>
        <Fact label={t('info.startedAt')}>{formatDateTime(info.startedAt, language)}</Fact>
        <Fact label={t('info.uptime')}>
          <Uptime loaded={loaded} />
        </Fact>
        <Fact label={t('info.dailyTarget')}>{formatNumber(info.dailyTarget, language)}</Fact>
      </Table.Tbody>
    </Table>
  );
}

export function InfoPage({ loaded }: { loaded: LoadedInfo | null }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <InfoFacts loaded={loaded} />
    </Paper>
  );
}
