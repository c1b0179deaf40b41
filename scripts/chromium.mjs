// The Chromium the e2e tests drive: Playwright's own build when it is installed, else Debian's.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function findChromium() {
  const fromEnv = process.env.KTP_CHROMIUM;
  if (fromEnv && existsSync(fromEnv)) return { path: fromEnv, reason: null };
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: own, reason: null };
  } catch {
    // Playwright's browsers are not downloaded here; fall through to the system one.
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return { path: candidate, reason: null };
  }
  return {
    path: null,
    reason:
      'Chromium tidak ditemukan / Chromium not found. Install it with:\n' +
      '  sudo apt-get update && sudo apt-get install -y chromium\n' +
      '(or set KTP_CHROMIUM=/path/to/chromium)',
  };
}
