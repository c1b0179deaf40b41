import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { StationError } from '../core/station-error.js';
import { errnoCode } from '../security/atomic-file.js';
import { CentralCallError } from '../sync/central-client.js';
import type { CentralClient } from '../sync/central-client.js';
import { PacketError, verifyPacketSignature } from '../sync/packet.js';
import type { PacketHeader } from '../sync/packet.js';
import { ExportManifest, MANIFEST_FILE, MAX_MANIFEST_BYTES, PARTIAL_SUFFIX, checkManifest } from './export-manifest.js';
import type { ExportedPacket, ManifestFault } from './export-manifest.js';

export type ImportRefusal =
  | 'incomplete'
  | 'manifest-missing'
  | 'manifest-invalid'
  | ManifestFault
  | 'foreign-central'
  | 'signer-not-pinned'
  | 'signer-mismatch'
  | 'packet-missing'
  | 'packet-size-mismatch'
  | 'packet-hash-mismatch'
  | 'packet-invalid';

const REASON_TEXT: Record<ImportRefusal, { id: string; en: string }> = {
  incomplete: { id: 'ekspor setengah jadi (nama berakhiran .partial: flashdisk dicabut atau ekspor gagal)', en: 'a half-written export (its name ends in .partial: the stick was pulled out or the export failed)' },
  'manifest-missing': { id: 'manifest.json tidak ada: ekspor tidak lengkap', en: 'manifest.json is missing: the export is incomplete' },
  'manifest-invalid': { id: 'manifest.json rusak atau bukan manifest ekspor', en: 'manifest.json is damaged or not an export manifest' },
  'signer-key-invalid': { id: 'kunci penanda tangan di manifest tidak sah', en: 'the signer key in the manifest is not valid' },
  'signature-invalid': { id: 'tanda tangan manifest tidak cocok: manifest telah diubah', en: 'the manifest signature does not verify: the manifest was altered' },
  'totals-wrong': { id: 'jumlah di manifest tidak cocok', en: 'the manifest totals do not add up' },
  'duplicate-record': { id: 'manifest menyebut satu rekaman dua kali', en: 'the manifest names a record twice' },
  'foreign-central': { id: 'paket disegel untuk server pusat lain', en: 'the packets are sealed to another central server' },
  'signer-not-pinned': { id: 'server pusat belum menyimpan kunci tanda tangan stasiun asal (stasiun itu harus terhubung sekali)', en: "central holds no signing key for the origin station (it must connect once)" },
  'signer-mismatch': { id: 'kunci penanda tangan berbeda dari kunci yang disimpan server pusat untuk stasiun asal', en: 'the signer key differs from the key central pinned for the origin station' },
  'packet-missing': { id: 'berkas paket tidak ada', en: 'a packet file is missing' },
  'packet-size-mismatch': { id: 'ukuran berkas paket tidak sesuai manifest (terpotong)', en: 'a packet file is not the size the manifest states (truncated)' },
  'packet-hash-mismatch': { id: 'isi berkas paket tidak sesuai hash di manifest', en: 'a packet file does not match its hash in the manifest' },
  'packet-invalid': { id: 'paket tidak sah (tanda tangan atau kepala paket)', en: 'a packet is not valid (signature or header)' },
};

export function refusal(dir: string, reason: ImportRefusal, detail: string, file?: string): StationError {
  const where = file === undefined ? dir : join(dir, file);
  const text = REASON_TEXT[reason];
  return new StationError('SNEAKERNET_EXPORT_REFUSED', {
    message: {
      id: `Ekspor ${where} ditolak: ${text.id}. Tidak ada yang dikirim. Buat ekspor baru di stasiun asal.`,
      en: `Export ${where} refused: ${text.en}. Nothing was sent. Make a new export at the origin station.`,
    },
    details: { dir, reason, detail, ...(file === undefined ? {} : { file }) },
  });
}

export interface VerifiedPacket {
  entry: ExportedPacket;
  bytes: Buffer;
  header: PacketHeader;
}

export interface VerifiedExport {
  dir: string;
  manifest: ExportManifest;
  packets: VerifiedPacket[];
}

