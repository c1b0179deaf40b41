import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { resident } from '../helpers/central.js';
import { serve } from '../helpers/cli.js';
import { CUPS_QUEUE, cupsUnavailable } from '../helpers/print.js';
import { expect, screenshotPath, test } from './fixtures.js';
import { api, recordPrintReady } from './print-station.js';

const unavailable = cupsUnavailable();
const FIRST = String(resident(1)['nik']);
const SECOND = String(resident(2)['nik']);
const SPOIL_REASON = 'foto tergores di kartu';
const BLANK_REASON = 'blanko terjatuh dan retak';

const row = (page: Page, nik: string) => page.getByTestId('print-row').filter({ hasText: nik });
const figure = (page: Page, name: string) => page.locator(`[data-testid="daily-report-figure"][data-figure="${name}"]`);

async function pdfOf(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path).subarray(0, 5).toString('latin1');
}

/**
 * The whole page from its top (a full-page shot of a scrolled page draws the sticky top bar
 * mid-page); with a dialog open, the window only (its overlay covers the window, not the page).
 */
async function shot(page: Page, name: string, { dialog = false } = {}): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: !dialog, animations: 'disabled' });
}

async function giveReason(page: Page, reason: string): Promise<void> {
  await page.getByTestId('reason-input').fill(reason);
  await page.getByTestId('reason-submit').click();
}

