import { homedir } from 'node:os';
import { join } from 'node:path';

/** The per-user folder where a station keeps its data when the config names none. */
export function userDataRoot(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env['KTP_STATION_HOME'];
  if (override !== undefined && override !== '') return override;
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'KTP Station');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'KTP Station');
  const xdg = env['XDG_DATA_HOME'];
  return join(xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.local', 'share'), 'ktp-station');
}

export function defaultDataDir(mode: 'training' | 'production', env?: NodeJS.ProcessEnv): string {
  return join(userDataRoot(env), mode === 'training' ? 'training' : 'station');
}
