import { z } from 'zod';

/**
 * The resident's data as printed on the front of the e-KTP (see docs REFERENCE "e-KTP front").
 * Closed lists use the exact uppercase Bahasa Indonesia wording printed on the card.
 *
 * This schema is structural only (types, lengths, formats, closed lists). Cross-field rules
 * (NIK vs. birth date and sex, region codes, age eligibility, real calendar dates) live in
 * src-main/recording/validate-demographics.ts, which also turns issues into bilingual messages.
 * Shared with the renderer: imports only `zod` and other contract files.
 */

export const JenisKelamin = z.enum(['LAKI-LAKI', 'PEREMPUAN']);
export type JenisKelamin = z.infer<typeof JenisKelamin>;

/** '-' is what the card prints when the blood group is not known (tidak tahu). */
export const GolonganDarah = z.enum(['A', 'B', 'AB', 'O', 'A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-', '-']);
export type GolonganDarah = z.infer<typeof GolonganDarah>;

export const Agama = z.enum([
  'ISLAM',
  'KRISTEN',
  'KATOLIK',
  'HINDU',
  'BUDDHA',
  'KONGHUCU',
  'KEPERCAYAAN TERHADAP TUHAN YME',
]);
export type Agama = z.infer<typeof Agama>;

export const StatusPerkawinan = z.enum(['BELUM KAWIN', 'KAWIN', 'CERAI HIDUP', 'CERAI MATI']);
export type StatusPerkawinan = z.infer<typeof StatusPerkawinan>;

export const Kewarganegaraan = z.enum(['WNI', 'WNA']);
export type Kewarganegaraan = z.infer<typeof Kewarganegaraan>;

/**
 * Occupations as printed on the card: the Dukcapil SIAK reference table "Jenis Pekerjaan"
 * (codes 1–89, in code order; the list used by Kemendagri's Permendagri on KK/KTP forms and
 * printed verbatim on e-KTP and Kartu Keluarga). Written from the published table; if Dukcapil
 * amends it, append new entries at the end so existing values keep their meaning.
 */
export const Pekerjaan = z.enum([
  'BELUM/TIDAK BEKERJA',
  'MENGURUS RUMAH TANGGA',
  'PELAJAR/MAHASISWA',
  'PENSIUNAN',
  'PEGAWAI NEGERI SIPIL (PNS)',
  'TENTARA NASIONAL INDONESIA (TNI)',
  'KEPOLISIAN RI (POLRI)',
  'PERDAGANGAN',
  'PETANI/PEKEBUN',
  'PETERNAK',
  'NELAYAN/PERIKANAN',
  'INDUSTRI',
  'KONSTRUKSI',
  'TRANSPORTASI',
  'KARYAWAN SWASTA',
  'KARYAWAN BUMN',
  'KARYAWAN BUMD',
  'KARYAWAN HONORER',
  'BURUH HARIAN LEPAS',
  'BURUH TANI/PERKEBUNAN',
  'BURUH NELAYAN/PERIKANAN',
  'BURUH PETERNAKAN',
  'PEMBANTU RUMAH TANGGA',
  'TUKANG CUKUR',
  'TUKANG LISTRIK',
  'TUKANG BATU',
  'TUKANG KAYU',
  'TUKANG SOL SEPATU',
  'TUKANG LAS/PANDAI BESI',
  'TUKANG JAHIT',
  'TUKANG GIGI',
  'PENATA RIAS',
  'PENATA BUSANA',
  'PENATA RAMBUT',
  'MEKANIK',
  'SENIMAN',
  'TABIB',
  'PARAJI',
  'PERANCANG BUSANA',
  'PENTERJEMAH',
  'IMAM MASJID',
  'PENDETA',
  'PASTOR',
  'WARTAWAN',
  'USTADZ/MUBALIGH',
  'JURU MASAK',
  'PROMOTOR ACARA',
  'ANGGOTA DPR-RI',
  'ANGGOTA DPD',
  'ANGGOTA BPK',
  'PRESIDEN',
  'WAKIL PRESIDEN',
  'ANGGOTA MAHKAMAH KONSTITUSI',
  'ANGGOTA KABINET KEMENTERIAN',
  'DUTA BESAR',
  'GUBERNUR',
  'WAKIL GUBERNUR',
  'BUPATI',
  'WAKIL BUPATI',
  'WALIKOTA',
  'WAKIL WALIKOTA',
  'ANGGOTA DPRD PROVINSI',
  'ANGGOTA DPRD KABUPATEN/KOTA',
  'DOSEN',
  'GURU',
  'PILOT',
  'PENGACARA',
  'NOTARIS',
  'ARSITEK',
  'AKUNTAN',
  'KONSULTAN',
  'DOKTER',
  'BIDAN',
  'PERAWAT',
  'APOTEKER',
  'PSIKIATER/PSIKOLOG',
  'PENYIAR TELEVISI',
  'PENYIAR RADIO',
  'PELAUT',
  'PENELITI',
  'SOPIR',
  'PIALANG',
  'PARANORMAL',
  'PEDAGANG',
  'PERANGKAT DESA',
  'KEPALA DESA',
  'BIARAWATI',
  'WIRASWASTA',
  'LAINNYA',
]);
export type Pekerjaan = z.infer<typeof Pekerjaan>;

/** Letters (A–Z, either case), spaces and . , ' - only, with at least one letter. */
export const NAMA_PATTERN = /^(?=.*[A-Z])[A-Z .,'-]+$/i;
export const NAMA_MAX = 60;

/** Free text: trimmed, then 1..max characters. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'Required: must not be empty' })
    .max(max, { message: `Too long: at most ${max} characters` });

const threeDigits = z.string().trim().regex(/^[0-9]{3}$/, { message: 'Must be exactly 3 digits, e.g. 001' });

export const Demographics = z
  .object({
    /** 16-digit NIK (trimmed); its structure is checked by parseNik in validate-demographics. */
    nik: z.string().trim(),
    /** Stored trimmed, with single spaces, in uppercase (as printed on the card). */
    nama: z
      .string()
      .trim()
      .overwrite((s) => s.replace(/\s+/g, ' '))
      .toUpperCase()
      .min(1, { message: 'Required: must not be empty' })
      .max(NAMA_MAX, { message: `Too long: at most ${NAMA_MAX} characters` })
      .regex(NAMA_PATTERN, { message: "Only letters, spaces and . , ' - are allowed, with at least one letter" }),
    tempatLahir: text(40),
    /** Calendar date 'YYYY-MM-DD' (that it is a real, past date is checked in validate-demographics). */
    tanggalLahir: z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, { message: 'Must be a date as YYYY-MM-DD' }),
    jenisKelamin: JenisKelamin,
    golonganDarah: GolonganDarah,
    alamat: text(100),
    rt: threeDigits,
    rw: threeDigits,
    kelurahanDesa: text(40),
    kecamatan: text(40),
    agama: Agama,
    statusPerkawinan: StatusPerkawinan,
    pekerjaan: Pekerjaan,
    kewarganegaraan: Kewarganegaraan,
  })
  .strict();
export type Demographics = z.infer<typeof Demographics>;

/** Field names in card order (the order issues are reported in). */
export const DEMOGRAPHICS_FIELDS = Demographics.keyof().options;
export type DemographicsField = keyof Demographics;
