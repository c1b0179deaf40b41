import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { StationError } from '../core/station-error.js';

export interface GuardOptions {
  port: number;
  /** Bound beyond loopback with --allow-remote: IP-literal hosts are then accepted too. */
  allowRemote: boolean;
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

function splitHost(hostHeader: string): { name: string; port: string | null } {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.trim().toLowerCase());
  if (match === null) return { name: '', port: null };
  return { name: match[1] ?? '', port: match[2] ?? null };
}

function isAllowedName(name: string, allowRemote: boolean): boolean {
  if (LOOPBACK_NAMES.has(name)) return true;
  if (!allowRemote) return false;
  const bare = name.startsWith('[') ? name.slice(1, -1) : name;
  return isIP(bare) !== 0;
}

/**
 * DNS rebinding guard: a page from evil.example that rebinds its name to 127.0.0.1 still sends
 * `Host: evil.example`, so only loopback names (and with --allow-remote, IP literals) at our port pass.
 */
export function checkHost(hostHeader: string | undefined, options: GuardOptions): StationError | null {
  if (hostHeader === undefined || hostHeader === '') {
    return new StationError('HOST_NOT_ALLOWED', { details: { host: null } });
  }
  const { name, port } = splitHost(hostHeader);
  if (!isAllowedName(name, options.allowRemote) || port !== String(options.port)) {
    return new StationError('HOST_NOT_ALLOWED', { details: { host: hostHeader } });
  }
  return null;
}

/**
 * Cross-site guard: browsers send Origin on every POST and WebSocket handshake. Absent means a
 * non-browser client (curl, a script), which still needs the token. Present must be our own origin.
 */
export function checkOrigin(originHeader: string | undefined, options: GuardOptions): StationError | null {
  if (originHeader === undefined) return null;
  let url: URL;
  try {
    url = new URL(originHeader);
  } catch {
    return new StationError('ORIGIN_NOT_ALLOWED', { details: { origin: originHeader } });
  }
  const name = url.hostname.toLowerCase();
  const ok =
    url.protocol === 'http:' &&
    isAllowedName(name.includes(':') ? `[${name.replace(/^\[|\]$/g, '')}]` : name, options.allowRemote) &&
    url.port === String(options.port);
  return ok ? null : new StationError('ORIGIN_NOT_ALLOWED', { details: { origin: originHeader } });
}

/** Constant-time comparison of the presented launch token. */
export function checkToken(presented: string | null, expected: string): StationError | null {
  if (presented === null || presented === '') return new StationError('TOKEN_MISSING');
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return new StationError('TOKEN_INVALID');
  return null;
}

export function bearerToken(authorization: string | undefined): string | null {
  if (authorization === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1] ?? null;
}

/** Browsers cannot set headers on a WebSocket: the token rides as a subprotocol `token.<TOKEN>`. */
export const EVENTS_PROTOCOL = 'ktp-station.v1';
export function subprotocolToken(protocolHeader: string | undefined): string | null {
  if (protocolHeader === undefined) return null;
  for (const part of protocolHeader.split(',')) {
    const value = part.trim();
    if (value.startsWith('token.')) return value.slice('token.'.length);
  }
  return null;
}
