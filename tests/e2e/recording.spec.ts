import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../helpers/cli.js';
import { BUDI } from '../helpers/enrollment.js';
import { expect, screenshotPath, test } from './fixtures.js';

type Resident = Record<Exclude<keyof typeof BUDI, 'kewarganegaraan'>, string>;

/** A full-page screenshot from the top (a page scrolled to the focused control would draw the sticky top bar mid-page). */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

async function signInAsOperator(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('role-button-operator').click();
  await expect(page.getByTestId('page-perekaman')).toBeVisible();
}

/** Fills Data Penduduk the way an operator does: typing, and picking from the lists. */
async function fillResident(page: Page, resident: Resident): Promise<void> {
  for (const field of ['nik', 'nama', 'tempatLahir', 'tanggalLahir', 'alamat', 'rt', 'rw', 'kelurahanDesa', 'kecamatan'] as const) {
    await page.getByTestId(`field-${field}`).fill(resident[field]);
  }
  for (const field of ['jenisKelamin', 'golonganDarah', 'agama', 'statusPerkawinan'] as const) {
    await page.getByTestId(`field-${field}`).selectOption(resident[field]);
  }
  await page.getByTestId('field-pekerjaan').fill('petani');
  await page.getByRole('option', { name: resident.pekerjaan, exact: true }).click();
  await expect(page.getByTestId('field-pekerjaan')).toHaveValue(resident.pekerjaan);
}

