import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Demographics, Pekerjaan } from '../../src-main/contract/demographics.js';
import { RegionDirectory } from '../../src-main/reference/regions.js';
import { FIELD_LABELS, validateDemographics, type FieldIssue } from '../../src-main/recording/validate-demographics.js';

const TODAY = new Date(2025, 5, 15); // 15 June 2025, station local time
let regions: RegionDirectory;

beforeAll(async () => {
  regions = await RegionDirectory.load();
});

const man = {
  nik: '3501011205900001',
  nama: '  budi   santoso ',
  tempatLahir: 'PACITAN',
  tanggalLahir: '1990-05-12',
  jenisKelamin: 'LAKI-LAKI',
  golonganDarah: 'O',
  alamat: 'JL. RAYA DONOROJO NO. 5',
  rt: '001',
  rw: '002',
  kelurahanDesa: 'DONOROJO',
  kecamatan: 'DONOROJO',
  agama: 'ISLAM',
  statusPerkawinan: 'KAWIN',
  pekerjaan: 'PETANI/PEKEBUN',
  kewarganegaraan: 'WNI',
} as const;

const woman = {
  ...man,
  nik: '3501015205900002',
  nama: "Siti Nur'aini",
  jenisKelamin: 'PEREMPUAN',
  golonganDarah: '-',
  statusPerkawinan: 'CERAI MATI',
  pekerjaan: 'MENGURUS RUMAH TANGGA',
} as const;

function validate(input: unknown) {
  return validateDemographics(input, { regions, today: TODAY });
}

function issuesOf(input: unknown): FieldIssue[] {
  const r = validate(input);
  if (r.ok) throw new Error('expected issues, got ok');
  return r.issues;
}

function expectBilingual(issues: FieldIssue[]) {
  for (const i of issues) {
    expect(i.message.id.trim()).not.toBe('');
    expect(i.message.en.trim()).not.toBe('');
    expect(i.message.id).not.toBe(i.message.en);
  }
}

describe('validateDemographics: valid records', () => {
  it('accepts a man and normalises the name', () => {
    const r = validate(man);
    expect(r).toEqual({ ok: true, value: { ...man, nama: 'BUDI SANTOSO' } });
  });

  it('accepts a woman (day + 40 in the NIK), blood type "-" and an apostrophe in the name', () => {
    const r = validate(woman);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.nama).toBe("SITI NUR'AINI");
  });

  it('trims text fields and the NIK', () => {
    const r = validate({ ...man, nik: ' 3501011205900001 ', alamat: '  JL. MAWAR  ', rt: ' 001' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.nik).toBe('3501011205900001');
      expect(r.value.alamat).toBe('JL. MAWAR');
      expect(r.value.rt).toBe('001');
    }
  });

  it('compares only DD-MM-YY with the NIK: a 100-year-old born 1925 matches "25"', () => {
    expect(validate({ ...man, nik: '3501011205250001', tanggalLahir: '1925-05-12' }).ok).toBe(true);
  });

  it('has the occupations the desks use most', () => {
    for (const p of ['WIRASWASTA', 'GURU', 'DOSEN', 'DOKTER', 'BIDAN', 'PERAWAT', 'SOPIR', 'PEDAGANG', 'LAINNYA', 'KARYAWAN SWASTA']) {
      expect(Pekerjaan.options).toContain(p);
    }
    expect(Pekerjaan.options.length).toBeGreaterThanOrEqual(80);
  });
});

