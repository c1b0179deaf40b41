import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { EnrollmentView } from '../contract/methods/enrollment.js';
import { suketCode } from './lifecycle.js';

export interface ReceiptContext {
  stationId: string;
  provinceName: string;
  regencyName: string;
  districtName: string;
  operatorName: string;
  printedAt: Date;
}

/** A5 portrait, in PDF points. */
const PAGE = { width: 419.53, height: 595.28 };
const MARGIN = 36;

function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d ?? ''}-${m ?? ''}-${y ?? ''}`;
}

/**
 * The standard PDF fonts speak WinAnsi only: any other character (a rare letter in an address)
 * is shown as "?" rather than failing the whole receipt.
 */
function printable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return Array.from(text, (c) => (supported.has(c.codePointAt(0) ?? 0) ? c : '?')).join('');
}

/** What the QR code carries: enough for central or a desk to find and check the record offline. */
export function receiptQrPayload(view: EnrollmentView): string {
  return ['KTPST1', view.registrationNo, view.id, view.nik, (view.contentHash ?? '').slice(0, 16)].join('|');
}

function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = size / (count + 8);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (qr.modules.get(row, col) !== 0) {
        page.drawRectangle({ x: x + (col + 4) * cell, y: y + size - (row + 5) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
      }
    }
  }
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line === '' ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(next, size) <= width) line = next;
    else {
      if (line !== '') lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The resident's receipt (tanda terima) for a committed recording: the registration number to
 * ask about later, the data recorded, the status code a Suket uses, and a QR code.
 */
export async function renderReceipt(view: EnrollmentView, context: ReceiptContext): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Tanda Terima Perekaman KTP-el ${view.registrationNo}`);
  pdf.setSubject(view.registrationNo);
  pdf.setKeywords([view.registrationNo, view.id]);
  pdf.setCreator(`KTP Station ${context.stationId}`);
  pdf.setProducer('KTP Station');
  pdf.setCreationDate(context.printedAt);
  const page = pdf.addPage([PAGE.width, PAGE.height]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = PAGE.width - 2 * MARGIN;
  let y = PAGE.height - MARGIN;

  const center = (text: string, font: PDFFont, size: number) => {
    page.drawText(text, { x: MARGIN + (width - font.widthOfTextAtSize(text, size)) / 2, y, size, font });
    y -= size + 5;
  };
  center(context.regencyName.toUpperCase(), bold, 11);
  center('DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL', bold, 10);
  center(`KECAMATAN ${context.districtName.toUpperCase()}`, regular, 9);
  y -= 4;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE.width - MARGIN, y }, thickness: 1.2 });
  y -= 20;
  center('TANDA TERIMA PEREKAMAN KTP-el', bold, 13);
  center(`No. Registrasi: ${view.registrationNo}`, bold, 11);
  y -= 8;

  const d = view.demographics;
  const rows: Array<[string, string]> = [
    ['NIK', view.nik],
    ['Nama', d.nama],
    ['Tempat/Tgl Lahir', `${d.tempatLahir}, ${formatDate(d.tanggalLahir)}`],
    ['Jenis Kelamin', d.jenisKelamin],
    ['Alamat', `${d.alamat} RT ${d.rt}/RW ${d.rw}, ${d.kelurahanDesa}, ${d.kecamatan}`],
    ['Tanggal rekam', view.committedAt === null ? '-' : formatDate(view.committedAt)],
    ['Status', `${suketCode(view.status)} (${view.status})`],
    ['Station / petugas', `${context.stationId} / ${context.operatorName}`],
  ];
  for (const [label, value] of rows) {
    const lines = wrap(printable(regular, value), regular, 10, width - 120);
    page.drawText(label, { x: MARGIN, y, size: 10, font: bold });
    for (const [i, line] of lines.entries()) page.drawText(line, { x: MARGIN + 120, y: y - i * 13, size: 10, font: regular });
    y -= Math.max(1, lines.length) * 13 + 5;
  }
  y -= 6;
  const qrSize = 120;
  drawQr(page, receiptQrPayload(view), MARGIN, y - qrSize, qrSize);
  const note = [
    'Simpan tanda terima ini. Tunjukkan nomor registrasi saat menanyakan status atau mengambil KTP-el.',
    'Keep this receipt. Show the registration number when asking about the status or collecting the card.',
  ];
  let noteY = y - 12;
  for (const paragraph of note) {
    for (const line of wrap(paragraph, regular, 8.5, width - qrSize - 12)) {
      page.drawText(line, { x: MARGIN + qrSize + 12, y: noteY, size: 8.5, font: regular });
      noteY -= 11;
    }
    noteY -= 6;
  }
  page.drawText(`Dicetak ${context.printedAt.toISOString().slice(0, 16).replace('T', ' ')} · ${view.id}`, {
    x: MARGIN,
    y: MARGIN - 10,
    size: 7,
    font: regular,
    color: rgb(0.35, 0.35, 0.35),
  });
  return Buffer.from(await pdf.save());
}
