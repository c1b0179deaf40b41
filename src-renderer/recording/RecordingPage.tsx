import { useState } from 'react';
import type { StationMode } from '../../src-main/contract/index.js';
import type { EnrollmentView } from '../../src-main/contract/methods/enrollment.js';
import type { StationClient } from '../client/station-client';
import { RecordDetail } from './RecordDetail';
import { RecordingHome } from './RecordingHome';
import type { ReturnedRecord } from './returned';
import { Wizard } from './Wizard';

type Screen =
  | { kind: 'home' }
  | { kind: 'wizard'; initial: EnrollmentView | null; round: number }
  | { kind: 'detail'; view: EnrollmentView | null };

interface RecordingPageProps {
  client: StationClient;
  mode: StationMode;
  onError: (error: unknown, method: string) => void;
  /** "Perlu Perbaikan": the records central sent back (kept live by the shell for the nav badge). */
  returned: ReturnedRecord[] | null;
  onReturnedChanged: () => void;
}

/** Perekaman: the start screen (records to fix, new resident, drafts, records), the wizard, and a record's detail. */
export function RecordingPage({ client, mode, onError, returned, onReturnedChanged }: RecordingPageProps) {
  const [screen, setScreen] = useState<Screen>({ kind: 'home' });
  const [round, setRound] = useState(0);
  const [fixing, setFixing] = useState<string | null>(null);

  const startNew = () => {
    setRound((r) => r + 1);
    setScreen({ kind: 'wizard', initial: null, round: round + 1 });
  };

  const resume = (id: string) => {
    client.call('enrollment.get', { id }).then(
      (view) => {
        setRound((r) => r + 1);
        setScreen({ kind: 'wizard', initial: view, round: round + 1 });
      },
      (thrown: unknown) => onError(thrown, 'enrollment.get'),
    );
  };

  /** "Perbaiki": the record becomes a draft again, and the wizard opens on it at Data Penduduk. */
  const fix = (id: string) => {
    setFixing(id);
    client.call('enrollment.reopen', { id }).then(
      (view) => {
        setFixing(null);
        onReturnedChanged();
        setRound((r) => r + 1);
        setScreen({ kind: 'wizard', initial: view, round: round + 1 });
      },
      (thrown: unknown) => {
        setFixing(null);
        onReturnedChanged();
        onError(thrown, 'enrollment.reopen');
      },
    );
  };

  const open = (id: string) => {
    setScreen({ kind: 'detail', view: null });
    client.call('enrollment.get', { id }).then(
      (view) => setScreen((current) => (current.kind === 'detail' ? { kind: 'detail', view } : current)),
      (thrown: unknown) => {
        onError(thrown, 'enrollment.get');
        setScreen({ kind: 'home' });
      },
    );
  };

  const home = () => setScreen({ kind: 'home' });

  switch (screen.kind) {
    case 'home':
      return (
        <RecordingHome
          client={client}
          onNew={startNew}
          onResume={resume}
          onOpen={open}
          onError={onError}
          returned={returned}
          fixing={fixing}
          onFix={fix}
        />
      );
    case 'wizard':
      return <Wizard key={screen.round} client={client} mode={mode} initial={screen.initial} onClose={home} onNextResident={startNew} />;
    case 'detail':
      return <RecordDetail client={client} view={screen.view} onBack={home} />;
  }
}
