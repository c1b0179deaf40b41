import type { DiagCheck } from '../contract/methods/diag.js';
import type { NativeKernelStatus } from '../imaging/native-addon.js';
import { EXPECTED_KERNELS_VERSION, nativeKernelStatus } from '../imaging/native-addon.js';
import { pass, text, warn } from './check.js';

const title = text('Kernel gambar native', 'Native image kernels');

const FIXES: Record<Exclude<NativeKernelStatus, { loaded: true }>['code'], { id: string; en: string }> = {
  DISABLED: {
    id: 'KTP_NATIVE=off disetel untuk station ini. Hapus variabel itu bila kernel native tidak sengaja dimatikan.',
    en: 'KTP_NATIVE=off is set for this station. Remove it unless the native kernels were turned off on purpose.',
  },
  NOT_BUILT: {
    id: 'Pasang ulang paket station. Pada salinan pengembangan: apt-get install build-essential python3, lalu npm run native:build.',
    en: 'Reinstall the station package. On a development checkout: apt-get install build-essential python3, then npm run native:build.',
  },
  LOAD_FAILED: {
    id: 'Pasang ulang paket station (berkas .node rusak atau untuk mesin lain). Pada salinan pengembangan: npm run native:build.',
    en: 'Reinstall the station package (the .node file is damaged or for another machine). On a development checkout: npm run native:build.',
  },
  WRONG_VERSION: {
    id: 'Modul native dibangun dari sumber lain. Pasang ulang paket station, atau jalankan npm run native:build.',
    en: 'The native module was built from other sources. Reinstall the station package, or run npm run native:build.',
  },
};

/**
 * Whether the image kernels (fingerprint quality, card panels) run natively. Without the addon
 * the JavaScript twins give the same results, only slower: a warning, never a failure.
 */
export function checkNativeKernels(status: NativeKernelStatus = nativeKernelStatus()): DiagCheck {
  const base = { id: 'software.native-kernels', section: 'software' as const, subject: 'native/ (ktp_kernels.node)', title };
  if (status.loaded) {
    return pass({ ...base, observed: status.path, facts: { loaded: true, path: status.path, kernelsVersion: EXPECTED_KERNELS_VERSION } });
  }
  return warn({
    ...base,
    code: `NATIVE_${status.code}`,
    observed: status.reason,
    cause: text(
      `Kernel gambar native tidak dipakai (${status.reason}). Penilaian sidik jari dan panel kartu memakai kembaran JavaScript: hasil sama, lebih lambat.`,
      `The native image kernels are not in use (${status.reason}). Fingerprint quality and card panels use the JavaScript twins: the same results, slower.`,
    ),
    fix: FIXES[status.code],
    facts: { loaded: false, reason: status.reason },
  });
}
