import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { DiagCheck, DiagReport } from '../../src-main/contract/methods/diag.js';
import { loadConfigFile } from '../../src-main/core/config/load.js';
import { defaultDeviceRegistry } from '../../src-main/devices/registry.js';
import { SerialTransport } from '../../src-main/devices/serial/serial-transport.js';
import { diagnoseStation } from '../../src-main/diagnostics/diagnose-station.js';
import { serialDriverHandshakes } from '../../src-main/diagnostics/driver-handshake.js';
import { FingerprintSimulator } from '../../src-main/sim/fingerprint/simulator.js';
import { openStationStore } from '../../src-main/store/station-store.js';
import { BIN, ROOT, assertBuilt } from '../helpers/cli.js';
import type { Certificates } from '../helpers/diag-fixtures.js';
import { healthServer, holdLock, makeCertificates, ptyPair, runCliAsync } from '../helpers/diag-fixtures.js';
import { silentLogger, tempDir, testCentralPublicKeyPem } from '../helpers/station.js';

const CREDENTIAL = 'station-credential-0123456789';
let home: { dir: string; remove: () => void };
let certs: Certificates;
let closedPort: number;
let pty: Awaited<ReturnType<typeof ptyPair>>;

beforeAll(async () => {
  assertBuilt();
  home = tempDir('ktp-diag-');
  certs = makeCertificates(home.dir);
  // A port that was just free: nothing listens there.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  pty = await ptyPair(home.dir, 'ttyFP');
});
afterAll(() => {
  pty.close();
  home.remove();
});

/** A config with its own data folder holding a real station database. */
function writeStation(name: string, options: { centralUrl: string; devices?: unknown[] }): string {
  const dataDir = join(home.dir, `${name}-data`);
  mkdirSync(dataDir, { recursive: true });
  openStationStore(dataDir, silentLogger()).close();
  const file = join(home.dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      stationId: 'KEC-350101-01',
      region: { provinceCode: '35', regencyCode: '3501', districtCode: '350101' },
      central: { url: options.centralUrl, publicKeyPem: testCentralPublicKeyPem(), credential: CREDENTIAL },
      devices: options.devices ?? [],
      dataDir,
    }),
  );
  return file;
}

async function diagCli(config: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; report: DiagReport; stderr: string }> {
  const result = await runCliAsync(['diag', '--config', config, '--json', '--timeout-ms', '3000', '--min-free-mib', '1', ...extra], env);
  return { status: result.status, report: JSON.parse(result.stdout) as DiagReport, stderr: result.stderr };
}

