import type { DiagCheck } from '../../src-main/contract/index.js';

/**
 * The camera is opened by this window (getUserMedia), so the window checks it: the cameras the
 * browser sees replace the station's "checked in the window" row for each configured camera.
 */
export async function cameraCheck(template: DiagCheck): Promise<DiagCheck> {
  const base = { ...template, latencyMs: null };
  let inputs: MediaDeviceInfo[];
  try {
    inputs = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      status: 'fail',
      code: 'CAMERA_UNAVAILABLE',
      observed: reason,
      cause: { id: `Jendela station tidak dapat menanyakan kamera (${reason}).`, en: `The station window cannot ask for cameras (${reason}).` },
      fix: { id: 'Buka station lewat alamat 127.0.0.1 yang dicetaknya, atau di aplikasi desktop.', en: 'Open the station at the 127.0.0.1 address it printed, or in the desktop app.' },
      facts: {},
    };
  }
  if (inputs.length === 0) {
    return {
      ...base,
      status: 'fail',
      code: 'CAMERA_MISSING',
      observed: '0 cameras',
      cause: { id: 'Tidak ada kamera yang terlihat oleh jendela station.', en: 'The station window sees no camera.' },
      fix: {
        id: 'Pasang kamera USB (atau cabut lalu pasang lagi), tunggu lampunya menyala, lalu periksa lagi. Tanpa kamera, foto memakai contoh pelatihan.',
        en: 'Plug the USB camera in (or unplug and replug it), wait for its light, then check again. Without a camera the photo uses the training sample.',
      },
      facts: { cameras: 0 },
    };
  }
  const names = inputs.map((d, i) => (d.label === '' ? `camera ${i + 1}` : d.label));
  return { ...base, status: 'pass', code: null, observed: names.join(', '), cause: null, fix: null, facts: { cameras: inputs.length } };
}
