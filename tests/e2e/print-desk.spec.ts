import { REQUIRED_CAPTURES } from '../../src-main/contract/captures.js';
import { serve } from '../helpers/cli.js';
import type { ServingStation } from '../helpers/cli.js';
import { fakePng } from '../helpers/enrollment.js';
import { resident } from '../helpers/central.js';
import { CUPS_QUEUE, cupsUnavailable, samplePhoto, sampleSignature } from '../helpers/print.js';
import { expect, screenshotPath, test } from './fixtures.js';

const unavailable = cupsUnavailable();
const CARDS = 12;

async function api<T>(station: ServingStation, method: string, params: unknown, session: string | null): Promise<T> {
  const response = await fetch(`${station.url.split('#')[0]?.replace(/\/$/, '')}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${station.token}`, 'content-type': 'application/json', ...(session === null ? {} : { 'x-station-session': session }) },
    body: JSON.stringify(params),
  });
  const body = (await response.json()) as T & { error?: unknown };
  if (!response.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body;
}

test.describe('Pencetakan: the print queue prints a batch to the CUPS queue with live progress per card', () => {
  test.skip(unavailable !== null, unavailable ?? '');
  test.setTimeout(240_000);

  test('select all, print, watch each card go Mencetak → Tercetak; the stock falls by the cards printed', async ({ page, stationHome }) => {
    const station = await serve([], { KTP_STATION_HOME: stationHome, KTP_TRAINING_PRINT_QUEUE: CUPS_QUEUE });
    try {
      const { sessionId } = await api<{ sessionId: string }>(station, 'session.startTraining', { role: 'supervisor' }, null);
      for (let n = 1; n <= CARDS; n += 1) {
        const draft = await api<{ id: string }>(station, 'enrollment.startDraft', { demographics: resident(n) }, sessionId);
        for (const { modality, position } of REQUIRED_CAPTURES) {
          const bytes = modality === 'FACE' ? samplePhoto(n) : modality === 'SIGNATURE' ? sampleSignature(n) : fakePng(96);
          await api(station, 'enrollment.addCapture', { id: draft.id, modality, position, quality: 80, image: { format: 'PNG', base64: bytes.toString('base64') } }, sessionId);
        }
        await api(station, 'enrollment.commit', { id: draft.id }, sessionId);
      }
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
      await expect(page.locator('[data-testid="print-row"][data-phase="QUEUED"]')).not.toHaveCount(0);
      await page.screenshot({ path: screenshotPath('print-queue-mid-run.png') });
      await expect(page.getByTestId('print-batch')).toHaveAttribute('data-done', String(CARDS), { timeout: 120_000 });
      await expect(page.getByTestId('print-stock-count')).toHaveText(String(50 - CARDS), { timeout: 10_000 });
    } finally {
      await station.stop();
    }
  });
});
