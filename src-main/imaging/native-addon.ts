/**
 * The one place that loads the native kernels (native/, built by node-gyp during npm install):
 * once, on first use, remembering why when it could not. Without the addon every kernel runs its
 * JavaScript twin, with the same results; `ktp-station diag` reports which and why.
 *
 *   KTP_NATIVE=off          use the JavaScript twins (tests, or a technician ruling the addon out)
 *   KTP_NATIVE_PATH=FILE    load this .node file instead of native/build (npm run test:asan)
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** native/src/kernels.h kKernelsVersion: an addon built from other sources is not used. */
export const EXPECTED_KERNELS_VERSION = 1;

export type NativeUnavailableCode = 'DISABLED' | 'NOT_BUILT' | 'LOAD_FAILED' | 'WRONG_VERSION';

export type NativeKernelStatus =
  | { readonly loaded: true; readonly path: string }
  | { readonly loaded: false; readonly code: NativeUnavailableCode; readonly reason: string };

/** The addon's exports as native/src/addon.cc defines them (arguments unchecked here: the wrapper checks, and so does the C++). */
export interface NativeAddon {
  readonly kernelsVersion: number;
  readonly maxSide: number;
  fingerprintBlockFeatures(
    pixels: Uint8Array,
    width: number,
    height: number,
    blockSize: number,
  ): { blockSize: number; blocksX: number; blocksY: number; contrast: Float32Array; coherence: Float32Array; foreground: Uint8Array };
  colourPanels(rgb: Uint8Array, width: number, height: number, bitsPerDot: number, floydSteinberg: 0 | 1): [Uint8Array, Uint8Array, Uint8Array];
  monoPanel(mask: Uint8Array, width: number, height: number): Uint8Array;
  packBits(levels: Uint8Array, bitsPerDot: number): Uint8Array;
}

export interface LoadedNative {
  readonly addon: NativeAddon | null;
  readonly status: NativeKernelStatus;
}

const requireNative = createRequire(import.meta.url);

/** The checkout's or the packaged app's root: the nearest folder above `from` whose package.json is ktp-station's. */
export function stationRoot(from: string): string | null {
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'ktp-station') return dir;
      } catch {
        // not a readable manifest: keep looking above
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

function unavailable(code: NativeUnavailableCode, reason: string): LoadedNative {
  return { addon: null, status: { loaded: false, code, reason } };
}

/** Loads the addon as `env` says, without remembering (the tests call it; the station uses nativeAddon()). */
export function loadNativeAddon(env: NodeJS.ProcessEnv = process.env, from: string = fileURLToPath(import.meta.url)): LoadedNative {
  if ((env['KTP_NATIVE'] ?? '').toLowerCase() === 'off') return unavailable('DISABLED', 'KTP_NATIVE=off: the JavaScript kernels are used');
  let path = env['KTP_NATIVE_PATH'] ?? '';
  if (path === '') {
    const root = stationRoot(from);
    if (root === null) return unavailable('NOT_BUILT', `no ktp-station package.json above ${dirname(from)}`);
    try {
      path = (requireNative('node-gyp-build') as { path(dir: string): string }).path(join(root, 'native'));
    } catch (error: unknown) {
      return unavailable('NOT_BUILT', `no build of the addon in ${join(root, 'native', 'build')}: ${message(error)}`);
    }
  }
  let addon: NativeAddon;
  try {
    addon = requireNative(path) as NativeAddon;
  } catch (error: unknown) {
    return unavailable('LOAD_FAILED', `${path} did not load: ${message(error)}`);
  }
  const functions = ['fingerprintBlockFeatures', 'colourPanels', 'monoPanel', 'packBits'] as const;
  if (addon.kernelsVersion !== EXPECTED_KERNELS_VERSION || functions.some((name) => typeof addon[name] !== 'function')) {
    return unavailable(
      'WRONG_VERSION',
      `${path} holds kernels version ${String(addon.kernelsVersion)}, this station needs ${EXPECTED_KERNELS_VERSION}: it was built from other sources`,
    );
  }
  return { addon, status: { loaded: true, path } };
}

let loaded: LoadedNative | undefined;

/** The addon, loaded on first use; null when the JavaScript twins are used. */
export function nativeAddon(): NativeAddon | null {
  loaded ??= loadNativeAddon();
  return loaded.addon;
}

/** Whether the native kernels are in use, and if not, why. */
export function nativeKernelStatus(): NativeKernelStatus {
  loaded ??= loadNativeAddon();
  return loaded.status;
}
