/**
 * Confirm codes of the R30x / ZFM-20 / AS608 fingerprint sensor family (first payload byte
 * of every acknowledge), with what the recording flow should do and what the operator at
 * the desk is told (Bahasa Indonesia first, then English).
 */

export interface ConfirmCodeInfo {
  code: number;
  /** Stable upper-case name, e.g. 'NO_FINGER'; 'UNKNOWN' for codes not in the table. */
  name: string;
  /** True when the flow should simply try the same step again. */
  retry: boolean;
  message: { id: string; en: string };
}

type Entry = Omit<ConfirmCodeInfo, 'code'>;

const entries: ReadonlyArray<readonly [number, Entry]> = [
  [0x00, { name: 'OK', retry: false, message: { id: 'Berhasil.', en: 'Done.' } }],
  [
    0x01,
    {
      name: 'RECEIVE_ERROR',
      retry: true,
      message: {
        id: 'Gangguan komunikasi dengan sensor sidik jari. Ulangi.',
        en: 'Communication error with the fingerprint sensor. Try again.',
      },
    },
  ],
  [
    0x02,
    {
      name: 'NO_FINGER',
      retry: true,
      message: {
        id: 'Tidak ada jari di sensor. Letakkan jari dengan rata.',
        en: 'No finger on the sensor. Place the finger flat.',
      },
    },
  ],
  [
    0x03,
    {
      name: 'IMAGE_CAPTURE_FAILED',
      retry: true,
      message: {
        id: 'Pengambilan gambar sidik jari gagal. Angkat jari, lalu letakkan kembali.',
        en: 'The fingerprint image could not be captured. Lift the finger and place it again.',
      },
    },
  ],
  [
    0x06,
    {
      name: 'IMAGE_TOO_MESSY',
      retry: true,
      message: {
        id: 'Gambar kurang jelas: bersihkan sensor dan jari, lalu ulangi.',
        en: 'The image is not clear: clean the sensor and the finger, then try again.',
      },
    },
  ],
  [
    0x07,
    {
      name: 'TOO_FEW_FEATURES',
      retry: true,
      message: {
        id: 'Ciri sidik jari terlalu sedikit. Tekan jari lebih rata dan menutupi sensor.',
        en: 'Too few fingerprint features. Press the finger flatter so it covers the sensor.',
      },
    },
  ],
  [
    0x08,
    {
      name: 'NO_MATCH',
      retry: false,
      message: { id: 'Sidik jari tidak cocok.', en: 'The fingerprints do not match.' },
    },
  ],
  [
    0x09,
    {
      name: 'NOT_FOUND',
      retry: false,
      message: {
        id: 'Sidik jari tidak ditemukan di pustaka sensor.',
        en: 'The fingerprint was not found in the sensor library.',
      },
    },
  ],
  [
    0x0a,
    {
      name: 'MERGE_FAILED',
      retry: false,
      message: {
        id: 'Dua pengambilan tidak dapat digabung (jari berbeda?). Ulangi perekaman jari ini dari awal.',
        en: 'The two captures could not be merged (different fingers?). Record this finger again from the start.',
      },
    },
  ],
  [
    0x0b,
    {
      name: 'ADDRESS_OUT_OF_RANGE',
      retry: false,
      message: {
        id: 'Nomor halaman di luar kapasitas pustaka sensor.',
        en: 'The page number is beyond the sensor library.',
      },
    },
  ],
  [
    0x0c,
    {
      name: 'READ_TEMPLATE_FAILED',
      retry: false,
      message: {
        id: 'Templat di sensor tidak dapat dibaca atau tidak valid.',
        en: 'The template in the sensor could not be read or is invalid.',
      },
    },
  ],
  [
    0x0d,
    {
      name: 'UPLOAD_FEATURE_FAILED',
      retry: true,
      message: {
        id: 'Pengiriman ciri sidik jari dari sensor gagal. Ulangi.',
        en: 'Uploading the fingerprint features from the sensor failed. Try again.',
      },
    },
  ],
  [
    0x0e,
    {
      name: 'CANNOT_RECEIVE_DATA',
      retry: true,
      message: {
        id: 'Sensor tidak dapat menerima paket data berikutnya. Ulangi.',
        en: 'The sensor cannot receive the following data packets. Try again.',
      },
    },
  ],
  [
    0x0f,
    {
      name: 'UPLOAD_IMAGE_FAILED',
      retry: true,
      message: {
        id: 'Pengiriman gambar sidik jari dari sensor gagal. Ulangi.',
        en: 'Uploading the fingerprint image from the sensor failed. Try again.',
      },
    },
  ],
  [
    0x10,
    {
      name: 'DELETE_FAILED',
      retry: false,
      message: { id: 'Templat di sensor gagal dihapus.', en: 'Deleting the template in the sensor failed.' },
    },
  ],
  [
    0x11,
    {
      name: 'CLEAR_FAILED',
      retry: false,
      message: { id: 'Pustaka sidik jari di sensor gagal dikosongkan.', en: 'Clearing the sensor fingerprint library failed.' },
    },
  ],
  [
    0x13,
    {
      name: 'WRONG_PASSWORD',
      retry: false,
      message: {
        id: 'Kata sandi sensor salah. Hubungi petugas teknis.',
        en: 'Wrong sensor password. Call technical support.',
      },
    },
  ],
  [
    0x15,
    {
      name: 'NO_VALID_IMAGE',
      retry: true,
      message: {
        id: 'Belum ada gambar sidik jari yang sah. Letakkan jari dan ulangi pengambilan.',
        en: 'There is no valid fingerprint image yet. Place the finger and capture again.',
      },
    },
  ],
  [
    0x18,
    {
      name: 'FLASH_WRITE_ERROR',
      retry: false,
      message: {
        id: 'Penulisan memori flash sensor gagal. Hubungi petugas teknis.',
        en: 'Writing the sensor flash memory failed. Call technical support.',
      },
    },
  ],
  [
    0x19,
    {
      name: 'UNDEFINED_ERROR',
      retry: false,
      message: { id: 'Sensor melaporkan kesalahan tanpa keterangan.', en: 'The sensor reported an undefined error.' },
    },
  ],
  [
    0x1a,
    {
      name: 'INVALID_REGISTER',
      retry: false,
      message: { id: 'Nomor register sensor tidak valid.', en: 'Invalid sensor register number.' },
    },
  ],
  [
    0x1b,
    {
      name: 'REGISTER_CONFIG_WRONG',
      retry: false,
      message: { id: 'Isi konfigurasi register sensor salah.', en: 'Wrong sensor register configuration.' },
    },
  ],
  [
    0x1c,
    {
      name: 'WRONG_NOTEPAD_PAGE',
      retry: false,
      message: { id: 'Nomor halaman notepad sensor salah.', en: 'Wrong sensor notepad page number.' },
    },
  ],
  [
    0x1d,
    {
      name: 'PORT_OPERATION_FAILED',
      retry: false,
      message: {
        id: 'Operasi port komunikasi sensor gagal. Periksa kabel sensor.',
        en: 'The sensor communication port operation failed. Check the sensor cable.',
      },
    },
  ],
  // Later firmware of the family (R50x datasheets, Adafruit library).
  [
    0x1f,
    {
      name: 'LIBRARY_FULL',
      retry: false,
      message: { id: 'Pustaka sidik jari di sensor penuh.', en: 'The sensor fingerprint library is full.' },
    },
  ],
  [
    0x20,
    {
      name: 'WRONG_ADDRESS',
      retry: false,
      message: { id: 'Alamat sensor salah. Hubungi petugas teknis.', en: 'Wrong sensor address. Call technical support.' },
    },
  ],
  [
    0x21,
    {
      name: 'PASSWORD_REQUIRED',
      retry: false,
      message: {
        id: 'Sensor meminta verifikasi kata sandi terlebih dahulu.',
        en: 'The sensor requires the password to be verified first.',
      },
    },
  ],
  [
    0x22,
    {
      name: 'TEMPLATE_EMPTY',
      retry: false,
      message: { id: 'Templat sidik jari kosong.', en: 'The fingerprint template is empty.' },
    },
  ],
  [
    0x24,
    {
      name: 'LIBRARY_EMPTY',
      retry: false,
      message: { id: 'Pustaka sidik jari di sensor kosong.', en: 'The sensor fingerprint library is empty.' },
    },
  ],
  [
    0x26,
    {
      name: 'TIMEOUT',
      retry: true,
      message: {
        id: 'Waktu tunggu sensor habis. Letakkan jari dan ulangi.',
        en: 'The sensor timed out. Place the finger and try again.',
      },
    },
  ],
  [
    0x27,
    {
      name: 'ALREADY_EXISTS',
      retry: false,
      message: { id: 'Sidik jari ini sudah tersimpan di sensor.', en: 'This fingerprint is already stored in the sensor.' },
    },
  ],
  [
    0x29,
    {
      name: 'SENSOR_HARDWARE_ERROR',
      retry: false,
      message: {
        id: 'Perangkat keras sensor bermasalah. Hubungi petugas teknis.',
        en: 'Sensor hardware error. Call technical support.',
      },
    },
  ],
];

/** Every known confirm code, by code. */
export const CONFIRM_CODES: ReadonlyMap<number, ConfirmCodeInfo> = new Map(
  entries.map(([code, entry]) => [code, { code, ...entry }]),
);

export const CONFIRM_OK = 0x00;

function hexCode(code: number): string {
  return Number.isInteger(code) && code >= 0
    ? `0x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : String(code);
}

/** The entry for a confirm code, or an 'UNKNOWN' entry naming the hex code. */
export function describeConfirm(code: number): ConfirmCodeInfo {
  const known = CONFIRM_CODES.get(code);
  if (known !== undefined) return known;
  const h = hexCode(code);
  return {
    code,
    name: 'UNKNOWN',
    retry: false,
    message: {
      id: `Sensor sidik jari mengirim kode tidak dikenal ${h}. Hubungi petugas teknis.`,
      en: `The fingerprint sensor sent an unknown code ${h}. Call technical support.`,
    },
  };
}