function check(report: DiagReport, id: string): DiagCheck {
  const found = report.checks.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no check ${id} in ${report.checks.map((c) => c.id).join(', ')}`);
  return found;
}

function expectExplained(c: DiagCheck): void {
  expect(c.cause?.id.length).toBeGreaterThan(10);
  expect(c.cause?.en.length).toBeGreaterThan(10);
  expect(c.fix?.id.length).toBeGreaterThan(10);
  expect(c.fix?.en.length).toBeGreaterThan(10);
}

const serialDevice = (path: string) => ({ kind: 'fingerprint', name: 'Sidik jari', transport: { type: 'serial', path } });

describe('ktp-station diag (CLI, real files, real ptys, real loopback servers)', () => {
  it('passes everything and exits 0 against a trusted HTTPS central, a sound database and enough disk', async () => {
    const central = await healthServer(certs.good);
    try {
      const { status, report } = await diagCli(writeStation('allgood', { centralUrl: central.url }), [], { NODE_EXTRA_CA_CERTS: certs.caFile });
      expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
      expect(status).toBe(0);
      expect(report.ok).toBe(true);
      expect(report.format).toBe('ktp-station-diag');
      for (const id of ['central.dns', 'central.tcp', 'central.tls', 'central.http', 'clock.skew', 'database.integrity', 'database.size', 'database.wal', 'backlog.pending', 'disk.free']) {
        expect(check(report, id).status, id).toBe('pass');
      }
      expect(check(report, 'central.http').latencyMs).not.toBeNull();
      expect(check(report, 'central.tls').facts['issuer']).toBe('KTP Test CA');
    } finally {
      await central.close();
    }
  });

  it('names a missing device path PORT_MISSING, with the later device steps skipped', async () => {
    const { status, report } = await diagCli(writeStation('missing', { centralUrl: `http://127.0.0.1:${closedPort}`, devices: [serialDevice(join(home.dir, 'ttyUSB-not-there'))] }));
    expect(status).toBe(1);
    const found = check(report, 'device.0.found');
    expect(found).toMatchObject({ status: 'fail', code: 'PORT_MISSING', observed: 'ENOENT' });
    expectExplained(found);
    expect(check(report, 'device.0.handshake')).toMatchObject({ status: 'skip', code: 'EARLIER_STEP_FAILED', facts: { lastErrorCode: 'PORT_MISSING' } });
  });

  it('names central unreachable: TCP CONNECTION_REFUSED, TLS and HTTP skipped, the clock unknown', async () => {
    const { status, report } = await diagCli(writeStation('refused', { centralUrl: `https://127.0.0.1:${closedPort}` }));
    expect(status).toBe(1);
    expect(check(report, 'central.dns').status).toBe('pass');
    const tcp = check(report, 'central.tcp');
    expect(tcp).toMatchObject({ status: 'fail', code: 'CONNECTION_REFUSED', observed: 'ECONNREFUSED' });
    expectExplained(tcp);
    expect(check(report, 'central.tls')).toMatchObject({ status: 'skip', code: 'EARLIER_STEP_FAILED' });
    expect(check(report, 'central.http')).toMatchObject({ status: 'skip', code: 'EARLIER_STEP_FAILED' });
    expect(check(report, 'clock.skew')).toMatchObject({ status: 'skip', code: 'CENTRAL_TIME_UNKNOWN' });
  });

  it('names a self-signed certificate CERT_SELF_SIGNED, and HTTP is not tried over it', async () => {
    const central = await healthServer(certs.selfSigned);
    try {
      const { status, report } = await diagCli(writeStation('selfsigned', { centralUrl: central.url }), [], { NODE_EXTRA_CA_CERTS: certs.caFile });
      expect(status).toBe(1);
      expect(check(report, 'central.tcp').status).toBe('pass');
      const tls = check(report, 'central.tls');
      expect(tls).toMatchObject({ status: 'fail', code: 'CERT_SELF_SIGNED', observed: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      expectExplained(tls);
      expect(tls.facts['validTo']).toEqual(expect.any(String));
      expect(check(report, 'central.http').status).toBe('skip');
    } finally {
      await central.close();
    }
  });

  it('names a trusted certificate for another name CERT_HOSTNAME_MISMATCH', async () => {
    const central = await healthServer(certs.otherName);
    try {
      const { report } = await diagCli(writeStation('othername', { centralUrl: central.url }), [], { NODE_EXTRA_CA_CERTS: certs.caFile });
      expect(check(report, 'central.tls')).toMatchObject({ status: 'fail', code: 'CERT_HOSTNAME_MISMATCH' });
    } finally {
      await central.close();
    }
  });

  it('names a station clock an hour off central CLOCK_SKEW', async () => {
    const central = await healthServer(certs.good, 3_600_000);
    try {
      const { status, report } = await diagCli(writeStation('skew', { centralUrl: central.url }), [], { NODE_EXTRA_CA_CERTS: certs.caFile });
      expect(status).toBe(1);
      expect(check(report, 'central.http').status).toBe('pass');
      const clock = check(report, 'clock.skew');
      expect(clock).toMatchObject({ status: 'fail', code: 'CLOCK_SKEW', facts: { source: 'health-body' } });
      expect(Math.round(Number(clock.facts['skewMs']) / 60_000)).toBe(60);
      expectExplained(clock);
    } finally {
      await central.close();
    }
  });

  it('names a nearly full disk DISK_LOW when the free-space threshold is above what is free', async () => {
    const { status, report } = await diagCli(writeStation('disk', { centralUrl: `http://127.0.0.1:${closedPort}` }), ['--min-free-mib', '16777216']);
    expect(status).toBe(1);
    const disk = check(report, 'disk.free');
    expect(disk).toMatchObject({ status: 'fail', code: 'DISK_LOW' });
    expect(Number(disk.facts['freeBytes'])).toBeLessThan(Number(disk.facts['minFreeBytes']));
    expectExplained(disk);
  });

  it('names a port another program holds PORT_BUSY, with its PID', async () => {
    const lock = await holdLock(pty.device);
    try {
      const { report } = await diagCli(writeStation('busy', { centralUrl: `http://127.0.0.1:${closedPort}`, devices: [serialDevice(pty.device)] }));
      expect(check(report, 'device.0.found').status).toBe('pass');
      expect(check(report, 'device.0.busy')).toMatchObject({ status: 'fail', code: 'PORT_BUSY', facts: { holderPid: lock.pid, holderCommand: 'sleep' } });
    } finally {
      lock.release();
    }
  });

  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/setpriv');
  it.skipIf(!asRoot)('names permission denied PERMISSION_DENIED for real: diag run as the unprivileged user nobody against a root-only pty (needs root and setpriv)', () => {
    const open = join(home.dir, 'for-nobody');
    mkdirSync(open, { recursive: true });
    chmodSync(home.dir, 0o755);
    chmodSync(open, 0o755);
    const config = join(open, 'station.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        stationId: 'KEC-350101-01',
        region: { provinceCode: '35', regencyCode: '3501', districtCode: '350101' },
        central: { url: `http://127.0.0.1:${closedPort}`, publicKeyPem: testCentralPublicKeyPem(), credential: CREDENTIAL },
        devices: [serialDevice(pty.device)],
        dataDir: join(open, 'data'),
      }),
      { mode: 0o644 },
    );
    const result = spawnSync(
      'setpriv',
      ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, BIN, 'diag', '--config', config, '--json', '--min-free-mib', '1', '--timeout-ms', '1000'],
      { cwd: ROOT, env: { ...process.env, HOME: '/tmp', KTP_LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 30_000 },
    );
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as DiagReport;
    expect(check(report, 'device.0.found').status).toBe('pass');
    expect(check(report, 'device.0.permission')).toMatchObject({ status: 'fail', code: 'PERMISSION_DENIED', observed: 'EACCES' });
  });

  it('prints the text report with cause and fix in both languages, and refuses a bad flag', async () => {
    const config = writeStation('text', { centralUrl: `http://127.0.0.1:${closedPort}`, devices: [serialDevice(join(home.dir, 'nope'))] });
    const result = await runCliAsync(['diag', '--config', config, '--timeout-ms', '2000', '--min-free-mib', '1']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/GAGAL +device\.0\.found: .*\[PORT_MISSING\]/);
    expect(result.stdout).toMatch(/sebab \/ cause: Perangkat tidak ada di/);
    expect(result.stdout).toMatch(/There is no device at/);
    expect(result.stdout).toMatch(/ADA YANG GAGAL \/ SOME CHECKS FAILED/);
    const bad = await runCliAsync(['diag', '--config', config, '--min-free-mib', 'banyak']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/whole number/);
  });

  it('writes a support bundle: logs, the config without its credential, the report, versions', async () => {
    const config = writeStation('bundle', { centralUrl: `http://127.0.0.1:${closedPort}` });
    const logs = join(home.dir, 'bundle-data', 'logs');
    mkdirSync(logs, { recursive: true });
    writeFileSync(join(logs, 'station.log'), '{"level":30,"msg":"station started"}\n');
    const out = join(home.dir, 'support.zip');
    const { status, report } = await diagCli(config, ['--bundle', out]);
    expect(status).toBe(1);
    const files = await readZip(out);
    expect(Object.keys(files).sort()).toEqual(['config-redactions.txt', 'diag.json', 'logs/station.log', 'manifest.json', 'station.config.json', 'versions.json']);
    expect(files['station.config.json']).not.toContain(CREDENTIAL);
    expect(files['station.config.json']).not.toContain('BEGIN PUBLIC KEY');
    expect(JSON.parse(files['station.config.json'] ?? '{}')).toMatchObject({ stationId: 'KEC-350101-01', central: { credential: '[dihapus / removed]' } });
    expect(files['config-redactions.txt']).toContain('central.credential');
    expect(JSON.parse(files['diag.json'] ?? '{}')).toMatchObject({ format: 'ktp-station-diag', ok: false, station: report.station });
    expect(JSON.parse(files['versions.json'] ?? '{}')).toMatchObject({ station: report.station.version, node: process.versions.node });
    expect(files['logs/station.log']).toContain('station started');
  });
});

