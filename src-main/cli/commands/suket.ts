import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { PDFDocument } from 'pdf-lib';
import { isStationError } from '../../core/station-error.js';
import { SUKET_PREFIX, verifySuket } from '../../print/suket/suket-payload.js';

/** The payload itself, or read from a Suket PDF (its keywords) or a text file holding the scanned QR. */
async function payloadOf(input: string): Promise<string> {
  if (input.startsWith(`${SUKET_PREFIX}.`)) return input;
  const bytes = readFileSync(input);
  if (bytes.subarray(0, 5).toString() === '%PDF-') {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const found = (pdf.getKeywords() ?? '').split(/\s+/).find((k) => k.startsWith(`${SUKET_PREFIX}.`));
    if (found === undefined) throw new Error(`${input} is a PDF without a Suket payload / PDF tanpa muatan Suket`);
    return found;
  }
  return bytes.toString('utf8').trim();
}

export function registerSuket(program: Command): void {
  const suket = program.command('suket').description('Surat Keterangan. / Surat Keterangan pengganti KTP-el.');
  suket
    .command('verify <fileOrPayload>')
    .description('Check a Suket (PDF, a file with the scanned QR text, or the payload): signature, issuer, date; exit 0 valid, 1 not.')
    .option('--public-key <file>', "the issuing station's public key (PEM): the Suket must be signed by it")
    .option('--json', 'machine-readable output')
    .action(async (input: string, flags: { publicKey?: string; json?: boolean }) => {
      try {
        const verified = verifySuket(await payloadOf(input), { trustedKeyPem: flags.publicKey === undefined ? undefined : readFileSync(flags.publicKey, 'utf8') });
        const c = verified.claims;
        if (flags.json === true) process.stdout.write(`${JSON.stringify({ valid: true, ...verified })}\n`);
        else {
          process.stdout.write(
            `SAH / VALID: Suket ${c.id} for ${c.nama} (NIK ${c.nik}), status ${c.statusCode}\n` +
              `  issued ${c.issuedAt} by ${c.issuedBy} at station ${c.stationId} (${c.regency})\n` +
              `  station key ${verified.keyFingerprint.slice(0, 16)}…${verified.trustedKey === true ? ' = the key given' : ' (give --public-key to check it is the office\'s key)'}\n` +
              `  valid until ${c.validUntil}${verified.expired ? ' — KEDALUWARSA / EXPIRED' : ''}\n`,
          );
        }
        process.exitCode = verified.expired ? 1 : 0;
      } catch (error: unknown) {
        const message = isStationError(error) ? `${error.text.id}\n${error.text.en}` : error instanceof Error ? error.message : String(error);
        if (flags.json === true) process.stdout.write(`${JSON.stringify({ valid: false, code: isStationError(error) ? error.code : 'UNREADABLE', message })}\n`);
        else process.stderr.write(`TIDAK SAH / NOT VALID: ${message}\n`);
        process.exitCode = 1;
      }
    });
}