export interface VerifyDeps {
  /** This station's central key id: packets sealed to another central cannot be delivered here. */
  centralKeyId: string;
  /** The key central pinned for a station (null when none): the manifest's signer must be it. */
  pinnedKeyId: (stationId: string) => Promise<string | null>;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function readManifest(dir: string): ExportManifest {
  const file = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    if (statSync(file).size > MAX_MANIFEST_BYTES) throw refusal(dir, 'manifest-invalid', 'manifest.json is over the size limit', MANIFEST_FILE);
    text = readFileSync(file, 'utf8');
  } catch (error: unknown) {
    if (errnoCode(error) === 'ENOENT') throw refusal(dir, 'manifest-missing', 'no manifest.json in the folder', MANIFEST_FILE);
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw refusal(dir, 'manifest-invalid', 'manifest.json is not JSON (cut short?)', MANIFEST_FILE);
  }
  const parsed = ExportManifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refusal(dir, 'manifest-invalid', issue === undefined ? 'malformed' : `${issue.path.join('.')}: ${issue.message}`, MANIFEST_FILE);
  }
  return parsed.data;
}

/**
 * Checks a whole export before anything leaves for central: the folder is finished, the manifest
 * is signed by the key central pinned for its station, every packet file has the manifest's size
 * and SHA-256 and carries the origin's signature over the same record and content hash. Any fault
 * refuses the whole export, naming the file and the reason.
 */
export async function verifyExport(dirInput: string, deps: VerifyDeps): Promise<VerifiedExport> {
  const dir = resolve(dirInput);
  if (basename(dir).endsWith(PARTIAL_SUFFIX)) throw refusal(dir, 'incomplete', 'the folder still has its in-progress name');
  try {
    if (!statSync(dir).isDirectory()) throw refusal(dir, 'manifest-missing', 'not a folder');
  } catch (error: unknown) {
    if (errnoCode(error) === 'ENOENT') {
      throw new StationError('NOT_FOUND', {
        message: { id: `Folder ekspor ${dir} tidak ada. Periksa flashdisk dan jalurnya.`, en: `The export folder ${dir} does not exist. Check the stick and the path.` },
        details: { dir },
      });
    }
    throw error;
  }
  const manifest = readManifest(dir);
  const checked = checkManifest(manifest);
  if (!checked.ok) throw refusal(dir, checked.fault, checked.detail, MANIFEST_FILE);
  if (manifest.centralKeyId !== deps.centralKeyId) {
    throw refusal(dir, 'foreign-central', `sealed to central key ${manifest.centralKeyId.slice(0, 16)}…, this station's central is ${deps.centralKeyId.slice(0, 16)}…`, MANIFEST_FILE);
  }
  const packets: VerifiedPacket[] = [];
  for (const entry of manifest.packets) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, entry.file));
    } catch (error: unknown) {
      if (errnoCode(error) === 'ENOENT') throw refusal(dir, 'packet-missing', `record ${entry.enrollmentId}`, entry.file);
      throw error;
    }
    if (bytes.byteLength !== entry.bytes) throw refusal(dir, 'packet-size-mismatch', `${bytes.byteLength} bytes, the manifest says ${entry.bytes}`, entry.file);
    if (sha256(bytes) !== entry.sha256) throw refusal(dir, 'packet-hash-mismatch', `record ${entry.enrollmentId}`, entry.file);
    let header: PacketHeader;
    try {
      header = verifyPacketSignature(bytes, checked.signerKey).header;
    } catch (error: unknown) {
      if (error instanceof PacketError) throw refusal(dir, 'packet-invalid', `${error.reason}: ${error.message}`, entry.file);
      throw error;
    }
    if (header.enrollmentId !== entry.enrollmentId || header.contentHash !== entry.contentHash || header.stationId !== manifest.stationId) {
      throw refusal(dir, 'packet-invalid', 'the packet header names another record, content hash or station than the manifest', entry.file);
    }
    packets.push({ entry, bytes, header });
  }
  const pinned = await deps.pinnedKeyId(manifest.stationId);
  if (pinned === null) throw refusal(dir, 'signer-not-pinned', `station ${manifest.stationId}`, MANIFEST_FILE);
  if (pinned !== manifest.signer.keyId) {
    throw refusal(dir, 'signer-mismatch', `manifest key ${manifest.signer.keyId.slice(0, 16)}…, central pinned ${pinned.slice(0, 16)}…`, MANIFEST_FILE);
  }
  return { dir, manifest, packets };
}

