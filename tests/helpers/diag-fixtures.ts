import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { BIN, ROOT } from './cli.js';

/** A real pseudo-terminal pair from socat: `device` is the port the station opens, `peer` the device's side. */
export async function ptyPair(dir: string, name: string): Promise<{ device: string; peer: string; close: () => void }> {
  const device = join(dir, name);
  const peer = join(dir, `${name}-peer`);
  const child = spawn('socat', [`pty,raw,echo=0,link=${device}`, `pty,raw,echo=0,link=${peer}`], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(existsSync(device) && existsSync(peer)); i += 1) await new Promise((r) => setTimeout(r, 50));
  if (!existsSync(device)) throw new Error('socat made no pty pair (is socat installed?)');
  return { device, peer, close: () => child.kill('SIGTERM') };
}

/** Holds an exclusive flock on a path, as serialport does on Linux for a port it opened. */
export async function holdLock(path: string): Promise<{ pid: number; release: () => void }> {
  const child: ChildProcess = spawn('flock', ['--exclusive', '--no-fork', path, 'sleep', '60'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i += 1) {
    if (readFileSync('/proc/locks', 'utf8').includes(` ${child.pid ?? -1} `)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  // --no-fork: flock becomes `sleep`, which holds the lock under the same PID.
  return { pid: child.pid ?? -1, release: () => child.kill('SIGTERM') };
}

export interface Certificates {
  caPem: string;
  caFile: string;
  /** Signed by the CA, for 127.0.0.1 and localhost. */
  good: { key: string; cert: string };
  /** Self-signed, for 127.0.0.1. */
  selfSigned: { key: string; cert: string };
  /** Signed by the CA, but for another name. */
  otherName: { key: string; cert: string };
}

function openssl(args: string[], cwd: string): void {
  const result = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${result.stderr}`);
}

/** Real certificates made with the openssl CLI: a test CA, a leaf it signed, a self-signed leaf, a leaf for the wrong name. */
export function makeCertificates(dir: string): Certificates {
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/CN=KTP Test CA'], dir);
  const leaf = (name: string, subject: string, san: string) => {
    writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${san}\n`);
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${subject}`], dir);
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '30', '-extfile', `${name}.ext`], dir);
    return { key: readFileSync(join(dir, `${name}.key`), 'utf8'), cert: readFileSync(join(dir, `${name}.pem`), 'utf8') };
  };
  const good = leaf('good', '127.0.0.1', 'IP:127.0.0.1,DNS:localhost');
  const otherName = leaf('other', 'central.example.go.id', 'DNS:central.example.go.id');
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'self.key', '-out', 'self.pem', '-days', '30', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], dir);
  const selfSigned = { key: readFileSync(join(dir, 'self.key'), 'utf8'), cert: readFileSync(join(dir, 'self.pem'), 'utf8') };
  return { caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'), caFile: join(dir, 'ca.pem'), good, selfSigned, otherName };
}

/** A loopback HTTPS server answering central's health check; `skewMs` moves its clock. */
export async function healthServer(tlsPair: { key: string; cert: string }, skewMs = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(tlsPair, (request, response) => {
    const time = new Date(Date.now() + skewMs);
    if (request.url === '/v1/health') {
      response.writeHead(200, { 'content-type': 'application/json', date: time.toUTCString() });
      response.end(JSON.stringify({ status: 'ok', apiVersion: 1, time: time.toISOString() }));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `https://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** `ktp-station …` as a child process, without blocking this process's event loop (the servers above must answer). */
export function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, KTP_LOG_LEVEL: 'silent', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}
