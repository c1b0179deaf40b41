import { existsSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DiagCheck } from '../contract/methods/diag.js';
import { errorCode, fail, formatBytes, pass, text } from './check.js';

export const DEFAULT_MIN_FREE_MIB = 2048;

const title = text('Ruang disk kosong', 'Free disk space');

/** The folder itself, or its nearest existing parent (a data folder not made yet lives on that disk). */
function existingFolder(path: string): string {
  let current = path;
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return current;
}

/** Free space on the disk holding the data folder, against a threshold. */
export async function checkDisk(dataDir: string, minFreeMiB: number = DEFAULT_MIN_FREE_MIB): Promise<DiagCheck> {
  const base = { id: 'disk.free', section: 'disk' as const, subject: dataDir, title };
  const minFree = minFreeMiB * 1024 * 1024;
  let free: number;
  let total: number;
  try {
    const info = await statfs(existingFolder(dataDir));
    free = info.bavail * info.bsize;
    total = info.blocks * info.bsize;
  } catch (error: unknown) {
    const code = errorCode(error);
    return fail({
      ...base,
      code: 'DISK_UNKNOWN',
      observed: code,
      cause: text(`Ruang disk untuk ${dataDir} tidak dapat dibaca (${code}).`, `The free space for ${dataDir} cannot be read (${code}).`),
      fix: text('Periksa bahwa folder data ada dan disk-nya terpasang.', 'Check that the data folder exists and its disk is mounted.'),
    });
  }
  const facts = { freeBytes: free, totalBytes: total, minFreeBytes: minFree };
  const observed = `${formatBytes(free)} free of ${formatBytes(total)}`;
  if (free < minFree) {
    return fail({
      ...base,
      code: 'DISK_LOW',
      observed,
      cause: text(
        `Disk hampir penuh: ${formatBytes(free)} kosong, kurang dari batas ${formatBytes(minFree)}. Saat penuh, rekaman baru tidak dapat disimpan.`,
        `The disk is nearly full: ${formatBytes(free)} free, below the ${formatBytes(minFree)} threshold. When it is full, new records cannot be saved.`,
      ),
      fix: text(
        `Pindahkan cadangan lama dari ${dataDir}/backups dan berkas besar lain ke media lain; jangan hapus station.db atau keys/.`,
        `Move old backups out of ${dataDir}/backups and other large files to other media; never delete station.db or keys/.`,
      ),
      facts,
    });
  }
  return pass({ ...base, observed, facts });
}
