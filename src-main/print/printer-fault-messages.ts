/**
 * What the desk reads for each printer fault: what is wrong and what to do, in Bahasa Indonesia
 * and English. Shared by every CardPrinter (escape-command and OS-driver printers).
 */
import type { LocalizedText } from '../contract/errors.js';
import type { PrinterFaultCode } from './card-face.js';

export const PRINTER_FAULT_MESSAGES: Readonly<Record<PrinterFaultCode, LocalizedText>> = {
  RIBBON_OUT: {
    id: 'Pita printer habis. Pasang pita YMCKO baru, tutup penutup printer, lalu lanjutkan cetak.',
    en: 'The printer ribbon has run out. Fit a new YMCKO ribbon, close the cover, then resume printing.',
  },
  RIBBON_LOW: {
    id: 'Pita printer hampir habis. Siapkan pita baru; pencetakan masih bisa dilanjutkan.',
    en: 'The printer ribbon is nearly used up. Have a new ribbon ready; printing can go on.',
  },
  RIBBON_WRONG: {
    id: 'Jenis pita tidak cocok. Pasang pita YMCKO untuk e-KTP, lalu coba lagi.',
    en: 'The ribbon is of the wrong type. Fit a YMCKO ribbon for e-KTP, then try again.',
  },
  FEEDER_EMPTY: {
    id: 'Tempat blanko kosong. Isi blanko e-KTP ke feeder, lalu lanjutkan cetak.',
    en: 'The card feeder is empty. Load e-KTP blanks into the feeder, then resume printing.',
  },
  COVER_OPEN: {
    id: 'Penutup printer terbuka. Tutup penutupnya sampai terkunci, lalu coba lagi.',
    en: 'The printer cover is open. Close it until it clicks, then try again.',
  },
  CARD_JAM: {
    id: 'Kartu macet di printer. Buka penutup, keluarkan kartu dengan hati-hati (hitung sebagai blanko rusak), tutup, lalu cetak ulang.',
    en: 'A card is jammed in the printer. Open the cover, take the card out carefully (count it as a spoiled blank), close it and print again.',
  },
  MECHANICAL: {
    id: 'Printer melaporkan kerusakan mekanis. Matikan dan nyalakan printer; bila masih terjadi, hubungi teknisi.',
    en: 'The printer reports a mechanical fault. Switch it off and on; if it happens again, call the technician.',
  },
  OFFLINE: {
    id: 'Printer tidak terhubung. Periksa kabel USB/serial dan daya printer, lalu coba lagi.',
    en: 'The printer is not connected. Check its USB/serial cable and power, then try again.',
  },
  TIMEOUT: {
    id: 'Printer tidak menjawab. Lihat apakah ada kartu yang keluar atau tertahan sebelum mencetak ulang; bila perlu matikan dan nyalakan printer.',
    en: 'The printer stopped answering. Check whether a card came out or is stuck before printing again; switch the printer off and on if needed.',
  },
  UNKNOWN_REPLY: {
    id: 'Printer memberi jawaban yang tidak dikenal. Periksa kabel dan pengaturan port (baud), lalu coba lagi; bila berulang, hubungi teknisi.',
    en: 'The printer gave a reply this station does not understand. Check the cable and port settings (baud), then try again; if it repeats, call the technician.',
  },
  JOB_FAILED: {
    id: 'Printer menolak pekerjaan cetak. Coba lagi; bila berulang, hubungi teknisi dengan log stasiun.',
    en: 'The printer refused the print job. Try again; if it repeats, call the technician with the station log.',
  },
};
