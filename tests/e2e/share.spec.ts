// Share links, local storage, state files and embedding, in a real browser: a link opened in a
// fresh browser context restores the whole state; broken and hostile links open the default
// sample with a notice; the page runs inside an iframe of another origin with its options.
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import * as zlib from 'zlib';
import { editorText, pageBackground, relativeLuminance, replaceText } from './page';

const ORIGIN = 'http://127.0.0.1:8181';

/** Every test: no page error, console error or CSP report, in any page of its browser context
 * (an iframe's messages reach its page's console). */
const test = base.extend<{ clean: void }>({
  clean: [
    async ({ context }, use) => {
      const problems: string[] = [];
      const watch = (page: Page) => {
        page.on('console', (m) => {
          if (m.type() === 'error' || m.text().includes('Content Security Policy')) problems.push(m.text());
        });
        page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use();
      expect(problems, 'console errors, page errors and CSP reports').toEqual([]);
    },
    { auto: true },
  ],
});
const REPO = path.resolve(__dirname, '..', '..');
const SEED_EVENTS = fs.readFileSync(path.join(REPO, 'tests/events/seed-examples.json'), 'utf8');
const OK_STATUS = '200 OK · CloudTrail would accept this request';
const WRITE_ONLY_REQUEST = `{
  "TrailName": "management-events",
  "EventSelectors": [{ "ReadWriteType": "WriteOnly", "IncludeManagementEvents": true }]
}`;
const BAD_NAME_REQUEST = WRITE_ONLY_REQUEST.replace('management-events', 'my--trail');

/** The default sample's request, as the page shows it on a first visit. */
async function defaultRequest(browser: Browser): Promise<string> {
  const page = await (await browser.newContext()).newPage();
  await open(page, '/');
  const text = (await editorText(page, 'request'))!;
  await page.context().close();
  return text;
}

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('.request-editor .cm-content')).toBeVisible();
  await expect(page.getByTestId('status')).toBeVisible();
}

/** A link fragment made the way the page makes one (deflate-raw, base64url), from any JSON. */
function fragment(state: unknown): string {
  const packed = zlib.deflateRawSync(Buffer.from(JSON.stringify(state))).toString('base64url');
  return `#state=1.${packed}`;
}

async function shareLink(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  const link = page.getByTestId('share-link');
  await expect(link).toBeVisible();
  return link.inputValue();
}

test('a shared link restores the request, context, events and comparison in a fresh browser', async ({ page, browser }) => {
  await open(page, '/');
  await replaceText(page, 'request', WRITE_ONLY_REQUEST);
  await expect(page.getByTestId('status')).toHaveText(OK_STATUS);
  const context = JSON.stringify(JSON.parse((await editorText(page, 'context'))!));
  await replaceText(page, 'context', context);
  await page.getByTestId('replay-paste').fill(SEED_EVENTS);
  await page.getByTestId('replay-pasted').click();
  await expect(page.getByTestId('replay-status')).toContainText('Replayed pasted events');
  const logged = await page.getByTestId('count-logged').textContent();
  await page.getByTestId('replay-compare').check();
  await expect(page.getByTestId('replay-status')).toContainText('Replayed');

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  const link = await shareLink(page);
  expect(link.startsWith(`${ORIGIN}/#state=1.`), link).toBe(true);
  await expect(page.locator('label[for=share-link]')).toContainText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const sent: string[] = [];
  other.on('request', (r) => sent.push(r.url()));
  await open(other, link);
  await expect.poll(() => editorText(other, 'request')).toBe(WRITE_ONLY_REQUEST);
  await expect.poll(() => editorText(other, 'context')).toBe(context);
  await expect(other.getByTestId('status')).toHaveText(OK_STATUS);
  await expect(other.getByTestId('replay-paste')).toHaveValue(SEED_EVENTS);
  await expect(other.getByTestId('replay-status')).toContainText('Replayed pasted events');
  await expect(other.getByTestId('count-events')).toHaveText('10');
  await expect(other.getByTestId('count-logged')).toHaveText(logged!);
  await expect(other.getByTestId('replay-compare')).toBeChecked();
  await expect(other.getByTestId('notice')).toHaveCount(0);
  expect(sent.filter((url) => url.includes('state=')), 'the fragment never reaches a server').toEqual([]);
  // The link's state moved into the page: a reload keeps later edits, not the link's version.
  expect(other.url()).not.toContain('#state=');
  await fresh.close();
});

