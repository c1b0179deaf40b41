import { useCallback, useEffect, useRef } from 'react';
import type { StationClient } from '../client/station-client';

/**
 * Runs `load` now (and whenever `load` itself changes), on every `status.changed` event and every
 * `intervalMs` while the component is mounted. Calls never overlap: a trigger during a call runs `load` once more after it.
 * Returns a function that triggers a run (after a button press, say).
 */
export function useLiveRefresh(client: StationClient, load: () => Promise<void>, intervalMs: number): () => void {
  const running = useRef(false);
  const again = useRef(false);
  const latest = useRef(load);

  const trigger = useCallback(() => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    // Read through a function: a trigger may have set it while `load` was awaited.
    const askedAgain = () => again.current;
    void (async () => {
      try {
        do {
          again.current = false;
          await latest.current();
        } while (askedAgain());
      } finally {
        running.current = false;
      }
    })();
  }, []);

  // Now, and again whenever what to load changes (another filter, another role).
  useEffect(() => {
    latest.current = load;
    trigger();
  }, [load, trigger]);

  useEffect(() => {
    const timer = window.setInterval(trigger, intervalMs);
    const off = client.on('status.changed', trigger);
    return () => {
      window.clearInterval(timer);
      off();
    };
  }, [client, trigger, intervalMs]);

  return trigger;
}

/**
 * Reports the first failure of a repeated call, and again only after a success: a station that
 * stays unreachable is said once, not every few seconds.
 */
export function useFailureOnce(onError: (error: unknown, method: string) => void): { failed: (error: unknown, method: string) => void; succeeded: () => void } {
  const failing = useRef(false);
  const failed = useCallback(
    (error: unknown, method: string) => {
      if (failing.current) return;
      failing.current = true;
      onError(error, method);
    },
    [onError],
  );
  const succeeded = useCallback(() => {
    failing.current = false;
  }, []);
  return { failed, succeeded };
}
