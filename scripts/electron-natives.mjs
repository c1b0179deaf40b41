// `npm run electron:natives`: better-sqlite3 built for the installed Electron's ABI, kept apart
// from node_modules in .electron-natives/, so that `npm start` (Electron) and `npm test` (Node)
// run from the same checkout. `npm start` passes its path to the app as KTP_SQLITE_BINDING.
// serialport and node-hid need nothing: their N-API prebuilds load under Electron as they are.
// Needs internet access: the prebuilt addon comes from better-sqlite3's release downloads.
//
// The station's own addon (native/, the image kernels) is Node-API too: `npm install` builds it
// against Node's headers and that very file loads in Electron (Node-API is ABI-stable across
// Node and Electron versions), so `npm start` uses native/build as it is. At packaging time
// scripts/dist.mjs rebuilds it from source in the stage (buildNativeKernels below) and checks
// that it loads under the Electron binary where one is present (checkKernelsInElectron).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';
import { nodeGypRebuild } from './native-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Where the Electron build of better-sqlite3 lives for the installed Electron version. */
export function electronSqliteBinding() {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  return {
    electronVersion,
    path: join(root, '.electron-natives', `electron-${electronVersion}-${process.platform}-${process.arch}`, 'better_sqlite3.node'),
  };
}

function fetchPrebuilt() {
  const { electronVersion, path } = electronSqliteBinding();
  if (existsSync(path)) return { path, fetched: false };
  const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(join(tmpdir(), 'ktp-electron-natives-'));
  try {
    // prebuild-install writes into the package folder it runs in: a copy, not node_modules.
    cpSync(join(sqliteDir, 'package.json'), join(work, 'package.json'));
    const prebuildInstall = require.resolve('prebuild-install/bin.js');
    const result = spawnSync(
      process.execPath,
      [prebuildInstall, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform, '--verbose'],
      { cwd: work, encoding: 'utf8' },
    );
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    if (result.status !== 0 || !existsSync(built)) {
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-6).join('\n');
      throw new Error(
        `could not fetch better-sqlite3 for Electron ${electronVersion} (${process.platform}-${process.arch}); this needs internet access.\n${output}\n` +
          `Or build it from source where Electron's headers can be downloaded: npx @electron/rebuild -v ${electronVersion} -o better-sqlite3 (in a copy of the project), then copy build/Release/better_sqlite3.node to ${path}`,
      );
    }
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(built, path);
    return { path, fetched: true };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Builds native/ (the kernels) from source in `appDir` (the stage) for the packaged app; returns
 * the .node path. Throws when the build fails: an installer without its kernels would run every
 * kernel in JavaScript, so packaging stops and says so.
 */
export function buildNativeKernels(appDir) {
  const status = nodeGypRebuild(join(appDir, 'native'));
  const built = join(appDir, 'native', 'build', 'Release', 'ktp_kernels.node');
  if (status !== 0 || !existsSync(built)) throw new Error(`native kernels did not build in ${appDir} (node-gyp exit ${status}); see above`);
  return built;
}

/** Loads `addonPath` under Electron (as Node: ELECTRON_RUN_AS_NODE) and reads its kernels version; null when there is no Electron binary here. */
export function checkKernelsInElectron(addonPath) {
  const { path: electron, reason } = electronBinary();
  if (electron === null) return { loaded: null, detail: reason };
  const result = spawnSync(electron, ['-e', `process.stdout.write(String(require(${JSON.stringify(addonPath)}).kernelsVersion))`], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
  });
  return result.status === 0 ? { loaded: true, detail: `kernels version ${result.stdout.trim()} under ${electron}` } : { loaded: false, detail: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kernels = join(root, 'native', 'build', 'Release', 'ktp_kernels.node');
  if (existsSync(kernels)) {
    const check = checkKernelsInElectron(kernels);
    process.stdout.write(`native kernels (${kernels}): ${check.loaded === null ? 'not checked' : check.loaded ? 'load' : 'DO NOT LOAD'} under Electron: ${check.detail}\n`);
  } else {
    process.stdout.write(`native kernels: not built (${kernels}); npm run native:build\n`);
  }
  try {
    const { path, fetched } = fetchPrebuilt();
    process.stdout.write(`${fetched ? 'fetched' : 'already present'}: ${path}\n`);
  } catch (error) {
    process.stderr.write(`electron:natives: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

export { fetchPrebuilt };
