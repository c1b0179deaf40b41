import { generateKeyPairSync } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, serve } from '../helpers/cli.js';
import { rawRequest } from '../helpers/http.js';
import { tempDir } from '../helpers/station.js';

const publicKeyPem = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();

let home: { dir: string; remove: () => void };
beforeAll(() => {
  assertBuilt();
  home = tempDir('ktp-cli-');
});
afterAll(() => home.remove());

function writeConfig(name: string, config: unknown): string {
  const file = join(home.dir, name);
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return file;
}

const good = {
  stationId: 'KEC-350101-01',
  region: { provinceCode: '35', regencyCode: '3501', districtCode: '350101' },
  central: { url: 'http://127.0.0.1:9/', publicKeyPem, credential: 'station-credential-0123456789' },
  dataDir: 'data-good',
};

describe('ktp-station CLI', () => {
  it('has --help on every subcommand', () => {
    for (const args of [['--help'], ['serve', '--help'], ['config', '--help'], ['config', 'check', '--help'], ['version', '--help']]) {
      const result = runCli(args);
      expect(result.status, args.join(' ')).toBe(0);
      expect(result.stdout, args.join(' ')).toMatch(/Usage: ktp-station/);
    }
  });

  it('prints its version', () => {
    const result = runCli(['version', '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('config check: exit 0 for a valid file', () => {
    const result = runCli(['config', 'check', writeConfig('good.json', good)]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('KEC-350101-01');
  });

  it('config check: exit 2 naming each bad field, in both languages', () => {
    const file = writeConfig('bad.json', { ...good, stationId: 'x', central: { url: 'not a url', publicKeyPem, credential: 'station-credential-0123456789' } });
    const result = runCli(['config', 'check', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('GALAT CONFIG_INVALID');
    expect(result.stderr).toContain('ERROR CONFIG_INVALID');
    expect(result.stderr).toMatch(/- stationId: /);
    expect(result.stderr).toMatch(/- central\.url: /);
  });

  it('serve refuses a bad config at start, naming the field, and writes nothing', async () => {
    const file = writeConfig('bad-serve.json', { ...good, dataDir: 'never-made', dailyTarget: 'banyak' });
    await expect(serve(['--config', file])).rejects.toThrow(/dailyTarget/);
    const viaEnv = runCli(['serve', '--port', '0'], { KTP_STATION_CONFIG: file });
    expect(viaEnv.status).toBe(2);
    expect(viaEnv.stderr).toMatch(/- dailyTarget: /);
    expect(existsSync(join(home.dir, 'never-made'))).toBe(false);
  });

  it('serve with a valid config runs in production mode with the data folder it names', async () => {
    const station = await serve(['--config', writeConfig('good-serve.json', good)]);
    try {
      const response = await rawRequest({
        port: station.port,
        path: '/api/station.info',
        headers: { authorization: `Bearer ${station.token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.json()).toMatchObject({ mode: 'production', stationId: 'KEC-350101-01', dataDir: join(home.dir, 'data-good') });
    } finally {
      expect(await station.stop()).toBe(0);
    }
  });

  it('serve without a config runs in training mode, prints the URL first, and shuts down cleanly', async () => {
    const station = await serve([], { KTP_STATION_HOME: join(home.dir, 'home') });
    try {
      const info = await rawRequest({
        port: station.port,
        path: '/api/station.info',
        headers: { authorization: `Bearer ${station.token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(info.status).toBe(200);
      expect(info.json()).toMatchObject({ mode: 'training', dataDir: join(home.dir, 'home', 'training') });
      const refused = await rawRequest({ port: station.port, path: '/api/station.info', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(refused.status).toBe(401);
      expect(station.stderr()).toContain('MODE PELATIHAN');
    } finally {
      expect(await station.stop()).toBe(0);
    }
  });

  it('a second launch gets a different token; the first launch\'s token is refused', async () => {
    const env = { KTP_STATION_HOME: join(home.dir, 'home2') };
    const first = await serve([], env);
    await first.stop();
    const second = await serve([], env);
    try {
      expect(second.token).not.toBe(first.token);
      const stale = await rawRequest({
        port: second.port,
        path: '/api/station.info',
        headers: { authorization: `Bearer ${first.token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect([stale.status, (stale.json() as { error: { code: string } }).error.code]).toEqual([401, 'TOKEN_INVALID']);
    } finally {
      await second.stop();
    }
  });

  it('serve refuses a bad --port', () => {
    const result = runCli(['serve', '--port', 'delapan']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--port');
  });
});
