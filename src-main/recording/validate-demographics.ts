import type { z } from 'zod';
import {
  Agama,
  DEMOGRAPHICS_FIELDS,
  Demographics,
  GolonganDarah,
  JenisKelamin,
  Kewarganegaraan,
  Pekerjaan,
  StatusPerkawinan,
  type DemographicsField,
} from '../contract/demographics.js';
import type { LocalizedText } from '../contract/errors.js';
import type { RegionDirectory } from '../reference/regions.js';
import {
  MAX_AGE_YEARS,
  ageInYears,
  calendarDateOf,
  cardDate,
  compareDates,
  isRealDate,
  parseNik,
  type CalendarDate,
  type NikErrorCode,
} from './nik.js';

/** Minimum age for an e-KTP (UU 24/2013 Adminduk): 17, unless married or previously married. */
export const MIN_AGE_YEARS = 17;

/**
 * Where an issue belongs: a form field, or `_form` for problems with the input as a whole
 * (not an object at all, or fields the form does not have).
 */
export type IssueField = DemographicsField | '_form';

export type DemographicsIssueCode =
  // structure (from the zod schema)
  | 'INPUT_NOT_OBJECT'
  | 'FIELD_UNKNOWN'
  | 'FIELD_REQUIRED'
  | 'FIELD_TYPE'
  | 'FIELD_TOO_LONG'
  | 'FIELD_FORMAT'
  | 'FIELD_NOT_IN_LIST'
  | 'FIELD_INVALID'
  // NIK
  | NikErrorCode
  | 'NIK_REGION_UNKNOWN'
  | 'NIK_BIRTHDATE_MISMATCH'
  | 'NIK_SEX_MISMATCH'
  // dates and eligibility
  | 'DATE_INVALID'
  | 'DATE_IN_FUTURE'
  | 'DATE_TOO_OLD'
  | 'AGE_NOT_ELIGIBLE';

export interface FieldIssue {
  field: IssueField;
  code: DemographicsIssueCode;
  message: LocalizedText;
}

export type DemographicsValidation = { ok: true; value: Demographics } | { ok: false; issues: FieldIssue[] };

export interface ValidationContext {
  regions: RegionDirectory;
  today: Date;
}

/** Field names as the form shows them. */
export const FIELD_LABELS: Record<DemographicsField, LocalizedText> = {
  nik: { id: 'NIK', en: 'NIK' },
  nama: { id: 'Nama', en: 'Name' },
  tempatLahir: { id: 'Tempat Lahir', en: 'Place of birth' },
  tanggalLahir: { id: 'Tanggal Lahir', en: 'Date of birth' },
  jenisKelamin: { id: 'Jenis Kelamin', en: 'Sex' },
  golonganDarah: { id: 'Golongan Darah', en: 'Blood type' },
  alamat: { id: 'Alamat', en: 'Address' },
  rt: { id: 'RT', en: 'RT (neighbourhood unit)' },
  rw: { id: 'RW', en: 'RW (community unit)' },
  kelurahanDesa: { id: 'Kelurahan/Desa', en: 'Village (kelurahan/desa)' },
  kecamatan: { id: 'Kecamatan', en: 'Sub-district (kecamatan)' },
  agama: { id: 'Agama', en: 'Religion' },
  statusPerkawinan: { id: 'Status Perkawinan', en: 'Marital status' },
  pekerjaan: { id: 'Pekerjaan', en: 'Occupation' },
  kewarganegaraan: { id: 'Kewarganegaraan', en: 'Citizenship' },
};

/** What a well-formed value looks like, for fields with a format. */
const FORMAT_HINTS: Partial<Record<DemographicsField, LocalizedText>> = {
  nama: {
    id: "hanya boleh huruf A–Z, spasi, dan tanda . , ' - (minimal satu huruf)",
    en: "may contain only letters A–Z, spaces and . , ' - (at least one letter)",
  },
  tanggalLahir: { id: 'harus berformat TTTT-BB-HH, contoh 1990-05-13', en: 'must be written YYYY-MM-DD, e.g. 1990-05-13' },
  rt: { id: 'harus tepat 3 angka, contoh 001', en: 'must be exactly 3 digits, e.g. 001' },
  rw: { id: 'harus tepat 3 angka, contoh 001', en: 'must be exactly 3 digits, e.g. 001' },
};

const ENUM_OPTIONS: Partial<Record<DemographicsField, readonly string[]>> = {
  jenisKelamin: JenisKelamin.options,
  golonganDarah: GolonganDarah.options,
  agama: Agama.options,
  statusPerkawinan: StatusPerkawinan.options,
  pekerjaan: Pekerjaan.options,
  kewarganegaraan: Kewarganegaraan.options,
};
/** Lists longer than this are not spelled out in messages. */
const MAX_LISTED_OPTIONS = 13;

