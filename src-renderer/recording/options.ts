/**
 * The closed lists of the e-KTP form, for the renderer's dropdowns and capture steps.
 *
 * Copied from the contract (src-main/contract/demographics.ts, src-main/contract/captures.ts,
 * src-main/contract/enrollment-status.ts, src-main/contract/methods/enrollment.ts): the renderer may
 * import the contract for types only. Each list is checked against its contract type with
 * `satisfies`, and the `Exhaustive` checks below fail to compile when the contract gains a value
 * that is missing here. Change both places together.
 */
import type { CaptureException, CapturePosition, Modality } from '../../src-main/contract/captures.js';
import type {
  Agama,
  Demographics,
  DemographicsField,
  GolonganDarah,
  JenisKelamin,
  Kewarganegaraan,
  Pekerjaan,
  StatusPerkawinan,
} from '../../src-main/contract/demographics.js';
import type { EnrollmentStatus } from '../../src-main/contract/enrollment-status.js';
import type { WizardStep } from '../../src-main/contract/methods/enrollment.js';

/** Compiles only when `List` names every member of `Union` (the list may not be missing one). */
type Exhaustive<Union extends string, List extends readonly Union[]> = [Exclude<Union, List[number]>] extends [never] ? true : never;
function exhaustive<Union extends string, List extends readonly Union[]>(_check: Exhaustive<Union, List>): void {
  // Compile-time only.
}

export const JENIS_KELAMIN = ['LAKI-LAKI', 'PEREMPUAN'] as const satisfies readonly JenisKelamin[];
exhaustive<JenisKelamin, typeof JENIS_KELAMIN>(true);

export const GOLONGAN_DARAH = ['A', 'B', 'AB', 'O', 'A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-', '-'] as const satisfies readonly GolonganDarah[];
exhaustive<GolonganDarah, typeof GOLONGAN_DARAH>(true);

export const AGAMA = [
  'ISLAM',
  'KRISTEN',
  'KATOLIK',
  'HINDU',
  'BUDDHA',
  'KONGHUCU',
  'KEPERCAYAAN TERHADAP TUHAN YME',
] as const satisfies readonly Agama[];
exhaustive<Agama, typeof AGAMA>(true);

export const STATUS_PERKAWINAN = ['BELUM KAWIN', 'KAWIN', 'CERAI HIDUP', 'CERAI MATI'] as const satisfies readonly StatusPerkawinan[];
exhaustive<StatusPerkawinan, typeof STATUS_PERKAWINAN>(true);

export const KEWARGANEGARAAN = ['WNI', 'WNA'] as const satisfies readonly Kewarganegaraan[];
exhaustive<Kewarganegaraan, typeof KEWARGANEGARAAN>(true);

/** Dukcapil SIAK "Jenis Pekerjaan", in code order (see the contract for its source). */
export const PEKERJAAN = [
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
] as const satisfies readonly Pekerjaan[];
exhaustive<Pekerjaan, typeof PEKERJAAN>(true);

/** The form fields in card order (the order the station reports issues in). */
export const DEMOGRAPHICS_FIELDS = [
  'nik',
  'nama',
  'tempatLahir',
  'tanggalLahir',
  'jenisKelamin',
  'golonganDarah',
  'alamat',
  'rt',
  'rw',
  'kelurahanDesa',
  'kecamatan',
  'agama',
  'statusPerkawinan',
  'pekerjaan',
  'kewarganegaraan',
] as const satisfies readonly DemographicsField[];
exhaustive<DemographicsField, typeof DEMOGRAPHICS_FIELDS>(true);

/** What the form holds while the operator types: every field as text ('' = not chosen yet). */
export type DemographicsDraft = Record<DemographicsField, string>;
export type { Demographics, DemographicsField };

export const EMPTY_DEMOGRAPHICS: DemographicsDraft = {
  nik: '',
  nama: '',
  tempatLahir: '',
  tanggalLahir: '',
  jenisKelamin: '',
  golonganDarah: '',
  alamat: '',
  rt: '',
  rw: '',
  kelurahanDesa: '',
  kecamatan: '',
  agama: '',
  statusPerkawinan: '',
  pekerjaan: '',
  kewarganegaraan: 'WNI',
};