export type RelayOutcome = 'UPLOADED' | 'ALREADY_HELD' | 'REFUSED';

export interface RelayResult {
  enrollmentId: string;
  registrationNo: string;
  outcome: RelayOutcome;
  /** Why central refused it (its code and words), or why it could not be sent. */
  reason: string | null;
}

export interface RelayProgress {
  done: number;
  total: number;
  bytesDone: number;
  bytesTotal: number;
}

const TRANSIENT = new Set(['network', 'timeout', 'server', 'maintenance', 'malformed']);

/**
 * Sends each verified packet through the normal idempotent path (declare, tus upload, check),
 * as a relay for the origin station. Returns one result per packet; nothing is counted as
 * delivered until central says it holds that content hash.
 */
export async function relayExport(
  verified: VerifiedExport,
  client: CentralClient,
  options: { chunkBytes: number; attempts?: number; retryDelayMs?: number; onProgress?: (progress: RelayProgress) => void },
): Promise<RelayResult[]> {
  const origin = verified.manifest.stationId;
  const results: RelayResult[] = [];
  const bytesTotal = verified.manifest.totalBytes;
  let bytesDone = 0;
  for (const packet of verified.packets) {
    let result: RelayResult | undefined;
    const attempts = options.attempts ?? 3;
    for (let attempt = 1; result === undefined; attempt += 1) {
      try {
        result = { enrollmentId: packet.entry.enrollmentId, registrationNo: packet.entry.registrationNo, outcome: await relayOne(packet, origin, client, options.chunkBytes), reason: null };
      } catch (error: unknown) {
        if (!(error instanceof CentralCallError)) throw error;
        if (TRANSIENT.has(error.kind) && attempt < attempts) {
          await new Promise((resolveWait) => setTimeout(resolveWait, (options.retryDelayMs ?? 500) * attempt));
          continue;
        }
        result = { enrollmentId: packet.entry.enrollmentId, registrationNo: packet.entry.registrationNo, outcome: 'REFUSED', reason: `${error.code}: ${error.detail}` };
      }
    }
    results.push(result);
    bytesDone += packet.entry.bytes;
    options.onProgress?.({ done: results.length, total: verified.packets.length, bytesDone, bytesTotal });
  }
  return results;
}

async function relayOne(packet: VerifiedPacket, origin: string, client: CentralClient, chunkBytes: number): Promise<RelayOutcome> {
  const { entry, bytes, header } = packet;
  const declared = await client.declare(entry.enrollmentId, {
    stationId: origin,
    registrationNo: entry.registrationNo,
    regencyCode: entry.regencyCode,
    contentHash: entry.contentHash,
    committedAt: entry.committedAt,
    packet: { sha256: entry.sha256, bytes: entry.bytes },
    relayedHeader: header,
  });
  if (declared.record.contentHash === entry.contentHash && declared.record.packetReceived) return 'ALREADY_HELD';
  let url: string;
  try {
    url = await client.createUpload(bytes.byteLength, { enrollmentId: entry.enrollmentId, contentHash: entry.contentHash, sha256: entry.sha256, relayFor: origin });
  } catch (error: unknown) {
    if (error instanceof CentralCallError && error.code === 'ALREADY_RECEIVED') return confirmHeld(packet, origin, client, 'ALREADY_HELD');
    throw error;
  }
  let offset = 0;
  while (offset < bytes.byteLength) {
    const end = Math.min(offset + chunkBytes, bytes.byteLength);
    offset = (await client.patch(url, offset, bytes.subarray(offset, end))).offset;
  }
  return confirmHeld(packet, origin, client, 'UPLOADED');
}

async function confirmHeld(packet: VerifiedPacket, origin: string, client: CentralClient, outcome: RelayOutcome): Promise<RelayOutcome> {
  const held = await client.record(packet.entry.enrollmentId, origin);
  if (held?.packetReceived === true && held.contentHash === packet.entry.contentHash) return outcome;
  throw new CentralCallError('ACK', 'rejected', 'NOT_HELD', held === null ? 'central does not hold the record after its upload' : `central holds other content (${held.contentHash.slice(0, 12)}…)`);
}
