import { createHash, createPublicKey, timingSafeEqual } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFileSync, renameSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server as TusServer } from '@tus/server';
import type { Upload } from '@tus/utils';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { CentralRecordRow, CentralRepository } from '../../store/central/central-repository.js';
import {
  API_PREFIX,
  CENTRAL_API_VERSION,
  EnrollmentMetadata,
  HoldingsRequest,
  PrintResult,
  ReceiptRequest,
  ReferenceName,
  STATION_ID_HEADER,
  SigningKeyRequest,
  UPLOADS_PATH,
} from '../../sync/central-api.js';
import type { CentralRecord } from '../../sync/central-api.js';
import { signReceiptStatement } from '../../sync/central-receipt.js';
import { PacketError, PacketHeader, openPacket, publicKeyId, verifyHeaderSignature } from '../../sync/packet.js';
import { CentralFaults } from './faults.js';
import type { CentralFaults as CentralFaultsValue } from './faults.js';
import type { ReferenceDocuments } from './reference-documents.js';

export interface CentralAppOptions {
  repo: CentralRepository;
  privateKey: KeyObject;
  dataDir: string;
  logger: Logger;
  faults: () => CentralFaultsValue;
  setFaults: (faults: CentralFaultsValue) => void;
  adminToken: string;
  reference: ReferenceDocuments;
  /** Central's clock, skew included. */
  now: () => Date;
  loseRecords: (count: number) => string[];
  verifyNow: () => number;
  stats: () => Record<string, unknown>;
}

/** Statuses after which a station may send a corrected record under the same id. */
const RETURNED = new Set(['AWAITING_PACKET', 'DUPLICATE_RECORD', 'REQUEST_VALIDATION', 'ENROLL_FAILURE_AT_REGIONAL', 'ENROLL_FAILURE_AT_CENTRAL', 'SEARCH_FAILURE_AT_CENTRAL']);
const RESUBMITTABLE = new Set(['ENROLL_FAILURE_AT_REGIONAL', 'ENROLL_FAILURE_AT_CENTRAL', 'SEARCH_FAILURE_AT_CENTRAL']);

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

/** What the tus server sends back when a hook refuses an upload (it reads status_code and body). */
class TusRefusal extends Error {
  constructor(
    readonly status_code: number,
    readonly body: string,
  ) {
    super(body);
  }
}

class CentralHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

