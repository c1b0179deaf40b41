import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statfsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StationError } from '../core/station-error.js';
import { errnoCode, fsyncDirectory } from '../security/atomic-file.js';
import type { StationSigningKey } from '../security/signing-key.js';
import type { OutboxEntry } from '../store/outbox-repository.js';
import type { StationStore } from '../store/station-store.js';
import type { PacketStore } from '../sync/packet-store.js';
import { publicKeyId } from '../sync/packet.js';
import { EXPORT_DIR_PREFIX, EXPORT_FORMAT, MANIFEST_FILE, PACKETS_SUBDIR, PARTIAL_SUFFIX, signManifest } from './export-manifest.js';
import type { ExportedPacket, UnsignedManifest } from './export-manifest.js';
import { writeFileSynced } from './synced-files.js';

export interface ExportProgress {
  done: number;
  total: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface ExporterDeps {
  store: StationStore;
  packets: PacketStore;
  stationId: string;
  regencyCode: string;
  signing: StationSigningKey;
  centralKeyId: string;
  now?: () => Date;
  /** Free bytes where the export goes (statfs by default). */
  freeBytes?: (dir: string) => number;
}

export interface ExportResult {
  /** The finished export folder; null when nothing waited to be exported. */
  dir: string | null;
  count: number;
  bytes: number;
}

/** Room kept free beyond the export itself (the manifest and the file system's own bookkeeping). */
const HEADROOM_BYTES = 1024 * 1024;
const MANIFEST_BYTES_PER_PACKET = 600;

function statfsFree(dir: string): number {
  const fs = statfsSync(dir);
  return fs.bavail * fs.bsize;
}

/** `2026-12-02T00:43:43.123Z` → `20261202T004343Z`, for folder names every file system accepts. */
function compactUtc(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function noSpace(outDir: string, needed: number, free: number, cause?: unknown): StationError {
  const mib = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return new StationError('SNEAKERNET_NO_SPACE', {
    message: {
      id: `Drive tujuan ${outDir} hanya punya ${mib(free)} MiB kosong; ekspor perlu ${mib(needed)} MiB. Tidak ada ekspor yang ditulis. Kosongkan ruang atau pakai drive lain.`,
      en: `The target drive ${outDir} has only ${mib(free)} MiB free; the export needs ${mib(needed)} MiB. No export was written. Free space or use another drive.`,
    },
    details: { outDir, neededBytes: needed, freeBytes: free },
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * Writes every committed record central has not acknowledged, as the very packet the sync
 * worker uploads, into a new folder on the stick, with a signed manifest. The folder is written
 * under a `.partial` name, every file fsynced, then renamed: a stick pulled out midway leaves a
 * folder whose name says it is unfinished, which import refuses.
 */
export class Exporter {
  constructor(private readonly deps: ExporterDeps) {}

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  /** The records an export would carry: waiting in the outbox, committed at or after `since`. */
  candidates(since: string | null): OutboxEntry[] {
    const from = since === null ? null : Date.parse(since);
    return this.deps.store.outbox.pending(1_000_000).filter((e) => from === null || Date.parse(e.createdAt) >= from);
  }

  preview(since: string | null): { count: number; bytes: number } {
    const entries = this.candidates(since);
    return { count: entries.length, bytes: entries.reduce((sum, e) => sum + (e.packetBytes ?? e.byteLength), 0) };
  }

  /** The sealed packet of an entry as the worker keeps it: reused when whole, sealed (once) when missing. */
  private packetOf(entry: OutboxEntry): { bytes: Buffer; sha256: string } {
    if (entry.packetSha256 !== null) {
      const held = this.deps.packets.read(entry.enrollmentId, entry.contentHash, entry.packetSha256);
      if (held !== null) return { bytes: held, sha256: entry.packetSha256 };
    }
    const built = this.deps.packets.build(entry.enrollmentId, entry.contentHash);
    this.deps.store.transaction(() => this.deps.store.outbox.recordPacket(entry.id, { sha256: built.sha256, bytes: built.bytes }));
    const bytes = this.deps.packets.read(entry.enrollmentId, entry.contentHash, built.sha256);
    if (bytes === null) throw new Error(`the packet of ${entry.enrollmentId} vanished right after it was sealed`);
    return { bytes, sha256: built.sha256 };
  }

  async export(outDirInput: string, since: string | null, onProgress?: (progress: ExportProgress) => void): Promise<ExportResult> {
    const outDir = resolve(outDirInput);
    if (!existsSync(outDir)) {
      throw new StationError('NOT_FOUND', {
        message: {
          id: `Folder tujuan ${outDir} tidak ada. Pasang flashdisk lalu pilih drive-nya.`,
          en: `The target folder ${outDir} does not exist. Plug in the USB stick, then choose its drive.`,
        },
        details: { outDir },
      });
    }
    const entries = this.candidates(since);
    if (entries.length === 0) return { dir: null, count: 0, bytes: 0 };

    // Seal first (on the station's own disk), so the space check knows the exact size.
    const sealed = entries.map((entry) => ({ entry, ...this.packetOf(entry) }));
    const packetBytes = sealed.reduce((sum, p) => sum + p.bytes.byteLength, 0);
    const needed = packetBytes + sealed.length * MANIFEST_BYTES_PER_PACKET + HEADROOM_BYTES;
    const free = (this.deps.freeBytes ?? statfsFree)(outDir);
    if (free < needed) throw noSpace(outDir, needed, free);

    const createdAt = this.now();
    let name = `${EXPORT_DIR_PREFIX}${this.deps.stationId}-${compactUtc(createdAt)}`;
    if (existsSync(join(outDir, name)) || existsSync(join(outDir, name + PARTIAL_SUFFIX))) name += `-${randomBytes(3).toString('hex')}`;
    const finalDir = join(outDir, name);
    const partialDir = finalDir + PARTIAL_SUFFIX;
    try {
      mkdirSync(join(partialDir, PACKETS_SUBDIR), { recursive: true, mode: 0o700 });
      const listed: ExportedPacket[] = [];
      let bytesDone = 0;
      for (const [index, p] of sealed.entries()) {
        const row = this.deps.store.enrollments.get(p.entry.enrollmentId);
        if (row?.committedAt == null) throw new Error(`record ${p.entry.enrollmentId} has no committed content`);
        const file = `${PACKETS_SUBDIR}/${p.entry.enrollmentId}-${p.entry.contentHash.slice(0, 16)}.pkt`;
        writeFileSynced(join(partialDir, file), p.bytes);
        bytesDone += p.bytes.byteLength;
        listed.push({
          file,
          enrollmentId: p.entry.enrollmentId,
          registrationNo: row.registrationNo,
          regencyCode: this.deps.regencyCode,
          committedAt: row.committedAt,
          contentHash: p.entry.contentHash,
          sha256: p.sha256,
          bytes: p.bytes.byteLength,
        });
        onProgress?.({ done: index + 1, total: sealed.length, bytesDone, bytesTotal: packetBytes });
        // Let the event loop breathe between packets: progress events reach the window.
        await new Promise((resolveTurn) => setImmediate(resolveTurn));
      }
      fsyncDirectory(join(partialDir, PACKETS_SUBDIR));
      const unsigned: UnsignedManifest = {
        format: EXPORT_FORMAT,
        v: 1,
        exportId: name.slice(EXPORT_DIR_PREFIX.length),
        stationId: this.deps.stationId,
        createdAt: createdAt.toISOString(),
        since,
        centralKeyId: this.deps.centralKeyId,
        signer: { alg: 'Ed25519', keyId: publicKeyId(this.deps.signing.publicKey), publicKeyPem: this.deps.signing.publicKeyPem },
        packets: listed,
        totalBytes: packetBytes,
      };
      const manifest = signManifest(unsigned, this.deps.signing.privateKey);
      writeFileSynced(join(partialDir, MANIFEST_FILE), Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`, 'utf8'));
      fsyncDirectory(partialDir);
      renameSync(partialDir, finalDir);
      fsyncDirectory(outDir);
    } catch (error: unknown) {
      rmSync(partialDir, { recursive: true, force: true });
      if (errnoCode(error) === 'ENOSPC') throw noSpace(outDir, needed, (this.deps.freeBytes ?? statfsFree)(outDir), error);
      if (errnoCode(error) === 'EACCES' || errnoCode(error) === 'EROFS') {
        throw new StationError('NOT_FOUND', {
          message: {
            id: `Folder tujuan ${outDir} tidak dapat ditulisi (hanya-baca atau tanpa izin). Buka kunci tulis flashdisk atau pilih drive lain.`,
            en: `The target folder ${outDir} cannot be written (read-only or no permission). Unlock the stick's write protection or choose another drive.`,
          },
          details: { outDir, code: errnoCode(error) },
          cause: error,
        });
      }
      throw error;
    }
    return { dir: finalDir, count: sealed.length, bytes: packetBytes };
  }
}