test('broken links open the default sample with a notice, and script in a state is only text', async ({ page, browser }) => {
  const expected = await defaultRequest(browser);
  const valid = { version: 1, request: '{}', context: '{}' };
  const cases: [string, string][] = [
    ['#state=garbage', 'newer trailscope, or is not a trailscope link'],
    ['#state=1.%%%', 'not base64url'],
    ['#state=1.AAAA', 'damaged'],
    ['#state=2.abc', 'newer trailscope'],
    [fragment({ ...valid, version: 99 }), 'made by a newer trailscope (state format 99'],
    [fragment({ hello: 'world' }), 'does not hold a trailscope state'],
    [fragment({ ...valid, request: 5 }), 'malformed'],
    [fragment({ ...valid, events: { kind: 'synth', events: 1e9 } }), 'synthetic events'],
    ['#state=1.' + 'A'.repeat(1_100_000), 'links are read up to 1024 KB'],
    // 64 MiB of spaces packed into a 64 KB link: unpacking stops at the limit.
    ['#state=1.' + zlib.deflateRawSync(Buffer.alloc(64 << 20, 32), { level: 9 }).toString('base64url'), 'unpacks to more than'],
  ];
  for (const [hash, reason] of cases) {
    await open(page, '/' + hash);
    const notice = page.getByTestId('notice');
    await expect(notice, hash.slice(0, 60)).toContainText('This link could not be opened');
    await expect(notice).toContainText(reason);
    await expect.poll(() => editorText(page, 'request')).toBe(expected);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  }
  // Script and javascript: URLs are data that real events carry (userAgent, requestParameters):
  // the link opens, its text is shown as text and nothing of it runs.
  const script = '{"TrailName": "<script>window.__pwned = 1</script>"}';
  const event = '{"eventSource": "s3.amazonaws.com", "eventName": "GetObject", "userAgent": "<a href=\\"javascript:window.__pwned=2\\">x</a>"}';
  await open(page, '/' + fragment({ ...valid, request: script, events: { kind: 'text', text: event } }));
  await expect.poll(() => editorText(page, 'request')).toBe(script);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await expect(page.getByTestId('replay-paste')).toHaveValue(event);
  await expect(page.getByTestId('replay-status')).toBeVisible();
  expect(await page.locator('.app script, .app a[href^="javascript:"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  // Markup that is not script opens as the text it is: shown, never inserted as HTML.
  const markup = '{"TrailName": "<img src=x onerror=window.__pwned=3>"}';
  await open(page, '/' + fragment({ ...valid, request: markup, sample: '<b>x</b>' }));
  await expect.poll(() => editorText(page, 'request')).toBe(markup);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await expect(page.locator('[data-code=InvalidTrailNameException]').first()).toBeVisible();
  expect(await page.locator('img, b').count()).toBe(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
});

test('the last state is kept in this browser, and Reset returns to the default sample', async ({ page, browser }) => {
  const expected = await defaultRequest(browser);
  await open(page, '/');
  await replaceText(page, 'request', WRITE_ONLY_REQUEST);
  await expect(page.getByTestId('status')).toHaveText(OK_STATUS);
  await page.getByTestId('replay-seed').click();
  await expect(page.getByTestId('replay-status')).toContainText('Replayed seed examples');
  await page.reload();
  await expect.poll(() => editorText(page, 'request')).toBe(WRITE_ONLY_REQUEST);
  await expect(page.getByTestId('replay-status')).toContainText('Replayed seed examples');
  await expect(page.getByTestId('count-events')).toHaveText('10');

  await page.getByTestId('reset').click();
  await expect.poll(() => editorText(page, 'request')).toBe(expected);
  await expect(page.getByTestId('status')).toHaveText(OK_STATUS);
  await expect(page.getByTestId('replay-status')).toHaveCount(0);
  await page.reload();
  await expect.poll(() => editorText(page, 'request')).toBe(expected);
  await expect(page.getByTestId('replay-status')).toHaveCount(0);
});

test('a state too large for a link is offered as a file, and uploading the file restores it', async ({ page, browser }) => {
  // Random names do not compress: about 60 KB of them cannot fit a 32 KB link.
  const names = Array.from({ length: 30 }, () => crypto.randomBytes(1500).toString('base64'));
  const big = JSON.stringify({ TrailName: 'management-events', AdvancedEventSelectors: names.map((n) => ({ Name: n })) }, null, 2);
  await open(page, '/');
  await replaceText(page, 'request', big);
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-too-large')).toContainText('too large for a link');
  await expect(page.getByTestId('share-link')).toHaveCount(0);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-state').click()]);
  expect(download.suggestedFilename()).toBe('trailscope-state.json');
  const file = await download.path();
  const saved = JSON.parse(fs.readFileSync(file!, 'utf8'));
  expect(saved.version).toBe(1);
  expect(saved.request).toBe(big);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await open(other, '/');
  await other.getByTestId('upload-state').setInputFiles(file!);
  await expect.poll(() => editorText(other, 'request'), { timeout: 10_000 }).toBe(big);
  // A file that is not a state says so, and changes nothing.
  await other.getByTestId('upload-state').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 7}') });
  await expect(other.getByTestId('notice')).toContainText('This file could not be opened: it was made by a newer trailscope');
  await expect.poll(() => editorText(other, 'request')).toBe(big);
  await fresh.close();
});

test('events too large for a link are left out of it, and the link says so', async ({ page }) => {
  await open(page, '/');
  const noise = crypto.randomBytes(40_000).toString('base64');
  const events = JSON.stringify({ eventSource: 's3.amazonaws.com', eventName: 'GetObject', eventCategory: 'Data', note: noise });
  await page.getByTestId('replay-paste').fill(events);
  await page.getByTestId('replay-pasted').click();
  await expect(page.getByTestId('replay-status')).toBeVisible();
  const link = await shareLink(page);
  await expect(page.getByTestId('share-without-events')).toBeVisible();
  expect(link.length).toBeLessThanOrEqual(32 * 1024);
});

test('events from a small file travel in the link; a gzipped file stays on this computer, and the link says so', async ({ page, browser }) => {
  await open(page, '/');
  const without = (await shareLink(page)).length;
  await page.getByTestId('share-close').click();
  await page.getByTestId('replay-files').setInputFiles({ name: 'log.json', mimeType: 'application/json', buffer: Buffer.from(SEED_EVENTS) });
  await expect(page.getByTestId('replay-status')).toContainText('Replayed log.json');
  // The file is read in the page after the replay starts: the link holds its events once read.
  let link = '';
  await expect.poll(async () => (link = await shareLink(page)).length).toBeGreaterThan(without + 500);
  await expect(page.getByTestId('share-files-kept')).toHaveCount(0);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await open(other, link);
  await expect(other.getByTestId('replay-paste')).toHaveValue(SEED_EVENTS);
  await expect(other.getByTestId('count-events')).toHaveText('10');
  await fresh.close();

  await page.getByTestId('share-close').click();
  await page.getByTestId('replay-files').setInputFiles({ name: 'log.json.gz', mimeType: 'application/gzip', buffer: zlib.gzipSync(SEED_EVENTS) });
  await expect(page.getByTestId('replay-status')).toContainText('Replayed log.json.gz');
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-files-kept')).toBeVisible();
});

/** Serves `html` on another origin (localhost instead of 127.0.0.1, and another port). */
async function hostPage(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://localhost:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test('the embed code runs the page inside an iframe of another origin, with its options', async ({ page }) => {
  await open(page, '/');
  await replaceText(page, 'request', BAD_NAME_REQUEST);
  await expect(page.getByTestId('status')).toContainText('InvalidTrailNameException');
  await page.getByTestId('embed').click();
  await page.getByTestId('embed-readonly').check();
  await page.getByTestId('embed-replay').check();
  await page.getByTestId('embed-theme').selectOption('dark');
  const snippet = await page.getByTestId('embed-code').inputValue();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await page.getByTestId('copy-embed').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:8181\/\?embed=1&amp;readonly=1&amp;replay=1&amp;theme=dark#state=1\.[\w-]+" /);
  const plain = snippet.replace('&amp;readonly=1&amp;replay=1&amp;theme=dark', '&amp;theme=light');

  const host = await hostPage(`<!doctype html><title>docs</title><h1>Our trail</h1>
    <div id="a">${snippet}</div><div id="b">${plain}</div>`);
  try {
    await page.goto(host.url);
    const frame = page.frameLocator('#a iframe');
    await expect(frame.getByTestId('status')).toContainText('InvalidTrailNameException');
    await expect(frame.getByTestId('read-only')).toBeVisible();
    await expect(frame.getByTestId('samples')).toHaveCount(0);
    await expect(frame.getByTestId('share')).toHaveCount(0);
    await expect(frame.locator('.footer')).toHaveCount(0);
    await expect(frame.getByTestId('replay-panel')).toBeVisible();
    await expect(frame.getByTestId('open-full')).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:8181\/#state=1\./);
    const inner = page.frames().find((f) => f.url().includes('readonly=1'))!;
    expect(relativeLuminance(await pageBackground(inner))).toBeLessThan(0.1);
    // Read-only: typing changes nothing, and no fix is offered.
    await frame.locator('.request-editor .cm-content').click();
    await page.keyboard.type('xyz');
    await expect.poll(() => editorText(inner, 'request')).toBe(BAD_NAME_REQUEST);
    await expect(frame.locator('.problem .fix')).toHaveCount(0);
    // Sized to its container: the page fills the iframe's 640 px.
    const height = await inner.evaluate(() => document.querySelector('.app')!.getBoundingClientRect().height);
    expect(height).toBeGreaterThan(600);
    expect(height).toBeLessThanOrEqual(640);
    // The replay panel and its worker run inside the frame (only the trail name is wrong: the
    // selectors are judged, so they replay).
    await frame.getByTestId('replay-seed').click();
    await expect(frame.getByTestId('replay-status')).toContainText('Replayed seed examples');
    // An embed keeps nothing in the browser's storage (which Chromium may deny a third-party
    // frame altogether: the page runs without it).
    const kept = await inner.evaluate(() => {
      try {
        return localStorage.getItem('trailscope.state');
      } catch {
        return null;
      }
    });
    expect(kept).toBeNull();

    const second = page.frameLocator('#b iframe');
    await expect(second.getByTestId('status')).toContainText('InvalidTrailNameException');
    await expect(second.getByTestId('replay-panel')).toHaveCount(0);
    await expect(second.getByTestId('read-only')).toHaveCount(0);
    const light = page.frames().find((f) => f.url().includes('theme=light'))!;
    expect(relativeLuminance(await pageBackground(light))).toBeGreaterThan(0.8);
  } finally {
    await host.close();
  }
});
