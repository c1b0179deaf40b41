import { Alert, Button, Kbd, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Role, StationMode } from '../../src-main/contract/index.js';
import { digitOf, hasModifier, isTypingInto } from '../shell/keys';
import { roleButtonTestId } from '../testids';
import { InfoFacts } from './InfoPage';
import type { LoadedInfo } from './loaded-info';
import { ROLE_ORDER } from './page-keys';

interface SignInPageProps {
  mode: StationMode;
  loaded: LoadedInfo | null;
  /** The role being signed in, while the call runs. */
  pendingRole: Role | null;
  onTrainingSignIn: (role: Role) => void;
}

function TrainingSignIn({ pendingRole, onTrainingSignIn }: Pick<SignInPageProps, 'pendingRole' | 'onTrainingSignIn'>) {
  const { t } = useTranslation();

  useWindowEvent('keydown', (event) => {
    if (event.defaultPrevented || event.repeat || hasModifier(event) || isTypingInto(event.target)) return;
    if (pendingRole !== null) return;
    const digit = digitOf(event);
    const role = digit === null ? undefined : ROLE_ORDER[digit - 1];
    if (role === undefined) return;
    event.preventDefault();
    onTrainingSignIn(role);
  });

  return (
    <Stack gap="lg" maw={980}>
      <Title order={1} className="ktp-page-title">
        {t('signIn.title')}
      </Title>
      <Text fz="lg">{t('signIn.hint')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        {ROLE_ORDER.map((role, index) => (
          <Button
            key={role}
            size="xl"
            variant="filled"
            justify="flex-start"
            leftSection={
              <Kbd size="lg" c="black">
                {index + 1}
              </Kbd>
            }
            loading={pendingRole === role}
            disabled={pendingRole !== null && pendingRole !== role}
            onClick={() => onTrainingSignIn(role)}
            autoFocus={index === 0}
            aria-keyshortcuts={String(index + 1)}
            data-testid={roleButtonTestId(role)}
            styles={{
              root: { height: 'auto', minHeight: 104, paddingTop: 16, paddingBottom: 16 },
              label: { whiteSpace: 'normal', overflow: 'visible', height: 'auto' },
            }}
          >
            <Stack gap={4} align="flex-start" style={{ textAlign: 'left' }}>
              <Text span fz="xl" fw={800} c="inherit">
                {t(`roles.${role}`)}
              </Text>
              <Text span fz="sm" fw={500} c="inherit">
                {t(`roleDescriptions.${role}`)}
              </Text>
            </Stack>
          </Button>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** Production mode has no operator accounts yet: say so plainly, and identify the station. */
function ProductionSignIn({ loaded }: { loaded: LoadedInfo | null }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={980}>
      <Title order={1} className="ktp-page-title">
        {t('signIn.productionTitle')}
      </Title>
      <Alert color="blue" variant="light" styles={{ message: { fontSize: '1.125rem' } }}>
        {t('signIn.productionBody')}
      </Alert>
      <Paper withBorder p="lg" radius="md">
        <Title order={2} fz="xl" mb="sm">
          {t('signIn.stationIdentity')}
        </Title>
        <InfoFacts loaded={loaded} />
      </Paper>
    </Stack>
  );
}

export function SignInPage({ mode, loaded, pendingRole, onTrainingSignIn }: SignInPageProps) {
  return mode === 'training' ? (
    <TrainingSignIn pendingRole={pendingRole} onTrainingSignIn={onTrainingSignIn} />
  ) : (
    <ProductionSignIn loaded={loaded} />
  );
}
