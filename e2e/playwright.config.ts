import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Ports derive from the main process's pid (workers inherit them through the environment), so
// several runs on one machine do not collide.
process.env.E2E_PORT ??= String(20_000 + (process.pid % 20_000) * 2);
process.env.E2E_DB_PORT ??= String(Number(process.env.E2E_PORT) + 1);
const port = Number(process.env.E2E_PORT);
export const baseURL = `http://127.0.0.1:${port}`;

// Each run gets an empty embedded database, so first-run setup really is the first run.
// Only the main process starts the server; workers evaluate this file too but never use the folder.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'verity-e2e-'));
chmodSync(dataDir, 0o755);
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: '.',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? '../test-results/report.json' }]],
  outputDir: '../test-results',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    // First-run setup needs the empty database, so it runs before every other spec.
    { name: 'setup', testMatch: /first-run\.spec\.ts/ },
    { name: 'app', testMatch: /\.spec\.ts/, testIgnore: /first-run\.spec\.ts/, dependencies: ['setup'] },
  ],
  webServer: {
    command: 'node --import tsx server/src/index.ts',
    cwd: '..',
    url: `${baseURL}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      VERITY_DATA_DIR: dataDir,
      VERITY_DB_PORT: process.env.E2E_DB_PORT,
      VERITY_OPEN_SIGNUP: 'true',
      // Reading a file at the 20 MB upload limit (large-transcript.spec.ts) takes seconds on a loaded machine.
      VERITY_IMPORT_PARSE_TIMEOUT_MS: '60000',
      // media.spec.ts attaches a recording from a URL on a local server; the SSRF guard is on outside tests.
      VERITY_MEDIA_URL_ALLOW_PRIVATE: 'true',
      LOG_LEVEL: 'warn',
    },
  },
});
