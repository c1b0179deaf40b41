import { Badge, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Connectivity, ConnectivityState } from '../../src-main/contract/index.js';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n';

/** Green, orange, red; text colour picked by the theme for contrast. */
export const CONNECTIVITY_COLOR: Readonly<Record<ConnectivityState, string>> = {
  DARING: 'green.9',
  TERGANGGU: 'orange.5',
  LURING: 'red.9',
};

/** DARING / TERGANGGU / LURING as the station reports it; the tooltip says why. */
export function ConnectivityBadge({
  connectivity,
  size = 'xl',
  testId,
}: {
  connectivity: Connectivity | null;
  size?: 'lg' | 'xl';
  /** Only the top bar's badge carries the test id, so that it stays unique on every screen. */
  testId?: string;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();

  if (connectivity === null) {
    return (
      <Tooltip label={t('connectivity.unknown')}>
        <Badge size={size} radius="sm" color="gray.6" tabIndex={0} data-testid={testId}>
          —<VisuallyHidden>{t('connectivity.unknown')}</VisuallyHidden>
        </Badge>
      </Tooltip>
    );
  }

  const { state, reason, checkedAt, latencyMs } = connectivity;
  const checked = checkedAt === null ? t('connectivity.neverChecked') : t('connectivity.checkedAt', { time: formatDateTime(checkedAt, language) });
  const latency = latencyMs === null ? '' : ` · ${t('connectivity.latency', { ms: Math.round(latencyMs) })}`;
  const explanation = (
    <Stack gap={2}>
      <Text fz="sm" fw={700}>
        {t(`connectivity.${state}`)}
      </Text>
      {reason !== null && (
        <Text fz="sm">
          {reason.code}: {reason.detail}
        </Text>
      )}
      <Text fz="sm">
        {checked}
        {latency}
      </Text>
    </Stack>
  );

  return (
    <Tooltip label={explanation}>
      <Badge size={size} radius="sm" color={CONNECTIVITY_COLOR[state]} tabIndex={0} data-testid={testId}>
        <VisuallyHidden>{t('connectivity.label')}: </VisuallyHidden>
        {state}
        <VisuallyHidden>
          {' — '}
          {t(`connectivity.${state}`)} {reason === null ? '' : `${reason.code}: ${reason.detail}`}
        </VisuallyHidden>
      </Badge>
    </Tooltip>
  );
}
