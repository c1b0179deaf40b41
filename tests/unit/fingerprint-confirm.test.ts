import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFIRM_CODES, describeConfirm } from '../../src-main/devices/fingerprint/confirm-codes.js';

const REQUIRED: ReadonlyArray<readonly [number, string]> = [
  [0x00, 'OK'],
  [0x01, 'RECEIVE_ERROR'],
  [0x02, 'NO_FINGER'],
  [0x03, 'IMAGE_CAPTURE_FAILED'],
  [0x06, 'IMAGE_TOO_MESSY'],
  [0x07, 'TOO_FEW_FEATURES'],
  [0x08, 'NO_MATCH'],
  [0x09, 'NOT_FOUND'],
  [0x0a, 'MERGE_FAILED'],
  [0x0b, 'ADDRESS_OUT_OF_RANGE'],
  [0x0c, 'READ_TEMPLATE_FAILED'],
  [0x0d, 'UPLOAD_FEATURE_FAILED'],
  [0x0e, 'CANNOT_RECEIVE_DATA'],
  [0x0f, 'UPLOAD_IMAGE_FAILED'],
  [0x10, 'DELETE_FAILED'],
  [0x11, 'CLEAR_FAILED'],
  [0x13, 'WRONG_PASSWORD'],
  [0x15, 'NO_VALID_IMAGE'],
  [0x18, 'FLASH_WRITE_ERROR'],
  [0x1a, 'INVALID_REGISTER'],
  [0x1b, 'REGISTER_CONFIG_WRONG'],
  [0x1c, 'WRONG_NOTEPAD_PAGE'],
  [0x1d, 'PORT_OPERATION_FAILED'],
];

describe('confirm codes', () => {
  it.each(REQUIRED)('code %i is %s', (code, name) => {
    const info = describeConfirm(code);
    expect(info.code).toBe(code);
    expect(info.name).toBe(name);
  });

  it('every entry has non-empty, different Indonesian and English messages', () => {
    for (const [code, info] of CONFIRM_CODES) {
      expect(info.code).toBe(code);
      expect(info.name).toMatch(/^[A-Z][A-Z_]*$/);
      expect(info.message.id.trim().length).toBeGreaterThan(0);
      expect(info.message.en.trim().length).toBeGreaterThan(0);
      expect(info.message.id).not.toBe(info.message.en);
    }
  });

  it('names and messages are unique', () => {
    const infos = [...CONFIRM_CODES.values()];
    expect(new Set(infos.map((i) => i.name)).size).toBe(infos.length);
    expect(new Set(infos.map((i) => i.message.id)).size).toBe(infos.length);
    expect(new Set(infos.map((i) => i.message.en)).size).toBe(infos.length);
  });

  it('uses the operator wording for the common capture failures', () => {
    expect(describeConfirm(0x02).message.id).toBe('Tidak ada jari di sensor. Letakkan jari dengan rata.');
    expect(describeConfirm(0x06).message.id).toBe('Gambar kurang jelas: bersihkan sensor dan jari, lalu ulangi.');
  });

  it('marks the capture conditions as retryable and final results as not', () => {
    for (const code of [0x01, 0x02, 0x03, 0x06, 0x07, 0x15]) expect(describeConfirm(code).retry).toBe(true);
    for (const code of [0x00, 0x08, 0x09, 0x13, 0x18]) expect(describeConfirm(code).retry).toBe(false);
  });

  it('describes an unknown code with its hex value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }).filter((c) => !CONFIRM_CODES.has(c)),
        (code) => {
          const info = describeConfirm(code);
          const hex = `0x${code.toString(16).toUpperCase().padStart(2, '0')}`;
          expect(info).toMatchObject({ code, name: 'UNKNOWN', retry: false });
          expect(info.message.id).toContain(hex);
          expect(info.message.en).toContain(hex);
          expect(info.message.id).not.toBe(info.message.en);
        },
      ),
    );
    expect(describeConfirm(0xfe).message.en).toContain('0xFE');
    expect(describeConfirm(0x04).name).toBe('UNKNOWN');
  });
});