describe('validateDemographics: NIK', () => {
  it('passes NIK structure errors through with the field "nik"', () => {
    expect(issuesOf({ ...man, nik: '35010112059' })).toEqual([expect.objectContaining({ field: 'nik', code: 'NIK_LENGTH' })]);
    expect(issuesOf({ ...man, nik: '35010112O5900001' })).toEqual([expect.objectContaining({ field: 'nik', code: 'NIK_NOT_DIGITS' })]);
    expect(issuesOf({ ...man, nik: '3501013102900001' })).toEqual([expect.objectContaining({ field: 'nik', code: 'NIK_DATE_INVALID' })]);
    expect(issuesOf({ ...man, nik: '3501011205900000' })).toEqual([expect.objectContaining({ field: 'nik', code: 'NIK_SERIAL_ZERO' })]);
  });

  it('requires a NIK', () => {
    expect(issuesOf({ ...man, nik: '  ' })).toEqual([expect.objectContaining({ field: 'nik', code: 'FIELD_REQUIRED' })]);
    const { nik: _nik, ...noNik } = man;
    expect(issuesOf(noNik)).toEqual([expect.objectContaining({ field: 'nik', code: 'FIELD_REQUIRED' })]);
  });

  it('reports an unknown kecamatan code 350199, naming the level and the code', () => {
    const issues = issuesOf({ ...man, nik: '3501991205900001' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: 'nik', code: 'NIK_REGION_UNKNOWN' });
    expect(issues[0]?.message.id).toContain('kecamatan 350199');
    expect(issues[0]?.message.en).toContain('350199');
    expect(issues[0]?.message.en).toContain('sub-district');
    expectBilingual(issues);
  });

  it('reports an unknown regency or province at the highest unknown level only', () => {
    const regency = issuesOf({ ...man, nik: '3599011205900001' });
    expect(regency).toHaveLength(1);
    expect(regency[0]?.message.id).toContain('kabupaten/kota 3599');
    const province = issuesOf({ ...man, nik: '9901011205900001' });
    expect(province).toHaveLength(1);
    expect(province[0]?.message.id).toContain('provinsi 99');
    expect(province[0]?.message.en).toContain('province code 99');
  });

  it('reports a birth date that differs from Tanggal Lahir', () => {
    const issues = issuesOf({ ...man, tanggalLahir: '1990-05-13' });
    expect(issues).toEqual([expect.objectContaining({ field: 'nik', code: 'NIK_BIRTHDATE_MISMATCH' })]);
    expect(issues[0]?.message.id).toBe(
      'NIK: tanggal lahir di NIK (12-05-1990) tidak sama dengan Tanggal Lahir yang diisi (13-05-1990). Periksa NIK atau tanggal lahir.',
    );
    expect(issues[0]?.message.en).toContain('12-05-1990');
    expect(issues[0]?.message.en).toContain('13-05-1990');
  });

  it('reports a sex that differs from Jenis Kelamin, both ways', () => {
    expect(issuesOf({ ...man, jenisKelamin: 'PEREMPUAN' })).toEqual([expect.objectContaining({ field: 'nik', code: 'NIK_SEX_MISMATCH' })]);
    const issues = issuesOf({ ...woman, jenisKelamin: 'LAKI-LAKI' });
    expect(issues).toEqual([expect.objectContaining({ field: 'nik', code: 'NIK_SEX_MISMATCH' })]);
    expect(issues[0]?.message.id).toContain('PEREMPUAN');
    expectBilingual(issues);
  });
});

describe('validateDemographics: date of birth and eligibility', () => {
  it('rejects a date that is not in the calendar', () => {
    expect(issuesOf({ ...man, tanggalLahir: '1990-02-30' })).toContainEqual(
      expect.objectContaining({ field: 'tanggalLahir', code: 'DATE_INVALID' }),
    );
    expect(issuesOf({ ...man, tanggalLahir: '1990-13-01' })).toContainEqual(
      expect.objectContaining({ field: 'tanggalLahir', code: 'DATE_INVALID' }),
    );
  });

  it('rejects a date in the future and one in the wrong format', () => {
    expect(issuesOf({ ...man, tanggalLahir: '2025-06-16' })).toContainEqual(
      expect.objectContaining({ field: 'tanggalLahir', code: 'DATE_IN_FUTURE' }),
    );
    expect(issuesOf({ ...man, tanggalLahir: '12-05-1990' })).toEqual([
      expect.objectContaining({ field: 'tanggalLahir', code: 'FIELD_FORMAT' }),
    ]);
  });

  it('rejects an unmarried 16-year-old, on tanggalLahir', () => {
    // Born 16 June 2008: 17 tomorrow.
    const teen = { ...man, nik: '3501011606080001', tanggalLahir: '2008-06-16', statusPerkawinan: 'BELUM KAWIN' };
    const issues = issuesOf(teen);
    expect(issues).toEqual([expect.objectContaining({ field: 'tanggalLahir', code: 'AGE_NOT_ELIGIBLE' })]);
    expect(issues[0]?.message.id).toContain('16 tahun');
    expect(issues[0]?.message.en).toContain('16 years');
  });

  it('accepts an unmarried resident on the 17th birthday, and a married 16-year-old', () => {
    expect(validate({ ...man, nik: '3501011506080001', tanggalLahir: '2008-06-15', statusPerkawinan: 'BELUM KAWIN' }).ok).toBe(true);
    for (const status of ['KAWIN', 'CERAI HIDUP', 'CERAI MATI']) {
      expect(validate({ ...man, nik: '3501011606080001', tanggalLahir: '2008-06-16', statusPerkawinan: status }).ok).toBe(true);
    }
  });
});

