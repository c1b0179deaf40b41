import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A real pseudo-terminal pair made by socat: `station` and `device` are the two link paths.
 * `unplug` kills socat (both ends see the cable go), `plugIn` starts it again on the same paths.
 */
export class PtyPair {
  readonly station: string;
  readonly device: string;
  private child: ChildProcess | null = null;

  constructor(dir: string) {
    this.station = join(dir, 'station');
    this.device = join(dir, 'device');
  }

  async plugIn(): Promise<void> {
    if (this.child !== null) return;
    const child = spawn('socat', [`pty,raw,echo=0,link=${this.station}`, `pty,raw,echo=0,link=${this.device}`], { stdio: 'ignore' });
    this.child = child;
    for (let i = 0; i < 200; i += 1) {
      if (existsSync(this.station) && existsSync(this.device)) return;
      if (child.exitCode !== null) throw new Error(`socat exited with ${child.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('socat did not create the pty links');
  }

  async unplug(): Promise<void> {
    const child = this.child;
    if (child === null) return;
    this.child = null;
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    for (let i = 0; i < 200 && (existsSync(this.station) || existsSync(this.device)); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
