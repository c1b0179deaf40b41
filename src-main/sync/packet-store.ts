import { createHash } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StationError } from '../core/station-error.js';
import { errnoCode, fsyncDirectory } from '../security/atomic-file.js';
import { open } from '../security/sealed-bytes.js';
import type { StationStore } from '../store/station-store.js';
import { sealPacket } from './packet.js';

export const PACKET_DIR = 'packets';

export interface BuiltPacket {
  file: string;
  sha256: string;
  bytes: number;
}

/**
 * The sealed packets waiting to reach central, one file each under `<data>/packets/`. A packet is
 * sealed once and kept, so an interrupted upload resumes over the very same bytes (a fresh seal
 * would use a fresh content key and change every byte). Files are written to a temporary name,
 * fsynced and renamed. They are encrypted to central: nothing in them is readable at the station.
 */
export class PacketStore {
  readonly dir: string;

  constructor(
    dataDir: string,
    private readonly deps: {
      store: StationStore;
      dataKey: Buffer;
      stationId: string;
      centralPublicKey: KeyObject;
      signingKey: KeyObject;
      now?: () => Date;
    },
  ) {
    this.dir = join(dataDir, PACKET_DIR);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  fileOf(enrollmentId: string, contentHash: string): string {
    return join(this.dir, `${enrollmentId}-${contentHash.slice(0, 16)}.pkt`);
  }

  /** Seals the record's committed content into a packet file; refuses if the record moved on. */
  build(enrollmentId: string, contentHash: string): BuiltPacket {
    const row = this.deps.store.enrollments.get(enrollmentId);
    if (row?.contentHash !== contentHash) {
      throw new StationError('NOT_FOUND', {
        message: {
          id: `Rekaman ${enrollmentId} tidak lagi memiliki isi ${contentHash.slice(0, 12)}…; paket tidak dibuat.`,
          en: `Record ${enrollmentId} no longer has content ${contentHash.slice(0, 12)}…; no packet was built.`,
        },
        details: { enrollmentId, contentHash },
      });
    }
    const captures = this.deps.store.enrollments.captures(enrollmentId).filter((c) => c.chosen);
    const { bytes, header } = sealPacket(
      {
        stationId: this.deps.stationId,
        id: row.id,
        registrationNo: row.registrationNo,
        nik: row.nik,
        demographics: JSON.parse(row.demographicsJson) as Record<string, unknown>,
        captures: captures.map((c) => ({
          modality: c.modality,
          position: c.position,
          format: c.format,
          width: c.width,
          height: c.height,
          quality: c.quality,
          exceptionReason: c.exceptionReason,
          sha256: c.sha256,
          bytes: c.sealed === null ? new Uint8Array(0) : open(this.deps.dataKey, c.sealed, row.id),
        })),
      },
      { centralPublicKey: this.deps.centralPublicKey, stationSigningKey: this.deps.signingKey },
      (this.deps.now ?? (() => new Date()))(),
    );
    if (header.contentHash !== contentHash) {
      throw new StationError('INTERNAL', {
        message: { id: 'Isi rekaman tidak cocok dengan hash yang disimpan.', en: 'The record content does not match its stored hash.' },
        details: { enrollmentId, stored: contentHash, computed: header.contentHash },
      });
    }
    const file = this.fileOf(enrollmentId, contentHash);
    writeDurably(file, bytes);
    return { file, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength };
  }

  /** The packet's bytes if its file exists and still has the expected SHA-256; null otherwise. */
  read(enrollmentId: string, contentHash: string, expectedSha256: string): Buffer | null {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.fileOf(enrollmentId, contentHash));
    } catch (error: unknown) {
      if (errnoCode(error) === 'ENOENT') return null;
      throw error;
    }
    return createHash('sha256').update(bytes).digest('hex') === expectedSha256 ? bytes : null;
  }

  remove(enrollmentId: string, contentHash: string): void {
    rmSync(this.fileOf(enrollmentId, contentHash), { force: true });
  }
}

/** Temp name, write, fsync, rename, fsync the folder: the file is whole or absent. */
export function writeDurably(file: string, bytes: Uint8Array): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    let written = 0;
    while (written < bytes.byteLength) written += writeSync(fd, bytes, written, bytes.byteLength - written);
    fsyncSync(fd);
  } catch (error: unknown) {
    closeSync(fd);
    rmSync(temp, { force: true });
    if (errnoCode(error) === 'ENOSPC') throw new StationError('STORE_FULL', { details: { file }, cause: error });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, file);
  fsyncDirectory(join(file, '..'));
}