test.describe('Perekaman: the recording wizard in training mode', () => {
  test('records one resident end to end through the UI, restarts the station, then finds the record by NIK', async ({ page, station, stationHome }) => {
    test.setTimeout(120_000);
    await signInAsOperator(page, station.url);
    await expect(page.getByTestId('wizard-new')).toBeVisible();
    await shot(page, 'wizard-start.png');

    // Data Penduduk: Enter in a field submits (startDraft).
    await page.getByTestId('wizard-new').click();
    await expect(page.getByTestId('wizard-step-DATA')).toBeVisible();
    await expect(page.getByTestId('field-nik')).toBeFocused();
    await fillResident(page, BUDI);
    await shot(page, 'wizard-DATA.png');
    await page.getByTestId('field-kecamatan').press('Enter');

    // Foto: one capture with its preview and quality.
    await expect(page.getByTestId('wizard-step-FOTO')).toBeVisible();
    const registrationNo = (await page.getByTestId('wizard-registration-no').textContent()) ?? '';
    expect(registrationNo).toMatch(/\d{6}-\d{8}-\d{4}/);
    await page.getByTestId('capture-button').click();
    await expect(page.getByTestId('capture-preview')).toBeVisible();
    await expect(page.getByTestId('capture-quality')).toHaveText(/\d+/);
    await expect(page.getByTestId('capture-progress')).toContainText('1 dari 1');
    await shot(page, 'wizard-FOTO.png');
    await page.getByTestId('wizard-next').click();

    // Sidik Jari: keyboard only. Focus starts on the right thumb; Enter captures and moves on.
    await expect(page.getByTestId('wizard-step-SIDIK_JARI')).toBeVisible();
    await expect(page.getByTestId('finger-RIGHT_THUMB')).toBeFocused();
    await expect(page.getByTestId('finger-RIGHT_THUMB')).toHaveAttribute('data-current', 'true');
    for (let done = 1; done <= 9; done += 1) {
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('capture-progress')).toContainText(`${done} dari 10`);
    }
    await expect(page.getByTestId('finger-RIGHT_INDEX')).toHaveAttribute('data-done', 'true');
    // The left little finger is recorded as an exception (amputation).
    await expect(page.getByTestId('finger-LEFT_LITTLE')).toHaveAttribute('data-current', 'true');
    await expect(page.getByTestId('finger-LEFT_LITTLE')).toBeFocused();
    await page.getByTestId('exception-button').click();
    await page.getByTestId('exception-reason').selectOption('AMPUTASI');
    await page.getByTestId('exception-save').click();
    await expect(page.getByTestId('capture-progress')).toContainText('10 dari 10');
    await expect(page.getByTestId('finger-LEFT_LITTLE')).toContainText('Amputasi');
    await expect(page.getByTestId('wizard-next')).toBeFocused();
    await shot(page, 'wizard-SIDIK_JARI.png');
    await page.keyboard.press('Enter');

    // Iris: both eyes.
    await expect(page.getByTestId('wizard-step-IRIS')).toBeVisible();
    for (let done = 1; done <= 2; done += 1) {
      await page.getByTestId('capture-button').click();
      await expect(page.getByTestId('capture-progress')).toContainText(`${done} dari 2`);
    }
    await shot(page, 'wizard-IRIS.png');
    await page.getByTestId('wizard-next').click();

    // Tanda Tangan.
    await expect(page.getByTestId('wizard-step-TANDA_TANGAN')).toBeVisible();
    await page.getByTestId('capture-button').click();
    await expect(page.getByTestId('capture-progress')).toContainText('1 dari 1');
    await expect(page.getByTestId('capture-preview')).toBeVisible();
    await shot(page, 'wizard-TANDA_TANGAN.png');
    await page.getByTestId('wizard-next').click();

    // Tinjau: complete, the 14 positions shown.
    await expect(page.getByTestId('wizard-step-TINJAU')).toBeVisible();
    await expect(page.getByTestId('review-missing')).toHaveCount(0);
    await expect(page.locator('[data-testid^="review-slot-"][data-done="true"]')).toHaveCount(14);
    await expect(page.getByTestId('review-slot-LEFT_LITTLE')).toContainText('Amputasi');
    // The exception is flagged for the supervisor, with its reason.
    await expect(page.getByTestId('supervisor-review')).toContainText('Kelingking kiri');
    await expect(page.getByTestId('supervisor-review')).toContainText('pengecualian (Amputasi)');
    await expect(page.getByTestId('wizard-step-TINJAU')).toContainText('BUDI SANTOSO');
    await shot(page, 'wizard-TINJAU.png');
    await page.getByTestId('wizard-next').click();

    // Simpan: nothing claims success before the commit returns.
    await expect(page.getByTestId('wizard-step-SIMPAN')).toBeVisible();
    await expect(page.getByTestId('saved-panel')).toHaveCount(0);
    await shot(page, 'wizard-SIMPAN.png');
    await page.getByTestId('commit-button').click();
    await expect(page.getByTestId('saved-panel')).toContainText('Tersimpan');
    await expect(page.getByTestId('saved-panel')).toContainText('COMMITTED');
    const savedNo = (await page.getByTestId('saved-registration-no').textContent()) ?? '';
    expect(savedNo).toMatch(/^\d{6}-\d{8}-\d{4}$/);
    expect(registrationNo).toContain(savedNo);
    await expect(page.getByTestId('saved-content-hash')).toHaveText(/^[0-9a-f]{12}…[0-9a-f]{6}$/);
    // Training mode's embedded central is online, so the record may already have left the backlog
    // (sync.spec.ts holds central offline to see it wait there).
    await expect(page.getByTestId('backlog-count')).toHaveText(/^[01]$/);
    await shot(page, 'wizard-saved.png');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('receipt-button').click()]);
    expect(download.suggestedFilename()).toBe(`tanda-terima-${savedNo}.pdf`);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Next resident starts over; leaving it goes back to the start screen.
    await page.getByTestId('saved-next').click();
    await expect(page.getByTestId('wizard-step-DATA')).toBeVisible();
    await expect(page.getByTestId('field-nik')).toHaveValue('');
    await page.getByTestId('wizard-close').click();

    // The time the station itself spent on this resident: every call's duration from the
    // station's own log, less the training samples that stand in for the devices.
    await station.stop();
    const calls = readFileSync(join(stationHome, 'training', 'logs', 'station.log'), 'utf8')
      .split('\n')
      .filter((line) => line.includes('"msg":"call'))
      .map((line) => JSON.parse(line) as { method: string; durationMs: number });
    const stationMs = calls.filter((c) => c.method !== 'training.sampleCapture').reduce((sum, c) => sum + c.durationMs, 0);
    const deviceMs = calls.filter((c) => c.method === 'training.sampleCapture').reduce((sum, c) => sum + c.durationMs, 0);
    console.log(`station-time calls=${calls.length} station_ms=${Math.round(stationMs)} sample_capture_ms=${Math.round(deviceMs)}`);

    // Restart the station on the same data folder: the record is still there.
    const restarted = await serve([], { KTP_STATION_HOME: stationHome });
    try {
      await signInAsOperator(page, restarted.url);
      await recordsAfterRestart(page, savedNo);
    } finally {
      await restarted.stop();
    }
  });
});

