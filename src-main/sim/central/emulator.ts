import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { writeFileAtomicNoOverwrite, errnoCode } from '../../security/atomic-file.js';
import { CentralRepository } from '../../store/central/central-repository.js';
import { buildCentralApp } from './central-app.js';
import { FaultProxy } from './fault-proxy.js';
import { NO_FAULTS } from './faults.js';
import type { CentralFaults } from './faults.js';
import { ReferenceDocuments } from './reference-documents.js';
import { runVerification } from './verification.js';
import type { VerificationOptions } from './verification.js';

export interface CentralEmulatorOptions {
  dataDir: string;
  logger: Logger;
  /** Central's public port (behind the fault proxy); 0 picks a free one. */
  port?: number;
  faults?: CentralFaults;
  /** Stations central knows: id → credential. */
  stations?: ReadonlyArray<{ stationId: string; credential: string; regencyCode?: string }>;
  verification?: Partial<VerificationOptions>;
  /** How often the verification pipeline runs, in ms. */
  verifyIntervalMs?: number;
  adminToken?: string;
}

export interface CentralEmulator {
  /** Central's URL as stations see it: through the fault proxy. */
  readonly url: string;
  /** Straight to the HTTP server, past the proxy: the admin endpoints stay reachable while "offline". */
  readonly adminUrl: string;
  readonly adminToken: string;
  readonly publicKeyPem: string;
  readonly publicKeyFile: string;
  faults(): CentralFaults;
  setFaults(faults: CentralFaults): Promise<void>;
  registerStation(station: { stationId: string; credential: string; regencyCode?: string }): void;
  loseRecords(count: number): string[];
  verifyNow(): number;
  stats(): { records: number; received: number; duplicates: number; receipts: number; byStatus: Record<string, number>; resets: number; connections: number; bytesUp: number };
  readonly repo: CentralRepository;
  close(): Promise<void>;
}

const PRIVATE_KEY_FILE = 'central-private.pem';
export const CENTRAL_PUBLIC_KEY_FILE = 'central-public.pem';

/** Central's RSA key pair, made on first start and kept in its data folder. */
function loadOrCreateCentralKey(dataDir: string): { privateKey: KeyObject; publicKeyPem: string; publicKeyFile: string } {
  const file = join(dataDir, PRIVATE_KEY_FILE);
  const publicKeyFile = join(dataDir, CENTRAL_PUBLIC_KEY_FILE);
  let pem: string | undefined;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error: unknown) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
  if (pem === undefined) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 3072 });
    writeFileAtomicNoOverwrite(file, Buffer.from(pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()), 0o600);
    pem = readFileSync(file, 'utf8');
  }
  const privateKey = createPrivateKey(pem);
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  writeFileAtomicNoOverwrite(publicKeyFile, Buffer.from(publicKeyPem), 0o644);
  return { privateKey, publicKeyPem, publicKeyFile };
}

/**
 * The central emulator: a real HTTP server on SQLite behind a TCP fault proxy, with a
 * verification pipeline on a timer. `ktp-station central` runs one; training mode runs one in-process.
 */
export async function startCentralEmulator(options: CentralEmulatorOptions): Promise<CentralEmulator> {
  mkdirSync(options.dataDir, { recursive: true });
  const key = loadOrCreateCentralKey(options.dataDir);
  const repo = CentralRepository.open(join(options.dataDir, 'central.db'), options.logger);
  for (const s of options.stations ?? []) {
    repo.upsertStation({ id: s.stationId, credentialSha256: createHash('sha256').update(s.credential).digest('hex'), regencyCode: s.regencyCode ?? null });
  }
  let faults = options.faults ?? NO_FAULTS;
  const now = () => new Date(Date.now() + faults.clockSkewSeconds * 1000);
  const verification: VerificationOptions = { delayMs: 2000, rejectionRatio: 0, minFingerQuality: 20, ...options.verification };
  const adminToken = options.adminToken ?? randomBytes(18).toString('base64url');
  const reference = new ReferenceDocuments();
  let proxy: FaultProxy | undefined = undefined;

  const verifyNow = () => runVerification(repo, now(), verification);
  const loseRecords = (count: number) => {
    const ids = repo.transaction(() => repo.forgetLastReceived(count));
    options.logger.warn({ count: ids.length }, 'central emulator forgot records (data-loss fault)');
    return ids;
  };
  const stats = () => ({
    ...repo.stats(),
    resets: proxy?.stats.resets ?? 0,
    connections: proxy?.stats.connections ?? 0,
    bytesUp: proxy?.stats.bytesUp ?? 0,
  });
  const applyFaults = async (next: CentralFaults) => {
    faults = next;
    if (proxy === undefined) return;
    if (next.offline) await proxy.stop();
    else await proxy.listen();
  };

  const { app } = buildCentralApp({
    repo,
    privateKey: key.privateKey,
    dataDir: options.dataDir,
    logger: options.logger,
    faults: () => faults,
    setFaults: (next) => void applyFaults(next),
    adminToken,
    reference,
    now,
    loseRecords,
    verifyNow,
    stats,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const upstreamPort = (app.server.address() as AddressInfo).port;
  proxy = new FaultProxy(upstreamPort, () => faults, options.port ?? 0);
  await proxy.listen();
  const port = proxy.listeningPort;
  if (faults.offline) await proxy.stop();

  const timer = setInterval(() => {
    try {
      verifyNow();
    } catch (error: unknown) {
      options.logger.error({ err: error }, 'central verification pass failed');
    }
  }, options.verifyIntervalMs ?? 500);
  timer.unref();

  const activeProxy = proxy;
  return {
    url: `http://127.0.0.1:${port}`,
    adminUrl: `http://127.0.0.1:${upstreamPort}`,
    adminToken,
    publicKeyPem: key.publicKeyPem,
    publicKeyFile: key.publicKeyFile,
    faults: () => faults,
    setFaults: applyFaults,
    registerStation: (s) =>
      repo.upsertStation({ id: s.stationId, credentialSha256: createHash('sha256').update(s.credential).digest('hex'), regencyCode: s.regencyCode ?? null }),
    loseRecords,
    verifyNow,
    stats,
    repo,
    close: async () => {
      clearInterval(timer);
      await activeProxy.stop();
      await app.close();
      repo.close();
    },
  };
}
