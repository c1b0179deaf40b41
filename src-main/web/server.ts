import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_MAX_BODY_BYTES, methods } from '../contract/index.js';
import { statelessConnection } from '../core/call-context.js';
import { errorCatalog } from '../core/error-catalog.js';
import type { Station } from '../core/station.js';
import { StationError, isStationError } from '../core/station-error.js';
import {
  EVENTS_PROTOCOL,
  bearerToken,
  checkHost,
  checkOrigin,
  checkToken,
  subprotocolToken,
} from './request-guard.js';
import type { GuardOptions } from './request-guard.js';

export interface WebHostOptions {
  /** 0 picks a free port. */
  port: number;
  /** 127.0.0.1 unless --allow-remote. */
  bindAddress: string;
  allowRemote: boolean;
  /** Built UI (dist/renderer); null serves the API only. */
  rendererDir: string | null;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export const SESSION_HEADER = 'x-station-session';

/** Content Security Policy for the UI: nothing from outside this station. */
function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

function sendError(reply: FastifyReply, error: StationError): FastifyReply {
  return reply
    .code(error.httpStatus)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ error: error.toPayload() }));
}

function fromFastifyError(error: FastifyError): StationError {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new StationError('BODY_TOO_LARGE', { details: { reason: error.message } });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new StationError('UNSUPPORTED_CONTENT_TYPE');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new StationError('MALFORMED_JSON', { details: { reason: error.message } });
    default:
      return new StationError('INTERNAL', { cause: error });
  }
}

/**
 * The web host: the same dispatcher as the Electron shell, over HTTP + WebSocket on loopback,
 * guarded by a per-launch token, an Origin check and a Host check (DNS rebinding).
 */
export async function startWebHost(station: Station, options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const maxBody = Math.max(DEFAULT_MAX_BODY_BYTES, ...Object.values(methods).map((m) => m.maxBodyBytes ?? 0));
  const app = Fastify({ logger: false, bodyLimit: maxBody, trustProxy: false, forceCloseConnections: true });
  const log = station.logger.child({ host: 'web' });
  let guard: GuardOptions = { port: options.port, allowRemote: options.allowRemote };
  // Operator sessions started through this host are bound to this launch's token.
  const binding = createHash('sha256').update(`ktp-station launch\n${token}`).digest('base64url');

  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, {});
      return;
    }
    try {
      done(null, JSON.parse(text) as unknown);
    } catch (error: unknown) {
      done(
        new StationError('MALFORMED_JSON', {
          details: { reason: error instanceof Error ? error.message : String(error) },
        }),
        undefined,
      );
    }
  });

  app.setErrorHandler((error: FastifyError | StationError, request, reply) => {
    const stationError = isStationError(error) ? error : fromFastifyError(error);
    if (stationError.code === 'INTERNAL') log.error({ err: error, url: request.url }, 'web host error');
    else {
      log.warn({ code: stationError.code, url: request.url, method: request.method }, 'request refused');
      station.recordRefusal({ host: 'web', code: stationError.code, target: `${request.method} ${request.url}` });
    }
    return sendError(reply, stationError);
  });

  // Every request: the Host must be ours. API and events: the Origin must be ours and the token right.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const hostError = checkHost(request.headers.host, guard);
    if (hostError !== null) return refuse(request, reply, hostError);
    if (!request.url.startsWith('/api/')) return undefined;
    const originError = checkOrigin(request.headers.origin, guard);
    if (originError !== null) return refuse(request, reply, originError);
    const presented =
      bearerToken(request.headers.authorization) ??
      subprotocolToken(request.headers['sec-websocket-protocol']);
    const tokenError = checkToken(presented, token);
    if (tokenError !== null) return refuse(request, reply, tokenError);
    return undefined;
  });

  function refuse(request: FastifyRequest, reply: FastifyReply, error: StationError): FastifyReply {
    log.warn({ code: error.code, url: request.url, method: request.method, details: error.details }, 'request refused');
    station.recordRefusal({ host: 'web', code: error.code, target: `${request.method} ${request.url}` });
    // A refused WebSocket handshake must not leave its socket open.
    if (request.headers.upgrade !== undefined) {
      reply.header('connection', 'close');
      reply.raw.once('finish', () => request.raw.socket.destroy());
    }
    return sendError(reply, error);
  }

  await app.register(fastifyWebsocket, {
    options: {
      maxPayload: 64 * 1024,
      handleProtocols: (protocols: Set<string>) => (protocols.has(EVENTS_PROTOCOL) ? EVENTS_PROTOCOL : false),
    },
  });

  app.get('/api/events', { websocket: true }, (socket) => {
    const unsubscribe = station.events.subscribe((message) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    });
    const ping = setInterval(() => socket.ping(), 30_000);
    ping.unref();
    socket.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
    socket.on('message', () => {
      // Events flow one way; calls go through POST /api/<method>.
    });
  });

  async function call(method: string, request: FastifyRequest, reply: FastifyReply) {
    const sessionHeader = request.headers[SESSION_HEADER];
    const sessionId = typeof sessionHeader === 'string' && sessionHeader !== '' ? sessionHeader : null;
    const outcome = await station.dispatcher.dispatch(
      method,
      request.body ?? {},
      statelessConnection('web', sessionId, binding),
    );
    if (outcome.ok) {
      return reply.code(200).type('application/json; charset=utf-8').send(JSON.stringify(outcome.result));
    }
    return reply
      .code(errorCatalog[outcome.error.code].status)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify({ error: outcome.error }));
  }

  // One route per method so that each carries its own body cap; the catch-all answers unknown names.
  for (const [name, spec] of Object.entries(methods)) {
    app.post(`/api/${name}`, { bodyLimit: spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES }, (request, reply) =>
      call(name, request, reply),
    );
  }
  app.post<{ Params: { method: string } }>('/api/:method', { bodyLimit: DEFAULT_MAX_BODY_BYTES }, (request, reply) =>
    call(request.params.method, request, reply),
  );

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      return sendError(
        reply,
        new StationError('UNKNOWN_METHOD', {
          details: { url: request.url, httpMethod: request.method, hint: 'calls are POST /api/<method>' },
        }),
      );
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('Tidak ditemukan / Not found');
  });

  if (options.rendererDir !== null && existsSync(options.rendererDir)) {
    await app.register(fastifyStatic, {
      root: options.rendererDir,
      index: 'index.html',
      setHeaders: (res, filePath) => {
        res.setHeader('Content-Security-Policy', contentSecurityPolicy(guard.port));
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('X-Frame-Options', 'DENY');
        res.setHeader('Referrer-Policy', 'no-referrer');
        res.setHeader('Cache-Control', filePath.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable');
      },
    });
  } else {
    app.get('/', (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('Antarmuka belum dibangun: jalankan `npm run build`. / The UI is not built: run `npm run build`.'),
    );
  }

  await app.listen({ port: options.port, host: options.bindAddress });
  const port = (app.server.address() as AddressInfo).port;
  guard = { port, allowRemote: options.allowRemote };
  const url = `http://127.0.0.1:${port}/#token=${token}`;
  log.info({ port, bindAddress: options.bindAddress, allowRemote: options.allowRemote }, 'web host listening');

  return {
    url,
    port,
    token,
    close: async () => {
      await app.close();
    },
  };
}
