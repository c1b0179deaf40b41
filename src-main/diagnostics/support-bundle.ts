import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import type { DiagReport, SupportBundle } from '../contract/methods/diag.js';
import { STATION_VERSION } from '../core/version.js';
import { errorMessage } from './check.js';
import { redactConfig } from './redact-config.js';

export interface SupportBundleInput {
  dataDir: string;
  configPath: string | null;
  report: DiagReport;
  /** Log bytes taken at most, newest files first. */
  maxLogBytes?: number;
  now?: () => Date;
}

export const DEFAULT_MAX_LOG_BYTES = 32 * 1024 * 1024;

function zipToBuffer(zip: ZipFile): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.once('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.once('error', reject);
    zip.end();
  });
}

function versions(): Record<string, string | null> {
  return {
    station: STATION_VERSION,
    node: process.versions.node,
    electron: Object.hasOwn(process.versions, 'electron') ? process.versions['electron'] : null,
    v8: process.versions.v8,
    openssl: process.versions.openssl,
    platform: process.platform,
    arch: process.arch,
  };
}

/**
 * "Unduh paket dukungan": a zip of the logs (newest first, up to a cap), the config with its
 * secrets removed, the diag report and the versions, with a manifest of what was left out.
 * Written to `<dataDir>/support/` (temporary name, then renamed) and returned.
 */
export async function buildSupportBundle(input: SupportBundleInput): Promise<SupportBundle & { zip: Buffer }> {
  const now = (input.now ?? (() => new Date()))();
  const zip = new ZipFile();
  const entries: string[] = [];
  const omitted: SupportBundle['omitted'] = [];
  const mtime = now;
  const add = (name: string, data: Buffer | string) => {
    zip.addBuffer(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, name, { mtime });
    entries.push(name);
  };

  add('diag.json', `${JSON.stringify(input.report, null, 2)}\n`);
  add('versions.json', `${JSON.stringify(versions(), null, 2)}\n`);

  if (input.configPath === null) {
    omitted.push({ name: 'station.config.json', reason: 'training mode: no config file' });
  } else {
    try {
      const { redacted, removed } = redactConfig(JSON.parse(readFileSync(input.configPath, 'utf8')));
      add('station.config.json', `${JSON.stringify(redacted, null, 2)}\n`);
      if (removed.length > 0) add('config-redactions.txt', `${removed.map((path) => `${path}: removed`).join('\n')}\n`);
    } catch (error: unknown) {
      // A file that does not parse cannot be redacted field by field: it stays out.
      omitted.push({ name: 'station.config.json', reason: `not included: ${errorMessage(error)}` });
    }
  }

  const logDir = join(input.dataDir, 'logs');
  let budget = input.maxLogBytes ?? DEFAULT_MAX_LOG_BYTES;
  let logs: Array<{ name: string; mtimeMs: number; size: number }> = [];
  try {
    logs = readdirSync(logDir)
      .map((name) => ({ name, stat: statSync(join(logDir, name)) }))
      .filter((file) => file.stat.isFile())
      .map((file) => ({ name: file.name, mtimeMs: file.stat.mtimeMs, size: file.stat.size }))
      .sort((a, b) => b.mtimeMs - a.mtimeMs);
  } catch (error: unknown) {
    omitted.push({ name: 'logs/', reason: `no logs: ${errorMessage(error)}` });
  }
  for (const log of logs) {
    if (log.size > budget) {
      omitted.push({ name: `logs/${log.name}`, reason: `over the ${Math.round((input.maxLogBytes ?? DEFAULT_MAX_LOG_BYTES) / 1048576)} MiB log budget` });
      continue;
    }
    try {
      // Read whole: the station may be appending to it while the bundle is made.
      const bytes = readFileSync(join(logDir, log.name));
      budget -= bytes.length;
      add(`logs/${log.name}`, bytes);
    } catch (error: unknown) {
      omitted.push({ name: `logs/${log.name}`, reason: errorMessage(error) });
    }
  }
  add('manifest.json', `${JSON.stringify({ createdAt: now.toISOString(), stationId: input.report.station.stationId, entries: [...entries, 'manifest.json'], omitted }, null, 2)}\n`);

  const buffer = await zipToBuffer(zip);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const fileName = `ktp-support-${input.report.station.stationId}-${stamp}.zip`;
  const dir = join(input.dataDir, 'support');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, fileName);
  writeFileSync(`${path}.partial`, buffer);
  renameSync(`${path}.partial`, path);
  return {
    fileName,
    path,
    bytes: buffer.length,
    base64: buffer.toString('base64'),
    entries,
    omitted,
    ok: input.report.ok,
    zip: buffer,
  };
}
