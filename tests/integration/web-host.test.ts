import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Station } from '../../src-main/core/station.js';
import { startWebHost } from '../../src-main/web/server.js';
import type { WebHost } from '../../src-main/web/server.js';
import { rawRequest } from '../helpers/http.js';
import { tempDir, trainingStation } from '../helpers/station.js';

let station: Station;
let host: WebHost;
let remove: () => void;

beforeAll(async () => {
  const temp = tempDir();
  remove = temp.remove;
  station = await trainingStation(temp.dir);
  host = await startWebHost(station, { port: 0, bindAddress: '127.0.0.1', allowRemote: false, rendererDir: null });
});

afterAll(async () => {
  await host.close();
  await station.close();
  remove();
});

function call(method: string, body: string | Buffer, headers: Record<string, string> = {}) {
  return rawRequest({
    port: host.port,
    path: `/api/${method}`,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${host.token}`,
      host: `127.0.0.1:${host.port}`,
      ...headers,
    },
    body,
  });
}

function errorCode(response: { json: () => unknown }): string {
  return (response.json() as { error: { code: string } }).error.code;
}

describe('web host: the contract over HTTP', () => {
  it('prints a loopback URL carrying the launch token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers station.info with the info JSON', async () => {
    const response = await call('station.info', '{}');
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ product: 'KTP Station', stationId: 'PELATIHAN-01', mode: 'training', host: 'web' });
  });

  it('treats an empty body as no params', async () => {
    expect((await call('station.status', '')).status).toBe(200);
  });

  it('refuses a call without a token (401 TOKEN_MISSING) and with a wrong one (401 TOKEN_INVALID)', async () => {
    const missing = await rawRequest({ port: host.port, path: '/api/station.info', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect([missing.status, errorCode(missing)]).toEqual([401, 'TOKEN_MISSING']);
    const wrong = await call('station.info', '{}', { authorization: 'Bearer not-the-launch-token' });
    expect([wrong.status, errorCode(wrong)]).toEqual([401, 'TOKEN_INVALID']);
  });

  it('refuses a foreign Origin (403) and a rebinding Host (403), even with the right token', async () => {
    const origin = await call('station.info', '{}', { origin: 'http://evil.example' });
    expect([origin.status, errorCode(origin)]).toEqual([403, 'ORIGIN_NOT_ALLOWED']);
    const rebound = await call('station.info', '{}', { host: `evil.example:${host.port}` });
    expect([rebound.status, errorCode(rebound)]).toEqual([403, 'HOST_NOT_ALLOWED']);
    const page = await rawRequest({ port: host.port, method: 'GET', path: '/', headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('gives malformed JSON, unknown methods, bad params, wrong content types and oversize bodies their own codes', async () => {
    const malformed = await call('station.info', '{"a":');
    expect([malformed.status, errorCode(malformed)]).toEqual([400, 'MALFORMED_JSON']);
    const unknown = await call('station.nope', '{}');
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'UNKNOWN_METHOD']);
    const invalid = await call('session.startTraining', '{"role":"raja"}');
    expect([invalid.status, errorCode(invalid)]).toEqual([400, 'INVALID_PARAMS']);
    const notJson = await call('station.info', 'role=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect([notJson.status, errorCode(notJson)]).toEqual([415, 'UNSUPPORTED_CONTENT_TYPE']);
    const big = Buffer.alloc(8 * 1024 * 1024 + 10, 0x20);
    const oversize = await call('station.info', big);
    expect([oversize.status, errorCode(oversize)]).toEqual([413, 'BODY_TOO_LARGE']);
    const get = await rawRequest({
      port: host.port,
      method: 'GET',
      path: '/api/station.info',
      headers: { authorization: `Bearer ${host.token}`, host: `127.0.0.1:${host.port}` },
    });
    expect([get.status, errorCode(get)]).toEqual([404, 'UNKNOWN_METHOD']);
  });

  it('keeps serving after every kind of bad request', async () => {
    expect((await call('station.info', '{}')).status).toBe(200);
  });

  it('every error body has code, a message in both languages, and details', async () => {
    const response = await call('session.startTraining', '{}');
    expect(response.json()).toEqual({
      error: {
        code: 'INVALID_PARAMS',
        message: { id: expect.any(String), en: expect.any(String) },
        details: expect.objectContaining({ issues: [expect.objectContaining({ path: 'role' })] }),
      },
    });
  });

  it('keeps operator sessions by the X-Station-Session header, and ends them', async () => {
    const started = (await call('session.startTraining', '{"role":"technician"}')).json() as { sessionId: string };
    const withSession = { 'x-station-session': started.sessionId };
    expect((await call('station.probeCentral', '{}', withSession)).status).toBe(200);
    expect((await call('session.end', '{}', withSession)).json()).toEqual({ ended: true });
    const replay = await call('station.probeCentral', '{}', withSession);
    expect([replay.status, errorCode(replay)]).toEqual([401, 'SESSION_REQUIRED']);
  });
});

describe('web host: events over WebSocket', () => {
  const url = () => `ws://127.0.0.1:${host.port}/api/events`;

  it('delivers status.changed to a client that presents the token as a subprotocol', async () => {
    const socket = new WebSocket(url(), ['ktp-station.v1', `token.${host.token}`]);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    expect(socket.protocol).toBe('ktp-station.v1');
    const received = new Promise<unknown>((resolve) => socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))));
    station.events.emit('status.changed', station.status());
    expect(await received).toMatchObject({ event: 'status.changed', payload: { mode: 'training' } });
    socket.close();
  });

  it('refuses a WebSocket without the token, with a wrong one, or from a foreign origin', async () => {
    const attempts: Array<[string[], Record<string, string>]> = [
      [['ktp-station.v1'], {}],
      [['ktp-station.v1', 'token.wrong'], {}],
      [['ktp-station.v1', `token.${host.token}`], { origin: 'http://evil.example' }],
    ];
    const statuses: number[] = [];
    for (const [protocols, headers] of attempts) {
      const socket = new WebSocket(url(), protocols, { headers });
      statuses.push(
        await new Promise<number>((resolve) => {
          socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
          socket.once('open', () => resolve(101));
          socket.once('error', () => resolve(-1));
        }),
      );
      socket.terminate();
    }
    expect(statuses).toEqual([401, 401, 403]);
  });
});
