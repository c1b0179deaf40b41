import type { LocalizedText } from '../../contract/errors.js';
import { IrisCameraError } from '../iris/iris-camera.js';
import { SignaturePadError } from '../signature/signature-pad.js';

/** How a HID driver's own failure reaches the operator: what kind of problem, in their words. */
export interface HidDriverFault {
  /** The driver's code, e.g. NO_SIGNATURE, CAPTURE_FAILED. */
  code: string;
  /** The resident or the operator can fix it at the desk (retake), or the device is at fault. */
  category: 'capture' | 'busy' | 'device';
  message: LocalizedText;
  details: Readonly<Record<string, unknown>>;
}

const IRIS_FAILURES: Record<string, LocalizedText> = {
  NO_EYE: {
    id: 'Kamera iris tidak menemukan mata. Minta penduduk mendekat dan menatap lurus ke kamera, lalu ambil lagi.',
    en: 'The iris camera found no eye. Ask the resident to come closer and look straight into the camera, then capture again.',
  },
  EYE_CLOSED: {
    id: 'Mata tertutup. Minta penduduk membuka mata lebar-lebar dan tidak berkedip, lalu ambil lagi.',
    en: 'The eye was closed. Ask the resident to open their eyes wide and not blink, then capture again.',
  },
  TOO_MUCH_MOTION: {
    id: 'Kepala penduduk bergerak. Minta penduduk diam sejenak, lalu ambil lagi.',
    en: 'The resident moved. Ask them to hold still for a moment, then capture again.',
  },
  TOO_BRIGHT: {
    id: 'Cahaya terlalu terang untuk kamera iris. Jauhkan kamera dari jendela atau lampu, lalu ambil lagi.',
    en: 'Too much light for the iris camera. Turn it away from windows or lamps, then capture again.',
  },
  UNKNOWN: { id: 'Kamera iris gagal mengambil gambar. Ambil lagi.', en: 'The iris camera could not take the picture. Capture again.' },
};

function padFault(error: SignaturePadError): HidDriverFault {
  const details = error.details;
  switch (error.code) {
    case 'NO_SIGNATURE':
      return {
        code: error.code,
        category: 'capture',
        details,
        message: {
          id: 'Belum ada tanda tangan di pad. Minta penduduk menandatangani layar pad dengan pena, lalu ambil lagi.',
          en: 'Nothing was signed on the pad. Ask the resident to sign on the pad\'s screen with the pen, then capture again.',
        },
      };
    case 'NOT_READY':
      return {
        code: error.code,
        category: 'busy',
        details,
        message: {
          id: 'Pad tanda tangan sedang sibuk. Tunggu sebentar lalu coba lagi; bila tetap sibuk, cabut dan pasang lagi kabel USB-nya.',
          en: 'The signature pad is busy. Wait a moment and try again; if it stays busy, unplug and replug its USB cable.',
        },
      };
    case 'STOPPED_MID_STROKE':
      return {
        code: error.code,
        category: 'device',
        details,
        message: {
          id: 'Pad berhenti mengirim data saat pena masih menempel. Periksa kabel USB pad, lalu ambil ulang tanda tangan.',
          en: 'The pad stopped sending while the pen was down. Check the pad\'s USB cable, then take the signature again.',
        },
      };
    case 'TOO_MANY_CORRUPT_REPORTS':
      return {
        code: error.code,
        category: 'device',
        details,
        message: {
          id: 'Terlalu banyak data pena yang rusak. Periksa atau ganti kabel USB pad, lalu ambil ulang tanda tangan.',
          en: 'Too many pen reports were corrupt. Check or replace the pad\'s USB cable, then take the signature again.',
        },
      };
    case 'PROTOCOL':
      return {
        code: error.code,
        category: 'device',
        details,
        message: {
          id: 'Pad tanda tangan menjawab dengan data yang tidak dapat dibaca. Cabut dan pasang lagi pad; bila berulang, periksa bahwa perangkat di konfigurasi memang pad tanda tangan.',
          en: 'The signature pad answered with data that cannot be read. Unplug and replug it; if it happens again, check that the configured device really is a signature pad.',
        },
      };
  }
}

function irisFault(error: IrisCameraError): HidDriverFault {
  const details = error.details;
  switch (error.code) {
    case 'CAPTURE_FAILED': {
      const failure = typeof details['failure'] === 'string' ? details['failure'] : 'UNKNOWN';
      return { code: error.code, category: 'capture', details, message: IRIS_FAILURES[failure] ?? (IRIS_FAILURES['UNKNOWN'] as LocalizedText) };
    }
    case 'WRONG_IMAGE_SIZE':
      return {
        code: error.code,
        category: 'device',
        details,
        message: {
          id: 'Kamera iris mengirim gambar berukuran lain dari yang diumumkannya. Catat model dan firmware di halaman Diagnostik, lalu perbarui firmware atau ganti kamera.',
          en: 'The iris camera sent an image of another size than it announced. Note its model and firmware from the Diagnostik page, then update the firmware or replace the camera.',
        },
      };
    case 'IMAGE_INCOMPLETE':
      return {
        code: error.code,
        category: 'device',
        details,
        message: {
          id: 'Gambar iris tidak sampai utuh meski sudah diminta ulang. Periksa kabel USB kamera, lalu ambil lagi.',
          en: 'The iris image did not arrive whole, even when asked for again. Check the camera\'s USB cable, then capture again.',
        },
      };
    case 'PROTOCOL':
      return {
        code: error.code,
        category: 'device',
        details,
        message: {
          id: 'Kamera iris menjawab dengan data yang tidak dapat dibaca. Cabut dan pasang lagi kamera; bila berulang, periksa bahwa perangkat di konfigurasi memang kamera iris.',
          en: 'The iris camera answered with data that cannot be read. Unplug and replug it; if it happens again, check that the configured device really is an iris camera.',
        },
      };
  }
}

/** The operator's view of a signature pad's or an iris camera's own error; null for anything else. */
export function describeHidDriverFault(error: unknown): HidDriverFault | null {
  if (error instanceof SignaturePadError) return padFault(error);
  if (error instanceof IrisCameraError) return irisFault(error);
  return null;
}
