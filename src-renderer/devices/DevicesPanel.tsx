import { Button, Code, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus, SimulatedDeviceFault, StationMode } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { TEST_IDS } from '../testids';
import { DeviceStateBadge } from './DeviceStateBadge';
import { useDevices } from './use-devices';

/** The practice faults a technician may apply to a simulated device, in the order shown. */
const PRACTICE_FAULTS: readonly SimulatedDeviceFault[] = ['unplug', 'plugIn', 'noFinger', 'corruptChecksum', 'dropMidImage', 'silent', 'changeBaud', 'clear'];
const COUNTED: ReadonlySet<SimulatedDeviceFault> = new Set(['noFinger', 'corruptChecksum', 'dropMidImage']);

interface DevicesPanelProps {
  client: StationClient;
  mode: StationMode | null;
  onError: (error: unknown, method: string) => void;
}

function PracticeFault({ client, device, onError }: { client: StationClient; device: DeviceStatus; onError: DevicesPanelProps['onError'] }) {
  const { t } = useTranslation();
  const [fault, setFault] = useState<SimulatedDeviceFault>('unplug');
  const [count, setCount] = useState(1);
  const [busy, setBusy] = useState(false);
  const apply = async () => {
    setBusy(true);
    try {
      await client.call('training.deviceFault', { id: device.id, fault, count, ...(fault === 'changeBaud' ? { baudRate: 9600 } : {}) });
    } catch (error: unknown) {
      onError(error, 'training.deviceFault');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="xs" wrap="wrap" align="flex-end">
      <NativeSelect
        aria-label={t('devicesPanel.faultLabel', { device: device.name })}
        value={fault}
        onChange={(event) => {
          const value = PRACTICE_FAULTS.find((f) => f === event.currentTarget.value);
          if (value !== undefined) setFault(value);
        }}
        data={PRACTICE_FAULTS.map((value) => ({ value, label: t(`devicesPanel.faults.${value}`) }))}
        data-testid={TEST_IDS.deviceFaultSelect}
      />
      {COUNTED.has(fault) && (
        <NumberInput
          aria-label={t('devicesPanel.countLabel')}
          value={count}
          min={1}
          max={20}
          w={72}
          onChange={(value) => setCount(typeof value === 'number' && value >= 1 ? Math.floor(value) : 1)}
          data-testid={TEST_IDS.deviceFaultCount}
        />
      )}
      <Button variant="light" color="orange" onClick={() => void apply()} loading={busy} data-testid={TEST_IDS.deviceFaultApply}>
        {t('devicesPanel.apply')}
      </Button>
    </Group>
  );
}

/**
 * Every configured device as the device manager sees it, live: state, driver, where it is, its
 * identity, the last error in the reader's language, a reconnect button; in training mode, the
 * practice faults the technician rehearses on the simulators.
 */
export function DevicesPanel({ client, mode, onError }: DevicesPanelProps) {
  const { t } = useTranslation();
  const devices = useDevices(client);
  const [reconnecting, setReconnecting] = useState<string | null>(null);
  const training = mode === 'training';

  const reconnect = async (id: string) => {
    setReconnecting(id);
    try {
      await client.call('devices.reconnect', { id });
    } catch (error: unknown) {
      onError(error, 'devices.reconnect');
    } finally {
      setReconnecting(null);
    }
  };

  return (
    <Paper withBorder p="lg" radius="md" data-testid={TEST_IDS.devicesPanel}>
      <Stack gap="sm">
        <Title order={2} fz="xl">
          {t('devicesPanel.title')}
        </Title>
        {training && <Text fz="sm">{t('devicesPanel.practiceHint')}</Text>}
        {devices === null ? null : devices.length === 0 ? (
          <Text>{t('devicesPanel.none')}</Text>
        ) : (
          <Table verticalSpacing="sm" horizontalSpacing="md" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={260}>{t('devicesPanel.device')}</Table.Th>
                <Table.Th>{t('devicesPanel.identity')}</Table.Th>
                <Table.Th>{t('devicesPanel.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {devices.map((device) => (
                <Table.Tr key={device.id} data-testid={TEST_IDS.deviceRow} data-device={device.id} data-state={device.state}>
                  <Table.Td>
                    <DeviceStateBadge device={device} />
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">
                      {t('devicesPanel.driver')}: <Code>{device.driver ?? '—'}</Code> · {device.simulated ? t('devices.simulated') : (device.path ?? '—')}
                    </Text>
                    <Text fz="sm">
                      {t('devicesPanel.firmware')}: {device.diagnostics.firmware ?? '—'}
                    </Text>
                    <Text fz="sm">
                      {t('devicesPanel.serial')}: {device.diagnostics.serialNumber ?? '—'}
                    </Text>
                    <Text fz="sm">{t('devicesPanel.reconnects', { count: device.diagnostics.reconnects })}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap="xs" miw={220}>
                      <Button
                        variant="default"
                        onClick={() => void reconnect(device.id)}
                        loading={reconnecting === device.id}
                        disabled={device.driver === null || device.state === 'SIBUK'}
                        hidden={device.kind === 'camera'}
                        data-testid={TEST_IDS.deviceReconnect}
                      >
                        {t('devicesPanel.reconnect')}
                      </Button>
                      {training && device.simulated && device.driver !== null && <PracticeFault client={client} device={device} onError={onError} />}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
