// Builds the station's N-API addon (native/, README "Native kernels") with node-gyp:
//   npm install / npm ci    run it as the package's "install" script: a build that fails is
//                           reported and the install goes on (exit 0), and the station uses the
//                           JavaScript twins of the kernels (`ktp-station diag` says why);
//   npm run native:build    the same build, but a failure fails the command (exit 1).
// node-gyp is npm's own copy (npm hands its path to scripts as npm_config_node_gyp), built
// against the headers npm is set up with (npm_config_nodedir), so nothing is downloaded here
// when they are on the machine. KTP_NATIVE_BUILD=off skips the build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const strict = process.argv.includes('--strict');
const say = (line) => process.stderr.write(`native: ${line}\n`);

/** npm's node-gyp (lifecycle scripts get its path), else the one next to this Node's npm, else PATH. */
export function nodeGypCommand(env = process.env) {
  const fromNpm = env['npm_config_node_gyp'];
  if (fromNpm !== undefined && fromNpm !== '' && existsSync(fromNpm)) return [process.execPath, fromNpm];
  for (const candidate of [
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ]) {
    if (existsSync(candidate)) return [process.execPath, candidate];
  }
  return [process.platform === 'win32' ? 'node-gyp.cmd' : 'node-gyp'];
}

/**
 * npm's nodedir when npm runs the script; else this Node's own prefix when it ships its headers
 * (include/node/node_api.h), so that a build run by hand downloads nothing either.
 */
export function nodeDirEnv(env = process.env) {
  if ((env['npm_config_nodedir'] ?? '') !== '') return {};
  const prefix = join(dirname(process.execPath), '..');
  return existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? { npm_config_nodedir: prefix } : {};
}

/** Runs `node-gyp rebuild` in `directory` with `extraEnv`; returns the exit status (or 1 when it could not start). */
export function nodeGypRebuild(directory, extraEnv = {}) {
  const [command, ...args] = nodeGypCommand();
  const result = spawnSync(command, [...args, 'rebuild', '--directory', directory], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...nodeDirEnv(), ...extraEnv },
  });
  if (result.error !== undefined) {
    say(`could not start node-gyp (${command}): ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if ((process.env['KTP_NATIVE_BUILD'] ?? '').toLowerCase() === 'off') {
    say('KTP_NATIVE_BUILD=off: not built; the station uses the JavaScript kernels');
    process.exit(0);
  }
  const status = nodeGypRebuild(join(root, 'native'));
  const built = join(root, 'native', 'build', 'Release', 'ktp_kernels.node');
  if (status === 0 && existsSync(built)) {
    say(`built ${built}`);
    process.exit(0);
  }
  say(`the addon did not build (node-gyp exit ${status}). It needs python3, make and a C++ compiler (Debian: apt-get install build-essential python3) and Node's headers.`);
  if (strict) process.exit(1);
  say('the install goes on: the station uses the JavaScript kernels (same results, slower); `ktp-station diag` reports it. Fix the tools, then: npm run native:build');
  process.exit(0);
}
