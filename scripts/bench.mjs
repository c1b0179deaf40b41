// `npm run bench -- NAME [ARGS]`: runs tests/bench/NAME.bench.mjs, which prints JSON lines.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'tests', 'bench');
const [name, ...args] = process.argv.slice(2);
const available = readdirSync(benchDir)
  .filter((f) => /\.bench\.(mjs|ts)$/.test(f))
  .map((f) => f.replace(/\.bench\.(mjs|ts)$/, ''));
if (name === undefined || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- NAME   (one of: ${available.join(', ')})\n`);
  process.exit(2);
}
if (!existsSync(join(root, 'dist', 'main', 'cli.js'))) {
  process.stderr.write('run `npm run build` first\n');
  process.exit(2);
}
let entry = join(benchDir, `${name}.bench.mjs`);
if (!existsSync(entry)) {
  // TypeScript benches use the core's source directly: bundle them into the project's cache
  // (inside the tree, so their imports resolve from node_modules).
  const { build } = await import('esbuild');
  const out = join(root, 'node_modules', '.cache', 'ktp-station', `${name}.bench.mjs`);
  await build({
    entryPoints: [join(benchDir, `${name}.bench.ts`)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    absWorkingDir: root,
    logLevel: 'warning',
  });
  entry = out;
}
const bench = await import(pathToFileURL(entry).href);
await bench.run(args);
