import { join } from 'node:path';
import type { Logger } from 'pino';
import { StationError } from '../core/station-error.js';
import type { SneakernetImportReport, SneakernetProgress } from '../contract/methods/sneakernet.js';
import type { CentralReceiptReply } from '../sync/central-api.js';
import { CentralCallError } from '../sync/central-client.js';
import type { CentralClient } from '../sync/central-client.js';
import { relayExport, verifyExport } from './importer.js';
import { RECEIPT_FILE, RECEIPT_FORMAT, writeReceipt } from './receipt.js';

export interface RelayImportDeps {
  client: CentralClient;
  /** The importing (relay) station. */
  stationId: string;
  centralKeyId: string;
  chunkBytes: number;
  logger: Logger;
  onProgress?: (progress: SneakernetProgress) => void;
  now?: () => Date;
}

const RECEIPT_BATCH = 1000;

/**
 * The importing side, needing only a link to central (no station database): verify the whole
 * export, relay each packet, then fetch central's signed receipt and write it beside the export
 * (or to `receiptFile`) for the origin station.
 */
export async function importAsRelay(deps: RelayImportDeps, dir: string, receiptFile: string | null): Promise<SneakernetImportReport> {
  try {
    return await relayAndReceipt(deps, dir, receiptFile);
  } catch (error: unknown) {
    if (error instanceof CentralCallError) {
      throw new StationError('CENTRAL_UNAVAILABLE', {
        message: {
          id: `Server pusat tidak dapat dihubungi untuk memeriksa ekspor (${error.code}). Tidak ada yang dikirim; coba impor lagi saat tersambung.`,
          en: `Central could not be reached to check the export (${error.code}). Nothing was sent; import again once connected.`,
        },
        details: { step: error.step, code: error.code, detail: error.detail, httpStatus: error.httpStatus },
        cause: error,
      });
    }
    throw error;
  }
}

async function relayAndReceipt(deps: RelayImportDeps, dir: string, receiptFile: string | null): Promise<SneakernetImportReport> {
  const verified = await verifyExport(dir, {
    centralKeyId: deps.centralKeyId,
    pinnedKeyId: async (stationId) => (await deps.client.pinnedKey(stationId))?.keyId ?? null,
  });
  const results = await relayExport(verified, deps.client, {
    chunkBytes: deps.chunkBytes,
    onProgress: (p) => deps.onProgress?.({ operation: 'import', ...p }),
  });
  const origin = verified.manifest.stationId;
  let receipt: { file: string | null; error: string | null } = { file: null, error: null };
  const ids = verified.packets.map((p) => p.entry.enrollmentId);
  if (ids.length > 0) {
    try {
      const statements: CentralReceiptReply[] = [];
      for (let i = 0; i < ids.length; i += RECEIPT_BATCH) statements.push(await deps.client.receipt(origin, ids.slice(i, i + RECEIPT_BATCH)));
      const file = receiptFile ?? join(verified.dir, RECEIPT_FILE);
      writeReceipt(file, {
        format: RECEIPT_FORMAT,
        v: 1,
        exportId: verified.manifest.exportId,
        originStationId: origin,
        relayStationId: deps.stationId,
        writtenAt: (deps.now ?? (() => new Date()))().toISOString(),
        statements,
      });
      receipt = { file, error: null };
    } catch (error: unknown) {
      // The records were delivered all the same; the origin learns of them from its status feed.
      receipt = { file: null, error: error instanceof CentralCallError ? `${error.code}: ${error.detail}` : error instanceof Error ? error.message : String(error) };
      deps.logger.warn({ err: error, dir: verified.dir }, 'sneakernet receipt not written');
    }
  }
  const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
  const report: SneakernetImportReport = {
    dir: verified.dir,
    exportId: verified.manifest.exportId,
    originStationId: origin,
    total: results.length,
    uploaded: count('UPLOADED'),
    alreadyHeld: count('ALREADY_HELD'),
    refused: count('REFUSED'),
    results,
    receiptFile: receipt.file,
    receiptError: receipt.error,
  };
  deps.logger.info({ ...report, results: undefined }, 'sneakernet import relayed');
  return report;
}
