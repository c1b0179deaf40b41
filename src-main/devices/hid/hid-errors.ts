import { TransportError } from '../transport.js';
import type { TransportFaultCode } from '../transport.js';

/** The udev rule that lets the station's user open Wacom (056a) hidraw nodes on Linux. */
export const WACOM_UDEV_RULE = 'SUBSYSTEM=="hidraw", ATTRS{idVendor}=="056a", MODE="0660", GROUP="plugdev"';

/** The udev rule for any vendor id (four lower-case hex digits). */
export function udevRuleFor(vendorId: number): string {
  const vid = vendorId.toString(16).toLowerCase().padStart(4, '0');
  return `SUBSYSTEM=="hidraw", ATTRS{idVendor}=="${vid}", MODE="0660", GROUP="plugdev"`;
}

export interface Bilingual {
  id: string;
  en: string;
}

/**
 * What the technician reads for each transport fault on a HID device, with what to do.
 * `vendorId` shapes the udev rule of the permission fix.
 */
export function hidFaultText(code: TransportFaultCode, path: string, vendorId?: number): Bilingual {
  switch (code) {
    case 'PORT_MISSING':
      return {
        id: `Perangkat HID ${path} tidak ditemukan. Periksa kabel USB, colokkan ulang, lalu coba lagi.`,
        en: `HID device ${path} was not found. Check the USB cable, plug it in again and retry.`,
      };
    case 'PERMISSION_DENIED': {
      const rule = udevRuleFor(vendorId ?? 0x056a);
      return {
        id: `Tidak ada izin membuka ${path}. Di Linux tambahkan aturan udev /etc/udev/rules.d/70-ktp-station.rules: ${rule}, jalankan "sudo udevadm control --reload && sudo udevadm trigger", masukkan pengguna ke grup plugdev, lalu colokkan ulang.`,
        en: `No permission to open ${path}. On Linux add the udev rule /etc/udev/rules.d/70-ktp-station.rules: ${rule}, run "sudo udevadm control --reload && sudo udevadm trigger", add the user to the plugdev group, then plug the device in again.`,
      };
    }
    case 'PORT_BUSY':
      return {
        id: `${path} sedang dipakai program lain. Tutup aplikasi vendor atau tab peramban yang memakainya, lalu coba lagi.`,
        en: `${path} is in use by another program. Close the vendor's application or the browser tab using it, then retry.`,
      };
    case 'DEVICE_GONE':
      return {
        id: `Perangkat ${path} terputus. Colokkan ulang kabel USB; stasiun akan menyambung kembali.`,
        en: `Device ${path} was disconnected. Plug the USB cable in again; the station reconnects.`,
      };
    case 'TIMEOUT':
      return {
        id: `Perangkat ${path} tidak menjawab. Cabut dan colokkan ulang; bila terulang, ganti kabel atau port USB.`,
        en: `Device ${path} did not answer. Unplug it and plug it in again; if it repeats, change the cable or USB port.`,
      };
    case 'CLOSED':
      return {
        id: `Sambungan ke ${path} sudah ditutup. Buka ulang perangkat dari halaman Diagnostik.`,
        en: `The connection to ${path} is closed. Open the device again from the Diagnostik page.`,
      };
    case 'IO_ERROR':
      return {
        id: `Galat baca/tulis pada ${path}. Colokkan ulang perangkat; bila terulang, jalankan diagnostik.`,
        en: `Read/write error on ${path}. Plug the device in again; if it repeats, run the diagnostics.`,
      };
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function errnoOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** Where in the device's life the failure happened: opening it, or reading/writing an open one. */
export type HidPhase = 'open' | 'io';

/**
 * Maps what node-hid (hidapi) throws to a TransportFaultCode. hidapi words its errors loosely
 * ("cannot open device with path …", "could not read from HID device"), so the open phase also
 * takes what the caller checked itself: whether the path is still listed and readable.
 */
export function classifyHidError(error: unknown, phase: HidPhase, facts: { listed?: boolean; accessDenied?: boolean } = {}): TransportFaultCode {
  const text = messageOf(error).toLowerCase();
  const errno = errnoOf(error);
  if (errno === 'EACCES' || errno === 'EPERM' || text.includes('permission denied') || text.includes('access denied') || facts.accessDenied === true) {
    return 'PERMISSION_DENIED';
  }
  if (errno === 'EBUSY' || text.includes('busy') || text.includes('exclusive') || text.includes('in use')) return 'PORT_BUSY';
  if (errno === 'ENOENT' || errno === 'ENODEV' || text.includes('no such') || text.includes('not found')) {
    return phase === 'open' ? 'PORT_MISSING' : 'DEVICE_GONE';
  }
  if (phase === 'open') return facts.listed === false ? 'PORT_MISSING' : 'IO_ERROR';
  // An open device that fails a read or write has, in practice, been unplugged.
  if (text.includes('could not read') || text.includes('cannot write') || text.includes('could not write') || text.includes('device has been disconnected')) {
    return 'DEVICE_GONE';
  }
  return 'IO_ERROR';
}

export function hidTransportError(error: unknown, path: string, phase: HidPhase, facts: { listed?: boolean; accessDenied?: boolean; vendorId?: number } = {}): TransportError {
  if (error instanceof TransportError) return error;
  const code = classifyHidError(error, phase, facts);
  return new TransportError(code, path, `${hidFaultText(code, path, facts.vendorId).en} (${messageOf(error)})`, { cause: error });
}
