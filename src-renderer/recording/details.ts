import type { LocalizedText, StationErrorPayload } from '../../src-main/contract/index.js';
import type { CapturePosition, Modality } from '../../src-main/contract/captures.js';
import { ALL_SLOTS, DEMOGRAPHICS_FIELDS } from './options';
import type { DemographicsField } from './options';

/**
 * Reading the `details` of recording errors. Details are typed `unknown` by the contract, so each
 * shape is checked field by field here, never trusted.
 */

export interface FieldIssue {
  field: DemographicsField | '_form';
  code: string;
  message: LocalizedText;
}

export interface DuplicateRecord {
  id: string;
  registrationNo: string;
  status: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isLocalized(value: unknown): value is LocalizedText {
  return isRecord(value) && typeof value['id'] === 'string' && typeof value['en'] === 'string';
}

function isField(value: unknown): value is DemographicsField {
  return typeof value === 'string' && (DEMOGRAPHICS_FIELDS as readonly string[]).includes(value);
}

/** INVALID_DEMOGRAPHICS: `details.issues`. An issue for a field the form does not know goes to `_form`. */
export function fieldIssues(error: StationErrorPayload): FieldIssue[] {
  const issues = error.details?.['issues'];
  if (!Array.isArray(issues)) return [];
  const out: FieldIssue[] = [];
  for (const item of issues as unknown[]) {
    if (!isRecord(item) || !isLocalized(item['message'])) continue;
    const field = item['field'];
    out.push({
      field: isField(field) ? field : '_form',
      code: typeof item['code'] === 'string' ? item['code'] : '',
      message: item['message'],
    });
  }
  return out;
}

/** DUPLICATE_NIK: `details.records`. */
export function duplicateRecords(error: StationErrorPayload): DuplicateRecord[] {
  const records = error.details?.['records'];
  if (!Array.isArray(records)) return [];
  const out: DuplicateRecord[] = [];
  for (const item of records as unknown[]) {
    if (!isRecord(item)) continue;
    const { id, registrationNo, status } = item;
    if (typeof id === 'string' && typeof registrationNo === 'string' && typeof status === 'string') {
      out.push({ id, registrationNo, status });
    }
  }
  return out;
}

/** CAPTURES_MISSING: `details.missing`, kept to the positions the wizard knows. */
export function missingSlots(error: StationErrorPayload): Array<{ modality: Modality; position: CapturePosition }> {
  const missing = error.details?.['missing'];
  if (!Array.isArray(missing)) return [];
  return ALL_SLOTS.filter((slot) =>
    (missing as unknown[]).some((item) => isRecord(item) && item['modality'] === slot.modality && item['position'] === slot.position),
  );
}