const ORDER: readonly IssueField[] = ['_form', ...DEMOGRAPHICS_FIELDS];
const isField = (key: unknown): key is DemographicsField =>
  typeof key === 'string' && (DEMOGRAPHICS_FIELDS as readonly string[]).includes(key);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isMissing = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function issue(field: IssueField, code: DemographicsIssueCode, id: string, en: string): FieldIssue {
  return { field, code, message: { id, en } };
}

/** One bilingual issue for one zod issue. */
function fromZodIssue(zi: z.core.$ZodIssue, input: Record<string, unknown>): FieldIssue {
  if (zi.code === 'unrecognized_keys') {
    const keys = zi.keys.map((k) => `"${k.slice(0, 40)}"`).join(', ');
    return issue(
      '_form',
      'FIELD_UNKNOWN',
      `Formulir: isian ${keys} tidak dikenal pada data penduduk. Hapus isian tersebut.`,
      `Form: ${keys} ${zi.keys.length === 1 ? 'is not a field' : 'are not fields'} of the resident data. Remove ${zi.keys.length === 1 ? 'it' : 'them'}.`,
    );
  }
  const key = zi.path[0];
  if (!isField(key)) {
    return issue(
      '_form',
      'INPUT_NOT_OBJECT',
      'Formulir: data penduduk harus berupa satu objek berisi isian formulir. Isi ulang formulir.',
      'Form: the resident data must be one object of form fields. Fill in the form again.',
    );
  }
  const label = FIELD_LABELS[key];
  if (isMissing(input[key])) {
    return issue(key, 'FIELD_REQUIRED', `${label.id}: wajib diisi. Isi ${label.id}.`, `${label.en}: is required. Fill in ${label.en}.`);
  }
  const options = ENUM_OPTIONS[key];
  if (options !== undefined) {
    const listed = options.length <= MAX_LISTED_OPTIONS;
    const list = options.join(', ');
    return issue(
      key,
      'FIELD_NOT_IN_LIST',
      listed
        ? `${label.id}: nilai tidak ada dalam daftar. Pilih salah satu: ${list}.`
        : `${label.id}: nilai tidak ada dalam daftar. Pilih salah satu dari daftar ${label.id}.`,
      listed
        ? `${label.en}: the value is not in the list. Choose one of: ${list}.`
        : `${label.en}: the value is not in the list. Choose one from the ${label.en} list.`,
    );
  }
  switch (zi.code) {
    case 'invalid_type':
      return issue(key, 'FIELD_TYPE', `${label.id}: harus berupa teks. Isi ulang ${label.id}.`, `${label.en}: must be text. Enter ${label.en} again.`);
    case 'too_small':
      return issue(key, 'FIELD_REQUIRED', `${label.id}: wajib diisi. Isi ${label.id}.`, `${label.en}: is required. Fill in ${label.en}.`);
    case 'too_big': {
      const max = String(zi.maximum);
      return issue(
        key,
        'FIELD_TOO_LONG',
        `${label.id}: paling banyak ${max} karakter. Singkat ${label.id} sesuai aturan penulisan KTP.`,
        `${label.en}: at most ${max} characters. Shorten ${label.en} following the KTP writing rules.`,
      );
    }
    case 'invalid_format': {
      const hint = FORMAT_HINTS[key];
      if (hint !== undefined) {
        return issue(key, 'FIELD_FORMAT', `${label.id}: ${hint.id}. Perbaiki ${label.id}.`, `${label.en}: ${hint.en}. Correct ${label.en}.`);
      }
      break;
    }
    default:
      break;
  }
  return issue(key, 'FIELD_INVALID', `${label.id}: isian tidak sah. Periksa ${label.id}.`, `${label.en}: the value is not valid. Check ${label.en}.`);
}

