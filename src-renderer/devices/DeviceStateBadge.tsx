import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeviceState, DeviceStatus } from '../../src-main/contract/index.js';
import { TEST_IDS } from '../testids';

const COLORS: Record<DeviceState, string> = { SIAP: 'green', SIBUK: 'blue', TIDAK_TERHUBUNG: 'gray', GALAT: 'red' };

/** A device's name and state, with the last error in the operator's language when it is not ready. */
export function DeviceStateBadge({ device }: { device: DeviceStatus }) {
  const { t, i18n } = useTranslation();
  const error = device.diagnostics.lastError;
  const ready = device.state === 'SIAP' || device.state === 'SIBUK';
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Badge color={COLORS[device.state]} variant="filled" size="lg" style={{ flexShrink: 0 }} data-testid={TEST_IDS.deviceState} data-state={device.state}>
        {t(`devices.state.${device.state}`)}
      </Badge>
      <div>
        <Text fz="sm" fw={600}>
          {device.name}
          {device.simulated ? ` · ${t('devices.simulated')}` : ''}
        </Text>
        {!ready && error !== null && (
          <Text fz="sm" c="red.8" data-testid={TEST_IDS.deviceError}>
            {i18n.language === 'en' ? error.message.en : error.message.id}
          </Text>
        )}
      </div>
    </Group>
  );
}
