import type { DiagCheck } from '../contract/methods/diag.js';
import type { DatabaseInspection } from '../store/database-inspection.js';
import { fail, formatBytes, pass, skip, text, warn } from './check.js';

const titles = {
  integrity: text('Basis data: keutuhan', 'Database: integrity'),
  size: text('Basis data: ukuran', 'Database: size'),
  wal: text('Basis data: ukuran WAL', 'Database: WAL size'),
  backlog: text('Antrean ke pusat', 'Backlog to central'),
};

export interface StoreCheckOptions {
  /** A WAL larger than this warns (it is checkpointed while the station runs). */
  walWarnBytes?: number;
  /** The oldest waiting record older than this warns. */
  backlogWarnHours?: number;
  now?: () => Date;
}

/** Integrity, size, WAL and backlog from a read-only look at the database. */
export function checkStore(inspection: DatabaseInspection, options: StoreCheckOptions = {}): DiagCheck[] {
  const now = options.now ?? (() => new Date());
  const base = { section: 'database' as const, subject: inspection.file };
  if (inspection.state === 'missing') {
    const cause = text(`Belum ada basis data di ${inspection.file}.`, `There is no database at ${inspection.file} yet.`);
    const fix = text('Jalankan station sekali (basis data dibuat saat mulai), atau periksa --data / dataDir.', 'Start the station once (it creates the database), or check --data / dataDir.');
    return [
      fail({ ...base, id: 'database.integrity', title: titles.integrity, code: 'DB_MISSING', cause, fix }),
      skip({ ...base, id: 'database.size', title: titles.size, code: 'DB_MISSING', cause }),
      skip({ ...base, id: 'database.wal', title: titles.wal, code: 'DB_MISSING', cause }),
      skip({ ...base, section: 'backlog', id: 'backlog.pending', title: titles.backlog, code: 'DB_MISSING', cause }),
    ];
  }
  if (inspection.state === 'unreadable') {
    const cause = text(`Basis data ${inspection.file} tidak dapat dibaca: ${inspection.reason}.`, `The database ${inspection.file} cannot be read: ${inspection.reason}.`);
    const skipped = text('Tidak dijalankan: basis data tidak dapat dibaca.', 'Not run: the database cannot be read.');
    return [
      fail({
        ...base,
        id: 'database.integrity',
        title: titles.integrity,
        code: 'DB_UNREADABLE',
        observed: inspection.reason,
        cause,
        fix: text('Hentikan station, lalu pulihkan cadangan terakhir: ktp-station restore FILE_CADANGAN.', 'Stop the station, then restore the latest backup: ktp-station restore BACKUP_FILE.'),
      }),
      skip({ ...base, id: 'database.size', title: titles.size, code: 'EARLIER_STEP_FAILED', cause: skipped }),
      skip({ ...base, id: 'database.wal', title: titles.wal, code: 'EARLIER_STEP_FAILED', cause: skipped }),
      skip({ ...base, section: 'backlog', id: 'backlog.pending', title: titles.backlog, code: 'EARLIER_STEP_FAILED', cause: skipped }),
    ];
  }
  const checks: DiagCheck[] = [];
  const intact = inspection.integrity.length === 1 && inspection.integrity[0] === 'ok';
  checks.push(
    intact
      ? pass({ ...base, id: 'database.integrity', title: titles.integrity, observed: `ok, schema v${inspection.schemaVersion}`, facts: { schemaVersion: inspection.schemaVersion } })
      : fail({
          ...base,
          id: 'database.integrity',
          title: titles.integrity,
          code: 'DB_CORRUPT',
          observed: inspection.integrity.slice(0, 3).join('; '),
          cause: text(`SQLite menemukan kerusakan di ${inspection.file}: ${inspection.integrity.slice(0, 3).join('; ')}.`, `SQLite found damage in ${inspection.file}: ${inspection.integrity.slice(0, 3).join('; ')}.`),
          fix: text('Hentikan station, buat cadangan berkas apa adanya, lalu pulihkan cadangan terakhir: ktp-station restore FILE_CADANGAN.', 'Stop the station, copy the file as it is, then restore the latest backup: ktp-station restore BACKUP_FILE.'),
          facts: { problems: inspection.integrity.length },
        }),
  );
  checks.push(
    pass({
      ...base,
      id: 'database.size',
      title: titles.size,
      observed: `${formatBytes(inspection.fileBytes)} (${formatBytes(inspection.freeBytes)} free inside)`,
      facts: { fileBytes: inspection.fileBytes, databaseBytes: inspection.databaseBytes, freeBytes: inspection.freeBytes },
    }),
  );
  const walWarn = options.walWarnBytes ?? 256 * 1024 * 1024;
  const wal = inspection.walBytes;
  checks.push(
    wal !== null && wal > walWarn
      ? warn({
          ...base,
          id: 'database.wal',
          title: titles.wal,
          code: 'WAL_LARGE',
          observed: formatBytes(wal),
          cause: text(`Berkas WAL sebesar ${formatBytes(wal)}: ada pembaca lama yang menahan checkpoint.`, `The WAL file is ${formatBytes(wal)}: a long-running reader holds back the checkpoint.`),
          fix: text('Tutup program lain yang membuka basis data (mis. sqlite3), lalu mulai ulang station.', 'Close other programs that hold the database open (e.g. sqlite3), then restart the station.'),
          facts: { walBytes: wal },
        })
      : pass({ ...base, id: 'database.wal', title: titles.wal, observed: wal === null ? 'none' : formatBytes(wal), facts: { walBytes: wal } }),
  );
  const { count, bytes, oldestCreatedAt } = inspection.backlog;
  const ageHours = oldestCreatedAt === null ? 0 : (now().getTime() - Date.parse(oldestCreatedAt)) / 3_600_000;
  const backlogBase = { section: 'backlog' as const, subject: 'outbox', id: 'backlog.pending', title: titles.backlog, observed: `${count} record(s), ${formatBytes(bytes)}`, facts: { count, bytes, oldestCreatedAt } };
  checks.push(
    count > 0 && ageHours > (options.backlogWarnHours ?? 72)
      ? warn({
          ...backlogBase,
          code: 'BACKLOG_OLD',
          cause: text(`Rekaman tertua menunggu ${Math.floor(ageHours)} jam (sejak ${oldestCreatedAt ?? '?'}).`, `The oldest record has waited ${Math.floor(ageHours)} hours (since ${oldestCreatedAt ?? '?'}).`),
          fix: text('Lihat pemeriksaan pusat di atas dan halaman Sinkronisasi: langkah yang gagal disebut di sana.', 'See the central checks above and the Sinkronisasi page: the failing step is named there.'),
        })
      : pass(backlogBase),
  );
  return checks;
}
