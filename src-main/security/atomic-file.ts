import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const isPosix = process.platform !== 'win32';

/** Flushes a folder's entries (a new or renamed file) to disk. A no-op where folders cannot be opened (Windows). */
export function fsyncDirectory(dir: string): void {
  if (!isPosix) return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The `code` of a Node system error (ENOENT, EEXIST...), if any. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = error.code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/**
 * Writes `data` to `file` so that the file either does not exist or holds all of `data`,
 * and never replaces a file that already exists:
 * write a temp file in the same folder (created exclusively, mode `mode`), fsync it, then
 * hard-link it to the final name (fails with EEXIST instead of overwriting), unlink the
 * temp name and fsync the folder. Where hard links are unsupported, falls back to rename
 * after checking the name is free (a narrow race a single-instance station never hits).
 *
 * Returns false, writing nothing, when `file` already exists.
 */
export function writeFileAtomicNoOverwrite(file: string, data: Uint8Array, mode: number): boolean {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  let tempExists = true;
  try {
    try {
      if (isPosix) fchmodSync(fd, mode);
      let written = 0;
      while (written < data.length) written += writeSync(fd, data, written, data.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    let linked = false;
    try {
      linkSync(temp, file);
      linked = true;
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    }
    if (linked) {
      unlinkSync(temp);
      tempExists = false;
    } else {
      if (existsSync(file)) return false;
      renameSync(temp, file);
      tempExists = false;
    }
    fsyncDirectory(dir);
    return true;
  } finally {
    if (tempExists) {
      try {
        unlinkSync(temp);
      } catch {
        // A leftover temp file is harmless: it is never read.
      }
    }
  }
}
