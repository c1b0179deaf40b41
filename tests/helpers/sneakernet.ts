import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { statefulConnection } from '../../src-main/core/call-context.js';
import type { StationSetup } from '../../src-main/core/config/profile.js';
import { regionDirectory } from '../../src-main/core/setup.js';
import { createStation } from '../../src-main/core/station.js';
import type { CentralEmulator } from '../../src-main/sim/central/emulator.js';
import { FAST_SYNC, linkedSetup } from './central.js';
import type { LinkedDesk } from './central.js';
import { silentLogger } from './station.js';

export const RELAY_STATION_ID = 'KEC-350101-02';
export const RELAY_CREDENTIAL = 'relay-credential-0123456789';
/** A port nothing listens on: the station sees its central as unreachable (LURING). */
export const DEAD_CENTRAL_URL = 'http://127.0.0.1:9';

/** A supervisor's desk on a station with the given setup. */
export async function deskFor(setup: StationSetup): Promise<LinkedDesk> {
  const station = createStation({ setup, logger: silentLogger(), host: 'web', regions: await regionDirectory(), syncOptions: FAST_SYNC });
  const window = statefulConnection('web');
  const call = (method: string, params: unknown) => station.dispatcher.dispatch(method, params, window);
  const ok = async <T>(method: string, params: unknown): Promise<T> => {
    const outcome = await call(method, params);
    if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as T;
  };
  await ok('session.startTraining', { role: 'supervisor' });
  return { station, ok, call };
}

/** The origin station (PELATIHAN-01): linked to central, or with its link dead (`offline`). */
export function originSetup(dataDir: string, central: CentralEmulator, offline: boolean): StationSetup {
  const setup = linkedSetup(dataDir, central);
  if (setup.central === null) throw new Error('no central');
  return offline ? { ...setup, central: { ...setup.central, url: DEAD_CENTRAL_URL } } : setup;
}

/** Another station of the same kabupaten, with a link: the relay that imports the stick. */
export function relaySetup(dataDir: string, central: CentralEmulator): StationSetup {
  const setup = linkedSetup(dataDir, central, RELAY_CREDENTIAL);
  return { ...setup, profile: { ...setup.profile, stationId: RELAY_STATION_ID } };
}

/** Every file under a folder, with its bytes. */
export function filesUnder(dir: string): Array<{ file: string; bytes: Buffer }> {
  const out: Array<{ file: string; bytes: Buffer }> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push({ file: path, bytes: readFileSync(path) });
  }
  return out;
}
