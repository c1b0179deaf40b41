import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StationError } from './station-error.js';

const LOCK_FILE = 'station.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process that holds a data folder, if it is still alive. */
export function stationHolder(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dataDir, LOCK_FILE), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/**
 * One station per data folder: a second one would fight over the database and the outbox.
 * A lock left by a process that died (a crash, a power cut) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const holder = stationHolder(dataDir);
  if (holder !== null) {
    throw new StationError('STATION_RUNNING', {
      message: {
        id: `Station lain (PID ${holder}) sedang memakai folder data ${dataDir}. Tutup station itu terlebih dahulu.`,
        en: `Another station (PID ${holder}) is using the data folder ${dataDir}. Close it first.`,
      },
      details: { dataDir, pid: holder },
    });
  }
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
}