export const CAPTURE_EXCEPTIONS = ['AMPUTASI', 'PERBAN', 'BEKAS_LUKA', 'CACAT_BAWAAN', 'TIDAK_DAPAT_DIREKAM'] as const satisfies readonly CaptureException[];
exhaustive<CaptureException, typeof CAPTURE_EXCEPTIONS>(true);

export const MODALITIES = ['FACE', 'FINGER', 'IRIS', 'SIGNATURE'] as const satisfies readonly Modality[];
exhaustive<Modality, typeof MODALITIES>(true);

/** Right hand then left hand, thumb to little finger: the two rows of the finger grid. */
export const RIGHT_HAND = ['RIGHT_THUMB', 'RIGHT_INDEX', 'RIGHT_MIDDLE', 'RIGHT_RING', 'RIGHT_LITTLE'] as const satisfies readonly CapturePosition[];
export const LEFT_HAND = ['LEFT_THUMB', 'LEFT_INDEX', 'LEFT_MIDDLE', 'LEFT_RING', 'LEFT_LITTLE'] as const satisfies readonly CapturePosition[];

/** The fingers of one hand, thumb first: the columns of the finger grid (its rows name the hand). */
export const FINGER_NAMES = ['THUMB', 'INDEX', 'MIDDLE', 'RING', 'LITTLE'] as const;

export const ENROLLMENT_STATUSES = [
  'DRAFT',
  'COMMITTED',
  'SENT',
  'SENT_FOR_ENROLLMENT',
  'RECEIVED_AT_CENTRAL',
  'PRINT_READY_RECORD',
  'DUPLICATE_RECORD',
  'ADJUDICATE_RECORD',
  'REQUEST_VALIDATION',
  'ENROLL_FAILURE_AT_REGIONAL',
  'ENROLL_FAILURE_AT_CENTRAL',
  'SEARCH_FAILURE_AT_CENTRAL',
] as const satisfies readonly EnrollmentStatus[];
exhaustive<EnrollmentStatus, typeof ENROLLMENT_STATUSES>(true);

/** The steps the station stores (WizardStep), in order. */
export const STORED_STEPS = ['DATA', 'FOTO', 'SIDIK_JARI', 'IRIS', 'TANDA_TANGAN', 'TINJAU'] as const satisfies readonly WizardStep[];
exhaustive<WizardStep, typeof STORED_STEPS>(true);

/** The wizard's steps: the stored ones, then SIMPAN (the commit; never stored, it resumes at TINJAU). */
export const WIZARD_STEPS = [...STORED_STEPS, 'SIMPAN'] as const;
export type Step = (typeof WIZARD_STEPS)[number];

/** Capture steps and what they record: REQUIRED_CAPTURES, grouped by step, in the contract's order. */
export type CaptureStepKey = 'FOTO' | 'SIDIK_JARI' | 'IRIS' | 'TANDA_TANGAN';
export interface Slot {
  readonly modality: Modality;
  readonly position: CapturePosition;
}
export const CAPTURE_STEPS: Readonly<Record<CaptureStepKey, readonly Slot[]>> = {
  FOTO: [{ modality: 'FACE', position: 'FRONTAL' }],
  SIDIK_JARI: [...RIGHT_HAND, ...LEFT_HAND].map((position) => ({ modality: 'FINGER' as const, position })),
  IRIS: [
    { modality: 'IRIS', position: 'RIGHT_IRIS' },
    { modality: 'IRIS', position: 'LEFT_IRIS' },
  ],
  TANDA_TANGAN: [{ modality: 'SIGNATURE', position: 'SIGNATURE' }],
};

/** All 14 required positions, in REQUIRED_CAPTURES order. */
export const ALL_SLOTS: readonly Slot[] = [...CAPTURE_STEPS.FOTO, ...CAPTURE_STEPS.SIDIK_JARI, ...CAPTURE_STEPS.IRIS, ...CAPTURE_STEPS.TANDA_TANGAN];

export function isCaptureStep(step: Step): step is CaptureStepKey {
  return step === 'FOTO' || step === 'SIDIK_JARI' || step === 'IRIS' || step === 'TANDA_TANGAN';
}

/** The step where a modality is captured (to jump back from the review). */
export function stepOfModality(modality: Modality): CaptureStepKey {
  switch (modality) {
    case 'FACE':
      return 'FOTO';
    case 'FINGER':
      return 'SIDIK_JARI';
    case 'IRIS':
      return 'IRIS';
    case 'SIGNATURE':
      return 'TANDA_TANGAN';
  }
}
