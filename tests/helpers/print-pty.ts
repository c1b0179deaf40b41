/** A pty pair from socat: `host` for the driver, `device` for the simulator (real ptys, raw). */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface PtyPair {
  host: string;
  device: string;
  close: () => Promise<void>;
}

export async function openPtyPair(dir: string): Promise<PtyPair> {
  const host = join(dir, 'printer-host');
  const device = join(dir, 'printer-device');
  const child: ChildProcess = spawn('socat', [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${device}`], { stdio: 'ignore' });
  for (let i = 0; i < 200 && !(existsSync(host) && existsSync(device)); i += 1) await new Promise((r) => setTimeout(r, 25));
  if (!existsSync(host) || !existsSync(device)) {
    child.kill();
    throw new Error('socat did not create the pty pair (is socat installed?)');
  }
  return {
    host,
    device,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
