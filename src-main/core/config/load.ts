import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StationError } from '../station-error.js';
import { StationConfig } from './schema.js';

export interface ConfigIssue {
  /** Dotted path of the bad field, e.g. "central.url" or "devices.0.transport.type". */
  path: string;
  message: string;
}

export interface LoadedConfig {
  config: StationConfig;
  /** Absolute path of the file it came from. */
  path: string;
  /** Central's public key, read and parsed (PEM). */
  centralPublicKeyPem: string;
  /** This station's credential at central, read from the config or its file. */
  centralCredential: string;
}

const HINT =
  'Check the file against docs/station.config.example.json, or run `ktp-station config check FILE`.';

/** Reads, parses and validates a config file. Throws CONFIG_UNREADABLE or CONFIG_INVALID naming each bad field. */
export function loadConfigFile(filePath: string): LoadedConfig {
  const absolute = resolve(filePath);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    throw new StationError('CONFIG_UNREADABLE', {
      message: {
        id: `Berkas konfigurasi ${absolute} tidak dapat dibaca (${code}). Periksa jalur dan izin berkas.`,
        en: `Cannot read the configuration file ${absolute} (${code}). Check its path and permissions.`,
      },
      details: { file: absolute, errno: code },
      cause: error,
    });
  }
  return parseConfigText(text, absolute);
}

export function parseConfigText(text: string, absolutePath: string): LoadedConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error: unknown) {
    const where = jsonErrorPosition(text, error);
    throw configInvalid(absolutePath, [{ path: '(file)', message: `not valid JSON${where}` }]);
  }
  const parsed = StationConfig.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
      message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
    }));
    throw configInvalid(absolutePath, issues);
  }
  const config = parsed.data;
  const centralPublicKeyPem = readCentralKey(config, absolutePath);
  const centralCredential = readCredential(config, absolutePath);
  return { config, path: absolutePath, centralPublicKeyPem, centralCredential };
}

function readCentralKey(config: StationConfig, configPath: string): string {
  const { publicKeyPem, publicKeyFile } = config.central;
  let pem: string;
  let field: string;
  if (publicKeyPem !== undefined) {
    pem = publicKeyPem;
    field = 'central.publicKeyPem';
  } else {
    field = 'central.publicKeyFile';
    const keyPath = resolve(dirname(configPath), publicKeyFile ?? '');
    try {
      pem = readFileSync(keyPath, 'utf8');
    } catch (error: unknown) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
      throw configInvalid(configPath, [{ path: field, message: `cannot read ${keyPath} (${code})` }]);
    }
  }
  let key;
  try {
    key = createPublicKey(pem);
  } catch {
    throw configInvalid(configPath, [{ path: field, message: 'not a readable public key (PEM, SPKI)' }]);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== 'rsa' || bits < 2048) {
    throw configInvalid(configPath, [
      { path: field, message: `packets are sealed with RSA-OAEP-SHA256: central's key must be RSA of at least 2048 bits (this one is ${key.asymmetricKeyType ?? 'unknown'}${bits > 0 ? ` ${bits}` : ''})` },
    ]);
  }
  return pem;
}

function readCredential(config: StationConfig, configPath: string): string {
  const { credential, credentialFile } = config.central;
  if (credential !== undefined) return credential;
  const file = resolve(dirname(configPath), credentialFile ?? '');
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    throw configInvalid(configPath, [{ path: 'central.credentialFile', message: `cannot read ${file} (${code})` }]);
  }
  if (text.length < 16) throw configInvalid(configPath, [{ path: 'central.credentialFile', message: `${file} must hold the credential central issued (at least 16 characters)` }]);
  return text;
}

export function configInvalid(file: string, issues: ConfigIssue[]): StationError {
  const list = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return new StationError('CONFIG_INVALID', {
    message: {
      id: `Konfigurasi ${file} tidak sah — ${list}. Perbaiki isian tersebut lalu jalankan ulang.`,
      en: `Configuration ${file} is invalid — ${list}. Fix these fields and start again.`,
    },
    details: { file, issues, hint: HINT },
  });
}

function jsonErrorPosition(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const match = /position (\d+)/.exec(message);
  if (match?.[1] === undefined) return message === '' ? '' : ` (${message})`;
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}

/** The config file to use: --config, then KTP_STATION_CONFIG, else none (training mode). */
export function resolveConfigPath(flag: string | undefined, env: NodeJS.ProcessEnv): string | null {
  if (flag !== undefined && flag !== '') return resolve(flag);
  const fromEnv = env['KTP_STATION_CONFIG'];
  if (fromEnv !== undefined && fromEnv !== '') return resolve(fromEnv);
  return null;
}
