import { createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { SneakernetImportReport, SneakernetPreview, SneakernetProgress } from '../contract/methods/sneakernet.js';
import type { StationSigningKey } from '../security/signing-key.js';
import type { StationStore } from '../store/station-store.js';
import type { CentralClient } from '../sync/central-client.js';
import type { PacketStore } from '../sync/packet-store.js';
import { publicKeyId } from '../sync/packet.js';
import { EXPORT_DIR_PREFIX, PARTIAL_SUFFIX } from './export-manifest.js';
import { Exporter } from './exporter.js';
import type { ExportResult } from './exporter.js';
import { applyReceipt, readReceipt } from './receipt.js';
import { importAsRelay } from './relay-import.js';
import type { ReceiptReport } from './receipt.js';
import { findRemovableDrives } from './removable-drives.js';
import type { DriveScanOptions } from './removable-drives.js';

export interface SneakernetDeps {
  store: StationStore;
  packets: PacketStore;
  client: CentralClient;
  stationId: string;
  regencyCode: string;
  signing: StationSigningKey;
  centralPublicKeyPem: string;
  chunkBytes: number;
  logger: Logger;
  onProgress?: (progress: SneakernetProgress) => void;
  /** The outbox changed (a receipt emptied it): the top bar and the worker should know. */
  onOutboxChanged?: () => void;
  drives?: DriveScanOptions;
  now?: () => Date;
  freeBytes?: (dir: string) => number;
}

/** "Kirim via USB": export the unacknowledged packets to a stick, import a stick's export as a relay, apply a receipt. */
export class SneakernetService {
  private readonly exporter: Exporter;
  private readonly centralKey: KeyObject;
  private readonly centralKeyId: string;

  constructor(private readonly deps: SneakernetDeps) {
    this.centralKey = createPublicKey(deps.centralPublicKeyPem);
    this.centralKeyId = publicKeyId(this.centralKey);
    this.exporter = new Exporter({
      store: deps.store,
      packets: deps.packets,
      stationId: deps.stationId,
      regencyCode: deps.regencyCode,
      signing: deps.signing,
      centralKeyId: this.centralKeyId,
      ...(deps.now ? { now: deps.now } : {}),
      ...(deps.freeBytes ? { freeBytes: deps.freeBytes } : {}),
    });
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  preview(since: string | null): SneakernetPreview {
    const drives = findRemovableDrives(this.deps.drives);
    const exportsFound: SneakernetPreview['exportsFound'] = [];
    for (const drive of drives) {
      let names: string[] = [];
      try {
        names = readdirSync(drive.mountPoint).filter((n) => n.startsWith(EXPORT_DIR_PREFIX));
      } catch {
        // An unreadable drive lists no exports; the drive itself is still shown.
      }
      for (const name of names.sort()) exportsFound.push({ path: join(drive.mountPoint, name), name, partial: name.endsWith(PARTIAL_SUFFIX) });
    }
    return { ...this.exporter.preview(since), drives, exportsFound };
  }

  async export(outDir: string, since: string | null): Promise<ExportResult> {
    const result = await this.exporter.export(outDir, since, (p) => this.deps.onProgress?.({ operation: 'export', ...p }));
    this.deps.logger.info({ dir: result.dir, count: result.count, bytes: result.bytes }, 'sneakernet export written');
    return result;
  }

  /** Verifies a whole export, relays each packet to central, then writes central's signed receipt beside it. */
  import(dir: string, receiptFile: string | null): Promise<SneakernetImportReport> {
    return importAsRelay(
      {
        client: this.deps.client,
        stationId: this.deps.stationId,
        centralKeyId: this.centralKeyId,
        chunkBytes: this.deps.chunkBytes,
        logger: this.deps.logger,
        ...(this.deps.onProgress ? { onProgress: this.deps.onProgress } : {}),
        ...(this.deps.now ? { now: this.deps.now } : {}),
      },
      dir,
      receiptFile,
    );
  }

  /** The origin's side: a receipt signed by central empties the outbox of what central holds. */
  importReceipt(file: string): ReceiptReport {
    const { file: path, receipt } = readReceipt(file, { stationId: this.deps.stationId, centralPublicKey: this.centralKey });
    const { report, acknowledged } = applyReceipt(this.deps.store, path, receipt, this.now().toISOString());
    for (const a of acknowledged) this.deps.packets.remove(a.enrollmentId, a.contentHash);
    this.deps.logger.info({ ...report }, 'sneakernet receipt applied');
    if (report.acknowledged > 0) this.deps.onOutboxChanged?.();
    return report;
  }
}
