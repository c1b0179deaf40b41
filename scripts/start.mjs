// `npm start`: the Electron app when its binary is present, else the web host (printing its URL
// and opening it in a browser when there is one). No config file means training mode.
// Under Electron the Station core runs in a utilityProcess with Electron's ABI: it opens SQLite
// through the Electron build of better-sqlite3 in .electron-natives/ (KTP_SQLITE_BINDING), so
// node_modules keep the Node build that `npm test` and the web host use.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';
import { fetchPrebuilt } from './electron-natives.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const builtFiles = ['cli.js', 'electron-main.js', 'core-utility.js', 'preload.cjs'].map((f) => join(root, 'dist', 'main', f));

if (!builtFiles.every((f) => existsSync(f)) || !existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
  process.stderr.write('Membangun station… / Building the station…\n');
  await new Promise((resolve, reject) => {
    const build = spawn(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
    build.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build failed (${code})`))));
  });
}

/** The Electron launch, or why there is none (then the web host runs instead). */
function electronLaunch() {
  const electron = electronBinary();
  if (electron.path === null) return { reason: electron.reason };
  try {
    const { path } = fetchPrebuilt();
    const env = { ...process.env, KTP_SQLITE_BINDING: path };
    delete env.ELECTRON_RUN_AS_NODE;
    return { command: electron.path, env };
  } catch (error) {
    return { reason: `Electron is present but SQLite for its ABI is not: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const launch = electronLaunch();
const child =
  launch.command !== undefined
    ? spawn(launch.command, [root, ...args], { stdio: 'inherit', env: launch.env })
    : (process.stderr.write(`${launch.reason}\n→ web host / host web\n`),
      spawn(process.execPath, [join(root, 'bin', 'ktp-station.js'), 'serve', '--open', ...args], { stdio: 'inherit' }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