test.describe('Pencetakan: spoiled card, supervisor reprint with the password again, Suket, damaged blanks, daily report', () => {
  test.skip(unavailable !== null, unavailable ?? '');
  test.setTimeout(240_000);

  test('print, mark spoiled, approve the reprint as supervisor, print again; a Suket PDF; the day in figures and as PDF', async ({ page, stationHome }) => {
    const station = await serve([], { KTP_STATION_HOME: stationHome, KTP_TRAINING_PRINT_QUEUE: CUPS_QUEUE });
    try {
      const sessionId = await recordPrintReady(station, 2);
      await api(station, 'blanko.receive', { quantity: 10, serialFrom: 'KTP0000001', serialTo: 'KTP0000010' }, sessionId);
      await expect
        .poll(async () => (await api<{ total: number }>(station, 'print.queue', { state: 'QUEUED' }, sessionId)).total, { timeout: 120_000, intervals: [1000] })
        .toBe(2);

      // The printing desk prints the first resident's card.
      await page.setViewportSize({ width: 1440, height: 1000 });
      await page.goto(station.url);
      await page.getByTestId('role-button-printer').click();
      await page.getByTestId('nav-pencetakan').click();
      await expect(page.getByTestId('print-row')).toHaveCount(2);
      await row(page, FIRST).getByRole('checkbox').check();
      await page.getByTestId('print-start').click();
      await expect(page.getByTestId('print-batch')).toHaveAttribute('data-done', '1', { timeout: 60_000 });
      await expect(row(page, FIRST)).toHaveAttribute('data-phase', 'PRINTED');
      await expect(page.getByTestId('print-stock-count')).toHaveText('9');

      // The card comes out scratched: marked spoiled with a reason; the record now waits for a supervisor.
      await row(page, FIRST).getByRole('button').click();
      const record = page.getByTestId('print-record');
      await expect(page.getByTestId('print-preview').getByRole('img')).toBeVisible();
      await expect(record.getByTestId('print-attempt')).toHaveCount(1);
      await expect(page.getByTestId('print-approve')).toHaveCount(0);
      await page.getByTestId('print-spoil').click();
      await expect(page.getByTestId('reason-submit')).toBeDisabled();
      await page.getByTestId('reason-input').fill(SPOIL_REASON);
      await shot(page, 'print-desk-spoil-reason.png', { dialog: true });
      await page.getByTestId('reason-submit').click();
      await expect(record).toHaveAttribute('data-state', 'SPOILED');
      await expect(page.getByTestId('print-record-waiting')).toBeVisible();
      await expect(record.getByTestId('print-attempt')).toHaveAttribute('data-state', 'SPOILED');
      await expect(record.getByTestId('print-attempt')).toContainText(SPOIL_REASON);
      await expect(row(page, FIRST)).toHaveAttribute('data-phase', 'SPOILED');
      // Spoiling a printed card uses no second blank.
      await expect(page.getByTestId('print-stock-count')).toHaveText('9');
      await shot(page, 'print-desk-spoiled.png');

      // The supervisor finds it under "Rusak" and approves one more card, with a reason and the password again.
      await page.getByTestId('sign-out').click();
      await page.getByTestId('role-button-supervisor').click();
      await page.getByTestId('nav-pencetakan').click();
      await page.getByTestId('print-filter').getByText('Rusak', { exact: true }).click();
      await expect(page.getByTestId('print-row')).toHaveCount(1);
      await row(page, FIRST).getByRole('button').click();
      await expect(page.getByTestId('print-record-waiting')).toBeVisible();
      await page.getByTestId('print-approve').click();
      await giveReason(page, 'kartu rusak saat dicetak, cetak ulang');
      await expect(page.getByTestId('reauth-password')).toBeVisible();
      await expect(page.getByTestId('reason-input')).toBeHidden();
      // Training accounts have no password: the step is practised, any password is taken.
      await page.getByTestId('reauth-password').fill('latihan-supervisor');
      await shot(page, 'print-desk-reprint-reauth.png', { dialog: true });
      await page.getByTestId('reauth-submit').click();
      await expect(page.getByTestId('print-record-approved')).toBeVisible();
      await expect(record).toHaveAttribute('data-state', 'QUEUED');
      await expect(page.getByTestId('print-record-waiting')).toHaveCount(0);

      // Queued again with the approval: printed once more; the approval is used up.
      await page.getByTestId('print-filter').getByText('Antre', { exact: true }).click();
      await expect(row(page, FIRST)).toHaveAttribute('data-approval', 'open');
      await row(page, FIRST).getByRole('checkbox').check();
      await page.getByTestId('print-start').click();
      await expect(page.getByTestId('print-batch')).toHaveAttribute('data-done', '1', { timeout: 60_000 });
      await expect(row(page, FIRST)).toHaveAttribute('data-phase', 'PRINTED');
      await expect(record.getByTestId('print-attempt')).toHaveCount(2);
      await expect(record.getByTestId('print-attempt').last()).toHaveAttribute('data-state', 'PRINTED');
      await expect(record).toHaveAttribute('data-approval', 'none');
      await expect(page.getByTestId('print-stock-count')).toHaveText('8');
      await shot(page, 'print-desk-reprinted.png');

      // The second resident's card cannot be printed today: a Suket instead.
      await row(page, SECOND).getByRole('button').click();
      await expect(record).toContainText(SECOND);
      // Never printed: nothing to spoil, no reprint to approve.
      await expect(page.getByTestId('print-spoil')).toHaveCount(0);
      await expect(page.getByTestId('print-approve')).toHaveCount(0);
      const suket = page.waitForEvent('download');
      await page.getByTestId('print-suket').click();
      const suketFile = await suket;
      expect(suketFile.suggestedFilename()).toMatch(/^suket-SKT-.+\.pdf$/);
      expect(await pdfOf(suketFile)).toBe('%PDF-');
      await expect(page.getByTestId('print-suket-done')).toContainText('SKT-');
      await expect(page.getByTestId('print-suket')).not.toHaveAttribute('data-loading', /.*/);
      await shot(page, 'print-desk-suket.png');

      // The day: 2 cards printed, 1 spoiled with its reason, 1 Suket, stock 0 + 10 received → 8.
      await page.getByTestId('print-tab-report').click();
      await expect(figure(page, 'printed')).toHaveAttribute('data-value', '2');
      await expect(figure(page, 'spoiled')).toHaveAttribute('data-value', '1');
      await expect(figure(page, 'suket')).toHaveAttribute('data-value', '1');
      await expect(figure(page, 'stockOpening')).toHaveAttribute('data-value', '0');
      await expect(figure(page, 'received')).toHaveAttribute('data-value', '10');
      await expect(figure(page, 'stockClosing')).toHaveAttribute('data-value', '8');
      await expect(page.getByTestId('daily-report-spoiled-reason')).toHaveCount(1);
      await expect(page.getByTestId('daily-report-spoiled-reason')).toContainText(SPOIL_REASON);
      await expect(page.getByTestId('daily-report-week').locator('g[data-date]')).toHaveCount(7);
      await expect(page.getByTestId('daily-report-week').locator('g[data-date]').last()).toHaveAttribute('data-printed', '2');
      await expect(page.getByTestId('daily-report-printer')).toHaveAttribute('data-printer', CUPS_QUEUE);
      await expect(page.getByTestId('daily-report-printer')).toHaveAttribute('data-cards', '2');
      await expect(page.getByTestId('daily-report-date')).toHaveText(/\d{4}/);
      await expect(page.getByTestId('daily-report-next')).toBeDisabled();
      await page.getByTestId('daily-report-save-profile').click();
      await expect(page.getByTestId('daily-report-profile-saved')).toContainText(CUPS_QUEUE);
      await expect(page.getByTestId('daily-report-save-profile')).not.toHaveAttribute('data-loading', /.*/);
      await expect(page.getByTestId('daily-report-printer')).toHaveAttribute('data-alerts', '0');
      await shot(page, 'print-daily-report.png');
      await page.getByTestId('daily-report-previous').click();
      await expect(figure(page, 'printed')).toHaveAttribute('data-value', '0');
      await expect(figure(page, 'stockClosing')).toHaveAttribute('data-value', '0');
      await page.getByTestId('daily-report-next').click();
      await expect(figure(page, 'printed')).toHaveAttribute('data-value', '2');
      const report = page.waitForEvent('download');
      await page.getByTestId('daily-report-pdf').click();
      const reportFile = await report;
      expect(reportFile.suggestedFilename()).toMatch(/^laporan-cetak-\d{4}-\d{2}-\d{2}\.pdf$/);
      expect(await pdfOf(reportFile)).toBe('%PDF-');

      // A blank dropped and cracked: booked with its reason, off the stock, in the report.
      await page.getByTestId('print-tab-queue').click();
      await page.getByTestId('blanko-spoil').click();
      await giveReason(page, BLANK_REASON);
      await expect(page.getByTestId('print-stock-count')).toHaveText('7');
      await page.getByTestId('print-tab-report').click();
      await expect(figure(page, 'spoiled')).toHaveAttribute('data-value', '2');
      await expect(figure(page, 'stockClosing')).toHaveAttribute('data-value', '7');
      await expect(page.getByTestId('daily-report-spoiled-reason')).toHaveCount(2);
      await expect(page.getByTestId('daily-report-spoiled-reason').filter({ hasText: BLANK_REASON })).toHaveAttribute('data-count', '1');
      await expect(page.getByTestId('error-alert')).toHaveCount(0);
    } finally {
      await station.stop();
    }
  });
});
