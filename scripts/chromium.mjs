// Finds the Chromium that browser tests and end-to-end tests drive, and the flags it needs here.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter(Boolean);

/** The Chromium executable, or undefined when none is installed. */
export function findChromium() {
  return candidates.find((p) => existsSync(p));
}

/** The executable, or exits with one line saying how to get it. */
export function requireChromium() {
  const path = findChromium();
  if (!path) {
    console.error(
      'Chromium not found: install it with `apt-get install -y chromium` (Debian) or set CHROME_PATH to a Chromium or Chrome binary.',
    );
    process.exit(1);
  }
  return path;
}

/** Launch flags for headless Chromium as root on a machine without network or GPU. */
export function chromiumArgs() {
  return [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${mkdtempSync(join(tmpdir(), 'pk-chromium-'))}`,
  ];
}
