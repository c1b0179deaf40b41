import type { Page } from '@playwright/test';
import { BUDI, blankFingerFrame, captureParams, demographicsFixture } from '../helpers/enrollment.js';
import { rawRequest } from '../helpers/http.js';
import type { ServingStation } from '../helpers/cli.js';
import { expect, screenshotPath, test } from './fixtures.js';

// In training mode the station runs an embedded central emulator (verification delay 5 s);
// "Latihan gangguan" on the Sinkronisasi page plays outages on it.

/** A full-page screenshot from the top (the sticky top bar stays at the top of the picture). */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

async function signInAsOperator(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('role-button-operator').click();
  await expect(page.getByTestId('page-perekaman')).toBeVisible();
}

/** Records Budi through the wizard as an operator does; returns the registration number. */
async function recordBudiThroughUi(page: Page): Promise<string> {
  await page.getByTestId('wizard-new').click();
  await expect(page.getByTestId('wizard-step-DATA')).toBeVisible();
  for (const field of ['nik', 'nama', 'tempatLahir', 'tanggalLahir', 'alamat', 'rt', 'rw', 'kelurahanDesa', 'kecamatan'] as const) {
    await page.getByTestId(`field-${field}`).fill(BUDI[field]);
  }
  for (const field of ['jenisKelamin', 'golonganDarah', 'agama', 'statusPerkawinan'] as const) {
    await page.getByTestId(`field-${field}`).selectOption(BUDI[field]);
  }
  await page.getByTestId('field-pekerjaan').fill('petani');
  await page.getByRole('option', { name: BUDI.pekerjaan, exact: true }).click();
  await page.getByTestId('wizard-next').click();

  await expect(page.getByTestId('wizard-step-FOTO')).toBeVisible();
  await page.getByTestId('capture-button').click();
  await expect(page.getByTestId('capture-progress')).toContainText('1 dari 1');
  await page.getByTestId('wizard-next').click();

  await expect(page.getByTestId('wizard-step-SIDIK_JARI')).toBeVisible();
  await expect(page.getByTestId('finger-RIGHT_THUMB')).toBeFocused();
  for (let done = 1; done <= 10; done += 1) {
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('capture-progress')).toContainText(`${done} dari 10`);
  }
  await page.getByTestId('wizard-next').click();

  await expect(page.getByTestId('wizard-step-IRIS')).toBeVisible();
  for (let done = 1; done <= 2; done += 1) {
    await page.getByTestId('capture-button').click();
    await expect(page.getByTestId('capture-progress')).toContainText(`${done} dari 2`);
  }
  await page.getByTestId('wizard-next').click();

  await expect(page.getByTestId('wizard-step-TANDA_TANGAN')).toBeVisible();
  await page.getByTestId('capture-button').click();
  await expect(page.getByTestId('capture-progress')).toContainText('1 dari 1');
  await page.getByTestId('wizard-next').click();

  await expect(page.getByTestId('wizard-step-TINJAU')).toBeVisible();
  await expect(page.getByTestId('review-missing')).toHaveCount(0);
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('commit-button').click();
  await expect(page.getByTestId('saved-panel')).toContainText('Tersimpan');
  return (await page.getByTestId('saved-registration-no').textContent()) ?? '';
}

/** The station's HTTP API with an operator session of its own (a second desk on the same station). */
async function apiDesk(station: ServingStation): Promise<(method: string, params: unknown) => Promise<Record<string, unknown>>> {
  let session = '';
  const call = async (method: string, params: unknown): Promise<Record<string, unknown>> => {
    const response = await rawRequest({
      port: station.port,
      path: `/api/${method}`,
      headers: {
        authorization: `Bearer ${station.token}`,
        'content-type': 'application/json',
        ...(session === '' ? {} : { 'x-station-session': session }),
      },
      body: JSON.stringify(params),
    });
    expect(response.status, `${method}: ${response.text.slice(0, 300)}`).toBe(200);
    return response.json() as Record<string, unknown>;
  };
  session = String((await call('session.startTraining', { role: 'operator' }))['sessionId']);
  return call;
}

