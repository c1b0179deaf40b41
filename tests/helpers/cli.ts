import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'ktp-station.js');

export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'main', 'cli.js'))) {
    throw new Error('dist/main/cli.js is missing: run `npm run build` before the integration tests');
  }
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, KTP_LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** As runCli, without blocking this process: for a CLI that talks to a server this test process runs. */
export function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 30_000): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, KTP_LOG_LEVEL: 'silent', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ status: code, stdout, stderr });
    });
  });
}

export interface ServingStation {
  child: ChildProcessWithoutNullStreams;
  url: string;
  port: number;
  token: string;
  stderr: () => string;
  stop: () => Promise<number | null>;
}

/** Starts `ktp-station serve` as a child process and waits for its URL line. */
export function serve(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServingStation> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, KTP_LOG_LEVEL: 'warn', ...env },
  });
  let errText = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errText += chunk.toString();
  });
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) {
        resolve(child.exitCode);
        return;
      }
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in 20 s; stderr: ${errText}`)), 20_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      const match = /^KTP Station: (http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+))$/.exec(line);
      if (match === null) {
        reject(new Error(`unexpected first line: ${line}`));
        return;
      }
      resolve({
        child,
        url: match[1] ?? '',
        port: Number(match[2]),
        token: match[3] ?? '',
        stderr: () => errText,
        stop,
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${errText}`));
    });
  });
}
