import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodParams } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { trainingLinkTestId } from '../testids';

type LinkState = MethodParams<'training.centralLink'>['state'];
const LINK_STATES: readonly LinkState[] = ['online', 'offline', 'maintenance', 'flaky'];

/** The state last chosen in this window: remembered across page switches, forgotten on reload. */
let rememberedState: LinkState | null = null;
function remember(state: LinkState): void {
  rememberedState = state;
}

interface TrainingLinkControlProps {
  client: StationClient;
  onChanged: () => void;
  onError: (error: unknown, method: string) => void;
}

/**
 * Training mode only: "Latihan gangguan" plays an outage on the embedded central. The station
 * has no method to read the state back, so the control shows the one chosen in this window (if any).
 */
export function TrainingLinkControl({ client, onChanged, onError }: TrainingLinkControlProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<LinkState | null>(rememberedState);
  const [pending, setPending] = useState<LinkState | null>(null);

  const choose = async (state: LinkState) => {
    setPending(state);
    try {
      const result = await client.call('training.centralLink', { state });
      remember(result.state);
      setChosen(result.state);
      onChanged();
    } catch (error: unknown) {
      onError(error, 'training.centralLink');
    } finally {
      setPending(null);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" style={{ borderColor: 'var(--mantine-color-yellow-6)', borderWidth: 2 }}>
      <Stack gap="xs">
        <Group justify="space-between" align="baseline">
          <Title order={2} fz="lg">
            {t('sync.trainingTitle')}
          </Title>
          {chosen !== null && (
            <Text fw={700} role="status">
              {t('sync.trainingChosen', { state: t(`sync.trainingStates.${chosen}`) })}
            </Text>
          )}
        </Group>
        <Text fz="sm" c="gray.8">
          {t('sync.trainingHelp')}
        </Text>
        <Group gap="sm" role="group" aria-label={t('sync.trainingTitle')}>
          {LINK_STATES.map((state) => (
            <Button
              key={state}
              variant={chosen === state ? 'filled' : 'default'}
              color={state === 'online' ? 'green.9' : state === 'offline' ? 'red.9' : 'orange.9'}
              aria-pressed={chosen === state}
              loading={pending === state}
              disabled={pending !== null && pending !== state}
              onClick={() => void choose(state)}
              data-testid={trainingLinkTestId(state)}
            >
              {t(`sync.trainingStates.${state}`)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
