import { serve } from '../helpers/cli.js';
import { CUPS_QUEUE, cupsUnavailable } from '../helpers/print.js';
import { expect, screenshotPath, test } from './fixtures.js';
import { api, recordPrintReady } from './print-station.js';

const unavailable = cupsUnavailable();
const CARDS = 12;

test.describe('Pencetakan: the print queue prints a batch to the CUPS queue with live progress per card', () => {
  test.skip(unavailable !== null, unavailable ?? '');
  test.setTimeout(240_000);

  test('select all, print, watch each card go Mencetak → Tercetak; the stock falls by the cards printed', async ({ page, stationHome }) => {
    const station = await serve([], { KTP_STATION_HOME: stationHome, KTP_TRAINING_PRINT_QUEUE: CUPS_QUEUE });
    try {
      const sessionId = await recordPrintReady(station, CARDS);
      await api(station, 'blanko.receive', { quantity: 50, serialFrom: 'KTP0000001', serialTo: 'KTP0000050' }, sessionId);
      await expect
        .poll(async () => (await api<{ total: number }>(station, 'print.queue', { state: 'QUEUED' }, sessionId)).total, { timeout: 120_000, intervals: [1000] })
        .toBe(CARDS);

      await page.setViewportSize({ width: 1440, height: 1000 });
      await page.goto(station.url);
      await page.getByTestId('role-button-printer').click();
      await page.getByTestId('nav-pencetakan').click();
      await expect(page.getByTestId('print-row')).toHaveCount(CARDS);
      await expect(page.getByTestId('print-stock-count')).toHaveText('50');
      await page.getByTestId('print-row').first().getByRole('button').click();
      await expect(page.getByTestId('print-preview').getByRole('img')).toBeVisible();
      await page.getByTestId('print-select-all').click();
      await page.getByTestId('print-start').click();
      // Mid-run: some cards printed, one printing, the rest queued.
      await expect(page.locator('[data-testid="print-row"][data-phase="PRINTED"]')).not.toHaveCount(0, { timeout: 60_000 });
      // The stock is read again after each finished card.
      await expect(page.getByTestId('print-stock-count')).not.toHaveText('50');
      await expect(page.locator('[data-testid="print-row"][data-phase="QUEUED"]')).not.toHaveCount(0);
      await page.screenshot({ path: screenshotPath('print-queue-mid-run.png') });
      await expect(page.getByTestId('print-batch')).toHaveAttribute('data-done', String(CARDS), { timeout: 120_000 });
      await expect(page.getByTestId('print-stock-count')).toHaveText(String(50 - CARDS), { timeout: 10_000 });
    } finally {
      await station.stop();
    }
  });
});
