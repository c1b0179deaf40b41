import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNik } from '../../src-main/recording/nik.js';

/** A fixed "today" in local time (the station's wall clock): 15 June 2025. */
const TODAY = new Date(2025, 5, 15);

function expectFail(nik: string, code: string, today = TODAY) {
  const r = parseNik(nik, today);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe(code);
  expect(r.message.id.length).toBeGreaterThan(0);
  expect(r.message.en.length).toBeGreaterThan(0);
  expect(r.message.id).not.toBe(r.message.en);
  expect(r.message.id.startsWith('NIK')).toBe(true);
  expect(r.message.en.startsWith('NIK')).toBe(true);
}

function expectBirth(nik: string, birthDate: string, today = TODAY) {
  const r = parseNik(nik, today);
  expect(r).toMatchObject({ ok: true, value: { birthDate } });
}

describe('parseNik: valid NIKs (Pacitan, 35.01.01 Donorojo)', () => {
  it('parses a man: day as is', () => {
    expect(parseNik('3501011205900001', TODAY)).toEqual({
      ok: true,
      value: {
        provinceCode: '35',
        regencyCode: '3501',
        districtCode: '350101',
        birthDate: '1990-05-12',
        sex: 'LAKI-LAKI',
        serial: '0001',
      },
    });
  });

  it('parses a woman: 40 added to the day', () => {
    expect(parseNik('3501015205900002', TODAY)).toEqual({
      ok: true,
      value: {
        provinceCode: '35',
        regencyCode: '3501',
        districtCode: '350101',
        birthDate: '1990-05-12',
        sex: 'PEREMPUAN',
        serial: '0002',
      },
    });
  });

  it('accepts the edges of the day ranges: 01, 31, 41, 71', () => {
    expectBirth('3501010101900001', '1990-01-01');
    expectBirth('3501013101900001', '1990-01-31');
    expect(parseNik('3501014101900001', TODAY)).toMatchObject({ ok: true, value: { birthDate: '1990-01-01', sex: 'PEREMPUAN' } });
    expect(parseNik('3501017112900001', TODAY)).toMatchObject({ ok: true, value: { birthDate: '1990-12-31', sex: 'PEREMPUAN' } });
  });

  it('accepts serial 9999 and 29 February of a leap year', () => {
    expect(parseNik('3501012902969999', TODAY)).toMatchObject({ ok: true, value: { birthDate: '1996-02-29', serial: '9999' } });
    expectBirth('3501016902009999', '2000-02-29');
  });
});

describe('parseNik: structure errors', () => {
  it('rejects the wrong length', () => {
    expectFail('', 'NIK_LENGTH');
    expectFail('350101120590001', 'NIK_LENGTH');
    expectFail('35010112059000011', 'NIK_LENGTH');
  });

  it('says how many digits were entered', () => {
    const r = parseNik('350101120590001', TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.id).toContain('15');
      expect(r.message.en).toContain('15');
    }
  });

  it('rejects letters, spaces, separators and non-ASCII digits', () => {
    expectFail('35010112059O0001', 'NIK_NOT_DIGITS');
    expectFail('3501011205900001 ', 'NIK_NOT_DIGITS');
    expectFail('35.01.01.120590.0001', 'NIK_NOT_DIGITS');
    expectFail('350101120590000١', 'NIK_NOT_DIGITS');
    expectFail('abc', 'NIK_NOT_DIGITS');
  });
});

describe('parseNik: birth date', () => {
  it.each([
    ['day 00', '3501010005900001'],
    ['day 32', '3501013205900001'],
    ['day 40', '3501014005900001'],
    ['day 72', '3501017205900001'],
    ['day 99', '3501019905900001'],
    ['month 00', '3501011200900001'],
    ['month 13', '3501011213900001'],
    ['31 February', '3501013102900001'],
    ['31 February (woman)', '3501017102900001'],
    ['30 February', '3501013002900001'],
    ['31 April', '3501013104900001'],
    ['29 February of a non-leap year', '3501012902970001'],
  ])('rejects %s', (_label, nik) => {
    expectFail(nik, 'NIK_DATE_INVALID');
  });

  it('names the offending digits in the message', () => {
    const r = parseNik('3501013102900001', TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.id).toContain('31-02-90');
      expect(r.message.en).toContain('31-02-90');
    }
  });
});