/** After the restart: search the records by NIK and open the read-only detail. */
async function recordsAfterRestart(page: Page, savedNo: string): Promise<void> {
  await expect(page.getByTestId('dashboard-today')).toHaveText('1');
  await expect(page.getByTestId('dashboard-chart').locator('rect')).toHaveCount(14);
  await shot(page, 'wizard-start-dashboard.png');
  // Records: search by NIK, open the read-only detail.
  await page.getByTestId('records-search').fill(BUDI.nik);
  await page.getByTestId('records-search').press('Enter');
  await expect(page.getByTestId('records-row')).toHaveCount(1);
  await expect(page.getByTestId('records-row')).toHaveText(savedNo);
  await expect(page.getByTestId('draft-row')).toHaveCount(0);
  await shot(page, 'wizard-records.png');
  await page.getByTestId('records-row').click();
  await expect(page.getByTestId('record-detail')).toContainText('BUDI SANTOSO');
  // By now the embedded central may already have taken it: any status from COMMITTED on.
  await expect(page.getByTestId('record-detail')).toContainText(/COMMITTED|SENT|RECEIVED_AT_CENTRAL|PRINT_READY_RECORD/);
  await expect(page.locator('[data-testid^="review-slot-"][data-done="true"]')).toHaveCount(14);
  await expect(page.getByTestId('review-slot-FRONTAL').locator('img')).toBeVisible();
  await shot(page, 'wizard-record-detail.png');
}

test.describe('Perekaman: field errors and drafts', () => {

  test('a NIK that does not match the birth date shows a field error, in the current language, and creates no draft', async ({ page, station }) => {
    await signInAsOperator(page, station.url);
    await page.getByTestId('wizard-new').click();
    await fillResident(page, { ...BUDI, nik: '3501011305900001' });
    await page.getByTestId('wizard-next').click();
    const error = page.getByTestId('field-error-nik');
    await expect(error).toBeVisible();
    await expect(page.getByTestId('wizard-step-DATA')).toBeVisible();
    await expect(page.getByTestId('field-nik')).toHaveAttribute('aria-invalid', 'true');
    const inIndonesian = (await error.textContent()) ?? '';
    expect(inIndonesian.length).toBeGreaterThan(10);
    await shot(page, 'wizard-DATA-error.png');
    await page.keyboard.press('Alt+L');
    await expect(page.getByTestId('training-banner')).toContainText('TRAINING MODE');
    await expect(error).not.toHaveText(inIndonesian);
    await page.keyboard.press('Alt+L');

    // Nothing was written: no draft to resume, no record to find.
    await page.getByTestId('wizard-close').click();
    await expect(page.getByTestId('wizard-new')).toBeVisible();
    await expect(page.getByText('Tidak ada draf yang belum selesai di station ini.')).toBeVisible();
    await expect(page.getByTestId('draft-row')).toHaveCount(0);
    await expect(page.getByTestId('records-row')).toHaveCount(0);
  });

  test('a draft survives a page reload and resumes at the step it was left at', async ({ page, station }) => {
    await signInAsOperator(page, station.url);
    await page.getByTestId('wizard-new').click();
    await fillResident(page, BUDI);
    await page.getByTestId('wizard-next').click();
    await expect(page.getByTestId('wizard-step-FOTO')).toBeVisible();
    await page.getByTestId('capture-button').click();
    await expect(page.getByTestId('capture-progress')).toContainText('1 dari 1');
    const stepSaved = page.waitForResponse((response) => response.url().endsWith('/api/enrollment.updateDraft') && response.ok());
    await page.getByTestId('wizard-next').click();
    await expect(page.getByTestId('wizard-step-SIDIK_JARI')).toBeVisible();
    await stepSaved;

    await page.reload();
    await expect(page.getByTestId('page-perekaman')).toBeVisible();
    await expect(page.getByTestId('draft-row')).toHaveCount(1);
    await expect(page.getByTestId('draft-row')).toContainText('BUDI SANTOSO');
    await page.getByTestId('draft-row').click();
    await expect(page.getByTestId('wizard-step-SIDIK_JARI')).toBeVisible();
    await expect(page.getByTestId('capture-progress')).toContainText('0 dari 10');
    await page.getByTestId('wizard-back').click();
    await expect(page.getByTestId('wizard-step-FOTO')).toBeVisible();
    await expect(page.getByTestId('capture-position-FRONTAL')).toHaveAttribute('data-done', 'true');
    await expect(page.getByTestId('capture-preview')).toBeVisible();
  });
});
