import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfigText, resolveConfigPath } from '../../src-main/core/config/load.js';
import { resolveSetup } from '../../src-main/core/setup.js';
import { StationError } from '../../src-main/core/station-error.js';
import { tempDir } from '../helpers/station.js';

const publicKeyPem = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();

function validConfig(): Record<string, unknown> {
  return {
    stationId: 'KEC-350101-01',
    region: { provinceCode: '35', regencyCode: '3501', districtCode: '350101' },
    central: { url: 'https://central.example.go.id/ktp/', publicKeyPem, credential: 'station-credential-0123456789' },
    devices: [{ kind: 'fingerprint', transport: { type: 'serial', path: '/dev/ttyUSB0' } }],
    printer: { kind: 'system', queueName: 'HDP5000' },
    dailyTarget: 150,
  };
}

function issuesOf(fn: () => unknown): Array<{ path: string; message: string }> {
  try {
    fn();
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(StationError);
    const stationError = error as StationError;
    expect(stationError.code).toBe('CONFIG_INVALID');
    return stationError.details?.['issues'] as Array<{ path: string; message: string }>;
  }
  throw new Error('expected the config to be refused');
}

describe('station config', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  it('accepts a complete config and fills defaults', () => {
    const loaded = parseConfigText(JSON.stringify(validConfig()), '/etc/ktp/station.config.json');
    expect(loaded.config.devices[0]?.transport).toEqual({ type: 'serial', path: '/dev/ttyUSB0', baudRate: 57600 });
    expect(loaded.config.session.idleMinutes).toBe(15);
    expect(loaded.config.central.probeIntervalSeconds).toBe(15);
    expect(loaded.centralPublicKeyPem).toContain('BEGIN PUBLIC KEY');
  });

  it('names each bad field by its path', () => {
    const config = validConfig();
    config['stationId'] = 'bad id';
    config['central'] = { url: 'ftp://central', publicKeyPem, credential: 'station-credential-0123456789' };
    config['devices'] = [{ kind: 'fingerprint', transport: { type: 'usb', path: 'x' } }];
    config['dailyTarget'] = -3;
    const paths = issuesOf(() => parseConfigText(JSON.stringify(config), '/x/station.config.json')).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['stationId', 'central.url', 'devices.0.transport.type', 'dailyTarget']),
    );
  });

  it('checks that region codes nest: kecamatan inside kabupaten inside province', () => {
    const config = validConfig();
    config['region'] = { provinceCode: '35', regencyCode: '3201', districtCode: '320101' };
    const issues = issuesOf(() => parseConfigText(JSON.stringify(config), '/x/c.json'));
    expect(issues).toEqual([expect.objectContaining({ path: 'region.regencyCode' })]);
  });

  it('refuses unknown fields so that a typo is not silently ignored', () => {
    const config = { ...validConfig(), dailyTraget: 100 };
    const issues = issuesOf(() => parseConfigText(JSON.stringify(config), '/x/c.json'));
    expect(issues[0]?.message).toContain('dailyTraget');
  });

  it('reports where the JSON is broken', () => {
    const issues = issuesOf(() => parseConfigText('{\n  "stationId": "A",\n  oops\n}', '/x/c.json'));
    expect(issues[0]).toMatchObject({ path: '(file)' });
    expect(issues[0]?.message).toMatch(/line 3/);
  });

  it('refuses a central key that is not a public key', () => {
    const config = validConfig();
    config['central'] = { url: 'https://c.example', publicKeyPem: '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----', credential: 'station-credential-0123456789' };
    expect(issuesOf(() => parseConfigText(JSON.stringify(config), '/x/c.json'))).toEqual([
      expect.objectContaining({ path: 'central.publicKeyPem' }),
    ]);
  });

  it('reads the central key from a file next to the config', () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    writeFileSync(join(dir, 'central.pem'), publicKeyPem);
    const config = validConfig();
    config['central'] = { url: 'https://c.example', publicKeyFile: 'central.pem', credential: 'station-credential-0123456789' };
    writeFileSync(join(dir, 'station.config.json'), JSON.stringify(config));
    expect(loadConfigFile(join(dir, 'station.config.json')).centralPublicKeyPem).toBe(publicKeyPem);
  });

  it('says when the file cannot be read', () => {
    expect(() => loadConfigFile('/nonexistent/station.config.json')).toThrow(
      expect.objectContaining({ code: 'CONFIG_UNREADABLE' }) as Error,
    );
  });

  it('resolves the config path from --config, then KTP_STATION_CONFIG, else training mode', () => {
    expect(resolveConfigPath('/a/b.json', { KTP_STATION_CONFIG: '/c/d.json' })).toBe('/a/b.json');
    expect(resolveConfigPath(undefined, { KTP_STATION_CONFIG: '/c/d.json' })).toBe('/c/d.json');
    expect(resolveConfigPath(undefined, {})).toBeNull();
  });

  it('puts training data in the per-user data folder, and a relative dataDir next to the config', async () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const training = await resolveSetup({ configPath: null, env: { KTP_STATION_HOME: dir } });
    expect(training).toMatchObject({ mode: 'training', dataDir: join(dir, 'training'), configPath: null });
    expect(training.profile.central).toBeNull();
    expect(training.regionNames).toEqual({ province: 'JAWA TIMUR', regency: 'KABUPATEN PACITAN', district: 'Donorojo' });
    writeFileSync(join(dir, 'station.config.json'), JSON.stringify({ ...validConfig(), dataDir: 'data' }));
    const production = await resolveSetup({ configPath: join(dir, 'station.config.json'), env: {} });
    expect(production).toMatchObject({ mode: 'production', dataDir: join(dir, 'data') });
    const overridden = await resolveSetup({ configPath: join(dir, 'station.config.json'), dataDir: join(dir, 'x'), env: {} });
    expect(overridden.dataDir).toBe(join(dir, 'x'));
  });
});

describe('region codes against the bundled region table', () => {
  it('refuses a kecamatan code that does not exist, naming the field', async () => {
    const { dir, remove } = tempDir();
    try {
      const config = validConfig();
      config['region'] = { provinceCode: '35', regencyCode: '3501', districtCode: '350199' };
      writeFileSync(join(dir, 'station.config.json'), JSON.stringify(config));
      await expect(resolveSetup({ configPath: join(dir, 'station.config.json'), env: {} })).rejects.toMatchObject({
        code: 'CONFIG_INVALID',
        details: { issues: [expect.objectContaining({ path: 'region.districtCode' })] },
      });
    } finally {
      remove();
    }
  });
});

describe('docs/station.config.example.json', () => {
  it('is a valid config (so the example in the docs never rots)', () => {
    const loaded = loadConfigFile(join(import.meta.dirname, '..', '..', 'docs', 'station.config.example.json'));
    expect(loaded.config.stationId).toBe('KEC-350101-01');
    expect(loaded.config.devices).toHaveLength(4);
  });
});
