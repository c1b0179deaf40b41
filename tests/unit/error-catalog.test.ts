import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src-main/contract/errors.js';
import { errorCatalog } from '../../src-main/core/error-catalog.js';

describe('error catalog', () => {
  it('gives every error code an HTTP status and a message in both languages', () => {
    for (const code of ErrorCode.options) {
      const entry = errorCatalog[code];
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      expect(entry.message.id.length, code).toBeGreaterThan(10);
      expect(entry.message.en.length, code).toBeGreaterThan(10);
      expect(entry.message.id, `${code} must be translated`).not.toEqual(entry.message.en);
    }
  });

  it('keeps the refusals of the web host apart: unknown method, invalid params, forbidden role', () => {
    const statuses = (['UNKNOWN_METHOD', 'INVALID_PARAMS', 'FORBIDDEN_ROLE', 'TOKEN_MISSING'] as const).map(
      (c) => errorCatalog[c].status,
    );
    expect(statuses).toEqual([404, 400, 403, 401]);
  });
});