describe('diagnosis in-process (injected where the OS cannot be made to fail here)', () => {
  const setupOf = (config: string) => {
    const loaded = loadConfigFile(config);
    const { $schema: _s, ...profile } = loaded.config;
    return { mode: 'production' as const, profile, configPath: loaded.path, dataDir: profile.dataDir ?? home.dir };
  };

  it('names a silent device TIMEOUT: the R30x driver\'s handshake over a real pty gets no answer', async () => {
    const config = writeStation('silent', { centralUrl: `http://127.0.0.1:${closedPort}`, devices: [serialDevice(pty.device)] });
    const report = await diagnoseStation({
      setup: setupOf(config),
      centralUrl: null,
      runningPid: null,
      handshakeFor: serialDriverHandshakes(defaultDeviceRegistry(), 700),
      minFreeMiB: 1,
    });
    expect(check(report, 'device.0.found').status).toBe('pass');
    expect(check(report, 'device.0.permission').status).toBe('pass');
    expect(check(report, 'device.0.busy').status).toBe('pass');
    const handshake = check(report, 'device.0.handshake');
    expect(handshake).toMatchObject({ status: 'fail', code: 'TIMEOUT', facts: { lastErrorCode: 'TIMEOUT' } });
    expectExplained(handshake);
  });

  it('the CLI asks a sensor that answers through the R30x driver: handshake, password, system parameters; identity in the report', async () => {
    const answering = await ptyPair(home.dir, 'ttyFPsim');
    const side = new SerialTransport({ path: answering.peer, baudRate: 57600 });
    await side.open();
    const sim = new FingerprintSimulator({ baudRate: null, packetSize: 128 });
    sim.attach(side);
    try {
      const config = writeStation('answering', { centralUrl: `http://127.0.0.1:${closedPort}`, devices: [serialDevice(answering.device)] });
      const { report } = await diagCli(config);
      const handshake = check(report, 'device.0.handshake');
      expect(handshake).toMatchObject({ status: 'pass' });
      expect(handshake.observed).toMatch(/R30x .*serial .*firmware /);
    } finally {
      sim.detach();
      await side.close();
      answering.close();
    }
  });

  it('names permission denied PERMISSION_DENIED (EACCES injected: root is never denied)', async () => {
    const config = writeStation('eacces', { centralUrl: `http://127.0.0.1:${closedPort}`, devices: [serialDevice(pty.device)] });
    const report = await diagnoseStation({
      setup: setupOf(config),
      centralUrl: null,
      runningPid: null,
      checkAccess: (path) => Promise.reject(Object.assign(new Error(`EACCES: permission denied, access '${path}'`), { code: 'EACCES' })),
      minFreeMiB: 1,
    });
    const permission = check(report, 'device.0.permission');
    expect(permission).toMatchObject({ status: 'fail', code: 'PERMISSION_DENIED', observed: 'EACCES' });
    expect(permission.fix?.en).toMatch(/dialout/);
    expect(check(report, 'device.0.handshake').status).toBe('skip');
  });

  it('leaves alone a port the running station holds: busy passes as the station\'s, no handshake is sent through it', async () => {
    const lock = await holdLock(pty.device);
    try {
      const config = writeStation('held', { centralUrl: `http://127.0.0.1:${closedPort}`, devices: [serialDevice(pty.device)] });
      let handshakes = 0;
      const report = await diagnoseStation({
        setup: setupOf(config),
        centralUrl: null,
        // The lock holder stands in for the running station (its PID from station.lock).
        runningPid: lock.pid,
        handshakeFor: () => () => {
          handshakes += 1;
          return Promise.resolve({ ok: false, code: 'TIMEOUT', detail: 'must not be called', latencyMs: null });
        },
        minFreeMiB: 1,
      });
      expect(check(report, 'device.0.busy')).toMatchObject({ status: 'pass', facts: { holderPid: lock.pid } });
      expect(check(report, 'device.0.handshake')).toMatchObject({ status: 'skip', code: 'HELD_BY_STATION' });
      expect(handshakes).toBe(0);
    } finally {
      lock.release();
    }
  });

  it('names a name that does not resolve DNS_FAILED (lookup injected: tests query no DNS server)', async () => {
    const config = writeStation('dns', { centralUrl: 'https://central.invalid' });
    const report = await diagnoseStation({
      setup: setupOf(config),
      centralUrl: 'https://central.invalid',
      runningPid: null,
      lookup: () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND central.invalid'), { code: 'ENOTFOUND' })),
      minFreeMiB: 1,
    });
    expect(check(report, 'central.dns')).toMatchObject({ status: 'fail', code: 'DNS_FAILED', observed: 'ENOTFOUND' });
    expect(check(report, 'central.tcp').status).toBe('skip');
  });
});

function readZip(file: string): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error !== null) return reject(error);
      const files: Record<string, string> = {};
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError !== null) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files[entry.fileName] = Buffer.concat(chunks).toString('utf8');
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}
