// `npm run bench -- NAME [ARGS]`: runs tests/bench/NAME.bench.mjs, which prints JSON lines.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'tests', 'bench');
const [name, ...args] = process.argv.slice(2);
const available = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .map((f) => f.replace('.bench.mjs', ''));
if (name === undefined || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- NAME   (one of: ${available.join(', ')})\n`);
  process.exit(2);
}
if (!existsSync(join(root, 'dist', 'main', 'cli.js'))) {
  process.stderr.write('run `npm run build` first\n');
  process.exit(2);
}
const bench = await import(pathToFileURL(join(benchDir, `${name}.bench.mjs`)).href);
await bench.run(args);
