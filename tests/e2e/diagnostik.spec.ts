import { readFileSync } from 'node:fs';
import { expect, screenshotPath, test } from './fixtures.js';

test.describe('Diagnostik page (training station, real Chromium)', () => {
  test('runs the diagnosis on open; a camera the window cannot see fails with its cause and fix', async ({ page, station }) => {
    await page.goto(station.url);
    await page.getByTestId('role-button-technician').click();
    await page.getByTestId('nav-diagnostik').click();
    const report = page.getByTestId('diag-report');
    await expect(report).toBeVisible({ timeout: 20_000 });
    // The simulated devices of training mode are there.
    await expect(page.getByTestId('diag-check-device.0.found')).toHaveAttribute('data-status', 'pass');
    // This Chromium runs without a camera: the one failing device, named, with what to do.
    const camera = page.getByTestId('diag-check-device.3.found');
    await expect(camera).toHaveAttribute('data-status', 'fail');
    await expect(camera).toHaveAttribute('data-code', 'CAMERA_MISSING');
    await expect(camera).toContainText('Tidak ada kamera yang terlihat');
    await expect(camera).toContainText('Pasang kamera USB');
    await expect(report).toHaveAttribute('data-ok', 'false');
    // The training emulator answers: central passes step by step, the database is sound.
    for (const id of ['central.dns', 'central.tcp', 'central.http', 'clock.skew', 'database.integrity', 'disk.free']) {
      await expect(page.getByTestId(`diag-check-${id}`), id).toHaveAttribute('data-status', 'pass');
    }
    await expect(page.getByTestId('diag-check-central.tls')).toHaveAttribute('data-code', 'TRAINING_EMULATOR');
    await page.screenshot({ path: screenshotPath('diagnostik-failing-device-id.png'), fullPage: true });
    await page.getByTestId('language-switch').click();
    await expect(camera).toContainText('The station window sees no camera');
  });

  test('a technician rehearses an unplugged signature pad: the panel shows it, the diagnosis names it, plugging it in brings it back', async ({ page, station }) => {
    await page.goto(station.url);
    await page.getByTestId('role-button-technician').click();
    await page.getByTestId('nav-diagnostik').click();
    await expect(page.getByTestId('diag-report')).toBeVisible({ timeout: 20_000 });
    const pad = page.locator('[data-testid="device-row"][data-device="signature-1"]');
    await expect(pad).toHaveAttribute('data-state', 'SIAP');
    await expect(pad).toContainText('SIM540000001');
    await pad.getByTestId('device-fault-select').selectOption('unplug');
    await pad.getByTestId('device-fault-apply').click();
    await expect(pad).toHaveAttribute('data-state', 'TIDAK_TERHUBUNG');
    await expect(pad.getByTestId('device-error')).toContainText('Periksa kabel USB');
    await page.getByTestId('diag-run').click();
    const found = page.getByTestId('diag-check-device.2.found');
    await expect(found).toHaveAttribute('data-status', 'fail');
    await expect(found).toHaveAttribute('data-code', 'PORT_MISSING');
    await page.getByTestId('devices-panel').screenshot({ path: screenshotPath('diagnostik-devices-panel-unplugged-id.png') });
    await pad.getByTestId('device-fault-select').selectOption('plugIn');
    await pad.getByTestId('device-fault-apply').click();
    await expect(pad).toHaveAttribute('data-state', 'SIAP', { timeout: 10_000 });
    await page.getByTestId('diag-run').click();
    await expect(page.getByTestId('diag-check-device.2.handshake')).toHaveAttribute('data-status', 'pass');
  });

  test('"Unduh paket dukungan" downloads the zip the station built', async ({ page, station }) => {
    await page.goto(station.url);
    await page.getByTestId('role-button-technician').click();
    await page.getByTestId('nav-diagnostik').click();
    await expect(page.getByTestId('diag-report')).toBeVisible({ timeout: 20_000 });
    const downloading = page.waitForEvent('download');
    await page.getByTestId('diag-bundle').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^ktp-support-PELATIHAN-01-.*\.zip$/);
    const bytes = readFileSync(await download.path());
    // A zip: local file header "PK\x03\x04".
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    await expect(page.getByTestId('diag-bundle-done')).toContainText('support');
  });
});
