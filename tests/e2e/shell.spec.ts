import { captureParams, demographicsFixture } from '../helpers/enrollment.js';
import { rawRequest } from '../helpers/http.js';
import { expect, screenshotPath, test } from './fixtures.js';

test.describe('operator shell in training mode', () => {
  test('shows the training banner on the sign-in screen and on every page after sign-in', async ({ page, station }) => {
    await page.goto(station.url);
    await expect(page.getByTestId('training-banner')).toContainText('MODE PELATIHAN');
    await page.screenshot({ path: screenshotPath('sign-in-training-id.png') });
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/(?!.*token=)/);
    await page.getByTestId('role-button-supervisor').click();
    await expect(page.getByTestId('operator-name')).toContainText('Supervisor');
    for (const nav of ['perekaman', 'pencetakan', 'diagnostik', 'laporan', 'pengaturan', 'info']) {
      await page.getByTestId(`nav-${nav}`).click();
      await expect(page.getByTestId('training-banner')).toBeVisible();
    }
    await expect(page.getByTestId('station-id')).toContainText('PELATIHAN-01');
  });

  test('shows the Info page from station.info', async ({ page, station }) => {
    await page.goto(station.url);
    await page.getByTestId('role-button-operator').click();
    await page.getByTestId('nav-info').click();
    await expect(page.getByTestId('page-info')).toBeVisible();
    await expect(page.getByTestId('info-station-id')).toHaveText('PELATIHAN-01');
    await expect(page.getByTestId('info-version')).toHaveText(/^\d+\.\d+\.\d+/);
    await page.screenshot({ path: screenshotPath('info-id.png') });
  });

  test('shows only the pages of the signed-in role', async ({ page, station }) => {
    await page.goto(station.url);
    await page.getByTestId('role-button-printer').click();
    await expect(page.getByTestId('nav-pencetakan')).toBeVisible();
    await expect(page.getByTestId('nav-perekaman')).toHaveCount(0);
    await expect(page.getByTestId('nav-diagnostik')).toHaveCount(0);
  });

  test('reports honest connectivity and the backlog from the outbox', async ({ page, station }) => {
    await page.goto(station.url);
    await page.getByTestId('role-button-technician').click();
    // Training mode links to its embedded central emulator: the probe finds it answering.
    await expect(page.getByTestId('connectivity-badge')).toContainText('DARING');
    await expect(page.getByTestId('backlog-count')).toHaveText('0');
    await page.getByTestId('nav-diagnostik').click();
    // The web host keeps the data key in a 0600 file: diagnostics says so.
    await expect(page.getByTestId('station-warnings')).toContainText('DATA_KEY_FILE_ONLY');
    await page.screenshot({ path: screenshotPath('diagnostik-id.png') });
  });

  test('switches language to English and back, and remembers the choice', async ({ page, station }) => {
    await page.goto(station.url);
    await page.getByTestId('role-button-operator').click();
    await expect(page.getByTestId('training-banner')).toContainText('MODE PELATIHAN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    await page.screenshot({ path: screenshotPath('shell-training-id.png') });
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('training-banner')).toContainText('TRAINING MODE');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.screenshot({ path: screenshotPath('shell-training-en.png') });
    await page.reload();
    await expect(page.getByTestId('training-banner')).toContainText('TRAINING MODE');
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('training-banner')).toContainText('MODE PELATIHAN');
  });

  test('signs out and back in; the session survives a reload', async ({ page, station }) => {
    await page.goto(station.url);
    await page.getByTestId('role-button-operator').click();
    await expect(page.getByTestId('operator-name')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('operator-name')).toBeVisible();
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('role-button-operator')).toBeVisible();
  });

  test('works from the keyboard alone', async ({ page, station }) => {
    await page.goto(station.url);
    await expect(page.getByTestId('role-button-technician')).toBeVisible();
    await page.keyboard.press('3');
    await expect(page.getByTestId('operator-name')).toContainText('Teknisi');
    await page.keyboard.press('Alt+1');
    await expect(page.getByTestId('page-diagnostik')).toBeVisible();
    const shortcutToInfo = await page.getByTestId('nav-info').getAttribute('aria-keyshortcuts');
    expect(shortcutToInfo).toMatch(/^Alt\+\d$/);
    await page.keyboard.press(shortcutToInfo ?? 'Alt+9');
    await expect(page.getByTestId('page-info')).toBeVisible();
    await page.keyboard.press('Alt+L');
    await expect(page.getByTestId('training-banner')).toContainText('TRAINING MODE');
  });
});

test.describe('the web host refuses callers without the launch token', () => {
  test('a page opened without the token cannot call the station and says why', async ({ page, station }) => {
    await page.goto(`http://127.0.0.1:${station.port}/`);
    await expect(page.getByTestId('error-alert')).toContainText('TOKEN_MISSING');
    await page.screenshot({ path: screenshotPath('token-missing-id.png') });
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/station.info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return { status: response.status, body: (await response.json()) as { error: { code: string } } };
    });
    expect(status).toEqual({ status: 401, body: { error: expect.objectContaining({ code: 'TOKEN_MISSING' }) } });
  });

  test('a token from another launch is refused', async ({ page, station }) => {
    await page.goto(`http://127.0.0.1:${station.port}/#token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
    await expect(page.getByTestId('error-alert')).toContainText('TOKEN_INVALID');
  });
});

test.describe('live status', () => {
  test('the top bar backlog follows a commit made through the API, pushed by the status event', async ({ page, station }) => {
    await page.goto(station.url);
    await page.getByTestId('role-button-operator').click();
    await expect(page.getByTestId('backlog-count')).toHaveText('0');
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
    const draft = await call('enrollment.startDraft', { demographics: demographicsFixture() });
    for (const params of captureParams(String(draft['id']))) await call('enrollment.addCapture', params);
    await call('enrollment.commit', { id: draft['id'] });
    await expect(page.getByTestId('backlog-count')).toHaveText('1');
  });
});
