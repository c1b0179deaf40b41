import { Alert, Button, PasswordInput, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { ACCOUNT_TEST_IDS } from '../testids';

/** After a supervisor set the password: the person chooses their own before any work. */
export function ChangePassword({
  client,
  onChanged,
  onError,
}: {
  client: StationClient;
  onChanged: (view: SessionView) => void;
  onError: (thrown: unknown, method: string) => void;
}) {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const mismatch = confirm !== '' && confirm !== newPassword;

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (mismatch) return;
    setBusy(true);
    try {
      onChanged(await client.call('account.changePassword', { currentPassword, newPassword }));
    } catch (thrown: unknown) {
      onError(thrown, 'account.changePassword');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} data-testid={ACCOUNT_TEST_IDS.changePasswordForm}>
      <Stack gap="md" maw={640}>
        <Title order={1} className="ktp-page-title">
          {t('accounts.changeTitle')}
        </Title>
        <Alert color="blue" variant="light">
          {t('accounts.changeBody')}
        </Alert>
        <PasswordInput
          label={t('accounts.currentPassword')}
          size="lg"
          autoFocus
          autoComplete="current-password"
          value={currentPassword}
          onChange={(event) => setCurrent(event.currentTarget.value)}
          data-testid={ACCOUNT_TEST_IDS.changeCurrent}
          required
        />
        <PasswordInput
          label={t('accounts.newPassword')}
          size="lg"
          autoComplete="new-password"
          value={newPassword}
          onChange={(event) => setNew(event.currentTarget.value)}
          data-testid={ACCOUNT_TEST_IDS.changeNew}
          required
        />
        <PasswordInput
          label={t('accounts.confirmPassword')}
          size="lg"
          autoComplete="new-password"
          value={confirm}
          error={mismatch ? t('accounts.passwordMismatch') : undefined}
          onChange={(event) => setConfirm(event.currentTarget.value)}
          required
        />
        <Button type="submit" size="lg" loading={busy} disabled={mismatch} data-testid={ACCOUNT_TEST_IDS.changePasswordSubmit}>
          {t('accounts.changeSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
