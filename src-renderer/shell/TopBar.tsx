import { Button, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionView, StationInfo, StationStatus } from '../../src-main/contract/index.js';
import { formatBytes, formatDateTime, formatNumber, formatShortTime, percentOf } from '../i18n/format';
import { useLanguage } from '../i18n';
import { TEST_IDS } from '../testids';
import { ConnectivityBadge } from './ConnectivityBadge';
import { LanguageSwitch } from './LanguageSwitch';

interface TopBarProps {
  info: StationInfo | null;
  status: StationStatus | null;
  session: SessionView | null;
  onSignOut: () => void;
}

function Caption({ children }: { children: string }) {
  return (
    <Text fz="xs" fw={700} c="gray.7" tt="uppercase" lh={1.2}>
      {children}
    </Text>
  );
}

/** "Sinkron terakhir": when central last accepted data, "belum pernah", or "tidak diatur" without a central. */
function LastSync({ sync }: { sync: StationStatus['sync'] | undefined }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const lastSuccessAt = sync?.lastSuccessAt ?? null;
  let value: string;
  let help: string;
  if (sync === undefined) {
    value = '—';
    help = t('connectivity.unknown');
  } else if (sync === null) {
    value = t('topbar.syncOff');
    help = t('topbar.syncOffHelp');
  } else if (lastSuccessAt === null) {
    value = t('topbar.lastSyncNever');
    help = t('topbar.lastSyncHelp', { time: t('topbar.lastSyncNever') });
  } else {
    value = formatShortTime(lastSuccessAt, language);
    help = t('topbar.lastSyncHelp', { time: formatDateTime(lastSuccessAt, language) });
  }
  return (
    <Tooltip label={help}>
      <Stack gap={0} tabIndex={0} aria-label={`${t('topbar.lastSync')}: ${value}. ${help}`}>
        <Caption>{t('topbar.lastSync')}</Caption>
        <Text fz="lg" fw={800} lh={1.35} data-testid={TEST_IDS.lastSync} style={{ whiteSpace: 'nowrap' }}>
          {value}
        </Text>
      </Stack>
    </Tooltip>
  );
}

/** The thin bar along the bottom of the top bar while packets are on their way to central. */
function TransferBar({ transfer }: { transfer: NonNullable<StationStatus['sync']>['transfer'] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (transfer === null) return null;
  const label = t('topbar.transfer', {
    records: formatNumber(transfer.records, language),
    sent: formatBytes(transfer.bytesSent, language),
    total: formatBytes(transfer.bytesTotal, language),
  });
  return (
    <Progress
      className="ktp-topbar__progress"
      value={percentOf(transfer.bytesSent, transfer.bytesTotal)}
      size={5}
      radius={0}
      color="blue.7"
      animated
      aria-label={label}
      title={label}
      data-testid={TEST_IDS.syncProgress}
    />
  );
}

/** Product, station, link to central, backlog (records and bytes), last sync, who is signed in, language, sign out. */
export function TopBar({ info, status, session, onSignOut }: TopBarProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const backlog = status?.backlog ?? null;
  const sync = status === null ? undefined : status.sync;

  return (
    <header className="ktp-topbar">
      <Group justify="space-between" gap="md" wrap="wrap">
        <Group gap="xl" wrap="nowrap">
          <Stack gap={0}>
            <Text fz="xl" fw={900} c="blue.9" lh={1.2} style={{ whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Text>
            {info !== null && (
              <Text fz="sm" fw={600} c="gray.8" lh={1.3}>
                {t('topbar.district', { name: info.region.districtName })}
              </Text>
            )}
          </Stack>
          <Stack gap={0}>
            <Caption>{t('topbar.station')}</Caption>
            <Text fz="lg" fw={800} data-testid={TEST_IDS.stationId}>
              {info?.stationId ?? '—'}
            </Text>
          </Stack>
        </Group>

        <Group gap="lg" wrap="nowrap">
          <Stack gap={2} align="flex-start">
            <Caption>{t('topbar.central')}</Caption>
            <ConnectivityBadge connectivity={status?.connectivity ?? null} testId={TEST_IDS.connectivityBadge} />
          </Stack>
          <Tooltip label={backlog === null ? t('topbar.backlogUnknown') : t('topbar.backlogHelp')}>
            <Stack gap={0} tabIndex={0} aria-label={backlog === null ? `${t('topbar.backlog')}: ${t('topbar.backlogUnknown')}` : undefined}>
              <Caption>{t('topbar.backlog')}</Caption>
              <Text fz="xl" fw={900} lh={1.2} data-testid={TEST_IDS.backlogCount}>
                {backlog === null ? '—' : formatNumber(backlog, language)}
              </Text>
              {sync !== undefined && sync !== null && (
                <Text fz="sm" fw={600} c="gray.8" lh={1.2} data-testid={TEST_IDS.backlogBytes} title={t('topbar.bytesPendingHelp')} style={{ whiteSpace: 'nowrap' }}>
                  {t('topbar.bytesPending', { size: formatBytes(sync.bytesPending, language) })}
                </Text>
              )}
            </Stack>
          </Tooltip>
          <LastSync sync={sync} />
        </Group>

        <Group gap="md" wrap="nowrap">
          {session !== null && (
            <Stack gap={0} data-testid={TEST_IDS.operatorName} aria-label={t('topbar.signedIn')}>
              <Text fz="md" fw={800} lh={1.25}>
                {session.operator.displayName}
              </Text>
              <Text fz="sm" c="gray.8" lh={1.25}>
                {t(`roles.${session.operator.role}`)}
              </Text>
            </Stack>
          )}
          <LanguageSwitch />
          {session !== null && (
            <Button variant="outline" color="red.9" onClick={onSignOut} data-testid={TEST_IDS.signOut}>
              {t('topbar.signOut')}
            </Button>
          )}
        </Group>
      </Group>
      {sync !== undefined && sync !== null && <TransferBar transfer={sync.transfer} />}
    </header>
  );
}
