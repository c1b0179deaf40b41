import type { ErrorCode, LocalizedText } from '../contract/errors.js';

export interface ErrorCatalogEntry {
  /** HTTP status the web host answers with. */
  readonly status: number;
  /** What the operator reads, in Bahasa Indonesia and English: what is wrong and what to do. */
  readonly message: LocalizedText;
}

/** The default wording of every error code. Call sites may give a more specific message. */
export const errorCatalog: Readonly<Record<ErrorCode, ErrorCatalogEntry>> = {
  MALFORMED_JSON: {
    status: 400,
    message: {
      id: 'Isi permintaan bukan JSON yang sah. Kirim parameter sebagai objek JSON.',
      en: 'The request body is not valid JSON. Send the parameters as a JSON object.',
    },
  },
  BODY_TOO_LARGE: {
    status: 413,
    message: {
      id: 'Permintaan terlalu besar untuk metode ini. Kecilkan data yang dikirim.',
      en: 'The request is too large for this method. Send less data.',
    },
  },
  UNSUPPORTED_CONTENT_TYPE: {
    status: 415,
    message: {
      id: 'Jenis isi tidak didukung. Gunakan Content-Type: application/json.',
      en: 'Unsupported content type. Use Content-Type: application/json.',
    },
  },
  UNKNOWN_METHOD: {
    status: 404,
    message: {
      id: 'Metode tidak dikenal. Lihat docs/api.md untuk daftar metode.',
      en: 'Unknown method. See docs/api.md for the list of methods.',
    },
  },
  INVALID_PARAMS: {
    status: 400,
    message: {
      id: 'Parameter tidak sah. Periksa isian yang disebut di rincian.',
      en: 'Invalid parameters. Check the fields named in the details.',
    },
  },
  TOKEN_MISSING: {
    status: 401,
    message: {
      id: 'Token peluncuran tidak ada. Buka alamat lengkap yang dicetak saat station dijalankan.',
      en: 'The launch token is missing. Open the full address printed when the station started.',
    },
  },
  TOKEN_INVALID: {
    status: 401,
    message: {
      id: 'Token peluncuran salah atau dari peluncuran lain. Buka alamat terbaru yang dicetak station.',
      en: 'The launch token is wrong or from another launch. Open the latest address the station printed.',
    },
  },
  ORIGIN_NOT_ALLOWED: {
    status: 403,
    message: {
      id: 'Permintaan dari situs lain ditolak. Buka station dari alamatnya sendiri.',
      en: 'Requests from another site are refused. Open the station from its own address.',
    },
  },
  HOST_NOT_ALLOWED: {
    status: 403,
    message: {
      id: 'Nama host tidak diizinkan. Gunakan alamat 127.0.0.1 yang dicetak station.',
      en: 'Host name not allowed. Use the 127.0.0.1 address the station printed.',
    },
  },
  SESSION_REQUIRED: {
    status: 401,
    message: {
      id: 'Silakan masuk terlebih dahulu.',
      en: 'Please sign in first.',
    },
  },
  FORBIDDEN_ROLE: {
    status: 403,
    message: {
      id: 'Peran Anda tidak diizinkan melakukan tindakan ini. Minta supervisor.',
      en: 'Your role is not allowed to do this. Ask a supervisor.',
    },
  },
  TRAINING_ONLY: {
    status: 403,
    message: {
      id: 'Hanya tersedia dalam mode pelatihan.',
      en: 'Only available in training mode.',
    },
  },
  CONFIG_INVALID: {
    status: 500,
    message: {
      id: 'Berkas konfigurasi tidak sah. Perbaiki isian yang disebut, lalu jalankan ulang.',
      en: 'The configuration file is invalid. Fix the fields named, then start again.',
    },
  },
  CONFIG_UNREADABLE: {
    status: 500,
    message: {
      id: 'Berkas konfigurasi tidak dapat dibaca. Periksa jalur dan izin berkas.',
      en: 'The configuration file cannot be read. Check its path and permissions.',
    },
  },
  STORE_FULL: {
    status: 507,
    message: {
      id: 'Disk penuh: data tidak disimpan. Data sebelumnya aman. Kosongkan ruang disk lalu simpan lagi.',
      en: 'The disk is full: nothing was saved. Earlier records are safe. Free disk space, then save again.',
    },
  },
  STORE_CORRUPT: {
    status: 500,
    message: {
      id: 'Basis data station rusak dan tidak dibuka. Pulihkan dari cadangan dengan `ktp-station restore FILE`.',
      en: 'The station database is damaged and was not opened. Restore it from a backup with `ktp-station restore FILE`.',
    },
  },
  STORE_MIGRATION_CHANGED: {
    status: 500,
    message: {
      id: 'Skema basis data yang sudah diterapkan berbeda dengan versi aplikasi ini. Hubungi teknisi; jangan hapus data.',
      en: 'An applied database migration differs from this version of the app. Call the technician; do not delete data.',
    },
  },
  STORE_NEWER_THAN_APP: {
    status: 500,
    message: {
      id: 'Basis data dibuat oleh versi station yang lebih baru. Pasang versi terbaru station.',
      en: 'The database was written by a newer station version. Install the latest station version.',
    },
  },
  STORE_UNAVAILABLE: {
    status: 503,
    message: {
      id: 'Basis data station tidak dapat dibuka. Periksa folder data dan izinnya.',
      en: 'The station database cannot be opened. Check the data folder and its permissions.',
    },
  },
  ILLEGAL_TRANSITION: {
    status: 409,
    message: {
      id: 'Status rekaman tidak dapat diubah seperti itu. Muat ulang rekaman dan periksa statusnya.',
      en: 'The record cannot change status that way. Reload the record and check its status.',
    },
  },
  INVALID_CAPTURE: {
    status: 400,
    message: {
      id: 'Gambar tidak dapat diterima. Ambil ulang dari perangkat.',
      en: 'The image cannot be accepted. Capture it again from the device.',
    },
  },
  INVALID_DEMOGRAPHICS: {
    status: 400,
    message: {
      id: 'Data penduduk belum benar. Perbaiki isian yang ditandai.',
      en: 'The resident data is not right yet. Fix the fields marked.',
    },
  },
  DUPLICATE_NIK: {
    status: 409,
    message: {
      id: 'NIK ini sudah punya rekaman di station ini. Buka rekaman itu, atau lanjutkan sebagai pembaruan dengan alasan.',
      en: 'This NIK already has a record on this station. Open that record, or go on as an update with a reason.',
    },
  },
  CAPTURES_MISSING: {
    status: 409,
    message: {
      id: 'Rekaman belum lengkap: ada foto, sidik jari, iris atau tanda tangan yang belum diambil atau dicatat pengecualiannya.',
      en: 'The record is not complete: a photo, fingerprint, iris or signature is neither captured nor recorded as an exception.',
    },
  },
  NOT_FOUND: {
    status: 404,
    message: {
      id: 'Rekaman tidak ditemukan. Periksa nomor atau cari ulang.',
      en: 'Record not found. Check the number or search again.',
    },
  },
  NOT_A_BACKUP: {
    status: 400,
    message: {
      id: 'Berkas ini bukan cadangan KTP Station yang utuh. Pilih berkas dari `ktp-station backup`.',
      en: 'This file is not an intact KTP Station backup. Choose a file made by `ktp-station backup`.',
    },
  },
  BACKUP_MISMATCH: {
    status: 409,
    message: {
      id: 'Cadangan ini milik station lain atau dibuat dengan kunci data lain. Gunakan --force hanya bila yakin.',
      en: 'This backup belongs to another station or was made with another data key. Use --force only if you are sure.',
    },
  },
  STATION_RUNNING: {
    status: 409,
    message: {
      id: 'Station sedang berjalan. Tutup station terlebih dahulu, lalu ulangi.',
      en: 'The station is running. Close it first, then try again.',
    },
  },
  CORE_UNAVAILABLE: {
    status: 503,
    message: {
      id: 'Inti station sedang dimulai ulang atau dihentikan. Tunggu sampai pemberitahuan hilang, lalu ulangi. Bila Anda baru saja menyimpan, periksa daftar rekaman sebelum menyimpan lagi.',
      en: 'The station core is restarting or shutting down. Wait until the notice goes away, then try again. If you were just saving, check the records list before saving again.',
    },
  },
  DATA_KEY_UNUSABLE: {
    status: 500,
    message: {
      id: 'Kunci data station tidak dapat digunakan. Jangan hapus atau timpa berkas kunci: pulihkan dari cadangan station atau hubungi teknisi.',
      en: 'The station data key cannot be used. Do not delete or replace the key file: restore it from the station backup or call the technician.',
    },
  },
  SEALED_DATA_UNREADABLE: {
    status: 500,
    message: {
      id: 'Data terenkripsi tidak dapat dibuka: telah diubah atau rusak, milik rekaman lain, atau disegel dengan kunci station lain.',
      en: 'Encrypted data could not be opened: it was altered or damaged, belongs to another record, or was sealed with another station key.',
    },
  },
  CENTRAL_NOT_CONFIGURED: {
    status: 409,
    message: {
      id: 'Stasiun ini belum terhubung ke server pusat. Isi bagian "central" pada berkas konfigurasi.',
      en: 'This station has no central server configured. Fill in the "central" section of the config file.',
    },
  },
  CENTRAL_UNAVAILABLE: {
    status: 503,
    message: {
      id: 'Server pusat tidak dapat dihubungi sekarang. Rekaman tetap aman di stasiun; coba lagi nanti.',
      en: 'The central server cannot be reached now. Records stay safe on the station; try again later.',
    },
  },
  CARD_TEXT_DOES_NOT_FIT: {
    status: 422,
    message: {
      id: 'Teks rekaman tidak muat di kartu meski sudah diperkecil dan dilipat. Kartu tidak dicetak; laporkan ke supervisor agar data diperbaiki di SIAK.',
      en: 'The record text does not fit on the card even shrunk and wrapped. No card was printed; ask the supervisor to have the data corrected in SIAK.',
    },
  },
  CARD_IMAGE_UNUSABLE: {
    status: 422,
    message: {
      id: 'Foto atau tanda tangan rekaman tidak dapat dibaca. Kartu tidak dicetak; minta pusat mengirim ulang rekaman, atau terbitkan Suket.',
      en: 'The photo or signature of the record cannot be read. No card was printed; have central send the record again, or issue a Suket.',
    },
  },
  CARD_FONT_MISSING: {
    status: 500,
    message: {
      id: 'Huruf kartu (Liberation Sans / Arial) tidak terpasang. Teknisi: pasang paket fonts-liberation.',
      en: 'The card typeface (Liberation Sans / Arial) is not installed. Technician: install the fonts-liberation package.',
    },
  },
  PRINTER_NOT_CONFIGURED: {
    status: 409,
    message: {
      id: 'Station ini belum punya printer kartu. Teknisi: isi bagian "printer" di berkas konfigurasi.',
      en: 'This station has no card printer. Technician: fill in the "printer" section of the config file.',
    },
  },
  PRINTER_UNAVAILABLE: {
    status: 503,
    message: {
      id: 'Printer kartu tidak dapat dihubungi. Periksa kabel dan daya printer, lalu coba lagi; tidak ada blanko yang terpakai.',
      en: 'The card printer cannot be reached. Check its cable and power, then try again; no blank was used.',
    },
  },
  PRINTER_REPLY_INVALID: {
    status: 502,
    message: {
      id: 'Printer (atau antrean cetak) menjawab dengan balasan yang tidak dikenal. Teknisi: periksa driver dan antrean printer.',
      en: 'The printer (or its print queue) sent a reply the station does not understand. Technician: check the printer driver and queue.',
    },
  },
  REPRINT_NOT_APPROVED: {
    status: 409,
    message: {
      id: 'Rekaman ini sudah dicetak. Cetak ulang memerlukan persetujuan supervisor dengan alasan.',
      en: 'This record was already printed. A reprint needs a supervisor\'s approval with a reason.',
    },
  },
  BLANKO_OUT: {
    status: 409,
    message: {
      id: 'Stok blanko habis menurut buku stok. Catat penerimaan blanko baru sebelum mencetak.',
      en: 'The blank card stock is empty according to the ledger. Record newly received blanks before printing.',
    },
  },
  BLANKO_RANGE_INVALID: {
    status: 400,
    message: {
      id: 'Rentang nomor seri blanko tidak cocok dengan jumlahnya atau tumpang tindih dengan penerimaan sebelumnya. Periksa nomor seri pada kemasan.',
      en: 'The blank serial range does not match the quantity or overlaps an earlier delivery. Check the serial numbers on the package.',
    },
  },
  STOCK_COUNT_MISMATCH: {
    status: 409,
    message: {
      id: 'Hasil hitung fisik berbeda dengan buku stok. Hitung ulang, atau catat penjelasan selisihnya.',
      en: 'The physical count differs from the ledger. Count again, or record an explanation of the difference.',
    },
  },
  PRINT_DESK_BUSY: {
    status: 409,
    message: {
      id: 'Printer sedang mencetak batch lain. Tunggu sampai selesai atau hentikan batch itu.',
      en: 'The printer is busy with another batch. Wait for it to finish or stop it.',
    },
  },
  SUKET_INVALID: {
    status: 422,
    message: {
      id: 'Suket ini tidak sah: tanda tangannya tidak cocok atau isinya rusak. Jangan terima sebagai pengganti KTP-el; hubungi Disdukcapil penerbit.',
      en: 'This Suket is not valid: its signature does not match or its content is damaged. Do not accept it in place of an e-KTP; contact the issuing office.',
    },
  },
  DEVICE_NOT_FOUND: {
    status: 404,
    message: {
      id: 'Perangkat tidak ada di konfigurasi station. Periksa daftar perangkat di halaman Diagnostik.',
      en: 'There is no such device in the station configuration. Check the device list on the Diagnostik page.',
    },
  },
  DEVICE_NOT_CONNECTED: {
    status: 503,
    message: {
      id: 'Perangkat tidak terhubung. Periksa kabel dan colokkan kembali; station menyambung ulang sendiri.',
      en: 'The device is not connected. Check the cable and plug it in again; the station reconnects by itself.',
    },
  },
  DEVICE_BUSY: {
    status: 409,
    message: {
      id: 'Perangkat sedang dipakai untuk pengambilan lain. Tunggu sampai selesai, lalu ulangi.',
      en: 'The device is busy with another capture. Wait until it finishes, then try again.',
    },
  },
  DEVICE_FAULT: {
    status: 502,
    message: {
      id: 'Perangkat tidak menjawab dengan benar. Ulangi; bila berulang, periksa kabel dan lihat halaman Diagnostik.',
      en: 'The device did not answer properly. Try again; if it repeats, check the cable and see the Diagnostik page.',
    },
  },
  CAPTURE_FAILED: {
    status: 422,
    message: {
      id: 'Pengambilan tidak berhasil. Ikuti petunjuk di layar, lalu ulangi.',
      en: 'The capture did not succeed. Follow the instructions on screen, then try again.',
    },
  },
  SIGN_IN_FAILED: {
    status: 401,
    message: {
      id: 'Nama pengguna atau kata sandi salah. Periksa lalu coba lagi; setelah beberapa kali salah, akun terkunci sementara.',
      en: 'Wrong user name or password. Check them and try again; after several wrong tries the account locks for a while.',
    },
  },
  ACCOUNT_LOCKED: {
    status: 423,
    message: {
      id: 'Akun terkunci karena kata sandi salah berulang kali. Tunggu lalu coba lagi, atau minta supervisor mengatur ulang kata sandi.',
      en: 'The account is locked after repeated wrong passwords. Wait and try again, or ask a supervisor to reset the password.',
    },
  },
  ACCOUNT_DISABLED: {
    status: 403,
    message: {
      id: 'Akun ini dinonaktifkan. Hubungi supervisor.',
      en: 'This account is disabled. Contact a supervisor.',
    },
  },
  SESSION_LOCKED: {
    status: 423,
    message: {
      id: 'Layar terkunci karena tidak digunakan. Masukkan kata sandi Anda untuk melanjutkan; rekaman yang sedang dikerjakan tetap tersimpan.',
      en: 'The screen locked after a pause. Enter your password to go on; the record in progress is kept.',
    },
  },
  REAUTH_REQUIRED: {
    status: 401,
    message: {
      id: 'Tindakan ini perlu konfirmasi kata sandi. Masukkan kata sandi Anda lagi, lalu ulangi.',
      en: 'This action needs your password again. Enter your password, then repeat the action.',
    },
  },
  PASSWORD_REJECTED: {
    status: 400,
    message: {
      id: 'Kata sandi tidak memenuhi aturan: minimal 10 karakter, berisi huruf dan angka, dan tidak memuat nama pengguna.',
      en: 'The password does not meet the rules: at least 10 characters, letters and digits, and not containing the user name.',
    },
  },
  USERNAME_TAKEN: {
    status: 409,
    message: {
      id: 'Nama pengguna ini sudah dipakai. Pilih nama pengguna lain.',
      en: 'This user name is already taken. Choose another user name.',
    },
  },
  ACCOUNTS_EXIST: {
    status: 409,
    message: {
      id: 'Station ini sudah punya akun. Masuk dengan akun supervisor untuk membuat akun baru.',
      en: 'This station already has accounts. Sign in as a supervisor to create new ones.',
    },
  },
  PRODUCTION_ONLY: {
    status: 409,
    message: {
      id: 'Akun hanya ada dalam mode produksi. Dalam mode pelatihan, masuk dengan peran latihan.',
      en: 'Accounts exist only in production mode. In training mode, sign in with a practice role.',
    },
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message: {
      id: 'Kata sandi Anda dibuat oleh supervisor. Ganti dengan kata sandi Anda sendiri sebelum bekerja.',
      en: 'Your password was set by a supervisor. Change it to one of your own before you go on.',
    },
  },
  INTERNAL: {
    status: 500,
    message: {
      id: 'Terjadi galat di station. Rincian tercatat di log; hubungi teknisi.',
      en: 'The station hit an internal error. Details are in the log; call the technician.',
    },
  },
  SNEAKERNET_NO_SPACE: {
    status: 507,
    message: {
      id: 'Ruang kosong di drive tujuan tidak cukup untuk ekspor. Tidak ada yang ditulis. Kosongkan ruang atau pakai drive lain, lalu ekspor lagi.',
      en: 'The target drive has too little free space for the export. Nothing was written. Free space or use another drive, then export again.',
    },
  },
  SNEAKERNET_EXPORT_REFUSED: {
    status: 422,
    message: {
      id: 'Ekspor USB ini ditolak dan tidak ada yang dikirim: ekspor tidak lengkap, diubah, atau tidak dapat diperiksa. Buat ekspor baru di stasiun asal.',
      en: 'This USB export was refused and nothing was sent: it is incomplete, altered, or cannot be checked. Make a new export at the origin station.',
    },
  },
  SNEAKERNET_RECEIPT_REFUSED: {
    status: 422,
    message: {
      id: 'Tanda terima ini ditolak dan tidak ada rekaman yang ditandai terkirim: tanda terima tidak ditandatangani server pusat atau untuk stasiun lain.',
      en: 'This receipt was refused and no record was marked sent: it is not signed by central or it is for another station.',
    },
  },
};
