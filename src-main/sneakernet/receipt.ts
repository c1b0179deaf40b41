import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { StationError } from '../core/station-error.js';
import { acknowledgeContent, applyCentralStatus } from '../recording/central-status.js';
import { errnoCode } from '../security/atomic-file.js';
import type { StationStore } from '../store/station-store.js';
import { CentralReceiptReply } from '../sync/central-api.js';
import { receiptSignatureValid } from '../sync/central-receipt.js';
import { publicKeyId } from '../sync/packet.js';
import { replaceFileSynced } from './synced-files.js';

export const RECEIPT_FORMAT = 'ktp-station-receipt';
export const RECEIPT_FILE = 'receipt.json';

/**
 * The receipt a relay writes next to an export it delivered: central's own signed statements
 * of which records (id + content hash) it holds. The origin station believes only central's
 * signature, never the relay, so a receipt cannot acknowledge what central does not hold.
 */
export const ReceiptFile = z
  .object({
    format: z.literal(RECEIPT_FORMAT),
    v: z.literal(1),
    exportId: z.string(),
    originStationId: z.string(),
    relayStationId: z.string(),
    writtenAt: z.iso.datetime({ offset: true }),
    statements: z.array(CentralReceiptReply).min(1),
  })
  .strict();
export type ReceiptFile = z.infer<typeof ReceiptFile>;

export function writeReceipt(file: string, receipt: ReceiptFile): void {
  replaceFileSynced(file, Buffer.from(`${JSON.stringify(receipt, null, 1)}\n`, 'utf8'));
}

export interface ReceiptReport {
  file: string;
  /** Records whose outbox entry this receipt emptied. */
  acknowledged: number;
  /** Held by central and already acknowledged here before. */
  alreadyAcknowledged: number;
  /** Named in the receipt but not (yet) held by central: they stay in the outbox. */
  notHeld: number;
  /** Content this station no longer has (corrected since) or never had. */
  unknown: number;
}

function refused(file: string, why: { id: string; en: string }, details: Record<string, unknown>): StationError {
  return new StationError('SNEAKERNET_RECEIPT_REFUSED', {
    message: { id: `Tanda terima ${file} ditolak: ${why.id}. Tidak ada rekaman yang ditandai terkirim.`, en: `Receipt ${file} refused: ${why.en}. No record was marked sent.` },
    details: { file, ...details },
  });
}

export function readReceipt(fileInput: string, expect: { stationId: string; centralPublicKey: KeyObject }): { file: string; receipt: ReceiptFile } {
  const file = resolve(fileInput);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error: unknown) {
    if (errnoCode(error) === 'ENOENT') {
      throw new StationError('NOT_FOUND', {
        message: { id: `Berkas tanda terima ${file} tidak ada.`, en: `The receipt file ${file} does not exist.` },
        details: { file },
      });
    }
    throw refused(file, { id: 'bukan JSON', en: 'it is not JSON' }, { reason: 'malformed' });
  }
  const parsed = ReceiptFile.safeParse(json);
  if (!parsed.success) throw refused(file, { id: 'bukan berkas tanda terima', en: 'it is not a receipt file' }, { reason: 'malformed' });
  const centralKeyId = publicKeyId(expect.centralPublicKey);
  for (const reply of parsed.data.statements) {
    if (reply.statement.stationId !== expect.stationId) {
      throw refused(file, { id: `tanda terima untuk stasiun ${reply.statement.stationId}`, en: `it is for station ${reply.statement.stationId}` }, { reason: 'other-station' });
    }
    if (reply.statement.centralKeyId !== centralKeyId || !receiptSignatureValid(reply, expect.centralPublicKey)) {
      throw refused(file, { id: 'tanda tangan server pusat tidak cocok', en: "central's signature does not verify" }, { reason: 'signature-invalid' });
    }
  }
  return { file, receipt: parsed.data };
}

/**
 * Applies a verified receipt in one transaction: each record central states it holds with this
 * station's content hash leaves the outbox, and takes the status central reported. Returns the
 * (record, hash) pairs acknowledged, so the caller can delete their packet files.
 */
export function applyReceipt(store: StationStore, file: string, receipt: ReceiptFile, at: string): { report: ReceiptReport; acknowledged: Array<{ enrollmentId: string; contentHash: string }> } {
  const report: ReceiptReport = { file, acknowledged: 0, alreadyAcknowledged: 0, notHeld: 0, unknown: 0 };
  const acknowledged: Array<{ enrollmentId: string; contentHash: string }> = [];
  store.transaction(() => {
    for (const { statement } of receipt.statements) {
      for (const record of statement.records) {
        const entry = store.outbox.forContent(record.id, record.contentHash);
        if (entry === undefined) {
          report.unknown += 1;
          continue;
        }
        if (!record.packetReceived) {
          report.notHeld += 1;
          continue;
        }
        if (entry.state !== 'PENDING' && entry.state !== 'IN_FLIGHT') {
          report.alreadyAcknowledged += 1;
          continue;
        }
        if (record.status === 'AWAITING_PACKET') acknowledgeContent(store, record.id, record.contentHash, at);
        else applyCentralStatus(store, { enrollmentId: record.id, contentHash: record.contentHash, status: record.status, reason: null, at });
        report.acknowledged += 1;
        acknowledged.push({ enrollmentId: record.id, contentHash: record.contentHash });
      }
    }
  });
  return { report, acknowledged };
}