describe('parseNik: century of the two-digit year', () => {
  it('takes the latest century that is not after today', () => {
    expectBirth('3501011205050001', '2005-05-12'); // not 1905, although 1905 is within 130 years
    expectBirth('3501011205300001', '1930-05-12'); // 2030 would be in the future
    expectBirth('3501011506250001', '2025-06-15'); // born today
    expectBirth('3501011606250001', '1925-06-16'); // tomorrow in 2025 → previous century
    expectBirth('3501011205990001', '1999-05-12');
  });

  it('depends on today', () => {
    expectBirth('3501010101000001', '2000-01-01', new Date(2000, 0, 1));
    expectBirth('3501010201000001', '1900-01-02', new Date(2000, 0, 1));
    expectBirth('3501011205300001', '2030-05-12', new Date(2040, 0, 1));
  });

  it('29 February 00 needs a leap century within the window', () => {
    // In 1999, 2000-02-29 is in the future and 1900 was not a leap year.
    expectFail('3501012902000001', 'NIK_DATE_INVALID', new Date(1999, 5, 1));
    expectBirth('3501012902000001', '2000-02-29', new Date(2000, 2, 1));
  });
});

describe('parseNik: serial', () => {
  it('rejects serial 0000', () => {
    expectFail('3501011205900000', 'NIK_SERIAL_ZERO');
    expectFail('3501015205900000', 'NIK_SERIAL_ZERO');
  });

  it('gives different bilingual messages for each code', () => {
    const results = ['350101', 'x'.repeat(16), '3501013205900001', '3501011205900000'].map((n) => parseNik(n, TODAY));
    const messages = results.flatMap((r) => (r.ok ? [] : [r.message.id, r.message.en]));
    expect(messages).toHaveLength(8);
    expect(new Set(messages).size).toBe(8);
  });
});

describe('parseNik: properties', () => {
  const REGIONS = ['350101', '317101', '327301', '110101', '640101'] as const;

  it('never throws, and is ok only for 16 ASCII digits', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 20 }), fc.stringMatching(/^[0-9]{12,20}$/)),
        fc.date({ min: new Date(1950, 0, 1), max: new Date(2150, 0, 1), noInvalidDate: true }),
        (nik, today) => {
          const r = parseNik(nik, today);
          if (r.ok) expect(nik).toMatch(/^[0-9]{16}$/);
          else {
            expect(r.message.id).not.toBe('');
            expect(r.message.en).not.toBe('');
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips region, birth date, sex and serial', () => {
    // Dates within the last 100 years (after 15 June 1925): the century rule recovers them exactly.
    fc.assert(
      fc.property(
        fc.constantFrom(...REGIONS),
        fc.date({ min: new Date(Date.UTC(1925, 5, 16)), max: new Date(Date.UTC(2025, 5, 15)), noInvalidDate: true }),
        fc.constantFrom('LAKI-LAKI' as const, 'PEREMPUAN' as const),
        fc.integer({ min: 1, max: 9999 }),
        (district, date, sex, serialNo) => {
          const y = date.getUTCFullYear();
          const m = date.getUTCMonth() + 1;
          const d = date.getUTCDate();
          const p2 = (n: number) => String(n).padStart(2, '0');
          const serial = String(serialNo).padStart(4, '0');
          const nik = `${district}${p2(sex === 'PEREMPUAN' ? d + 40 : d)}${p2(m)}${p2(y % 100)}${serial}`;
          expect(parseNik(nik, TODAY)).toEqual({
            ok: true,
            value: {
              provinceCode: district.slice(0, 2),
              regencyCode: district.slice(0, 4),
              districtCode: district,
              birthDate: `${y}-${p2(m)}-${p2(d)}`,
              sex,
              serial,
            },
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