describe('validateDemographics: fields', () => {
  it('rejects names with digits or symbols, and names that are too long', () => {
    expect(issuesOf({ ...man, nama: 'BUDI 2' })).toEqual([expect.objectContaining({ field: 'nama', code: 'FIELD_FORMAT' })]);
    expect(issuesOf({ ...man, nama: '...' })).toEqual([expect.objectContaining({ field: 'nama', code: 'FIELD_FORMAT' })]);
    expect(issuesOf({ ...man, nama: 'A'.repeat(61) })).toEqual([expect.objectContaining({ field: 'nama', code: 'FIELD_TOO_LONG' })]);
    expect(validate({ ...man, nama: 'A'.repeat(60) }).ok).toBe(true);
    expect(validate({ ...man, nama: `  ${'A'.repeat(30)}     ${'B'.repeat(29)}  ` }).ok).toBe(true);
  });

  it('reports an empty field once, as required', () => {
    expect(issuesOf({ ...man, nama: '   ' })).toEqual([expect.objectContaining({ field: 'nama', code: 'FIELD_REQUIRED' })]);
    expect(issuesOf({ ...man, agama: '' })).toEqual([expect.objectContaining({ field: 'agama', code: 'FIELD_REQUIRED' })]);
  });

  it('rejects RT/RW that are not 3 digits, values outside the lists, wrong types and unknown fields', () => {
    expect(issuesOf({ ...man, rt: '1' })).toEqual([expect.objectContaining({ field: 'rt', code: 'FIELD_FORMAT' })]);
    expect(issuesOf({ ...man, rw: 2 })).toEqual([expect.objectContaining({ field: 'rw', code: 'FIELD_TYPE' })]);
    expect(issuesOf({ ...man, agama: 'islam' })).toEqual([expect.objectContaining({ field: 'agama', code: 'FIELD_NOT_IN_LIST' })]);
    expect(issuesOf({ ...man, golonganDarah: 'C' })).toEqual([
      expect.objectContaining({ field: 'golonganDarah', code: 'FIELD_NOT_IN_LIST' }),
    ]);
    expect(issuesOf({ ...man, hobi: 'MEMANCING' })).toEqual([expect.objectContaining({ field: '_form', code: 'FIELD_UNKNOWN' })]);
  });

  it('rejects input that is not an object', () => {
    for (const input of [null, undefined, 'x', 42, [man]]) {
      expect(issuesOf(input)).toEqual([expect.objectContaining({ field: '_form', code: 'INPUT_NOT_OBJECT' })]);
    }
  });
});

describe('validateDemographics: all issues at once', () => {
  const bad = {
    ...man,
    nik: '3501995205900001', // unknown kecamatan, female, 12-05-90
    nama: 'B0DI',
    tanggalLahir: '1990-05-13',
    rt: '1',
    agama: 'JEDI',
    extra: true,
  };

  it('returns every issue in card order', () => {
    const issues = issuesOf(bad);
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['_form', 'FIELD_UNKNOWN'],
      ['nik', 'NIK_REGION_UNKNOWN'],
      ['nik', 'NIK_BIRTHDATE_MISMATCH'],
      ['nik', 'NIK_SEX_MISMATCH'],
      ['nama', 'FIELD_FORMAT'],
      ['rt', 'FIELD_FORMAT'],
      ['agama', 'FIELD_NOT_IN_LIST'],
    ]);
    expectBilingual(issues);
    expect(new Set(issues.map((i) => i.message.id)).size).toBe(issues.length);
  });

  it('is deterministic', () => {
    expect(validate(bad)).toEqual(validate(bad));
  });

  it('names the field in every message', () => {
    for (const i of issuesOf(bad)) {
      const label = i.field === '_form' ? { id: 'Formulir', en: 'Form' } : FIELD_LABELS[i.field];
      const [idLabel, enLabel] = [label.id, label.en];
      expect(i.message.id.startsWith(`${idLabel}:`)).toBe(true);
      expect(i.message.en.startsWith(`${enLabel}:`)).toBe(true);
    }
  });
});

describe('validateDemographics: properties', () => {
  const checkResult = (input: unknown) => {
    const r = validate(input);
    if (r.ok) {
      expect(Demographics.safeParse(r.value).success).toBe(true);
    } else {
      expect(r.issues.length).toBeGreaterThan(0);
      expectBilingual(r.issues);
    }
  };

  it('never throws on arbitrary JSON and always explains itself in both languages', () => {
    fc.assert(fc.property(fc.anything(), checkResult), { numRuns: 1000 });
    fc.assert(fc.property(fc.jsonValue(), checkResult), { numRuns: 500 });
  });

  it('never throws when any subset of fields of a valid record is replaced by arbitrary values', () => {
    const field = fc.constantFrom(...(Object.keys(man) as (keyof typeof man)[]), 'extra');
    fc.assert(
      fc.property(fc.dictionary(field, fc.oneof(fc.anything(), fc.string({ maxLength: 70 }), fc.stringMatching(/^[0-9]{14,18}$/))), (patch) => {
        checkResult({ ...man, ...patch });
      }),
      { numRuns: 1000 },
    );
  });
});
