import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// E2E_PORT / E2E_DIST let several builds be tested side by side; CI uses the defaults.
const port = Number(process.env.E2E_PORT ?? 4174);
const dist = process.env.E2E_DIST ?? 'dist';
// Each run's server starts on an empty PGlite store. Set once here: the test workers load this file again and
// inherit the variable, so they agree on the folder.
process.env.DRYDOCK_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'drydock-e2e-'));

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Spec files run side by side on two workers: every test gets a fresh browser context (its own in-memory IndexedDB and
  // service worker), and the specs that need more bring their own origin (update.spec.ts) or on-disk profile
  // (storage-full.spec.ts). Tests inside a file stay in order. No retries: a flaky test is a bug to find.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    ...devices['Pixel 7'],
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    // The service worker registers about two seconds after start and precaches the whole build: every test would wait
    // for it, and its downloads would compete with the test. The specs about offline use, updates and installing
    // allow it (test.use) and open the app with openInstalledApp (fixtures.ts).
    serviceWorkers: 'block',
    trace: 'off',
  },
  webServer: {
    // The Drydock server (server/main.ts, started by tests/support/e2e-server.ts on a data folder seeded with an empty
    // PGlite cluster): the built app with its real headers, and the sync API under /api/.
    command: `node --import tsx tests/support/e2e-server.ts`,
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      DRYDOCK_DIST: dist,
      DRYDOCK_DATA: process.env.DRYDOCK_E2E_DATA,
      DATABASE_URL: '',
      DRYDOCK_REQUEST_LOG: '0',
    },
    url: `http://127.0.0.1:${port}/robots.txt`,
    reuseExistingServer: false,
    timeout: 60_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
