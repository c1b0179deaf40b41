import { Alert, Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connectivity, Role, SessionView, StationErrorPayload, StationStatus } from '../../src-main/contract/index.js';
import { toErrorPayload } from '../client/station-client';
import type { StationConnection } from '../client/transport';
import { toggleLanguage } from '../i18n';
import { AccountSignIn } from '../accounts/AccountSignIn';
import { AccountsPage } from '../accounts/AccountsPage';
import { AuditPage } from '../accounts/AuditPage';
import { ChangePassword } from '../accounts/ChangePassword';
import { useIdleLock } from '../accounts/idle-lock';
import { LockScreen } from '../accounts/LockScreen';
import { DiagnostikPage } from '../pages/DiagnostikPage';
import { InfoPage } from '../pages/InfoPage';
import type { LoadedInfo } from '../pages/loaded-info';
import { pagesFor } from '../pages/page-keys';
import type { PageKey } from '../pages/page-keys';
import { PendingPage } from '../pages/PendingPage';
import { RecordingPage } from '../recording/RecordingPage';
import { useReturnedRecords } from '../recording/returned';
import { SettingsPage } from '../pages/SettingsPage';
import { SignInPage } from '../pages/SignInPage';
import { SyncPage } from '../sync/SyncPage';
import { UsbPage } from '../sneakernet/UsbPage';
import { PrintDeskPage } from '../print/PrintDeskPage';
import { pageTestId } from '../testids';
import { ErrorAlert } from './ErrorAlert';
import { digitOf, isAltOnly, isKey } from './keys';
import { NavBar } from './NavBar';
import { goToPage, replacePage, useRoutePage } from './routing';
import { TopBar } from './TopBar';
import { TrainingBanner } from './TrainingBanner';
import { CoreBanner } from './CoreBanner';

type Phase = 'loading' | 'ready' | 'failed';

/**
 * The operator shell: loads what the station says (info, status, session), keeps status live from
 * `status.changed`, and shows the sign-in screen or the signed-in role's pages.
 */
