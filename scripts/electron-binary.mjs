// Where the Electron binary is, or why there is none. The npm package installs without it
// (package.json "allowScripts" keeps its download step from running); `npm run electron:fetch`
// downloads it where the network allows.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

export function electronBinary() {
  const require = createRequire(import.meta.url);
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { path: null, reason: 'Electron binary not available on this machine (fetch it with `npm run electron:fetch`, which needs internet access)' };
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary)
    ? { path: binary, reason: null }
    : { path: null, reason: `Electron binary missing at ${binary} (run \`npm run electron:fetch\`)` };
}
