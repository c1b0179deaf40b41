import { z } from 'zod';
import { ImageFormat } from '../contract/captures.js';
import { CentralOutcome } from '../contract/enrollment-status.js';

/**
 * The KTP Station central API, version 1: the wire shapes both sides validate. The station's
 * client parses every reply with these schemas (a reply that does not parse is an error, never
 * a success); the central emulator parses every request with them. docs/central-api.md is the
 * prose reference with examples.
 */
export const CENTRAL_API_VERSION = 1;
export const API_PREFIX = '/v1';
export const UPLOADS_PATH = `${API_PREFIX}/uploads`;
export const TUS_VERSION = '1.0.0';

/** Headers that authenticate a station on every request except the health check. */
export const STATION_ID_HEADER = 'x-ktp-station-id';

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 as 64 lowercase hex digits');
const EnrollmentId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'an enrollment id (ULID)');
const StationId = z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/);
const IsoTime = z.iso.datetime({ offset: true });

export const CentralErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
});
export type CentralErrorBody = z.infer<typeof CentralErrorBody>;

export const HealthReply = z.object({
  status: z.literal('ok'),
  apiVersion: z.literal(CENTRAL_API_VERSION),
  time: IsoTime,
});
export type HealthReply = z.infer<typeof HealthReply>;

export const SigningKeyRequest = z.object({ publicKeyPem: z.string().startsWith('-----BEGIN PUBLIC KEY-----') });
export const SigningKeyReply = z.object({ stationId: StationId, keyId: Sha256Hex, pinnedAt: IsoTime });
export type SigningKeyReply = z.infer<typeof SigningKeyReply>;

/** What the station declares before sending a packet: the record's identity and its content hash. */
export const EnrollmentMetadata = z.object({
  stationId: StationId,
  registrationNo: z.string().min(1).max(40),
  regencyCode: z.string().regex(/^\d{4}$/),
  contentHash: Sha256Hex,
  committedAt: IsoTime,
  packet: z.object({ bytes: z.number().int().positive(), sha256: Sha256Hex }),
  /**
   * A relay (another station carrying this record's packet from a USB export) declares for the
   * origin station: it sends the packet's header as the origin signed it, so central can check the
   * declaration against the origin's pinned key before it records anything.
   */
  relayedHeader: z.record(z.string(), z.unknown()).optional(),
});
export type EnrollmentMetadata = z.infer<typeof EnrollmentMetadata>;

export const CentralRecordStatus = z.enum(['AWAITING_PACKET', 'RECEIVED_AT_CENTRAL', ...CentralOutcome.options]);
export type CentralRecordStatus = z.infer<typeof CentralRecordStatus>;

export const StatusReason = z.object({ code: z.string().min(1), detail: z.string() }).nullable();

/** Central's view of one record: the acknowledgement the station waits for. */
export const CentralRecord = z.object({
  id: EnrollmentId,
  contentHash: Sha256Hex,
  status: CentralRecordStatus,
  reason: StatusReason,
  /** True once central holds the packet, verified against this content hash. */
  packetReceived: z.boolean(),
  updatedAt: IsoTime,
});
export type CentralRecord = z.infer<typeof CentralRecord>;

export const HoldingsRequest = z.object({ ids: z.array(EnrollmentId).min(1).max(1000) });
export const HoldingsReply = z.object({ held: z.array(CentralRecord) });
export type HoldingsReply = z.infer<typeof HoldingsReply>;

export const StatusFeedEvent = z.object({
  cursor: z.number().int().positive(),
  enrollmentId: EnrollmentId,
  contentHash: Sha256Hex,
  status: CentralRecordStatus.exclude(['AWAITING_PACKET']),
  reason: StatusReason,
  at: IsoTime,
});
export type StatusFeedEvent = z.infer<typeof StatusFeedEvent>;
export const StatusFeedReply = z.object({ events: z.array(StatusFeedEvent), nextCursor: z.number().int().nonnegative() });
export type StatusFeedReply = z.infer<typeof StatusFeedReply>;

const EncodedImage = z.object({ format: ImageFormat, base64: z.string().min(1) });

