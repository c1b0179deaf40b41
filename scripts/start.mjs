// `npm start`: the Electron app when its binary is present, else the web host (printing its URL
// and opening it in a browser when there is one). No config file means training mode.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

if (!existsSync(join(root, 'dist', 'main', 'cli.js')) || !existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
  process.stderr.write('Membangun station… / Building the station…\n');
  await new Promise((resolve, reject) => {
    const build = spawn(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
    build.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build failed (${code})`))));
  });
}

const electron = electronBinary();
const electronEnv = { ...process.env };
delete electronEnv.ELECTRON_RUN_AS_NODE;
const child =
  electron.path !== null
    ? spawn(electron.path, [root, ...args], { stdio: 'inherit', env: electronEnv })
    : (process.stderr.write(`${electron.reason}\n→ web host / host web\n`),
      spawn(process.execPath, [join(root, 'bin', 'ktp-station.js'), 'serve', '--open', ...args], { stdio: 'inherit' }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