test.describe('Sinkronisasi: the backlog drains to the embedded central in training mode', () => {
  test('a record made while central is down waits in the backlog, then reaches central when the link returns', async ({ page, station }) => {
    test.setTimeout(180_000);
    await signInAsOperator(page, station.url);

    // Latihan gangguan: central goes down.
    await page.getByTestId('nav-sinkronisasi').click();
    await expect(page.getByTestId('page-sinkronisasi')).toBeVisible();
    await page.getByTestId('training-link-offline').click();
    await expect(page.getByTestId('training-link-offline')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('connectivity-badge')).toContainText('LURING', { timeout: 30_000 });
    await expect(page.getByTestId('sync-link-state')).toHaveAttribute('data-state', 'LURING');
    await expect(page.getByTestId('last-sync')).toHaveText('belum pernah');

    // One resident, recorded through the UI while offline: saved, waiting.
    await page.getByTestId('nav-perekaman').click();
    const savedNo = await recordBudiThroughUi(page);
    expect(savedNo).toMatch(/^\d{6}-\d{8}-\d{4}$/);
    await expect(page.getByTestId('connectivity-badge')).toContainText('LURING');
    await expect(page.getByTestId('backlog-count')).toHaveText('1');
    await expect(page.getByTestId('backlog-bytes')).toHaveText(/^\d+(,\d)? (B|KB|MB) menunggu$/);
    await expect(page.getByTestId('backlog-bytes')).not.toHaveText('0 B menunggu');

    await page.getByTestId('nav-sinkronisasi').click();
    await expect(page.getByTestId('sync-backlog-total')).toContainText('1 rekaman');
    await expect(page.getByTestId('sync-link-state')).toContainText('Server pusat menolak sambungan');
    await shot(page, 'sync-page-offline-id.png');

    // The link returns: the backlog drains to 0 and central's answer comes back.
    await page.getByTestId('training-link-online').click();
    await expect(page.getByTestId('backlog-count')).toHaveText('0', { timeout: 60_000 });
    await expect(page.getByTestId('connectivity-badge')).toContainText('DARING');
    await expect(page.getByTestId('last-sync')).not.toHaveText('belum pernah');
    await expect(page.getByTestId('backlog-bytes')).toHaveText('0 B menunggu');
    await expect(page.getByTestId('sync-progress')).toHaveCount(0);
    await expect(page.getByTestId('sync-backlog-total')).toContainText('0 rekaman');
    await expect(page.getByTestId('sync-last-success')).not.toHaveText('belum pernah');
    await expect(page.getByTestId('sync-history-row').filter({ hasText: savedNo }).and(page.locator('[data-outcome="OK"]')).first()).toBeVisible();
    await shot(page, 'sync-page-id.png');

    // Perekaman shows the status central gave the record.
    await expect(async () => {
      await page.getByTestId('nav-sinkronisasi').click();
      await page.getByTestId('nav-perekaman').click();
      await expect(page.getByRole('row').filter({ hasText: savedNo })).toContainText(/RECEIVED_AT_CENTRAL|PRINT_READY_RECORD/, { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await page.getByTestId('records-row').filter({ hasText: savedNo }).click();
    await expect(page.getByTestId('record-detail')).toContainText(/RECEIVED_AT_CENTRAL|PRINT_READY_RECORD/);
  });

  test('a record central sends back shows under Perlu Perbaikan; Perbaiki reopens it in the wizard', async ({ page, station }) => {
    test.setTimeout(120_000);
    await signInAsOperator(page, station.url);
    await expect(page.getByTestId('returned-list')).toHaveCount(0);

    // Another desk commits a record with a weak fingerprint: central asks for validation.
    const call = await apiDesk(station);
    const draft = await call('enrollment.startDraft', { demographics: demographicsFixture() });
    // The weak finger is blank glass, which the station itself scores 0.
    const captures = captureParams(String(draft['id'])).map((p) => (p['position'] === 'RIGHT_INDEX' ? { ...p, image: blankFingerFrame() } : p));
    for (const params of captures) await call('enrollment.addCapture', params);
    const committed = await call('enrollment.commit', { id: draft['id'] });
    const registrationNo = String(committed['registrationNo']);

    await expect(page.getByTestId('nav-badge-perekaman')).toHaveAttribute('data-count', '1', { timeout: 60_000 });
    await expect(page.getByTestId('nav-badge-perekaman')).toHaveText('1 perlu perbaikan');
    const row = page.getByTestId('returned-row').filter({ hasText: registrationNo });
    await expect(row).toContainText('REQUEST_VALIDATION');
    await expect(row).toContainText('RIGHT_INDEX');
    await expect(row).toContainText(BUDI.nik);
    await shot(page, 'returned-id.png');

    await row.getByTestId('returned-fix').click();
    await expect(page.getByTestId('wizard-step-DATA')).toBeVisible();
    await expect(page.getByTestId('wizard-registration-no')).toContainText(registrationNo);
    await expect(page.getByTestId('wizard-returned-reason')).toContainText('RIGHT_INDEX');
    await expect(page.getByTestId('field-nik')).toHaveValue(BUDI.nik);
    await shot(page, 'returned-wizard-id.png');
    await expect(page.getByTestId('nav-badge-perekaman')).toHaveCount(0);

    // Closing the wizard leaves it among the drafts, no longer under Perlu Perbaikan.
    await page.getByTestId('wizard-close').click();
    await expect(page.getByTestId('draft-row').filter({ hasText: registrationNo })).toBeVisible();
    await expect(page.getByTestId('returned-list')).toHaveCount(0);
  });

  test('a supervisor reconciles with central and sees the report', async ({ page, station }) => {
    await page.goto(station.url);
    await page.getByTestId('role-button-supervisor').click();
    await page.getByTestId('nav-sinkronisasi').click();
    await page.getByTestId('sync-reconcile').click();
    await expect(page.getByTestId('sync-reconcile-report')).toContainText('Diperiksa');
    await expect(page.getByTestId('sync-last-reconcile')).not.toContainText('Belum pernah dilakukan.');
    await page.keyboard.press('Alt+L');
    await expect(page.getByTestId('sync-reconcile-report')).toContainText('Reconciliation finished');
    await expect(page.getByTestId('sync-now')).toHaveText('Sync now');
    await shot(page, 'sync-page-en.png');
    await page.keyboard.press('Alt+L');
    await expect(page.getByTestId('sync-now')).toHaveText('Sinkronkan sekarang');
    await expect(page.locator('[data-testid="sync-history-row"][data-outcome="OK"]').first()).toBeVisible();
    await page.getByTestId('sync-failed-only').click();
    await expect(page.getByTestId('sync-failed-only')).toBeChecked();
    await expect(page.locator('[data-testid="sync-history-row"][data-outcome="OK"]')).toHaveCount(0);
  });

  test('an operator sees no Rekonsiliasi button', async ({ page, station }) => {
    await signInAsOperator(page, station.url);
    await page.getByTestId('nav-sinkronisasi').click();
    await expect(page.getByTestId('sync-now')).toBeVisible();
    await expect(page.getByTestId('sync-reconcile')).toHaveCount(0);
  });
});
