// dist/ as a host serves it: copied to /tools/trailscope/ on a plain static server
// (tests/e2e/serve_subpath.py, started by playwright.config.ts), under the page's own strict
// Content-Security-Policy (the <meta> tag of index.html).
import { test, expect, type Page } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';

const FOLDER = '/tools/trailscope/';
const SERVER = 'http://127.0.0.1:8182';
/** The same folder on a server that sends .wasm as application/octet-stream. */
const OCTET_SERVER = 'http://127.0.0.1:8183';
const OK_STATUS = '200 OK · CloudTrail would accept this request';
const VALID_REQUEST = `{
  "TrailName": "management-events",
  "EventSelectors": [{ "ReadWriteType": "WriteOnly", "IncludeManagementEvents": true }]
}`;

type Violation = { directive: string; blocked: string };

/** What the page did: its requests (and its worker's), console errors and warnings, and CSP
 * violations (as events in the page, and as the console messages Chromium prints for them). */
async function watch(page: Page) {
  const requests: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const cspMessages: string[] = [];
  await page.addInitScript(() => {
    const seen: object[] = ((window as any).cspViolations = []);
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
    );
  });
  page.context().on('request', (request) => requests.push(request.url()));
  page.on('console', (msg) => {
    if (msg.text().includes('Content Security Policy')) cspMessages.push(msg.text());
    if (msg.type() === 'error') errors.push(msg.text());
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  const violations = (): Promise<Violation[]> => page.evaluate(() => (window as any).cspViolations);
  return { requests, errors, warnings, cspMessages, violations };
}

async function open(page: Page, server: string) {
  await page.goto(server + FOLDER);
  await expect(page.locator('.request-editor .cm-content')).toBeVisible();
  await expect(page.getByTestId('status')).toHaveText(OK_STATUS);
}

/** Replays the seed examples in the worker; `logged` of the 10 events are logged. */
async function replaySeed(page: Page, logged: string) {
  await page.getByTestId('replay-seed').click();
  await expect(page.getByTestId('replay-status')).toContainText('Replayed seed examples');
  await expect(page.getByTestId('count-events')).toHaveText('10');
  await expect(page.getByTestId('count-logged')).toHaveText(logged);
}

test('served from /tools/trailscope/ by a plain static server, the page works and stays in its folder', async ({ page }) => {
  const seen = await watch(page);
  await open(page, SERVER);

  // A sample with an error: status, underline, problem, and the hover tooltip.
  await page.getByTestId('samples').selectOption('invalid-trail-name');
  await expect(page.getByTestId('status')).toHaveText('400 InvalidTrailNameException');
  const underline = page.locator('.request-editor .cm-lintRange-error').first();
  await expect(page.locator('li.problem[data-code=InvalidTrailNameException]')).toHaveCount(1);
  await underline.hover();
  await expect(page.locator('.cm-tooltip-lint')).toContainText('InvalidTrailNameException');

  // Typing in the editor: write-only management events.
  await page.locator('.request-editor .cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(VALID_REQUEST);
  await expect(page.getByTestId('status')).toHaveText(OK_STATUS);

  // A replay in the worker; its rows are placed by the CSSOM (the CSP blocks style attributes).
  await replaySeed(page, '2');
  const rows = page.locator('.result-row');
  await expect(rows).toHaveCount(10);
  const tops = await rows.evaluateAll((all) => all.map((r) => r.getBoundingClientRect().top));
  expect(tops.map((top) => Math.round(top - tops[0]))).toEqual([...Array(10).keys()].map((k) => k * 26));
  expect(await page.getByTestId('replay-results').evaluate((e) => e.getBoundingClientRect().height)).toBeGreaterThanOrEqual(14 * 26);
  await rows.nth(1).click();
  await expect(page.getByTestId('replay-explanation')).toContainText('Event 1');

  expect(await seen.violations(), 'CSP violations').toEqual([]);
  expect(seen.cspMessages, 'CSP console messages').toEqual([]);
  expect(seen.errors, 'console errors and page errors').toEqual([]);
  expect(seen.warnings.filter((w) => w.includes('instantiateStreaming')), 'wasm MIME type fallbacks').toEqual([]);
  const loaded = seen.requests.filter((url) => !url.startsWith('data:'));
  expect(loaded.filter((url) => !url.startsWith(SERVER + FOLDER)), `requests outside ${FOLDER}`).toEqual([]);
  // Not vacuous: the page's wasm, its loader, the worker and the worker's wasm were requested.
  for (const file of [/\/loader\.js$/, /\/trailscope-web-[0-9a-f]+_bg\.wasm$/, /\/worker\/replay-worker\.js$/, /\/worker\/pkg\/trailscope_wasm_bg\.wasm$/]) {
    expect(loaded.some((url) => file.test(url)), `a request for ${file}`).toBe(true);
  }
});

test('the Content-Security-Policy is in the page and enforced', async ({ page }) => {
  const seen = await watch(page);
  await open(page, SERVER);
  const source = fs.readFileSync(path.resolve(__dirname, '..', '..', 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(source)![1];
  expect(await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content')).toBe(csp);
  expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'|https?:|\*/);
  // CodeMirror's styles are in an adopted stylesheet, not a <style> element the CSP would block.
  expect(await page.locator('style').count()).toBe(0);
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBeGreaterThan(0);
  await expect(page.locator('.request-editor .cm-editor')).toHaveCSS('display', 'flex');
  expect(await seen.violations(), 'CSP violations while loading').toEqual([]);

  // The policy is enforced (so the zero above can fail): an inline script, an inline style and
  // a remote script are each refused, and reported.
  const ran = await page.evaluate(() => {
    const inline = document.createElement('script');
    inline.textContent = 'window.inlineRan = true';
    document.head.append(inline);
    document.body.setAttribute('style', 'outline: 1px solid red');
    const remote = document.createElement('script');
    remote.src = 'https://cdn.example.com/x.js';
    document.head.append(remote);
    return (window as any).inlineRan === true;
  });
  expect(ran, 'the inline script ran').toBe(false);
  await expect
    .poll(seen.violations)
    .toEqual([
      { directive: 'script-src-elem', blocked: 'inline' },
      { directive: 'style-src-attr', blocked: 'inline' },
      { directive: 'script-src-elem', blocked: 'https://cdn.example.com/x.js' },
    ]);
  await expect.poll(() => seen.cspMessages.length, 'CSP console messages').toBe(3);
  expect(seen.errors.filter((e) => !e.includes('Content Security Policy')), 'other console errors').toEqual([]);
});

test('with .wasm sent as application/octet-stream, the page and the worker still run', async ({ page }) => {
  const seen = await watch(page);
  const wasm = page.waitForResponse((r) => r.url().endsWith('_bg.wasm'));
  await open(page, OCTET_SERVER);
  expect((await wasm).headers()['content-type']).toBe('application/octet-stream');
  await replaySeed(page, '4');
  expect(seen.errors, 'console errors and page errors').toEqual([]);
  // wasm-bindgen's loader fell back from instantiateStreaming, in the page and in the worker.
  expect(seen.warnings.filter((w) => w.includes('instantiateStreaming')), seen.warnings.join('\n')).toHaveLength(2);
});
