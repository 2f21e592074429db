// The npm package from a plain HTML page (no bundler, no Yew) in Chromium: the README's page
// example, served as static files with the installed package next to it (target/npm/site/,
// prepared by `make test-package`; playwright.config.ts serves it on 8184).
import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';

const SITE = path.resolve(__dirname, '..', '..', 'target', 'npm', 'site');
const ORIGIN = 'http://127.0.0.1:8184';

test('the README page validates a request with the web build', async ({ page }) => {
  expect(fs.existsSync(path.join(SITE, 'index.html')), 'target/npm/site/: run `make test-package` first').toBe(true);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`));
  await page.goto(`${ORIGIN}/`);
  await expect(page.locator('#result')).toHaveText(
    'InvalidEventSelectorsException at /EventSelectors/0/ReadWriteType, line 1 column 64',
  );
  // The same module, already initialised, answers a valid request.
  const arn = await page.evaluate(async () => {
    const { validate } = await import('./node_modules/trailscope/web.js');
    return validate('{"TrailName": "my-trail", "EventSelectors": [{}]}').response?.TrailARN;
  });
  expect(arn).toBe('arn:aws:cloudtrail:us-east-1:123456789012:trail/my-trail');
  expect(errors).toEqual([]);
});