/** Keeps one issue per (field, code), and only the "required" issue for an empty field. */
function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const required = new Set(issues.filter((i) => i.code === 'FIELD_REQUIRED').map((i) => i.field));
  const seen = new Set<string>();
  return issues.filter((i) => {
    if (required.has(i.field) && i.code !== 'FIELD_REQUIRED') return false;
    const k = `${i.field}\u0000${i.code}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function parseIsoDate(s: string): CalendarDate {
  return { year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)), day: Number(s.slice(8, 10)) };
}

const SEX_ID: Record<JenisKelamin, string> = { 'LAKI-LAKI': 'LAKI-LAKI', PEREMPUAN: 'PEREMPUAN' };
const SEX_EN: Record<JenisKelamin, string> = { 'LAKI-LAKI': 'LAKI-LAKI (male)', PEREMPUAN: 'PEREMPUAN (female)' };

/** Checks of the NIK against the region table and against the other fields. */
function checkNik(
  nik: string,
  input: Record<string, unknown>,
  birth: CalendarDate | undefined,
  ctx: ValidationContext,
): FieldIssue[] {
  const parsed = parseNik(nik, ctx.today);
  if (!parsed.ok) return [{ field: 'nik', code: parsed.code, message: parsed.message }];
  const out: FieldIssue[] = [];
  const { provinceCode, regencyCode, districtCode } = parsed.value;
  const { regions } = ctx;

  // Report only the highest unknown level: below it, everything is unknown too.
  const province = regions.provinceName(provinceCode);
  const regency = regions.regencyName(regencyCode);
  if (province === undefined) {
    out.push(
      issue(
        'nik',
        'NIK_REGION_UNKNOWN',
        `NIK: kode provinsi ${provinceCode} (angka ke-1 s.d. 2) tidak terdaftar. Periksa NIK.`,
        `NIK: province code ${provinceCode} (digits 1–2) does not exist. Check the NIK.`,
      ),
    );
  } else if (regency === undefined) {
    out.push(
      issue(
        'nik',
        'NIK_REGION_UNKNOWN',
        `NIK: kode kabupaten/kota ${regencyCode} (angka ke-1 s.d. 4) tidak terdaftar di provinsi ${province}. Periksa NIK.`,
        `NIK: regency/city code ${regencyCode} (digits 1–4) does not exist in province ${province}. Check the NIK.`,
      ),
    );
  } else if (regions.districtName(districtCode) === undefined) {
    out.push(
      issue(
        'nik',
        'NIK_REGION_UNKNOWN',
        `NIK: kode kecamatan ${districtCode} (angka ke-1 s.d. 6) tidak terdaftar di ${regency}. Periksa NIK.`,
        `NIK: sub-district (kecamatan) code ${districtCode} (digits 1–6) does not exist in ${regency}. Check the NIK.`,
      ),
    );
  }

  // Compare DD-MM-YY as encoded: the century is not in the NIK, so 1905 and 2005 both match "05".
  if (birth !== undefined) {
    const nikDate = parseIsoDate(parsed.value.birthDate);
    const same = nikDate.day === birth.day && nikDate.month === birth.month && nikDate.year % 100 === birth.year % 100;
    if (!same) {
      const a = cardDate(nikDate);
      const b = cardDate(birth);
      out.push(
        issue(
          'nik',
          'NIK_BIRTHDATE_MISMATCH',
          `NIK: tanggal lahir di NIK (${a}) tidak sama dengan Tanggal Lahir yang diisi (${b}). Periksa NIK atau tanggal lahir.`,
          `NIK: the birth date in the NIK (${a}) differs from the Date of birth entered (${b}). Check the NIK or the date of birth.`,
        ),
      );
    }
  }

  const sex = JenisKelamin.safeParse(input.jenisKelamin);
  if (sex.success && sex.data !== parsed.value.sex) {
    const nikSex = parsed.value.sex;
    out.push(
      issue(
        'nik',
        'NIK_SEX_MISMATCH',
        `NIK: menurut NIK jenis kelaminnya ${SEX_ID[nikSex]} (tanggal di NIK ${nikSex === 'PEREMPUAN' ? 'ditambah 40' : 'tanpa tambahan 40'}), tetapi Jenis Kelamin yang diisi ${SEX_ID[sex.data]}. Periksa NIK atau jenis kelamin.`,
        `NIK: the NIK encodes sex ${SEX_EN[nikSex]} (day ${nikSex === 'PEREMPUAN' ? 'with 40 added' : 'without 40 added'}), but Sex is entered as ${SEX_EN[sex.data]}. Check the NIK or the sex.`,
      ),
    );
  }
  return out;
}

/** Date of birth: a real date, not in the future, not absurdly old; returns it when usable. */
function checkBirthDate(value: unknown, today: CalendarDate): { birth?: CalendarDate; issues: FieldIssue[] } {
  if (typeof value !== 'string' || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return { issues: [] }; // schema reports it
  const birth = parseIsoDate(value);
  const label = FIELD_LABELS.tanggalLahir;
  if (!isRealDate(birth)) {
    return {
      issues: [
        issue(
          'tanggalLahir',
          'DATE_INVALID',
          `${label.id}: ${value} bukan tanggal yang ada di kalender. Perbaiki tanggal lahir.`,
          `${label.en}: ${value} is not a real calendar date. Correct the date of birth.`,
        ),
      ],
    };
  }
  if (compareDates(birth, today) > 0) {
    return {
      birth,
      issues: [
        issue(
          'tanggalLahir',
          'DATE_IN_FUTURE',
          `${label.id}: ${cardDate(birth)} ada di masa depan (hari ini ${cardDate(today)}). Perbaiki tanggal lahir.`,
          `${label.en}: ${cardDate(birth)} is in the future (today is ${cardDate(today)}). Correct the date of birth.`,
        ),
      ],
    };
  }
  if (ageInYears(birth, today) > MAX_AGE_YEARS) {
    return {
      birth,
      issues: [
        issue(
          'tanggalLahir',
          'DATE_TOO_OLD',
          `${label.id}: ${cardDate(birth)} lebih dari ${MAX_AGE_YEARS} tahun yang lalu. Periksa tahun lahir.`,
          `${label.en}: ${cardDate(birth)} is more than ${MAX_AGE_YEARS} years ago. Check the year of birth.`,
        ),
      ],
    };
  }
  return { birth, issues: [] };
}

/**
 * Validates resident data for an e-KTP. Never throws. Returns every issue at once, ordered by
 * field in card order (whole-form issues first), then by check order within a field.
 *
 * Checks: the Demographics schema; the NIK's structure (parseNik); its province, regency and
 * kecamatan codes against the region table; NIK birth date == Tanggal Lahir; NIK sex == Jenis
 * Kelamin; Tanggal Lahir is a real, past date; age ≥ 17 unless married or previously married.
 * On success, `nama` is uppercase with single spaces and text fields are trimmed.
 */
export function validateDemographics(input: unknown, ctx: ValidationContext): DemographicsValidation {
  if (!isRecord(input)) {
    return {
      ok: false,
      issues: [
        issue(
          '_form',
          'INPUT_NOT_OBJECT',
          'Formulir: data penduduk harus berupa satu objek berisi isian formulir. Isi ulang formulir.',
          'Form: the resident data must be one object of form fields. Fill in the form again.',
        ),
      ],
    };
  }
  const parsed = Demographics.safeParse(input);
  const issues: FieldIssue[] = parsed.success ? [] : parsed.error.issues.map((zi) => fromZodIssue(zi, input));

  const today = calendarDateOf(ctx.today);
  const dob = checkBirthDate(input.tanggalLahir, today);
  // Only a real, non-future date is compared with the NIK (otherwise the date issue says it all).
  const comparableBirth = dob.issues.length === 0 ? dob.birth : undefined;
  issues.push(...dob.issues);

  if (typeof input.nik === 'string' && input.nik.trim() !== '') {
    issues.push(...checkNik(input.nik.trim(), input, comparableBirth, ctx));
  } else if (typeof input.nik === 'string') {
    issues.push(issue('nik', 'FIELD_REQUIRED', 'NIK: wajib diisi. Isi NIK 16 angka dari KK.', 'NIK: is required. Enter the 16-digit NIK from the family card (KK).'));
  }

  const status = StatusPerkawinan.safeParse(input.statusPerkawinan);
  if (comparableBirth !== undefined && status.success && status.data === 'BELUM KAWIN') {
    const age = ageInYears(comparableBirth, today);
    if (age < MIN_AGE_YEARS) {
      const label = FIELD_LABELS.tanggalLahir;
      issues.push(
        issue(
          'tanggalLahir',
          'AGE_NOT_ELIGIBLE',
          `${label.id}: umur penduduk ${age} tahun; e-KTP hanya untuk yang berumur 17 tahun ke atas atau yang sudah/pernah kawin. Periksa tanggal lahir dan status perkawinan, atau rekam setelah berumur 17 tahun.`,
          `${label.en}: the resident is ${age} years old; an e-KTP is only for residents aged 17 or over, or who are or have been married. Check the date of birth and marital status, or record after the 17th birthday.`,
        ),
      );
    }
  }

  const rank = (f: IssueField) => ORDER.indexOf(f);
  const ordered = dedupe(issues).sort((a, b) => rank(a.field) - rank(b.field));
  if (parsed.success && ordered.length === 0) return { ok: true, value: parsed.data };
  if (ordered.length === 0) {
    // Unreachable (every schema issue maps to a FieldIssue); kept so the result is never "invalid without reasons".
    ordered.push(
      issue('_form', 'FIELD_INVALID', 'Formulir: data penduduk tidak sah. Periksa semua isian.', 'Form: the resident data is not valid. Check every field.'),
    );
  }
  return { ok: false, issues: ordered };
}
