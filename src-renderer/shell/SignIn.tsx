import { Button, Card, Kbd, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Role, StationInfo } from '../../src-main/contract/index.js';
import { testIds } from '../testids.js';

const ROLES: readonly Role[] = ['operator', 'printer', 'technician', 'supervisor'];

interface SignInProps {
  info: StationInfo;
  busy: boolean;
  onTrainingSignIn: (role: Role) => void;
}

export function SignIn({ info, busy, onTrainingSignIn }: SignInProps) {
  const { t } = useTranslation();
  const training = info.mode === 'training';

  useWindowEvent('keydown', (event) => {
    if (!training || busy || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(event.key) - 1;
    const role = ROLES[index];
    if (role !== undefined) {
      event.preventDefault();
      onTrainingSignIn(role);
    }
  });

  if (!training) {
    return (
      <Card withBorder maw={720} mx="auto" mt="xl" p="xl">
        <Stack>
          <Title order={2}>{t('signin.productionTitle')}</Title>
          <Text fz="lg">{t('signin.productionBody')}</Text>
          <Text c="dimmed">
            {t('signin.identify')} {info.stationId} · {t('info.version')} {info.version}
          </Text>
        </Stack>
      </Card>
    );
  }
  return (
    <Stack maw={900} mx="auto" mt="xl" gap="lg">
      <Title order={1}>{t('signin.trainingTitle')}</Title>
      <Text fz="lg" c="dimmed">
        {t('signin.trainingHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        {ROLES.map((role, index) => (
          <Button
            key={role}
            size="xl"
            h={96}
            variant="filled"
            justify="space-between"
            rightSection={<Kbd size="lg">{index + 1}</Kbd>}
            disabled={busy}
            autoFocus={index === 0}
            onClick={() => onTrainingSignIn(role)}
            data-testid={testIds.roleButton(role)}
            aria-keyshortcuts={String(index + 1)}
          >
            {t(`roles.${role}`)}
          </Button>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