/** A print-ready record as the print desk needs it: the card's data, photo and signature. */
export const PrintReadyRecord = z.object({
  cursor: z.number().int().positive(),
  enrollmentId: EnrollmentId,
  contentHash: Sha256Hex,
  nik: z.string().regex(/^\d{16}$/),
  demographics: z.record(z.string(), z.unknown()),
  photo: EncodedImage,
  signature: EncodedImage.nullable(),
  readyAt: IsoTime,
});
export type PrintReadyRecord = z.infer<typeof PrintReadyRecord>;
export const PrintQueueReply = z.object({ records: z.array(PrintReadyRecord), nextCursor: z.number().int().nonnegative() });
export type PrintQueueReply = z.infer<typeof PrintQueueReply>;

export const PrintResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('PRINTED'), at: IsoTime, cardSerial: z.string().min(1).max(40).optional() }),
  z.object({ outcome: z.literal('SPOILED'), at: IsoTime, reason: z.string().min(1).max(200) }),
]);
export type PrintResult = z.infer<typeof PrintResult>;
export const PrintResultReply = z.object({ enrollmentId: EnrollmentId, attemptId: z.string(), outcome: z.enum(['PRINTED', 'SPOILED']) });

export const ReferenceName = z.enum(['regions', 'closed-lists', 'station-config']);
export type ReferenceName = z.infer<typeof ReferenceName>;
export const ReferenceReply = z.object({ name: ReferenceName, version: z.string(), data: z.unknown() });
export type ReferenceReply = z.infer<typeof ReferenceReply>;

/** The tus Upload-Metadata keys the station sends when it creates an upload. */
export interface UploadMetadata {
  enrollmentId: string;
  contentHash: string;
  sha256: string;
  /** A relay uploading for the origin station names it here. */
  relayFor?: string;
}

/** Another station's pinned signing key, as a relay asks for it (public: no key material beyond the public key). */
export const PinnedKeyReply = z.object({ stationId: StationId, keyId: Sha256Hex, publicKeyPem: z.string(), pinnedAt: IsoTime });
export type PinnedKeyReply = z.infer<typeof PinnedKeyReply>;

export const ReceiptRequest = z.object({ ids: z.array(EnrollmentId).min(1).max(1000) });

/** What central states it holds of one station's records, signed with central's key (RSA-PSS SHA-256). */
export const CentralReceiptStatement = z.object({
  v: z.literal(1),
  stationId: StationId,
  issuedAt: IsoTime,
  centralKeyId: Sha256Hex,
  records: z.array(z.object({ id: EnrollmentId, contentHash: Sha256Hex, status: CentralRecordStatus, packetReceived: z.boolean() })),
});
export type CentralReceiptStatement = z.infer<typeof CentralReceiptStatement>;
export const CentralReceiptReply = z.object({ statement: CentralReceiptStatement, signature: z.string().min(1) });
export type CentralReceiptReply = z.infer<typeof CentralReceiptReply>;

export const paths = {
  health: `${API_PREFIX}/health`,
  signingKey: (stationId: string) => `${API_PREFIX}/stations/${encodeURIComponent(stationId)}/signing-key`,
  enrollment: (id: string) => `${API_PREFIX}/enrollments/${encodeURIComponent(id)}`,
  receipt: (stationId: string) => `${API_PREFIX}/stations/${encodeURIComponent(stationId)}/receipt`,
  holdings: (stationId: string) => `${API_PREFIX}/stations/${encodeURIComponent(stationId)}/holdings`,
  statusFeed: (stationId: string) => `${API_PREFIX}/stations/${encodeURIComponent(stationId)}/status-feed`,
  printQueue: (regencyCode: string) => `${API_PREFIX}/regencies/${encodeURIComponent(regencyCode)}/print-queue`,
  printResult: (id: string, attemptId: string) =>
    `${API_PREFIX}/enrollments/${encodeURIComponent(id)}/print-results/${encodeURIComponent(attemptId)}`,
  reference: (name: ReferenceName) => `${API_PREFIX}/reference/${name}`,
} as const;
