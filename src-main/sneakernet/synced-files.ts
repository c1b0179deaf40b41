import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { fsyncDirectory } from '../security/atomic-file.js';

/** Writes a new file and fsyncs it before returning: its bytes are on the stick, not in a cache. */
export function writeFileSynced(file: string, bytes: Uint8Array): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    let written = 0;
    while (written < bytes.byteLength) written += writeSync(fd, bytes, written, bytes.byteLength - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Replaces `file` whole or not at all: temp name in the same folder, fsync, rename, fsync the folder. */
export function replaceFileSynced(file: string, bytes: Uint8Array): void {
  const temp = `${file}.${process.pid}.tmp`;
  rmSync(temp, { force: true });
  try {
    writeFileSynced(temp, bytes);
    renameSync(temp, file);
  } catch (error: unknown) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDirectory(dirname(file));
}
