import { AppShell, Center, Loader, Stack, Text } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, SessionView, StationErrorPayload, StationInfo, StationStatus } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client.js';
import { StationCallError } from '../client/station-client.js';
import { toggleLanguage } from '../i18n/index.js';
import { DiagnostikPage } from '../pages/DiagnostikPage.js';
import { InfoPage } from '../pages/InfoPage.js';
import { PendingPage } from '../pages/PendingPage.js';
import { SettingsPage } from '../pages/SettingsPage.js';
import { ErrorAlert } from './ErrorAlert.js';
import { NavBar } from './NavBar.js';
import { pageFromHash, pagesFor } from './pages.js';
import type { PageKey } from './pages.js';
import { SignIn } from './SignIn.js';
import { TopBar } from './TopBar.js';
import { TrainingBanner } from './TrainingBanner.js';

function payloadOf(error: unknown): StationErrorPayload {
  if (error instanceof StationCallError) return error.payload;
  return { code: 'INTERNAL', message: { id: String(error), en: String(error) } };
}

export function App({ client }: { client: StationClient }) {
  const { t } = useTranslation();
  const [info, setInfo] = useState<StationInfo | null>(null);
  const [status, setStatus] = useState<StationStatus | null>(null);
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<StationErrorPayload | null>(null);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);
  const [page, setPage] = useState<PageKey | null>(() => pageFromHash(window.location.hash));

  useEffect(() => {
    let alive = true;
    Promise.all([client.call('station.info', {}), client.call('station.status', {}), client.call('session.current', {})])
      .then(([nextInfo, nextStatus, nextSession]) => {
        if (!alive) return;
        setInfo(nextInfo);
        setStatus(nextStatus);
        setSession(nextSession);
      })
      .catch((e: unknown) => alive && setError(payloadOf(e)))
      .finally(() => alive && setLoading(false));
    const unsubscribe = client.on('status.changed', setStatus);
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [client]);

  const pages = useMemo(() => (session ? pagesFor(session.operator.role) : []), [session]);
  const current: PageKey | null = page !== null && pages.includes(page) ? page : (pages[0] ?? null);

  const go = useCallback((next: PageKey) => {
    setPage(next);
    window.history.replaceState(null, '', `#/${next}`);
  }, []);

  const signIn = async (role: Role) => {
    setBusy(true);
    setError(null);
    try {
      const next = await client.call('session.startTraining', { role });
      setSession(next);
      const first = pagesFor(next.operator.role)[0];
      if (first) go(first);
    } catch (e: unknown) {
      setError(payloadOf(e));
    } finally {
      setBusy(false);
    }
  };

  const signOut = async () => {
    try {
      await client.call('session.end', {});
    } catch (e: unknown) {
      setError(payloadOf(e));
    }
    setSession(null);
    window.history.replaceState(null, '', window.location.pathname);
  };

  useWindowEvent('keydown', (event) => {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.code === 'KeyL') {
      event.preventDefault();
      toggleLanguage();
      return;
    }
    const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
    const target = digit === undefined ? undefined : pages[Number(digit) - 1];
    if (target !== undefined) {
      event.preventDefault();
      go(target);
    }
  });

  const training = (info?.mode ?? status?.mode) === 'training';

  let main: React.ReactNode;
  if (loading) {
    main = (
      <Center h={300}>
        <Stack align="center">
          <Loader size="lg" />
          <Text>{t('app.loading')}</Text>
        </Stack>
      </Center>
    );
  } else if (info === null) {
    main = null;
  } else if (session === null) {
    main = <SignIn info={info} busy={busy} onTrainingSignIn={(role) => void signIn(role)} />;
  } else if (current === 'info') {
    main = <InfoPage info={info} />;
  } else if (current === 'diagnostik') {
    main = <DiagnostikPage client={client} connectivity={status?.connectivity ?? null} />;
  } else if (current === 'pengaturan') {
    main = <SettingsPage />;
  } else if (current !== null) {
    main = <PendingPage page={current} />;
  }

  const signedIn = session !== null && !loading;
  return (
    <AppShell
      header={{ height: training ? 112 : 72 }}
      navbar={{ width: 260, breakpoint: 0, collapsed: { mobile: !signedIn, desktop: !signedIn } }}
      padding="lg"
    >
      <AppShell.Header>
        {training && <TrainingBanner />}
        <div style={{ height: 72 }}>
          <TopBar info={info} status={status} session={session} onSignOut={() => void signOut()} />
        </div>
      </AppShell.Header>
      {signedIn && current !== null && (
        <AppShell.Navbar>
          <NavBar pages={pages} current={current} onSelect={go} />
        </AppShell.Navbar>
      )}
      <AppShell.Main>
        <Stack>
          {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
          {main}
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}
