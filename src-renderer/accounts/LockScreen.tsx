import { Button, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { ACCOUNT_TEST_IDS } from '../testids';

interface LockScreenProps {
  client: StationClient;
  session: SessionView;
  onUnlocked: (view: SessionView) => void;
  onSignOut: () => void;
  onError: (thrown: unknown, method: string) => void;
}

/**
 * The idle lock: a dialog over the page, which stays mounted underneath, so the wizard and its
 * draft are exactly where the operator left them once the same person types their password.
 */
export function LockScreen({ client, session, onUnlocked, onSignOut, onError }: LockScreenProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      onUnlocked(await client.call('session.unlock', { password }));
    } catch (thrown: unknown) {
      onError(thrown, 'session.unlock');
    } finally {
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      centered
      size="lg"
      title={t('accounts.lockedTitle')}
      overlayProps={{ backgroundOpacity: 0.85, blur: 6 }}
      data-testid={ACCOUNT_TEST_IDS.lockScreen}
    >
      <form onSubmit={(event) => void submit(event)}>
        <Stack gap="md">
          <Text fz="lg">{t('accounts.lockedBody', { name: session.operator.displayName })}</Text>
          <PasswordInput
            label={session.training ? t('accounts.lockedTrainingPassword') : t('accounts.password')}
            size="lg"
            autoFocus
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            data-testid={ACCOUNT_TEST_IDS.lockPassword}
            required={!session.training}
          />
          <Button type="submit" size="lg" loading={busy} data-testid={ACCOUNT_TEST_IDS.lockSubmit}>
            {t('accounts.unlock')}
          </Button>
          <Button variant="subtle" onClick={onSignOut}>
            {t('accounts.lockedSignOut')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
