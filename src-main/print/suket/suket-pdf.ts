import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { PDFFont, PDFImage, PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { SuketClaims } from './suket-payload.js';

/** Folio (F4, 215 × 330 mm) or A4, in points. */
export const SUKET_PAGES = { FOLIO: [609.45, 935.43], A4: [595.28, 841.89] } as const;
export type SuketPaper = keyof typeof SUKET_PAGES;

export const STATUS_WORDS: Record<SuketClaims['statusCode'], string> = {
  Pro: 'Pro — dalam proses di Dinas',
  SFE: 'SFE — dikirim untuk perekaman pusat',
  PRR: 'PRR — siap cetak',
  DUP: 'DUP — terdeteksi ganda, dalam penanganan',
  Efac: 'Efac — data belum lengkap',
};

export interface SuketDocument {
  claims: SuketClaims;
  payload: string;
  provinceName: string;
  regencyName: string;
  demographics: Array<[string, string]>;
  photo: { bytes: Buffer; format: string } | null;
  paper: SuketPaper;
}

function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = size / (count + 8);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (qr.modules.get(row, col) !== 0) page.drawRectangle({ x: x + (col + 4) * cell, y: y + size - (row + 5) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
    }
  }
}

/** Helvetica speaks WinAnsi: anything outside it is shown as "?" rather than failing the document. */
function printable(font: PDFFont, text: string): string {
  return Array.from(text)
    .map((ch) => {
      try {
        font.encodeText(ch);
        return ch;
      } catch {
        return '?';
      }
    })
    .join('');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line === '' ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(next, size) <= width || line === '') line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The Surat Keterangan PDF: kabupaten header, the resident's data and photo, the statement, validity, status code, signed QR. */
export async function renderSuket(doc: SuketDocument): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Surat Keterangan ${doc.claims.id}`);
  pdf.setSubject(doc.claims.nik);
  // The signed payload also rides in the document's keywords, so `suket verify FILE` can read it without a QR scanner.
  pdf.setKeywords([doc.claims.id, doc.claims.statusCode, doc.payload]);
  pdf.setCreator(`KTP Station ${doc.claims.stationId}`);
  pdf.setProducer('KTP Station');
  pdf.setCreationDate(new Date(doc.claims.issuedAt));
  const [width, height] = SUKET_PAGES[doc.paper];
  const page = pdf.addPage([width, height]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const margin = 56;
  const inner = width - 2 * margin;
  let y = height - margin;
  const center = (text: string, font: PDFFont, size: number) => {
    const t = printable(font, text);
    page.drawText(t, { x: margin + (inner - font.widthOfTextAtSize(t, size)) / 2, y, size, font });
    y -= size + 6;
  };
  center(`PEMERINTAH ${doc.regencyName.toUpperCase()}`, bold, 13);
  center('DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL', bold, 12);
  center(`PROVINSI ${doc.provinceName.toUpperCase()}`, regular, 10);
  y -= 2;
  page.drawLine({ start: { x: margin, y }, end: { x: width - margin, y }, thickness: 1.5 });
  y -= 28;
  center('SURAT KETERANGAN', bold, 14);
  center('Pengganti KTP-el yang belum dapat dicetak', regular, 10);
  center(`Nomor: ${doc.claims.id}`, regular, 10);
  y -= 14;

  let photo: PDFImage | null = null;
  if (doc.photo !== null) photo = doc.photo.format === 'JPEG' ? await pdf.embedJpg(doc.photo.bytes) : await pdf.embedPng(doc.photo.bytes);
  const photoW = 113;
  const photoH = 151;
  if (photo !== null) page.drawImage(photo, { x: width - margin - photoW, y: y - photoH, width: photoW, height: photoH });
  page.drawRectangle({ x: width - margin - photoW, y: y - photoH, width: photoW, height: photoH, borderWidth: 0.8, borderColor: rgb(0, 0, 0) });

  const intro = 'Kepala Dinas Kependudukan dan Pencatatan Sipil menerangkan bahwa:';
  page.drawText(intro, { x: margin, y, size: 10.5, font: regular });
  y -= 22;
  const labelW = 130;
  const valueW = inner - photoW - labelW - 16;
  for (const [label, value] of doc.demographics) {
    const lines = wrap(printable(regular, value), regular, 10.5, valueW);
    page.drawText(label, { x: margin, y, size: 10.5, font: regular });
    page.drawText(':', { x: margin + labelW - 8, y, size: 10.5, font: regular });
    for (const [i, line] of lines.entries()) page.drawText(line, { x: margin + labelW, y: y - i * 13, size: 10.5, font: bold });
    y -= Math.max(1, lines.length) * 13 + 5;
  }
  y = Math.min(y, height - margin - 200 - photoH) - 16;
  const statement =
    'adalah benar penduduk yang telah melakukan perekaman KTP-el dan datanya tercatat dalam database kependudukan. ' +
    'KTP-el yang bersangkutan belum dapat dicetak. Surat keterangan ini berlaku sebagai pengganti KTP-el untuk keperluan ' +
    'administrasi kependudukan, pelayanan publik dan penggunaan hak pilih sampai tanggal berlaku di bawah ini.';
  for (const line of wrap(statement, regular, 10.5, inner)) {
    page.drawText(line, { x: margin, y, size: 10.5, font: regular });
    y -= 14;
  }
  y -= 10;
  const facts: Array<[string, string]> = [
    ['Status rekaman', STATUS_WORDS[doc.claims.statusCode]],
    ['Berlaku sampai', doc.claims.validUntil.split('-').reverse().join('-')],
    ['Diterbitkan', `${doc.claims.issuedAt.slice(0, 16).replace('T', ' ')} UTC, ${doc.claims.stationId}, ${doc.claims.issuedBy}`],
  ];
  for (const [label, value] of facts) {
    page.drawText(label, { x: margin, y, size: 10.5, font: regular });
    page.drawText(`: ${printable(bold, value)}`, { x: margin + labelW - 8, y, size: 10.5, font: bold });
    y -= 16;
  }
  y -= 12;
  const qrSize = 150;
  drawQr(page, doc.payload, margin, y - qrSize, qrSize);
  const note = [
    'Keaslian surat ini dapat diperiksa dengan memindai kode QR (ktp-station suket verify).',
    'The authenticity of this letter can be checked by scanning the QR code (ktp-station suket verify).',
  ];
  let noteY = y - 14;
  for (const paragraph of note) {
    for (const line of wrap(paragraph, regular, 9, inner - qrSize - 16)) {
      page.drawText(line, { x: margin + qrSize + 16, y: noteY, size: 9, font: regular });
      noteY -= 12;
    }
    noteY -= 6;
  }
  return Buffer.from(await pdf.save());
}
