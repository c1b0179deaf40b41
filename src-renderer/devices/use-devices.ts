import { useEffect, useState } from 'react';
import type { DeviceStatus } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';

/** The configured capture devices, live: read once, then kept current by `devices.changed`. */
export function useDevices(client: StationClient): DeviceStatus[] | null {
  const [devices, setDevices] = useState<DeviceStatus[] | null>(null);
  useEffect(() => {
    let live = true;
    const off = client.on('devices.changed', (payload) => setDevices(payload.devices));
    client.call('devices.list', {}).then(
      (result) => {
        if (live) setDevices((current) => current ?? result.devices);
      },
      () => {
        if (live) setDevices((current) => current ?? []);
      },
    );
    return () => {
      live = false;
      off();
    };
  }, [client]);
  return devices;
}
