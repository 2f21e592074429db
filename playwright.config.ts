import { defineConfig } from '@playwright/test';

// Browser end-to-end tests of the page in dist/ (built by `make build`) and of the npm package's
// plain page (`make test-package`), on Debian's chromium.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: 'list',
  use: {
    baseURL: 'http://127.0.0.1:8181',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: [
    {
      command: 'python3 -m http.server 8181 --bind 127.0.0.1 --directory dist',
      url: 'http://127.0.0.1:8181/',
      reuseExistingServer: false,
    },
    // dist/ copied under a subpath, as a host would (tests/e2e/static-hosting.spec.ts); the
    // second server sends .wasm as application/octet-stream.
    {
      command: 'python3 tests/e2e/serve_subpath.py 8182',
      url: 'http://127.0.0.1:8182/tools/trailscope/',
      reuseExistingServer: false,
    },
    {
      command: 'python3 tests/e2e/serve_subpath.py 8183 application/octet-stream',
      url: 'http://127.0.0.1:8183/tools/trailscope/',
      reuseExistingServer: false,
    },
    // The npm package's plain page (target/npm/site/, prepared by `make test-package`).
    {
      command: 'python3 -m http.server 8184 --bind 127.0.0.1 --directory target/npm/site',
      url: 'http://127.0.0.1:8184/',
      reuseExistingServer: false,
    },
  ],
});
