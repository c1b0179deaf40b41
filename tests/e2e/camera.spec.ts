import type { Page } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../../scripts/chromium.mjs';
import { BUDI } from '../helpers/enrollment.js';
import { writeFaceY4m } from '../helpers/fake-camera.js';
import { expect, screenshotPath, test } from './fixtures.js';

// The fake camera's video is made when this file loads, before the browser starts with it.
const video = join(tmpdir(), `ktp-fake-camera-${process.pid}.y4m`);
writeFaceY4m(video);

const chromium = findChromium();
const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
test.use({
  launchOptions: {
    ...(chromium.path === null ? {} : { executablePath: chromium.path }),
    args: [
      ...(runningAsRoot ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--no-first-run',
      // Chromium's fake camera playing our .y4m, and camera permission granted without a prompt.
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  },
});

async function toFotoStep(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('role-button-operator').click();
  await page.getByTestId('wizard-new').click();
  for (const field of ['nik', 'nama', 'tempatLahir', 'tanggalLahir', 'alamat', 'rt', 'rw', 'kelurahanDesa', 'kecamatan'] as const) {
    await page.getByTestId(`field-${field}`).fill(BUDI[field]);
  }
  for (const field of ['jenisKelamin', 'golonganDarah', 'agama', 'statusPerkawinan'] as const) {
    await page.getByTestId(`field-${field}`).selectOption(BUDI[field]);
  }
  await page.getByTestId('field-pekerjaan').fill('petani');
  await page.getByRole('option', { name: BUDI.pekerjaan, exact: true }).click();
  await page.getByTestId('field-kecamatan').press('Enter');
  await expect(page.getByTestId('wizard-step-FOTO')).toBeVisible();
}

test.describe('Foto: the face camera through getUserMedia (Chromium fake camera)', () => {
  test('shows the picker and the live preview with the face guide, and captures the face into the record', async ({ page, station }) => {
    test.setTimeout(60_000);
    await toFotoStep(page, station.url);
    await expect(page.getByTestId('camera-panel')).toBeVisible();
    await expect(page.getByTestId('camera-fallback')).toHaveCount(0);
    // The fake camera is listed by the picker and plays: the preview has the .y4m's size.
    await expect(page.getByTestId('camera-select').locator('option')).not.toHaveCount(0);
    const videoElement = page.getByTestId('camera-video');
    await expect.poll(() => videoElement.evaluate((v: HTMLVideoElement) => `${v.videoWidth}x${v.videoHeight}`)).toBe('320x240');
    await expect(page.getByTestId('camera-guide')).toBeVisible();
    await page.getByTestId('camera-capture').click();
    // Through the same capture path as every other image: stored, previewed, the position done.
    await expect(page.getByTestId('capture-progress')).toContainText('1 dari 1');
    await expect(page.getByTestId('capture-position-FRONTAL')).toHaveAttribute('data-done', 'true');
    await expect(page.getByTestId('capture-preview')).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
    // The still is the camera's frame: the background is the y4m's light grey, not black.
    const corner = await page.getByTestId('capture-preview').evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext('2d');
      context?.drawImage(img, 0, 0);
      const pixel = context?.getImageData(4, 4, 1, 1).data;
      return { width: img.naturalWidth, red: pixel?.[0] ?? 0 };
    });
    expect(corner.width).toBe(320);
    expect(corner.red).toBeGreaterThan(180);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('wizard-FOTO-camera-id.png'), fullPage: true });
    await page.getByTestId('wizard-next').click();
    await expect(page.getByTestId('wizard-step-SIDIK_JARI')).toBeVisible();
  });
});
