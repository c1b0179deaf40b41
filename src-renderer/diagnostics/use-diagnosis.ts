import { useCallback, useEffect, useState } from 'react';
import type { DiagCheck, DiagReport } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { cameraCheck } from './camera-check';

/** The station's diagnosis, with its camera rows checked by this window (the window owns the camera). */
async function diagnose(client: StationClient): Promise<DiagReport> {
  const fromStation = await client.call('diag.run', {});
  const checks = await Promise.all(
    fromStation.checks.map((check): Promise<DiagCheck> => (check.code === 'CHECKED_IN_WINDOW' ? cameraCheck(check) : Promise.resolve(check))),
  );
  const counts = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const check of checks) counts[check.status] += 1;
  return { ...fromStation, checks, counts, ok: counts.fail === 0 };
}

/** Runs the diagnosis when the page opens, and again on request. */
export function useDiagnosis(client: StationClient, onError: (error: unknown, method: string) => void) {
  const [report, setReport] = useState<DiagReport | null>(null);
  const [running, setRunning] = useState(true);

  useEffect(() => {
    let alive = true;
    diagnose(client).then(
      (next) => {
        if (!alive) return;
        setReport(next);
        setRunning(false);
      },
      (error: unknown) => {
        if (!alive) return;
        setRunning(false);
        onError(error, 'diag.run');
      },
    );
    return () => {
      alive = false;
    };
  }, [client, onError]);

  const run = useCallback(async () => {
    setRunning(true);
    try {
      setReport(await diagnose(client));
    } catch (error: unknown) {
      onError(error, 'diag.run');
    } finally {
      setRunning(false);
    }
  }, [client, onError]);

  return { report, running, run };
}