function errorBody(code: string, message: string, details?: Record<string, unknown>): string {
  return JSON.stringify({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

function toWire(r: CentralRecordRow): CentralRecord {
  return {
    id: r.id,
    contentHash: r.contentHash,
    status: r.status as CentralRecord['status'],
    reason: r.reasonCode === null ? null : { code: r.reasonCode, detail: r.reasonDetail ?? '' },
    packetReceived: r.packetReceived,
    updatedAt: r.updatedAt,
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    stationId?: string;
  }
}

/** The emulator's HTTP side: the central API v1 (docs/central-api.md), tus uploads, and the admin endpoints. */
export function buildCentralApp(options: CentralAppOptions): { app: FastifyInstance; tus: TusServer } {
  const { repo, logger } = options;
  const uploadDir = join(options.dataDir, 'uploads');
  const packetDir = join(options.dataDir, 'packets');
  mkdirSync(uploadDir, { recursive: true });
  mkdirSync(packetDir, { recursive: true });

  const authenticate = (stationId: string | null, authorization: string | null): string => {
    if (stationId === null || authorization === null || !authorization.startsWith('Bearer ')) {
      throw new CentralHttpError(401, 'AUTH_REQUIRED', `send ${STATION_ID_HEADER} and Authorization: Bearer <station credential>`);
    }
    const station = repo.station(stationId);
    const given = Buffer.from(sha256(authorization.slice('Bearer '.length)), 'hex');
    if (station === undefined) throw new CentralHttpError(401, 'STATION_UNKNOWN', `station ${stationId} is not registered with central`);
    if (!timingSafeEqual(given, Buffer.from(station.credentialSha256, 'hex'))) {
      throw new CentralHttpError(401, 'CREDENTIAL_INVALID', `the credential of station ${stationId} is wrong`);
    }
    return stationId;
  };

  const requireOwnStation = (request: FastifyRequest, pathStation: string): void => {
    if (request.stationId !== pathStation) throw new CentralHttpError(403, 'OTHER_STATION', `station ${String(request.stationId)} may not act for ${pathStation}`);
  };

  const tus = new TusServer({
    path: UPLOADS_PATH,
    datastore: new FileStore({ directory: uploadDir, expirationPeriodInMilliseconds: 7 * 24 * 3600_000 }),
    maxSize: 256 * 1024 * 1024,
    relativeLocation: true,
    respectForwardedHeaders: false,
    onIncomingRequest: async (req) => {
      authenticate(req.headers.get(STATION_ID_HEADER), req.headers.get('authorization'));
      return Promise.resolve();
    },
    onUploadCreate: async (req, upload) => {
      const stationId = authenticate(req.headers.get(STATION_ID_HEADER), req.headers.get('authorization'));
      const meta = upload.metadata ?? {};
      const record = repo.record(meta.enrollmentId ?? '');
      const refuse = (code: string, message: string) => {
        throw new TusRefusal(409, errorBody(code, message));
      };
      // A relay (a station carrying another's USB export) may upload the exact bytes the origin declared.
      if (record === undefined || (record.stationId !== stationId && meta.relayFor !== record.stationId)) {
        refuse('NOT_DECLARED', 'declare the enrollment with PUT /v1/enrollments/{id} before uploading its packet');
      } else if (record.contentHash !== meta.contentHash) refuse('CONTENT_HASH_MISMATCH', 'the upload names a content hash central was not told of');
      else if (record.packetReceived) refuse('ALREADY_RECEIVED', 'central already holds this packet');
      else if (record.packetSha256 !== meta.sha256 || record.packetBytes !== upload.size) {
        refuse('PACKET_MISMATCH', 'the upload length or SHA-256 differs from the declared packet');
      }
      return Promise.resolve({});
    },
    onUploadFinish: async (req, upload) => {
      const result = receivePacket(upload);
      if (!result.ok) {
        await tus.datastore.remove(upload.id).catch(() => undefined);
        throw new TusRefusal(result.status, errorBody(result.code, result.message));
      }
      return { status_code: 204, headers: { 'x-ktp-content-hash': result.contentHash } };
    },
  });

  function receivePacket(upload: Upload): { ok: true; contentHash: string } | { ok: false; status: number; code: string; message: string } {
    const file = join(uploadDir, upload.id);
    const bytes = readFileSync(file);
    const meta = upload.metadata ?? {};
    const record = repo.record(meta.enrollmentId ?? '');
    // The packet is checked against the station that sealed it, whoever carried it here.
    const stationId = record?.stationId ?? '';
    const station = repo.station(stationId);
    if (record === undefined || station?.signingKeyPem == null) {
      return { ok: false, status: 409, code: 'NOT_DECLARED', message: 'the record or the station signing key is not known to central' };
    }
    if (sha256(bytes) !== record.packetSha256) {
      return { ok: false, status: 422, code: 'PACKET_CHECKSUM', message: 'the uploaded bytes do not match the declared SHA-256' };
    }
    let opened;
    try {
      opened = openPacket(bytes, { centralPrivateKey: options.privateKey, stationPublicKey: createPublicKey(station.signingKeyPem) });
    } catch (error: unknown) {
      if (error instanceof PacketError) return { ok: false, status: 422, code: `PACKET_${error.reason.toUpperCase().replaceAll('-', '_')}`, message: error.message };
      throw error;
    }
    if (opened.header.contentHash !== record.contentHash || opened.header.stationId !== stationId) {
      return { ok: false, status: 422, code: 'CONTENT_HASH_MISMATCH', message: 'the packet carries a different content hash or station' };
    }
    const at = options.now().toISOString();
    const photoIndex = opened.manifest.captures.findIndex((c) => c.modality === 'FACE' && c.exceptionReason === null);
    const signatureIndex = opened.manifest.captures.findIndex((c) => c.modality === 'SIGNATURE' && c.exceptionReason === null);
    repo.transaction(() => {
      const current = repo.record(record.id);
      const duplicate = current?.packetReceived === true && current.contentHash === record.contentHash;
      repo.logReceipt(record.id, record.contentHash, duplicate, at);
      if (duplicate) return;
      repo.markReceived(record.id, {
        nik: opened.manifest.nik,
        captureSummary: JSON.stringify(
          opened.manifest.captures.map((c) => ({ modality: c.modality, position: c.position, quality: c.quality, exceptionReason: c.exceptionReason })),
        ),
        at,
      });
      repo.appendStatusEvent({
        stationId,
        enrollmentId: record.id,
        contentHash: record.contentHash,
        regencyCode: record.regencyCode,
        status: 'RECEIVED_AT_CENTRAL',
        reasonCode: null,
        reasonDetail: null,
        at,
      });
      const photo = photoIndex >= 0 ? opened.manifest.captures[photoIndex] : undefined;
      const signature = signatureIndex >= 0 ? opened.manifest.captures[signatureIndex] : undefined;
      if (photo?.format != null) {
        repo.savePrintMaterial({
          enrollmentId: record.id,
          contentHash: record.contentHash,
          nik: opened.manifest.nik,
          demographicsJson: JSON.stringify(opened.manifest.demographics),
          photoFormat: photo.format,
          photo: opened.captureBytes(photoIndex),
          signatureFormat: signature?.format ?? null,
          signature: signature === undefined ? null : opened.captureBytes(signatureIndex),
        });
      }
    });
    renameSync(file, join(packetDir, `${record.id}-${record.contentHash.slice(0, 16)}.pkt`));
    return { ok: true, contentHash: record.contentHash };
  }

  const app = Fastify({ logger: false, bodyLimit: 4 * 1024 * 1024 });
  // tus bodies are streamed by the tus server itself, never parsed by fastify.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => {
    done(null);
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof CentralHttpError) {
      void reply.code(error.status).type('application/json').send(errorBody(error.code, error.message, error.details));
      return;
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) logger.error({ err: error }, 'central emulator error');
    void reply
      .code(status)
      .type('application/json')
      .send(errorBody(status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', error instanceof Error ? error.message : String(error)));
  });

  const isApi = (url: string) => url.startsWith(`${API_PREFIX}/`);
  const isHealth = (url: string) => url.startsWith(`${API_PREFIX}/health`);

  app.addHook('onRequest', async (request, reply) => {
    const faults = options.faults();
    if (!isApi(request.url)) return;
    if (faults.maintenanceRetryAfterSeconds !== null) {
      return reply
        .code(503)
        .header('retry-after', String(faults.maintenanceRetryAfterSeconds))
        .type('application/json')
        .send(errorBody('MAINTENANCE', 'central is under maintenance'));
    }
    if (faults.errorRatio > 0 && Math.random() < faults.errorRatio) {
      return reply.code(Math.random() < 0.5 ? 500 : 502).type('application/json').send(errorBody('INTERNAL', 'injected server error'));
    }
    if (isHealth(request.url)) return;
    request.stationId = authenticate(
      typeof request.headers[STATION_ID_HEADER] === 'string' ? request.headers[STATION_ID_HEADER] : null,
      request.headers.authorization ?? null,
    );
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const faults = options.faults();
    reply.header('date', options.now().toUTCString());
    if (!isApi(request.url)) return payload;
    if (faults.slowReplyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.slowReplyMs));
    const type = String(reply.getHeader('content-type') ?? '');
    if (faults.malformedRatio > 0 && type.includes('json') && typeof payload === 'string' && Math.random() < faults.malformedRatio) {
      return payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
    }
    return payload;
  });

  app.get(`${API_PREFIX}/health`, () => ({ status: 'ok', apiVersion: CENTRAL_API_VERSION, time: options.now().toISOString() }));

  app.put<{ Params: { stationId: string } }>(`${API_PREFIX}/stations/:stationId/signing-key`, async (request, reply) => {
    requireOwnStation(request, request.params.stationId);
    const body = SigningKeyRequest.safeParse(request.body);
    if (!body.success) throw new CentralHttpError(400, 'BAD_REQUEST', 'body must be {"publicKeyPem": "-----BEGIN PUBLIC KEY-----…"}');
    let keyId: string;
    try {
      const key = createPublicKey(body.data.publicKeyPem);
      if (key.asymmetricKeyType !== 'ed25519') throw new Error('not Ed25519');
      keyId = publicKeyId(key);
    } catch {
      throw new CentralHttpError(400, 'BAD_KEY', 'publicKeyPem must be an Ed25519 public key in PEM');
    }
    const station = repo.station(request.params.stationId);
    if (station?.signingKeyId != null) {
      if (station.signingKeyId !== keyId) {
        throw new CentralHttpError(409, 'SIGNING_KEY_PINNED', 'central already holds a different signing key for this station; an administrator must reset it', {
          pinnedKeyId: station.signingKeyId,
        });
      }
      return reply.code(200).send({ stationId: station.id, keyId, pinnedAt: station.pinnedAt });
    }
    const at = options.now().toISOString();
    repo.pinSigningKey(request.params.stationId, body.data.publicKeyPem, keyId, at);
    return reply.code(201).send({ stationId: request.params.stationId, keyId, pinnedAt: at });
  });

  // Any registered station may read another's pinned public key: a relay checks a USB export's signer with it.
  app.get<{ Params: { stationId: string } }>(`${API_PREFIX}/stations/:stationId/signing-key`, async (request, reply) => {
    const station = repo.station(request.params.stationId);
    if (station?.signingKeyPem == null || station.signingKeyId === null || station.pinnedAt === null) {
      return reply.code(404).type('application/json').send(errorBody('NOT_PINNED', `central holds no signing key for station ${request.params.stationId}`));
    }
    return { stationId: station.id, keyId: station.signingKeyId, publicKeyPem: station.signingKeyPem, pinnedAt: station.pinnedAt };
  });

  /** A relay's declaration stands only on a header the origin station signed for exactly this record. */
  const checkRelayedDeclaration = (id: string, meta: EnrollmentMetadata): void => {
    const header = PacketHeader.safeParse(meta.relayedHeader);
    if (!header.success) throw new CentralHttpError(403, 'OTHER_STATION', 'a relay must send the packet header the origin station signed (relayedHeader)');
    const origin = repo.station(meta.stationId);
    if (origin?.signingKeyPem == null) throw new CentralHttpError(409, 'NOT_PINNED', `central holds no signing key for station ${meta.stationId}; it must connect once first`);
    try {
      verifyHeaderSignature(header.data, createPublicKey(origin.signingKeyPem));
    } catch (error: unknown) {
      if (error instanceof PacketError) throw new CentralHttpError(422, `PACKET_${error.reason.toUpperCase().replaceAll('-', '_')}`, error.message);
      throw error;
    }
    if (header.data.enrollmentId !== id || header.data.contentHash !== meta.contentHash || header.data.stationId !== meta.stationId) {
      throw new CentralHttpError(422, 'RELAY_MISMATCH', 'the signed packet header names another record, content hash or station than the declaration');
    }
  };

  app.put<{ Params: { id: string } }>(`${API_PREFIX}/enrollments/:id`, async (request, reply) => {
    const body = EnrollmentMetadata.safeParse(request.body);
    if (!body.success) {
      throw new CentralHttpError(400, 'BAD_REQUEST', 'the enrollment metadata is malformed', { issues: body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    }
    const meta = body.data;
    if (request.stationId !== meta.stationId) checkRelayedDeclaration(request.params.id, meta);
    const id = request.params.id;
    const at = options.now().toISOString();
    const result = repo.transaction((): { status: number; record: CentralRecordRow } => {
      const held = repo.record(id);
      if (held === undefined || (held.contentHash !== meta.contentHash && RETURNED.has(held.status))) {
        if (held !== undefined && held.stationId !== meta.stationId) throw new CentralHttpError(403, 'OTHER_STATION', 'this id belongs to another station');
        repo.declare({
          id,
          stationId: meta.stationId,
          registrationNo: meta.registrationNo,
          regencyCode: meta.regencyCode,
          contentHash: meta.contentHash,
          packetSha256: meta.packet.sha256,
          packetBytes: meta.packet.bytes,
          committedAt: meta.committedAt,
          at,
        });
        const created = repo.record(id);
        if (created === undefined) throw new Error('record vanished');
        return { status: 201, record: created };
      }
      if (held.stationId !== meta.stationId) throw new CentralHttpError(403, 'OTHER_STATION', 'this id belongs to another station');
      if (held.contentHash !== meta.contentHash) {
        throw new CentralHttpError(409, 'CONTENT_HASH_CONFLICT', 'central holds this record with a different content hash', {
          heldContentHash: held.contentHash,
          status: held.status,
        });
      }
      if (!held.packetReceived && (held.packetSha256 !== meta.packet.sha256 || held.packetBytes !== meta.packet.bytes)) {
        repo.redeclarePacket(id, meta.packet, at);
      }
      if (held.packetReceived && RESUBMITTABLE.has(held.status)) {
        // Sent again unchanged after central failed it for its own reasons: central tries again.
        repo.setStatus(id, 'RECEIVED_AT_CENTRAL', null, at);
        repo.appendStatusEvent({ stationId: held.stationId, enrollmentId: id, contentHash: held.contentHash, regencyCode: held.regencyCode, status: 'RECEIVED_AT_CENTRAL', reasonCode: null, reasonDetail: null, at });
      }
      const current = repo.record(id);
      if (current === undefined) throw new Error('record vanished');
      return { status: 200, record: current };
    });
    return reply.code(result.status).send(toWire(result.record));
  });

  app.get<{ Params: { id: string }; Querystring: { station?: string } }>(`${API_PREFIX}/enrollments/:id`, async (request, reply) => {
    const record = repo.record(request.params.id);
    // A relay names the origin station: it knows the id and the origin from the export it carried.
    const asking = request.query.station ?? request.stationId;
    if (record === undefined || record.stationId !== asking) {
      return reply.code(404).type('application/json').send(errorBody('NOT_FOUND', 'central holds no such record of this station'));
    }
    return toWire(record);
  });

  app.post<{ Params: { stationId: string } }>(`${API_PREFIX}/stations/:stationId/holdings`, (request) => {
    requireOwnStation(request, request.params.stationId);
    const body = HoldingsRequest.safeParse(request.body);
    if (!body.success) throw new CentralHttpError(400, 'BAD_REQUEST', 'body must be {"ids": [1..1000 enrollment ids]}');
    return { held: repo.records(body.data.ids).filter((r) => r.stationId === request.stationId).map(toWire) };
  });

  // A signed statement of what central holds of one station's records: the receipt a relay carries back.
  app.post<{ Params: { stationId: string } }>(`${API_PREFIX}/stations/:stationId/receipt`, (request) => {
    const body = ReceiptRequest.safeParse(request.body);
    if (!body.success) throw new CentralHttpError(400, 'BAD_REQUEST', 'body must be {"ids": [1..1000 enrollment ids]}');
    const held = repo.records(body.data.ids).filter((r) => r.stationId === request.params.stationId);
    return signReceiptStatement(
      {
        v: 1,
        stationId: request.params.stationId,
        issuedAt: options.now().toISOString(),
        centralKeyId: publicKeyId(options.privateKey),
        records: held.map((r) => ({ id: r.id, contentHash: r.contentHash, status: r.status as CentralRecord['status'], packetReceived: r.packetReceived })),
      },
      options.privateKey,
    );
  });

  const pageQuery = (request: FastifyRequest<{ Querystring: { after?: string; limit?: string } }>) => {
    const after = Number(request.query.after ?? '0');
    const limit = Number(request.query.limit ?? '100');
    if (!Number.isInteger(after) || after < 0 || !Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new CentralHttpError(400, 'BAD_REQUEST', 'after must be a cursor ≥ 0 and limit 1..1000');
    }
    return { after, limit };
  };

  app.get<{ Params: { stationId: string }; Querystring: { after?: string; limit?: string } }>(
    `${API_PREFIX}/stations/:stationId/status-feed`,
    (request) => {
      requireOwnStation(request, request.params.stationId);
      const { after, limit } = pageQuery(request);
      const events = repo.statusFeed(request.params.stationId, after, limit);
      return {
        events: events.map((e) => ({
          cursor: e.cursor,
          enrollmentId: e.enrollmentId,
          contentHash: e.contentHash,
          status: e.status,
          reason: e.reasonCode === null ? null : { code: e.reasonCode, detail: e.reasonDetail ?? '' },
          at: e.at,
        })),
        nextCursor: events.at(-1)?.cursor ?? after,
      };
    },
  );

  app.get<{ Params: { regencyCode: string }; Querystring: { after?: string; limit?: string } }>(
    `${API_PREFIX}/regencies/:regencyCode/print-queue`,
    (request) => {
      const { after, limit } = pageQuery(request);
      const rows = repo.printQueue(request.params.regencyCode, after, Math.min(limit, 200));
      return {
        records: rows.map((r) => ({
          cursor: r.cursor,
          enrollmentId: r.enrollmentId,
          contentHash: r.contentHash,
          nik: r.nik,
          demographics: JSON.parse(r.demographicsJson) as Record<string, unknown>,
          photo: { format: r.photoFormat, base64: r.photo.toString('base64') },
          signature: r.signature === null || r.signatureFormat === null ? null : { format: r.signatureFormat, base64: r.signature.toString('base64') },
          readyAt: r.readyAt,
        })),
        nextCursor: rows.at(-1)?.cursor ?? after,
      };
    },
  );

  app.put<{ Params: { id: string; attemptId: string } }>(`${API_PREFIX}/enrollments/:id/print-results/:attemptId`, async (request, reply) => {
    const body = PrintResult.safeParse(request.body);
    if (!body.success) throw new CentralHttpError(400, 'BAD_REQUEST', 'body must be {"outcome":"PRINTED",…} or {"outcome":"SPOILED","reason":…}');
    const record = repo.record(request.params.id);
    if (record?.status !== 'PRINT_READY_RECORD') throw new CentralHttpError(409, 'NOT_PRINT_READY', 'central holds no print-ready record with this id');
    const held = repo.printResult(request.params.id, request.params.attemptId);
    if (held !== undefined && held.outcome !== body.data.outcome) {
      throw new CentralHttpError(409, 'PRINT_RESULT_CONFLICT', 'this print attempt was already reported with another outcome');
    }
    const created = repo.recordPrintResult({
      enrollmentId: request.params.id,
      attemptId: request.params.attemptId,
      outcome: body.data.outcome,
      reason: body.data.outcome === 'SPOILED' ? body.data.reason : null,
      at: body.data.at,
    });
    return reply.code(created ? 201 : 200).send({ enrollmentId: request.params.id, attemptId: request.params.attemptId, outcome: body.data.outcome });
  });

  app.get<{ Params: { name: string } }>(`${API_PREFIX}/reference/:name`, async (request, reply) => {
    const name = ReferenceName.safeParse(request.params.name);
    if (!name.success) return reply.code(404).type('application/json').send(errorBody('NOT_FOUND', `no reference data named ${request.params.name}`));
    const doc = options.reference.get(name.data);
    reply.header('etag', doc.etag);
    if (request.headers['if-none-match'] === doc.etag) return reply.code(304).send();
    return reply.type('application/json').send(doc.body);
  });

  const uploads = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    await tus.handle(request.raw, reply.raw);
  };
  app.all(UPLOADS_PATH, uploads);
  app.all(`${UPLOADS_PATH}/*`, uploads);

  // Admin endpoints: the emulator's controls, for tests and trainers. Not part of the central API.
  app.register((admin, _options, registered) => {
    admin.addHook('onRequest', (request, _reply, next) => {
      const given = Buffer.from(sha256(String(request.headers['x-admin-token'] ?? '')), 'hex');
      if (!timingSafeEqual(given, Buffer.from(sha256(options.adminToken), 'hex'))) {
        next(new CentralHttpError(401, 'ADMIN_TOKEN_INVALID', 'send x-admin-token'));
        return;
      }
      next();
    });
    admin.get('/admin/faults', () => options.faults());
    admin.put('/admin/faults', (request) => {
      const parsed = CentralFaults.safeParse(request.body);
      if (!parsed.success) throw new CentralHttpError(400, 'BAD_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      options.setFaults(parsed.data);
      return options.faults();
    });
    admin.post<{ Body: { count?: number } }>('/admin/lose', (request) => {
      const count = request.body.count ?? 1;
      if (!Number.isInteger(count) || count < 1) throw new CentralHttpError(400, 'BAD_REQUEST', 'count must be a positive integer');
      return { forgotten: options.loseRecords(count) };
    });
    admin.post('/admin/verify', () => ({ decided: options.verifyNow() }));
    admin.get('/admin/stats', () => options.stats());
    admin.get<{ Querystring: { stationId?: string } }>('/admin/records', (request) =>
      repo.allRecords(request.query.stationId ?? null).map((r) => ({ ...toWire(r), stationId: r.stationId, nik: r.nik })),
    );
    admin.post<{ Body: { stationId?: string; credential?: string; regencyCode?: string } }>('/admin/stations', (request, reply) => {
      const { stationId, credential, regencyCode } = request.body;
      if (typeof stationId !== 'string' || !/^[A-Z0-9][A-Z0-9-]{2,31}$/.test(stationId) || typeof credential !== 'string' || credential.length < 16) {
        throw new CentralHttpError(400, 'BAD_REQUEST', 'body must be {"stationId": "KEC-…", "credential": "≥16 characters"}');
      }
      repo.upsertStation({ id: stationId, credentialSha256: sha256(credential), regencyCode: regencyCode ?? null });
      return reply.code(201).send({ stationId });
    });
    registered();
  });

  return { app, tus };
}
