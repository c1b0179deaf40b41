import { Card, Table, Title } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationInfo } from '../../src-main/contract/index.js';
import { testIds } from '../testids.js';

function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export function InfoPage({ info }: { info: StationInfo }) {
  const { t, i18n } = useTranslation();
  const startedAt = new Date(info.startedAt);
  const [uptime, setUptime] = useState(() => Math.round((Date.now() - startedAt.getTime()) / 1000));
  const ticker = useInterval(() => setUptime(Math.round((Date.now() - startedAt.getTime()) / 1000)), 1000);
  useEffect(() => {
    ticker.start();
    return ticker.stop;
  }, [ticker]);

  const rows: Array<[string, React.ReactNode, string?]> = [
    [t('info.version'), info.version, testIds.infoVersion],
    [t('info.stationId'), info.stationId, testIds.infoStationId],
    [t('info.mode'), info.mode === 'training' ? t('info.modeTraining') : t('info.modeProduction')],
    [t('info.region'), `${info.region.provinceCode} / ${info.region.regencyCode} / ${info.region.districtCode}`],
    [t('info.dataDir'), info.dataDir],
    [t('info.configPath'), info.configPath ?? t('info.noConfig')],
    [t('info.host'), info.host],
    [t('info.runtime'), `Node ${info.runtime.node}${info.runtime.electron ? ` · Electron ${info.runtime.electron}` : ''} · ${info.runtime.platform}`],
    [t('info.startedAt'), startedAt.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID')],
    [t('info.uptime'), formatDuration(Math.max(0, uptime))],
    [t('info.dailyTarget'), t('info.dailyTargetValue', { count: info.dailyTarget })],
  ];
  return (
    <Card withBorder p="lg" data-testid={testIds.page('info')}>
      <Title order={2} mb="md">
        {t('info.title')}
      </Title>
      <Table fz="md" verticalSpacing="sm" striped>
        <Table.Tbody>
          {rows.map(([label, value, testId]) => (
            <Table.Tr key={label}>
              <Table.Th w={320}>{label}</Table.Th>
              <Table.Td {...(testId ? { 'data-testid': testId } : {})}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