export function App({ connection }: { connection: StationConnection }) {
  const { client } = connection;
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>('loading');
  const [bootRound, setBootRound] = useState(0);
  const [loaded, setLoaded] = useState<LoadedInfo | null>(null);
  const [status, setStatus] = useState<StationStatus | null>(null);
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<StationErrorPayload | null>(null);
  const [linkLost, setLinkLost] = useState(false);
  const [pendingRole, setPendingRole] = useState<Role | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const routePage = useRoutePage();
  const reloadShell = useCallback(() => setBootRound((n) => n + 1), []);

  const showError = useCallback((thrown: unknown, method: string) => {
    const payload = toErrorPayload(thrown, method);
    if (payload.code === 'SESSION_REQUIRED') setSession(null);
    // Idle lock: keep everything mounted and lay the lock over it.
    if (payload.code === 'SESSION_LOCKED') {
      setSession((current) => (current === null ? current : { ...current, locked: true }));
      return;
    }
    setError(payload);
  }, []);

  // Start: what the station is, how it is, and who (if anyone) is signed in on this tab.
  useEffect(() => {
    let cancelled = false;
    void Promise.allSettled([
      client.call('station.info', {}),
      client.call('station.status', {}),
      client.call('session.current', {}),
    ]).then(([info, nextStatus, current]) => {
      if (cancelled) return;
      const failures: StationErrorPayload[] = [];
      if (info.status === 'fulfilled') setLoaded({ info: info.value, receivedAt: performance.now() });
      else failures.push(toErrorPayload(info.reason, 'station.info'));
      if (nextStatus.status === 'fulfilled') setStatus(nextStatus.value);
      else failures.push(toErrorPayload(nextStatus.reason, 'station.status'));
      if (current.status === 'fulfilled') setSession(current.value);
      else failures.push(toErrorPayload(current.reason, 'session.current'));
      setError(failures[0] ?? null);
      setPhase(nextStatus.status === 'fulfilled' ? 'ready' : 'failed');
    });
    return () => {
      cancelled = true;
    };
  }, [client, bootRound]);

  // Live status.
  useEffect(() => client.on('status.changed', setStatus), [client]);

  // Web host: when the event stream (re)connects, re-read the status it may have missed.
  useEffect(() => {
    if (connection.onLink === null) return undefined;
    return connection.onLink((up) => {
      setLinkLost(!up);
      if (up) client.call('station.status', {}).then(setStatus, (thrown: unknown) => showError(thrown, 'station.status'));
    });
  }, [connection, client, showError]);

  const pages: readonly PageKey[] = session === null ? [] : pagesFor(session.operator.role);
  const activePage: PageKey | null = routePage !== null && pages.includes(routePage) ? routePage : (pages[0] ?? null);

  // "Perlu Perbaikan": records central sent back, for whoever records (a count on the Perekaman link).
  const returned = useReturnedRecords(client, phase === 'ready' && pages.includes('perekaman'), showError);
  const navBadges = { perekaman: returned.items?.length ?? 0 };

  // A route this role may not see (another role's page after a reload) becomes the role's first page.
  useEffect(() => {
    if (session !== null && activePage !== null && routePage !== activePage) replacePage(activePage);
  }, [session, activePage, routePage]);

  // Keyboard users land on the page title after each move.
  useEffect(() => {
    titleRef.current?.focus();
  }, [activePage, session]);

  const signIn = useCallback(
    async (role: Role) => {
      setPendingRole(role);
      try {
        const view = await client.call('session.startTraining', { role });
        setSession(view);
        setError(null);
        const first = pagesFor(view.operator.role)[0];
        if (first !== undefined) goToPage(first);
      } catch (thrown: unknown) {
        showError(thrown, 'session.startTraining');
      } finally {
        setPendingRole(null);
      }
    },
    [client, showError],
  );

  const signedInWithAccount = useCallback((view: SessionView) => {
    setSession(view);
    setError(null);
    const first = pagesFor(view.operator.role)[0];
    if (first !== undefined) goToPage(first);
  }, []);

  const keepSession = useCallback((view: SessionView | null) => setSession(view), []);
  useIdleLock(client, session, keepSession);

  const signOut = useCallback(async () => {
    // The desk stops showing the operator's screens at once; the station is told right after.
    setSession(null);
    replacePage(null);
    try {
      await client.call('session.end', {});
    } catch (thrown: unknown) {
      showError(thrown, 'session.end');
    }
  }, [client, showError]);

  const retry = () => {
    setError(null);
    setPhase('loading');
    setBootRound((round) => round + 1);
  };

  const applyConnectivity = useCallback((connectivity: Connectivity) => {
    setStatus((previous) => (previous === null ? previous : { ...previous, connectivity }));
  }, []);

  useWindowEvent('keydown', (event) => {
    if (event.defaultPrevented || !isAltOnly(event)) return;
    if (isKey(event, 'l')) {
      event.preventDefault();
      if (!event.repeat) toggleLanguage();
      return;
    }
    const digit = digitOf(event);
    const target = digit === null ? undefined : pages[digit - 1];
    if (target === undefined) return;
    event.preventDefault();
    if (target === activePage) titleRef.current?.focus();
    else goToPage(target);
  });

  const mode = status?.mode ?? loaded?.info.mode ?? null;
  const signedIn = phase === 'ready' && session !== null && activePage !== null;

  let content: ReactNode;
  if (phase === 'loading') {
    content = (
      <Center mih={240}>
        <Stack align="center" gap="md">
          <Loader size="lg" />
          <Text fz="lg">{t('app.connecting')}</Text>
        </Stack>
      </Center>
    );
  } else if (phase === 'failed' || mode === null) {
    content = (
      <Paper withBorder p="lg" radius="md" maw={980}>
        <Stack align="flex-start" gap="md">
          <Text fz="lg">{t('app.bootFailed')}</Text>
          <Button onClick={retry}>{t('app.retry')}</Button>
        </Stack>
      </Paper>
    );
  } else if (signedIn) {
    content = (
      <section data-testid={pageTestId(activePage)} aria-labelledby="ktp-page-title">
        <Title order={1} id="ktp-page-title" className="ktp-page-title" tabIndex={-1} ref={titleRef} mb="lg">
          {t(`pages.${activePage}.title`)}
        </Title>
        {activePage === 'info' && <InfoPage loaded={loaded} />}
        {activePage === 'diagnostik' && (
          <DiagnostikPage client={client} status={status} onConnectivity={applyConnectivity} onError={showError} />
        )}
        {activePage === 'pengaturan' && <SettingsPage />}
        {activePage === 'perekaman' && (
          <RecordingPage client={client} mode={mode} onError={showError} returned={returned.items} onReturnedChanged={returned.reload} />
        )}
        {activePage === 'sinkronisasi' && <SyncPage client={client} role={session.operator.role} mode={mode} onError={showError} />}
        {activePage === 'kirimusb' && <UsbPage client={client} onError={showError} />}
        {activePage === 'pencetakan' && <PrintDeskPage client={client} role={session.operator.role} onError={showError} />}
        {activePage === 'laporan' && <PendingPage page={activePage} />}
        {activePage === 'akun' && <AccountsPage client={client} onError={showError} />}
        {activePage === 'audit' && <AuditPage client={client} onError={showError} />}
      </section>
    );
  } else if (mode === 'production') {
    content = <AccountSignIn client={client} loaded={loaded} onSignedIn={signedInWithAccount} onError={showError} />;
  } else {
    content = <SignInPage mode={mode} loaded={loaded} pendingRole={pendingRole} onTrainingSignIn={(role) => void signIn(role)} />;
  }
  if (signedIn && session.mustChangePassword) {
    content = <ChangePassword client={client} onChanged={signedInWithAccount} onError={showError} />;
  }

  return (
    <div className="ktp-app">
      <div className="ktp-top">
        {mode === 'training' && <TrainingBanner />}
        <TopBar info={loaded?.info ?? null} status={status} session={signedIn ? session : null} onSignOut={() => void signOut()} />
      </div>
      <div className="ktp-body">
        {signedIn && <NavBar pages={pages} current={activePage} badges={navBadges} />}
        <main className="ktp-main">
          <Stack gap="lg">
            <CoreBanner client={client} onRecovered={reloadShell} />
            {linkLost && (
              <Alert color="orange" variant="light" title={t('app.linkLostTitle')} role="status">
                {t('app.linkLost')}
              </Alert>
            )}
            {error !== null && <ErrorAlert error={error} onClose={() => setError(null)} />}
            {content}
            {signedIn && session.locked && (
              <LockScreen client={client} session={session} onUnlocked={keepSession} onSignOut={() => void signOut()} onError={showError} />
            )}
          </Stack>
        </main>
      </div>
    </div>
  );
}
