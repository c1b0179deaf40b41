import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureParams, demographicsFixture } from '../helpers/enrollment.js';
import { rawRequest } from '../helpers/http.js';
import type { ServingStation } from '../helpers/cli.js';
import { expect, screenshotPath, test } from './fixtures.js';

/** The station's HTTP API with a supervisor session of its own. */
async function apiDesk(station: ServingStation): Promise<(method: string, params: unknown) => Promise<Record<string, unknown>>> {
  let session = '';
  const call = async (method: string, params: unknown): Promise<Record<string, unknown>> => {
    const response = await rawRequest({
      port: station.port,
      path: `/api/${method}`,
      headers: { authorization: `Bearer ${station.token}`, 'content-type': 'application/json', ...(session === '' ? {} : { 'x-station-session': session }) },
      body: JSON.stringify(params),
    });
    expect(response.status, `${method}: ${response.text.slice(0, 300)}`).toBe(200);
    return response.json() as Record<string, unknown>;
  };
  session = String((await call('session.startTraining', { role: 'supervisor' }))['sessionId']);
  return call;
}

test.describe('Kirim via USB', () => {
  test('a record made while central is down is counted, exported to the chosen folder, and the result names the folder', async ({ page, station }) => {
    test.setTimeout(120_000);
    const stick = mkdtempSync(join(tmpdir(), 'ktp-stick-'));
    try {
      const api = await apiDesk(station);
      await api('training.centralLink', { state: 'offline' });
      const draft = await api('enrollment.startDraft', { demographics: demographicsFixture({ nik: '3501011205900077' }) });
      for (const capture of captureParams(String(draft['id']))) await api('enrollment.addCapture', capture);
      await api('enrollment.commit', { id: draft['id'] });

      await page.goto(station.url);
      await page.getByTestId('role-button-supervisor').click();
      await page.getByTestId('nav-kirimusb').click();
      await expect(page.getByTestId('page-kirimusb')).toBeVisible();
      await expect(page.getByTestId('usb-waiting-count')).toHaveText('1');
      await page.getByTestId('usb-target').fill(stick);
      await page.getByTestId('usb-export').click();
      await expect(page.getByTestId('usb-export-result')).toContainText('1 paket');
      await expect(page.getByTestId('usb-export-result')).toContainText(stick);
      await page.screenshot({ path: screenshotPath('kirim-usb-id.png'), fullPage: true });
      const exports = readdirSync(stick).filter((n) => n.startsWith('ktp-export-PELATIHAN-01-'));
      expect(exports).toHaveLength(1);
      expect(readdirSync(join(stick, exports[0] ?? ''))).toEqual(['manifest.json', 'packets']);
      await api('training.centralLink', { state: 'online' });
    } finally {
      rmSync(stick, { recursive: true, force: true });
    }
  });
});
