import type { LocalizedText } from '../contract/errors.js';
import type { DiagCheck, DiagSection } from '../contract/methods/diag.js';

export type Facts = DiagCheck['facts'];

interface CheckBase {
  id: string;
  section: DiagSection;
  subject: string;
  title: LocalizedText;
  observed?: string | null;
  latencyMs?: number | null;
  facts?: Facts;
}

/** Bilingual text in one expression: `text('Indonesian', 'English')`. */
export function text(id: string, en: string): LocalizedText {
  return { id, en };
}

type Explained = { code: string; cause: LocalizedText; fix: LocalizedText };

/** Every check is written with its keys in one order, so the JSON reads the same every time. */
function make(base: CheckBase, status: DiagCheck['status'], code: string | null, cause: LocalizedText | null, fix: LocalizedText | null): DiagCheck {
  return {
    id: base.id,
    section: base.section,
    subject: base.subject,
    title: base.title,
    status,
    code,
    observed: base.observed ?? null,
    latencyMs: base.latencyMs ?? null,
    cause,
    fix,
    facts: base.facts ?? {},
  };
}

export function pass(base: CheckBase): DiagCheck {
  return make(base, 'pass', null, null, null);
}

/** A check that is not as it should be: always with the cause and what the technician does about it. */
export function fail(base: CheckBase & Explained): DiagCheck {
  return make(base, 'fail', base.code, base.cause, base.fix);
}

export function warn(base: CheckBase & Explained): DiagCheck {
  return make(base, 'warn', base.code, base.cause, base.fix);
}

/** Not run: says why (an earlier step failed, or it does not apply here). */
export function skip(base: CheckBase & { code: string; cause: LocalizedText; fix?: LocalizedText | null }): DiagCheck {
  return make(base, 'skip', base.code, base.cause, base.fix ?? null);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit] ?? 'TiB'}`;
}

/** The errno-style code of an error or its causes (ENOENT, ECONNREFUSED, CERT_HAS_EXPIRED …). */
export function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return 'UNKNOWN';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
