#!/usr/bin/env node
// The `ktp-station` command: runs the built CLI (dist/main/cli.js, made by `npm run build`,
// which `npm install` runs through the `prepare` script).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write(
    'KTP Station belum dibangun: jalankan `npm run build`. / KTP Station is not built: run `npm run build`.\n',
  );
  process.exit(2);
}
await import(pathToFileURL(cli).href);
