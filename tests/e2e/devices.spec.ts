import type { Page } from '@playwright/test';
import { BUDI } from '../helpers/enrollment.js';
import { expect, screenshotPath, test } from './fixtures.js';

async function fillResident(page: Page): Promise<void> {
  for (const field of ['nik', 'nama', 'tempatLahir', 'tanggalLahir', 'alamat', 'rt', 'rw', 'kelurahanDesa', 'kecamatan'] as const) {
    await page.getByTestId(`field-${field}`).fill(BUDI[field]);
  }
  for (const field of ['jenisKelamin', 'golonganDarah', 'agama', 'statusPerkawinan'] as const) {
    await page.getByTestId(`field-${field}`).selectOption(BUDI[field]);
  }
  await page.getByTestId('field-pekerjaan').fill('petani');
  await page.getByRole('option', { name: BUDI.pekerjaan, exact: true }).click();
}

test.describe('Sidik Jari in training mode: the simulated R30x sensor over the in-memory link', () => {
  test('ten fingers come from the simulated sensor, one at a time, with its state shown', async ({ page, station }) => {
    test.setTimeout(90_000);
    await page.goto(station.url);
    await page.getByTestId('role-button-operator').click();
    await page.getByTestId('wizard-new').click();
    await fillResident(page);
    await page.getByTestId('wizard-next').click();
    await expect(page.getByTestId('wizard-step-FOTO')).toBeVisible();
    await page.getByTestId('wizard-next').click();

    await expect(page.getByTestId('wizard-step-SIDIK_JARI')).toBeVisible();
    // The sensor handshook at start: SIAP, and named as simulated.
    await expect(page.getByTestId('device-state')).toHaveAttribute('data-state', 'SIAP');
    await expect(page.getByTestId('device-state')).toHaveText('SIAP');
    await expect(page.getByTestId('finger-RIGHT_THUMB')).toBeFocused();
    for (let done = 1; done <= 10; done += 1) {
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('capture-progress')).toContainText(`${done} dari 10`);
    }
    await expect(page.getByTestId('capture-preview')).toBeVisible();
    await expect(page.getByTestId('capture-quality')).toHaveText(/\d+/);
    for (const position of ['RIGHT_THUMB', 'RIGHT_LITTLE', 'LEFT_THUMB', 'LEFT_LITTLE']) {
      await expect(page.getByTestId(`finger-${position}`)).toHaveAttribute('data-done', 'true');
    }
    await expect(page.getByTestId('device-state')).toHaveAttribute('data-state', 'SIAP');
    await expect(page.getByTestId('wizard-next')).toBeFocused();
  });

  test('both irises come from the simulated HID iris camera and the signature from the simulated pad', async ({ page, station }) => {
    test.setTimeout(90_000);
    await page.goto(station.url);
    await page.getByTestId('role-button-operator').click();
    await page.getByTestId('wizard-new').click();
    await fillResident(page);
    await page.getByTestId('wizard-next').click();
    // Foto and Sidik Jari are left for later: the wizard lets the operator walk on.
    await page.getByTestId('wizard-next').click();
    await expect(page.getByTestId('wizard-step-SIDIK_JARI')).toBeVisible();
    await page.getByTestId('wizard-next').click();

    await expect(page.getByTestId('wizard-step-IRIS')).toBeVisible();
    await expect(page.getByTestId('device-state')).toHaveAttribute('data-state', 'SIAP');
    await expect(page.getByText('Iris diambil dari kamera iris.')).toBeVisible();
    await expect(page.getByTestId('capture-position-RIGHT_IRIS')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('capture-progress')).toContainText('1 dari 2');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('capture-progress')).toContainText('2 dari 2');
    await expect(page.getByTestId('capture-position-LEFT_IRIS')).toHaveAttribute('data-done', 'true');
    await expect(page.getByTestId('capture-quality')).toHaveText(/\d+/);
    await page.screenshot({ path: screenshotPath('wizard-IRIS-device-id.png'), fullPage: true });
    await page.getByTestId('wizard-next').click();

    await expect(page.getByTestId('wizard-step-TANDA_TANGAN')).toBeVisible();
    await expect(page.getByTestId('device-state')).toHaveAttribute('data-state', 'SIAP');
    await page.getByTestId('capture-button').click();
    // While the pad records, the operator is told what the resident should do.
    await expect(page.getByTestId('device-prompt')).toContainText('menandatangani layar pad');
    await expect(page.getByTestId('capture-progress')).toContainText('1 dari 1', { timeout: 15_000 });
    await expect(page.getByTestId('capture-preview')).toBeVisible();
    await page.screenshot({ path: screenshotPath('wizard-TANDA_TANGAN-device-id.png'), fullPage: true });
  });
});
