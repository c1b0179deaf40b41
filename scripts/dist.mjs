// `npm run dist [-- electron-builder flags, e.g. --dir, --linux, --win]`: installers with
// electron-builder (electron-builder.yml). The app is staged in out/stage with its production
// dependencies, and electron-builder runs there: it rebuilds the natives for Electron's ABI in
// the stage, so this checkout's node_modules keep the Node build that the tests use.
// Needs internet access (npm registry, and electron-builder's downloads of Electron and its headers).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNativeKernels, checkKernelsInElectron } from './electron-natives.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stage = join(root, 'out', 'stage');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function step(label, command, args, cwd) {
  process.stdout.write(`\n=== dist: ${label} ===\n`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    process.stderr.write(`dist: ${label} failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status ?? 1);
  }
}

step('build', process.execPath, [join(root, 'scripts', 'build.mjs')], root);

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const entry of ['dist', 'build', 'packaging', 'package.json', 'package-lock.json', 'electron-builder.yml']) {
  cpSync(join(root, entry), join(stage, entry), { recursive: true, filter: (source) => !source.endsWith('.map') });
}
// The kernels' sources, not this checkout's build of them (rebuilt below).
for (const entry of ['native/binding.gyp', 'native/src']) cpSync(join(root, entry), join(stage, entry), { recursive: true });
// Production dependencies only, no install scripts: the natives are built for Electron below.
step('stage production dependencies', npm, ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], stage);
// The station's addon (native/, Node-API): built from source in the stage, then packed as
// native/build/Release/ktp_kernels.node, unpacked from the asar (electron-builder.yml).
process.stdout.write('\n=== dist: native kernels ===\n');
try {
  const kernels = buildNativeKernels(stage);
  const check = checkKernelsInElectron(kernels);
  if (check.loaded === false) throw new Error(`the kernels do not load under Electron: ${check.detail}`);
  process.stdout.write(`dist: ${kernels} (${check.loaded === null ? `not checked under Electron: ${check.detail}` : check.detail})\n`);
} catch (error) {
  process.stderr.write(`dist: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
step('electron-builder', npx, ['--yes', 'electron-builder@26', '--config', 'electron-builder.yml', ...process.argv.slice(2)], stage);
process.stdout.write(`\ndist: installers in ${join(stage, 'out', 'installers')}\n`);
