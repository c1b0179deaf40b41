// One build for main + preload + renderer:
//   esbuild bundles the Node side (CLI, Electron main as ESM; preload as CommonJS, which a
//   sandboxed preload requires), with every npm package left external;
//   Vite builds the React renderer into dist/renderer.
// Type checking is separate (`npm run typecheck`), so a build never waits on it.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'main');
const started = performance.now();
rmSync(out, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  esbuild({
    ...common,
    entryPoints: {
      cli: 'src-main/cli/index.ts',
      'electron-main': 'src-main/electron/main.ts',
      // The Station core off the window's thread: Electron utilityProcess, or a Node worker.
      'core-utility': 'src-main/electron/core-utility-entry.ts',
      'core-worker': 'src-main/core/process/worker-entry.ts',
    },
    outdir: out,
    format: 'esm',
    outExtension: { '.js': '.js' },
  }),
  esbuild({
    ...common,
    entryPoints: { preload: 'src-main/electron/preload.ts' },
    outdir: out,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
  }),
]);
await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
process.stdout.write(`build: main, preload and renderer in ${Math.round(performance.now() - started)} ms\n`);
