import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { SyntheticEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../client/station-client';
import { ACCOUNT_TEST_IDS } from '../testids';

interface Pending {
  method: string;
  run: (reauthProof: string) => Promise<void>;
}

/**
 * Re-authentication before a sensitive action: `confirm(method, run)` asks for the password,
 * gets a one-use proof for that method from the station, and hands it to `run`.
 * The print desk's reprint approval uses the same hook with `method: 'print.approveReprint'`.
 */
export function useReauth(client: StationClient, onError: (thrown: unknown, method: string) => void): {
  confirm: (method: string, run: (reauthProof: string) => Promise<void>) => void;
  dialog: ReactNode;
} {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Pending | null>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  const confirm = useCallback((method: string, run: (reauthProof: string) => Promise<void>) => {
    setPassword('');
    setPending({ method, run });
  }, []);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (pending === null) return;
    setBusy(true);
    try {
      const { reauthProof } = await client.call('session.reauthenticate', { password, method: pending.method });
      setPending(null);
      await pending.run(reauthProof);
    } catch (thrown: unknown) {
      onError(thrown, pending.method);
    } finally {
      setPassword('');
      setBusy(false);
    }
  };

  const dialog = (
    <Modal opened={pending !== null} onClose={() => setPending(null)} title={t('accounts.reauthTitle')} centered data-testid={ACCOUNT_TEST_IDS.reauthDialog}>
      <form onSubmit={(event) => void submit(event)}>
        <Stack gap="md">
          <Text>{t('accounts.reauthBody')}</Text>
          <PasswordInput
            label={t('accounts.password')}
            size="lg"
            autoFocus
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            data-testid={ACCOUNT_TEST_IDS.reauthPassword}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              {t('accounts.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid={ACCOUNT_TEST_IDS.reauthSubmit}>
              {t('accounts.reauthSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
  return { confirm, dialog };
}
