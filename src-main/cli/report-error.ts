import { isStationError } from '../core/station-error.js';

/** Prints an error for the technician at the terminal, in both languages, with every bad field. */
export function reportError(error: unknown, out: NodeJS.WritableStream = process.stderr): number {
  if (isStationError(error)) {
    out.write(`GALAT ${error.code}: ${error.text.id}\n`);
    out.write(`ERROR ${error.code}: ${error.text.en}\n`);
    const issues = error.details?.['issues'];
    if (Array.isArray(issues)) {
      for (const issue of issues as Array<{ path: string; message: string }>) {
        out.write(`  - ${issue.path}: ${issue.message}\n`);
      }
    }
    const hint = error.details?.['hint'];
    if (typeof hint === 'string') out.write(`  ${hint}\n`);
    return error.code === 'CONFIG_INVALID' || error.code === 'CONFIG_UNREADABLE' ? 2 : 1;
  }
  out.write(`GALAT / ERROR: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}
