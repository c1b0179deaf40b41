import type { LocalizedText } from '../contract/errors.js';
import { TransportError } from './transport.js';
import type { TransportFaultCode } from './transport.js';

/**
 * Turns what the OS or a library said about a port into a TransportError in the technician's
 * words, and words every fault code in both languages with the fix to apply.
 */

/** USB ids of the device, when known, so the permission fix can name an exact udev rule. */
export interface UsbIds {
  vendorId?: number | undefined;
  productId?: number | undefined;
}

function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}

/** The udev rule that lets the station's user open the port without root (Linux). */
export function udevRule(ids: UsbIds = {}): string {
  const match =
    ids.vendorId === undefined || ids.productId === undefined
      ? 'KERNEL=="ttyUSB[0-9]*"'
      : `ATTRS{idVendor}=="${hex4(ids.vendorId)}", ATTRS{idProduct}=="${hex4(ids.productId)}"`;
  return `SUBSYSTEM=="tty", ${match}, MODE="0660", GROUP="dialout"`;
}

/** Bilingual words for a fault on `path`: what is wrong and what to do. */
export function describeTransportFault(code: TransportFaultCode, path: string, ids: UsbIds = {}): LocalizedText {
  switch (code) {
    case 'PORT_MISSING':
      return {
        id: `Port ${path} tidak ada. Periksa kabel USB perangkat dan colokkan kembali; periksa jalur port di konfigurasi.`,
        en: `Port ${path} does not exist. Check the device's USB cable and plug it in again; check the port path in the configuration.`,
      };
    case 'PERMISSION_DENIED':
      return {
        id: `Tidak ada izin membuka ${path}. Di Linux: jalankan "sudo usermod -aG dialout $USER" lalu keluar dan masuk lagi, atau pasang aturan udev /etc/udev/rules.d/99-ktp-station.rules: ${udevRule(ids)} lalu "sudo udevadm control --reload-rules && sudo udevadm trigger".`,
        en: `No permission to open ${path}. On Linux: run "sudo usermod -aG dialout $USER" and log out and in again, or install the udev rule /etc/udev/rules.d/99-ktp-station.rules: ${udevRule(ids)} then "sudo udevadm control --reload-rules && sudo udevadm trigger".`,
      };
    case 'PORT_BUSY':
      return {
        id: `Port ${path} sedang dipakai program lain. Tutup program lain yang memakai perangkat ini (atau station kedua), lalu coba lagi.`,
        en: `Port ${path} is in use by another program. Close the other program using this device (or a second station), then try again.`,
      };
    case 'DEVICE_GONE':
      return {
        id: `Perangkat di ${path} terputus. Colokkan kembali kabelnya; station menyambung ulang sendiri.`,
        en: `The device on ${path} was disconnected. Plug the cable in again; the station reconnects by itself.`,
      };
    case 'TIMEOUT':
      return {
        id: `Perangkat di ${path} tidak menjawab. Periksa kabel dan daya perangkat, serta kecepatan baud di konfigurasi.`,
        en: `The device on ${path} did not answer. Check the cable, the device's power and the baud rate in the configuration.`,
      };
    case 'CLOSED':
      return {
        id: `Sambungan ke ${path} sudah ditutup. Sambungkan ulang perangkat dari halaman Diagnostik.`,
        en: `The connection to ${path} is closed. Reconnect the device from the Diagnostik page.`,
      };
    case 'IO_ERROR':
      return {
        id: `Gangguan baca/tulis pada ${path}. Cabut dan colokkan kembali perangkat; bila berulang, ganti kabel atau port USB.`,
        en: `Read/write error on ${path}. Unplug the device and plug it in again; if it repeats, change the cable or USB port.`,
      };
  }
}

export function transportError(code: TransportFaultCode, path: string, cause?: unknown, ids: UsbIds = {}): TransportError {
  return new TransportError(code, path, describeTransportFault(code, path, ids).en, cause === undefined ? undefined : { cause });
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  disconnected?: unknown;
  disconnect?: unknown;
}

function asErrorLike(value: unknown): ErrorLike {
  return typeof value === 'object' && value !== null ? (value) : {};
}

/**
 * Classifies an error from opening a port. serialport reports errno text in its message
 * ("Error: No such file or directory, cannot open /dev/ttyUSB0"), so both code and text count.
 */
export function classifyOpenError(error: unknown, path: string, ids: UsbIds = {}): TransportError {
  if (error instanceof TransportError) return error;
  const { code, message } = asErrorLike(error);
  const text = `${typeof code === 'string' ? code : ''} ${typeof message === 'string' ? message : ''}`;
  if (/ENOENT|No such file|cannot find|File not found/i.test(text)) return transportError('PORT_MISSING', path, error, ids);
  if (/EACCES|EPERM|Permission denied|Access denied/i.test(text)) return transportError('PERMISSION_DENIED', path, error, ids);
  if (/EBUSY|EAGAIN|Cannot lock port|Resource busy|Resource temporarily unavailable/i.test(text)) return transportError('PORT_BUSY', path, error, ids);
  if (/ENXIO|ENODEV|No such device/i.test(text)) return transportError('DEVICE_GONE', path, error, ids);
  return transportError('IO_ERROR', path, error, ids);
}

/** Classifies an error while the port was open: a vanished device, else an I/O error. */
export function classifyIoError(error: unknown, path: string, ids: UsbIds = {}): TransportError {
  if (error instanceof TransportError) return error;
  const { code, message, disconnected, disconnect } = asErrorLike(error);
  const text = `${typeof code === 'string' ? code : ''} ${typeof message === 'string' ? message : ''}`;
  if (disconnected === true || disconnect === true || /EIO|ENXIO|ENODEV|EBADF|No such device|Input\/output error/i.test(text)) {
    return transportError('DEVICE_GONE', path, error, ids);
  }
  return transportError('IO_ERROR', path, error, ids);
}
