import { Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionView, StationInfo, StationStatus } from '../../src-main/contract/index.js';
import { toggleLanguage } from '../i18n/index.js';
import { testIds } from '../testids.js';

const STATE_COLORS = { DARING: 'green', TERGANGGU: 'orange', LURING: 'red' } as const;

interface TopBarProps {
  info: StationInfo | null;
  status: StationStatus | null;
  session: SessionView | null;
  onSignOut: () => void;
}

export function TopBar({ info, status, session, onSignOut }: TopBarProps) {
  const { t } = useTranslation();
  const connectivity = status?.connectivity;
  const reason = connectivity?.reason;
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="lg" wrap="nowrap">
        <Text fw={800} fz="xl">
          {t('app.name')}
        </Text>
        <Text fz="md" c="dimmed">
          {t('topbar.station')}{' '}
          <Text span fw={700} c="var(--mantine-color-text)" data-testid={testIds.stationId}>
            {info?.stationId ?? '…'}
          </Text>
        </Text>
      </Group>
      <Group gap="md" wrap="nowrap">
        {connectivity && (
          <Tooltip label={reason ? `${t(`reason.${reason.code}`)} — ${reason.detail}` : t('topbar.connectivity')} withArrow>
            <Badge
              size="xl"
              radius="sm"
              color={STATE_COLORS[connectivity.state]}
              data-testid={testIds.connectivityBadge}
              aria-label={`${t('topbar.connectivity')}: ${t(`connectivity.${connectivity.state}`)}`}
              tabIndex={0}
            >
              {t(`connectivity.${connectivity.state}`)}
            </Badge>
          </Tooltip>
        )}
        <Tooltip label={status?.backlog === null ? t('topbar.backlogUnknown') : t('topbar.backlog')} withArrow>
          <Badge size="xl" radius="sm" variant="outline" color="gray" tabIndex={0} aria-label={t('topbar.backlog')}>
            {t('topbar.backlog')}:{' '}
            <span data-testid={testIds.backlogCount}>{status === null || status.backlog === null ? '—' : status.backlog}</span>
          </Badge>
        </Tooltip>
        {session && (
          <Text fz="md" data-testid={testIds.operatorName}>
            <Text span fw={700}>
              {session.operator.displayName}
            </Text>{' '}
            · {t(`roles.${session.operator.role}`)}
          </Text>
        )}
        <Button
          variant="default"
          onClick={toggleLanguage}
          data-testid={testIds.languageSwitch}
          aria-label={t('topbar.switchLanguageLabel')}
          aria-keyshortcuts="Alt+L"
        >
          {t('topbar.switchLanguage')}
        </Button>
        {session && (
          <Button variant="light" color="red" onClick={onSignOut} data-testid={testIds.signOut}>
            {t('topbar.signOut')}
          </Button>
        )}
      </Group>
    </Group>
  );
}
