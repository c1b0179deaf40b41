import { useEffect } from 'react';
import type { SessionView } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * The desk locks itself once the operator has been away as long as the station's idle time: it
 * then asks the station (which decides) and shows the lock when the station says so.
 */
export function useIdleLock(
  client: StationClient,
  session: SessionView | null,
  onSession: (view: SessionView | null) => void,
): void {
  const idleMs = session === null || session.locked ? null : session.idleMinutes * 60_000;
  useEffect(() => {
    if (idleMs === null) return undefined;
    let timer = window.setTimeout(check, idleMs + 1000);
    function check(): void {
      client.call('session.current', {}).then(onSession, () => undefined);
    }
    function activity(): void {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, idleMs === null ? 0 : idleMs + 1000);
    }
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, activity, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, activity);
    };
  }, [client, idleMs, onSession]);
}
