import { Alert, Button, Loader, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView, SignInSetup } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { InfoFacts } from '../pages/InfoPage';
import type { LoadedInfo } from '../pages/loaded-info';
import { ACCOUNT_TEST_IDS } from '../testids';

interface AccountSignInProps {
  client: StationClient;
  loaded: LoadedInfo | null;
  onSignedIn: (view: SessionView) => void;
  onError: (thrown: unknown, method: string) => void;
}

/** Production mode: the first-run screen while no account exists, else user name and password. */
export function AccountSignIn({ client, loaded, onSignedIn, onError }: AccountSignInProps) {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<SignInSetup | null>(null);

  useEffect(() => {
    let cancelled = false;
    client.call('account.setup', {}).then(
      (value) => {
        if (!cancelled) setSetup(value);
      },
      (thrown: unknown) => onError(thrown, 'account.setup'),
    );
    return () => {
      cancelled = true;
    };
  }, [client, onError]);

  if (setup === null) return <Loader size="lg" />;
  return (
    <Stack gap="lg" maw={720}>
      {setup.firstRun ? (
        <FirstRunForm client={client} setup={setup} onSignedIn={onSignedIn} onError={onError} />
      ) : (
        <SignInForm client={client} setup={setup} onSignedIn={onSignedIn} onError={onError} />
      )}
      <Paper withBorder p="lg" radius="md">
        <Title order={2} fz="xl" mb="sm">
          {t('signIn.stationIdentity')}
        </Title>
        <InfoFacts loaded={loaded} />
      </Paper>
    </Stack>
  );
}

interface FormProps {
  client: StationClient;
  setup: SignInSetup;
  onSignedIn: (view: SessionView) => void;
  onError: (thrown: unknown, method: string) => void;
}

function SignInForm({ client, setup, onSignedIn, onError }: FormProps) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      onSignedIn(await client.call('session.signIn', { username, password }));
    } catch (thrown: unknown) {
      setPassword('');
      onError(thrown, 'session.signIn');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} data-testid={ACCOUNT_TEST_IDS.signInForm}>
      <Stack gap="md">
        <Title order={1} className="ktp-page-title">
          {t('accounts.signInTitle')}
        </Title>
        <Text fz="lg">{t('accounts.signInHint', { tries: setup.maxFailedSignIns, minutes: setup.lockoutMinutes })}</Text>
        <TextInput
          label={t('accounts.username')}
          size="lg"
          autoFocus
          autoComplete="username"
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          data-testid={ACCOUNT_TEST_IDS.username}
          required
        />
        <PasswordInput
          label={t('accounts.password')}
          size="lg"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          data-testid={ACCOUNT_TEST_IDS.password}
          required
        />
        <Button type="submit" size="lg" loading={busy} data-testid={ACCOUNT_TEST_IDS.signInSubmit}>
          {t('accounts.signIn')}
        </Button>
      </Stack>
    </form>
  );
}

function FirstRunForm({ client, setup, onSignedIn, onError }: FormProps) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const mismatch = confirm !== '' && confirm !== password;

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (password !== confirm) return;
    setBusy(true);
    try {
      onSignedIn(await client.call('account.createFirstSupervisor', { username, displayName, password }));
    } catch (thrown: unknown) {
      onError(thrown, 'account.createFirstSupervisor');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} data-testid={ACCOUNT_TEST_IDS.firstRunForm}>
      <Stack gap="md">
        <Title order={1} className="ktp-page-title">
          {t('accounts.firstRunTitle')}
        </Title>
        <Alert color="blue" variant="light" styles={{ message: { fontSize: '1.0625rem' } }}>
          {t('accounts.firstRunBody')}
        </Alert>
        <TextInput
          label={t('accounts.username')}
          description={t('accounts.usernameRule')}
          size="lg"
          autoFocus
          autoComplete="username"
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          data-testid={ACCOUNT_TEST_IDS.username}
          required
        />
        <TextInput
          label={t('accounts.displayName')}
          size="lg"
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          data-testid={ACCOUNT_TEST_IDS.displayName}
          required
        />
        <PasswordInput
          label={t('accounts.newPassword')}
          description={t('accounts.passwordRule', { min: setup.passwordMinLength })}
          size="lg"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          data-testid={ACCOUNT_TEST_IDS.password}
          required
        />
        <PasswordInput
          label={t('accounts.confirmPassword')}
          size="lg"
          autoComplete="new-password"
          value={confirm}
          error={mismatch ? t('accounts.passwordMismatch') : undefined}
          onChange={(event) => setConfirm(event.currentTarget.value)}
          data-testid={ACCOUNT_TEST_IDS.confirmPassword}
          required
        />
        <Button type="submit" size="lg" loading={busy} disabled={mismatch} data-testid={ACCOUNT_TEST_IDS.firstRunSubmit}>
          {t('accounts.firstRunSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
