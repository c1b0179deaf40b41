// `npm run test:asan`: the addon's tests against a build of it with AddressSanitizer.
//   1. native/ is built with -fsanitize=address -fno-omit-frame-pointer into native/build-asan/
//      (a copy of binding.gyp and src/, so the normal build in native/build stays as it is);
//   2. tests/unit/native-kernels.test.ts runs in Node with the ASan runtime preloaded
//      (LD_PRELOAD=$(gcc -print-file-name=libasan.so): Node itself is not instrumented, so the
//      runtime must come first) and KTP_NATIVE_PATH pointing the loader at the ASan build; the
//      tests then fail, rather than skip, if that build does not load.
// ASAN_OPTIONS=detect_leaks=0: Node does not free everything at exit, and LeakSanitizer would
// report those as leaks of the process; an out-of-bounds access, use-after-free or double free in
// the addon still stops the run with ASan's report (exit code non-zero). The output is kept in
// native/build-asan/asan-run.log. Linux with gcc only.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeGypRebuild } from './native-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'native', 'build-asan');
const say = (line) => process.stdout.write(`test:asan: ${line}\n`);

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(join(root, 'native', 'binding.gyp'), join(work, 'binding.gyp'));
cpSync(join(root, 'native', 'src'), join(work, 'src'), { recursive: true });
say(`building the addon with AddressSanitizer in ${work}`);
if (nodeGypRebuild(work, { GYP_DEFINES: 'ktp_sanitize=address' }) !== 0) {
  say('the ASan build failed');
  process.exit(1);
}
const addon = join(work, 'build', 'Release', 'ktp_kernels.node');
const libasan = spawnSync('gcc', ['-print-file-name=libasan.so'], { encoding: 'utf8' }).stdout.trim();
if (!existsSync(addon) || libasan === '' || !existsSync(libasan)) {
  say(`missing ${existsSync(addon) ? `the ASan runtime (gcc -print-file-name=libasan.so gave "${libasan}")` : addon}`);
  process.exit(1);
}
const env = {
  ...process.env,
  LD_PRELOAD: libasan,
  ASAN_OPTIONS: 'detect_leaks=0:abort_on_error=0:halt_on_error=1',
  KTP_NATIVE_PATH: addon,
};
say(`LD_PRELOAD=${libasan} ASAN_OPTIONS=${env.ASAN_OPTIONS} KTP_NATIVE_PATH=${addon}`);
const log = createWriteStream(join(work, 'asan-run.log'));
const child = spawn(join(root, 'node_modules', '.bin', 'vitest'), ['run', 'tests/unit/native-kernels.test.ts', '--reporter=verbose'], { cwd: root, env });
for (const stream of [child.stdout, child.stderr]) {
  stream.on('data', (chunk) => {
    process.stdout.write(chunk);
    log.write(chunk);
  });
}
child.on('exit', (code, signal) => {
  const line = code === 0 ? 'passed under AddressSanitizer (no report)' : `FAILED (exit ${code ?? signal}); an ASan report above names the access`;
  log.end(`\ntest:asan: ${line}\n`);
  say(line);
  say(`log: ${join(work, 'asan-run.log')}`);
  process.exit(code ?? 1);
});
