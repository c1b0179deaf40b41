import { describe, expect, it } from 'vitest';
import {
  bearerToken,
  checkHost,
  checkOrigin,
  checkToken,
  subprotocolToken,
} from '../../src-main/web/request-guard.js';

const local = { port: 8123, allowRemote: false };

describe('request guard', () => {
  it('accepts loopback hosts at our port only', () => {
    for (const host of ['127.0.0.1:8123', 'localhost:8123', '[::1]:8123', 'LOCALHOST:8123']) {
      expect(checkHost(host, local), host).toBeNull();
    }
    for (const host of ['evil.example:8123', '127.0.0.1:8124', '127.0.0.1', '192.168.1.5:8123', '', undefined]) {
      expect(checkHost(host, local)?.code, String(host)).toBe('HOST_NOT_ALLOWED');
    }
  });

  it('accepts IP-literal hosts with --allow-remote but never names (DNS rebinding)', () => {
    const remote = { port: 8123, allowRemote: true };
    expect(checkHost('192.168.1.5:8123', remote)).toBeNull();
    expect(checkHost('[fe80::1]:8123', remote)).toBeNull();
    expect(checkHost('rebind.evil.example:8123', remote)?.code).toBe('HOST_NOT_ALLOWED');
  });

  it('lets requests without Origin through (curl) and refuses foreign origins', () => {
    expect(checkOrigin(undefined, local)).toBeNull();
    expect(checkOrigin('http://127.0.0.1:8123', local)).toBeNull();
    expect(checkOrigin('http://[::1]:8123', local)).toBeNull();
    for (const origin of ['http://evil.example', 'http://127.0.0.1:9999', 'https://127.0.0.1:8123', 'null', 'file://']) {
      expect(checkOrigin(origin, local)?.code, origin).toBe('ORIGIN_NOT_ALLOWED');
    }
  });

  it('tells a missing token from a wrong one', () => {
    expect(checkToken(null, 'abc')?.code).toBe('TOKEN_MISSING');
    expect(checkToken('', 'abc')?.code).toBe('TOKEN_MISSING');
    expect(checkToken('abd', 'abc')?.code).toBe('TOKEN_INVALID');
    expect(checkToken('abcd', 'abc')?.code).toBe('TOKEN_INVALID');
    expect(checkToken('abc', 'abc')).toBeNull();
  });

  it('reads the token from Authorization or from the WebSocket subprotocol', () => {
    expect(bearerToken('Bearer xyz')).toBe('xyz');
    expect(bearerToken('Basic xyz')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
    expect(subprotocolToken('ktp-station.v1, token.xyz')).toBe('xyz');
    expect(subprotocolToken('ktp-station.v1')).toBeNull();
  });
});
