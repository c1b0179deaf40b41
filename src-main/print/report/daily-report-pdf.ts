import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { DailyReport } from './daily-report.js';

/** The daily report on one A4 page: the figures, the spoil reasons, the week's chart, the printers. */
export async function renderDailyReport(report: DailyReport, context: { stationId: string; regencyName: string }): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Laporan Harian Pencetakan ${report.date}`);
  pdf.setCreator(`KTP Station ${context.stationId}`);
  pdf.setProducer('KTP Station');
  const page = pdf.addPage([595.28, 841.89]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const margin = 50;
  let y = 841.89 - margin;
  const line = (text: string, size = 10.5, font = regular, x = margin) => {
    page.drawText(text, { x, y, size, font });
    y -= size + 6;
  };
  line(`LAPORAN HARIAN PENCETAKAN KTP-el — ${report.date.split('-').reverse().join('-')}`, 13, bold);
  line(`${context.regencyName.toUpperCase()} · ${context.stationId}`, 10);
  y -= 8;
  const figures: Array<[string, string]> = [
    ['Kartu tercetak / cards printed', String(report.printed)],
    ['Blanko rusak / spoiled', String(report.spoiledTotal)],
    ['Gagal tanpa blanko / failed, no blank used', String(report.failedNoCard)],
    ['Suket diterbitkan / issued', String(report.suketIssued)],
    ['Stok awal / opening stock', String(report.stockOpening)],
    ['Diterima / received', String(report.received)],
    ['Stok akhir / closing stock', String(report.stockClosing)],
  ];
  for (const [label, value] of figures) {
    page.drawText(label, { x: margin, y, size: 10.5, font: regular });
    page.drawText(value, { x: margin + 300, y, size: 10.5, font: bold });
    y -= 16;
  }
  y -= 8;
  line('Alasan rusak / spoil reasons', 11, bold);
  if (report.spoiled.length === 0) line('-');
  for (const s of report.spoiled) line(`${s.count} × ${s.reason.slice(0, 90)}`, 9.5);
  y -= 10;
  line('Tujuh hari / the week (tercetak, rusak)', 11, bold);
  const chartH = 120;
  const max = Math.max(1, ...report.week.map((d) => d.printed + d.spoiled));
  const barW = 50;
  const base = y - chartH;
  for (const [i, d] of report.week.entries()) {
    const x = margin + i * (barW + 18);
    const hp = (d.printed / max) * chartH;
    const hs = (d.spoiled / max) * chartH;
    page.drawRectangle({ x, y: base, width: barW, height: hp, color: rgb(0.2, 0.45, 0.75) });
    page.drawRectangle({ x, y: base + hp, width: barW, height: hs, color: rgb(0.85, 0.35, 0.3) });
    page.drawText(String(d.printed), { x: x + 4, y: base + hp + hs + 4, size: 8.5, font: regular });
    page.drawText(d.date.slice(5).split('-').reverse().join('/'), { x: x + 8, y: base - 12, size: 8.5, font: regular });
  }
  y = base - 34;
  line('Printer (kartu/jam terhadap kecepatan pabrik) / cards per hour against rated speed', 11, bold);
  if (report.printers.length === 0) line('-');
  for (const p of report.printers) {
    line(`${p.name}: ${p.cards} kartu, ${p.cardsPerHour ?? '-'} /jam (pabrik ${p.ratedCardsPerHour} /jam)`, 10);
    for (const alert of p.alerts) line(`  PERINGATAN / ALERT: ${alert}`, 9.5, bold);
  }
  return Buffer.from(await pdf.save());
}
