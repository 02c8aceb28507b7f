import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env['PORT'] ?? 4321);
const baseURL = `http://127.0.0.1:${port}`;

// CHROMIUM_PATH names a browser; else Debian's Chromium where installed, else Playwright's own.
const systemChromium = '/usr/bin/chromium';
const executablePath =
  process.env['CHROMIUM_PATH'] ?? (existsSync(systemChromium) ? systemChromium : undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  ...(process.env['CI'] ? { workers: 2 } : {}),
  forbidOnly: Boolean(process.env['CI']),
  reporter: 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: [
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'npm start',
    url: `${baseURL}/it/`,
    reuseExistingServer: !process.env['CI'],
    // Many signups come from this one client during the tests.
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      NEWSLETTER_RATE_LIMIT: '100000',
      SITE_URL: baseURL,
      // The tests look at this build: none of its own, whatever the time.
      REBUILD_AT: 'off',
    },
  },
});
