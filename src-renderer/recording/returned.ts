import { useCallback, useState } from 'react';
import type { MethodResult } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { useFailureOnce, useLiveRefresh } from '../sync/live-refresh';

export type ReturnedRecord = MethodResult<'enrollment.returned'>['items'][number];

/** How often the list of records central sent back is re-read (status.changed also triggers it). */
const REFRESH_MS = 10_000;

/**
 * "Perlu Perbaikan": the records central sent back, kept live for the signed-in recorder
 * (the nav badge and the section on the recording desk). Null while unknown or not a recorder.
 */
export function useReturnedRecords(
  client: StationClient,
  enabled: boolean,
  onError: (error: unknown, method: string) => void,
): { items: ReturnedRecord[] | null; reload: () => void } {
  const [items, setItems] = useState<ReturnedRecord[] | null>(null);
  const { failed, succeeded } = useFailureOnce(onError);
  const load = useCallback(async () => {
    if (!enabled) {
      setItems(null);
      return;
    }
    try {
      const result = await client.call('enrollment.returned', { limit: 200 });
      succeeded();
      setItems(result.items);
    } catch (error: unknown) {
      failed(error, 'enrollment.returned');
    }
  }, [client, enabled, failed, succeeded]);
  const reload = useLiveRefresh(client, load, REFRESH_MS);
  return { items: enabled ? items : null, reload };
}
