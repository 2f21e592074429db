// Browser end-to-end tests of the trailscope page (dist/, served by playwright.config.ts's
// webServer). The samples and their expected outcomes are read from the core's data files, so the
// tests follow the samples instead of repeating them.
import { test as base, expect, type Page, type Locator } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';
import { editorState, editorText, replaceText, relativeLuminance, pageBackground } from './page';

const ORIGIN = 'http://127.0.0.1:8181';
const REPO = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(__dirname, 'artifacts');
const OK_STATUS = '200 OK · CloudTrail would accept this request';

// ---------------------------------------------------------------------------------------------
// Samples, from the data files the core embeds (crates/core/samples/): index.json, one request
// per file, named contexts, and the default context.

type Sample = { id: string; request: string; context: string | null; expect: string | null };

const SAMPLES_DIR = path.join(REPO, 'crates/core/samples');

/** An entry of index.json: `expect` is "valid" or {"error": "<exception as AWS spells it>"}. */
type IndexEntry = { id: string; context?: string; expect: 'valid' | { error: string } };

function readSamples(): Sample[] {
  const index: IndexEntry[] = JSON.parse(fs.readFileSync(path.join(SAMPLES_DIR, 'index.json'), 'utf8'));
  return index.map((entry) => {
    return {
      id: entry.id,
      request: fs.readFileSync(path.join(SAMPLES_DIR, 'requests', `${entry.id}.json`), 'utf8'),
      context: entry.context === undefined ? null : readContext(entry.context),
      // index.json names the exception as AWS spells it (Code's serialized form), as the page shows it.
      expect: entry.expect === 'valid' ? null : entry.expect.error,
    };
  });
}

function readContext(name: string): string {
  return fs.readFileSync(path.join(SAMPLES_DIR, 'contexts', `${name}.json`), 'utf8');
}

function readDefaultContext(): string {
  return readContext('default');
}

const SAMPLES = readSamples();

// ---------------------------------------------------------------------------------------------
// Every test: no page errors, no console errors, no wasm/integrity warnings, no request that
// leaves 127.0.0.1:8181.

type Guard = { requests: string[] };

const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (msg) => {
        const text = msg.text();
        if (msg.type() === 'error') problems.push(`console.error: ${text}`);
        if (msg.type() === 'warning' && /integrity|wasm/i.test(text)) problems.push(`console.warning: ${text}`);
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('request', (request) => requests.push(request.url()));
      await use({ requests });
      const foreign = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== ORIGIN);
      expect(problems, 'console errors and page errors').toEqual([]);
      expect(foreign, `requests outside ${ORIGIN}`).toEqual([]);
    },
    { auto: true },
  ],
});

// ---------------------------------------------------------------------------------------------
// Helpers.

const status = (page: Page) => page.locator('[data-testid=status]');
const resultJson = (page: Page) => page.locator('[data-testid=result] pre.json');
const requestContent = (page: Page) => page.locator('.request-editor .cm-content');
const requestLine = (page: Page, n: number) => page.locator('.request-editor .cm-line').nth(n - 1);

async function open(page: Page) {
  await page.goto('/');
  await expect(requestContent(page)).toBeVisible();
  await expect(page.locator('.context-editor .cm-content')).toBeVisible();
  await expect(status(page)).toBeVisible();
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, 'a bounding box').not.toBeNull();
  return b!;
}

const INVALID_NAME_REQUEST = `{
  "TrailName": "my--trail",
  "EventSelectors": [
    { "ReadWriteType": "All", "IncludeManagementEvents": true }
  ]
}
`;
const VALID_REQUEST = INVALID_NAME_REQUEST.replace('my--trail', 'management-events');

// ---------------------------------------------------------------------------------------------
// Tests.

test('the samples file lists at least 10 samples', () => {
  expect(SAMPLES.length).toBeGreaterThanOrEqual(10);
  expect(new Set(SAMPLES.map((s) => s.id)).size, 'unique sample ids').toBe(SAMPLES.length);
});

test('page loads without errors and requests nothing outside its origin', async ({ page, guard }) => {
  await open(page);
  await expect(page).toHaveTitle(/trailscope/);
  await expect(page.locator('.request-editor .cm-editor')).toHaveCount(1);
  await expect(page.locator('.cm-editor').first()).toBeAttached();
  expect(await page.locator('.cm-editor').first().evaluate((el) => !!el.closest('.request-editor'))).toBe(true);
  // The page really loaded its wasm and editor bundle from its own origin (so the recorded
  // requests are not vacuous), and everything settled.
  await page.waitForLoadState('networkidle');
  expect(guard.requests.some((u) => u.startsWith(ORIGIN) && u.endsWith('.wasm')), 'the wasm was fetched').toBe(true);
  expect(guard.requests.some((u) => u.startsWith(ORIGIN) && u.includes('editor.bundle')), 'the editor bundle was fetched').toBe(true);
});

test('the default sample is accepted', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('samples')).toHaveValue(SAMPLES[0].id);
  expect(await editorText(page, 'request')).toBe(SAMPLES[0].request);
  await expect(status(page)).toHaveText(OK_STATUS);
  await expect(resultJson(page)).toContainText(
    '"TrailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/management-events"',
  );
  await expect(page.getByTestId('error-count')).toHaveText('0 errors');
  await expect(page.locator('.request-editor .cm-lintRange-error')).toHaveCount(0);
  await expect(page.getByTestId('trail-state')).toBeVisible();
});

test('an invalid trail name is marked inline, listed, explained, and fixable', async ({ page }) => {
  await open(page);
  await expect(status(page)).toHaveText(OK_STATUS);
  await replaceText(page, 'request', INVALID_NAME_REQUEST);
  expect(await requestLine(page, 2).textContent()).toBe('  "TrailName": "my--trail",');

  await expect(status(page)).toHaveText('400 InvalidTrailNameException');
  await expect(resultJson(page)).toContainText('"__type": "InvalidTrailNameException"');
  await expect(resultJson(page)).toContainText('"message": ');
  await expect(page.getByTestId('error-count')).toHaveText('1 error');

  // Underline inside line 2, on the offending "--", and a gutter marker.
  const underline = requestLine(page, 2).locator('.cm-lintRange-error');
  await expect(underline).toHaveCount(1);
  await expect(underline).toHaveText('--');
  await expect(page.locator('.request-editor .cm-gutter-lint .cm-lint-marker-error')).toHaveCount(1);

  // The problems list.
  const problem = page.locator('li.problem[data-code=InvalidTrailNameException]');
  await expect(problem).toHaveCount(1);
  await expect(problem.locator('.code')).toHaveText('InvalidTrailNameException');
  await expect(problem.locator('.where')).toHaveText(/^2:\d+$/);
  await expect(problem.locator('.message')).toContainText('adjacent');

  // Hovering the underline shows the diagnostic.
  await underline.hover();
  const tooltip = page.locator('.cm-tooltip-lint');
  await expect(tooltip).toBeVisible();
  await expect(tooltip.locator('.cm-diagnostic')).toContainText('InvalidTrailNameException: ');
  await expect(tooltip).toContainText('adjacent');
  await page.mouse.move(0, 0);

  // Apply the fix from the problems list: the name is rewritten and the name error is gone.
  const fix = problem.locator('button.fix');
  await expect(fix).toHaveText(/^Fix: .*my-trail/);
  await fix.click();
  await expect(requestLine(page, 2)).toHaveText('  "TrailName": "my-trail",');
  await expect(problem).toHaveCount(0);
  await expect(status(page)).not.toHaveText(/InvalidTrailNameException/);
  // (my-trail is not a trail of the default context, so another error may now mark line 2.)

  // A name of an existing trail: accepted, with no errors left anywhere.
  await replaceText(page, 'request', VALID_REQUEST);
  await expect(status(page)).toHaveText(OK_STATUS);
  await expect(page.getByTestId('error-count')).toHaveText('0 errors');
  await expect(page.locator('li.problem.error')).toHaveCount(0);
  await expect(page.locator('.request-editor .cm-lintRange-error')).toHaveCount(0);
  await expect(page.locator('.request-editor .cm-gutter-lint .cm-lint-marker-error')).toHaveCount(0);
});

test('a Fix clicked right after typing never lands on an older text (B4)', async ({ page }) => {
  await open(page);
  await replaceText(page, 'request', INVALID_NAME_REQUEST);
  const fix = page.locator('li.problem[data-code=InvalidTrailNameException] button.fix');
  await expect(fix).toHaveText(/^Fix: .*my-trail/);
  // Typing shifts every offset; the click comes within the debounce, before the re-analysis. The
  // fix of the older text is dropped (or, if the analysis ran first, the new one applies): the
  // text is never edited in the wrong place, and nothing throws (the guard checks page errors).
  await page.locator('.request-editor .cm-content').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText('   ');
  await fix.click();
  expect(await requestLine(page, 1).textContent()).toBe('   {');
  expect(['  "TrailName": "my--trail",', '  "TrailName": "my-trail",']).toContain(await requestLine(page, 2).textContent());
  // Once analysed again, the offered fix is the new text's, and applies where it should.
  await expect(async () => {
    if ((await requestLine(page, 2).textContent())?.includes('my--trail')) await fix.click();
    expect(await requestLine(page, 2).textContent()).toBe('  "TrailName": "my-trail",');
  }).toPass();
  await expect(requestLine(page, 1)).toHaveText('   {');
});

test('clicking a problem selects its span in the editor', async ({ page }) => {
  await open(page);
  await replaceText(page, 'request', INVALID_NAME_REQUEST);
  await expect(status(page)).toHaveText('400 InvalidTrailNameException');
  const underline = requestLine(page, 2).locator('.cm-lintRange-error');
  await expect(underline).toHaveCount(1);
  const underlined = (await underline.textContent()) ?? '';
  expect(underlined.length).toBeGreaterThan(0);

  // The cursor is at the end after typing: nothing is selected yet.
  const before = await editorState(page, 'request');
  expect(before?.selected).toBe('');
  // Move the focus away so the click has to bring it back.
  await page.getByTestId('samples').focus();

  const problem = page.locator('li.problem[data-code=InvalidTrailNameException]');
  const where = ((await problem.locator('.where').textContent()) ?? '').trim();
  await problem.locator('button.problem-main').click();

  await expect(page.locator('.request-editor .cm-editor')).toHaveClass(/cm-focused/);
  await expect(page.locator('.request-editor .cm-selectionBackground').first()).toBeAttached();
  await expect.poll(() => page.evaluate(() => String(window.getSelection() ?? ''))).toBe(underlined);
  const after = await editorState(page, 'request');
  expect(after?.selected ?? String(await page.evaluate(() => window.getSelection()))).toBe(underlined);
  if (after?.fromView) expect(`${after.line}:${after.column}`).toBe(where);
});

test('every sample shows its expected outcome', async ({ page }) => {
  test.setTimeout(120_000);
  expect(SAMPLES.length, 'samples read from crates/core/samples').toBeGreaterThanOrEqual(10);
  const codes = new Set(SAMPLES.map((s) => s.expect));
  for (const code of [
    'InvalidTrailNameException',
    'InvalidEventSelectorsException',
    'ParamValidationError',
    'TrailNotFoundException',
    'InvalidHomeRegionException',
  ]) {
    expect(codes.has(code), `a sample expecting ${code}`).toBe(true);
  }
  expect(codes.has(null), 'a valid sample').toBe(true);
  // Between samples the request is made unreadable, so each outcome is a fresh one.
  expect(codes.has('JsonSyntaxError')).toBe(false);
  const defaultContext = readDefaultContext();

  await open(page);
  const select = page.getByTestId('samples');
  // Every sample, and "Custom" (hidden: shown once the request is edited); the sample files
  // (one per dialect the page reads, and describe-trails output) are iac.spec.ts's.
  const options = await select.locator('option:not([hidden]):not([value^="file:"])').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect([...options].sort()).toEqual(SAMPLES.map((s) => s.id).sort());

  for (const sample of SAMPLES) {
    await test.step(sample.id, async () => {
      await replaceText(page, 'request', '{"TrailName": ');
      await expect(status(page)).toHaveText('JsonSyntaxError · raised before sending');

      await select.selectOption(sample.id);
      await expect.poll(() => editorText(page, 'request'), { message: 'the sample request' }).toBe(sample.request);
      await expect
        .poll(() => editorText(page, 'context'), { message: 'the sample context' })
        .toBe(sample.context ?? defaultContext);

      if (sample.expect === null) {
        await expect(status(page)).toHaveText(OK_STATUS);
        await expect(resultJson(page).first()).toContainText('"TrailARN": ');
        await expect(page.getByTestId('error-count')).toHaveText('0 errors');
      } else {
        const name = sample.expect;
        const expected =
          name === 'ParamValidationError' ? `${name} · raised before sending` : new RegExp(`^\\d{3} ${name}$`);
        await expect(status(page)).toHaveText(expected);
        await expect(resultJson(page).first()).toContainText(`"__type": "${name}"`);
        await expect(page.locator(`li.problem[data-code="${name}"]`).first()).toBeVisible();
      }
      await expect(page.getByTestId('context-ignored')).toHaveCount(0);
    });
  }
});

test('the account context drives the outcome', async ({ page }) => {
  await open(page);
  await expect(status(page)).toHaveText(OK_STATUS);

  await replaceText(
    page,
    'context',
    '{"account": "123456789012", "region": "eu-west-1", "trails": [{"name": "management-events", "homeRegion": "us-east-1"}]}',
  );
  await expect(status(page)).toHaveText('400 InvalidHomeRegionException');
  await expect(resultJson(page)).toContainText('"__type": "InvalidHomeRegionException"');
  await expect(page.getByTestId('context-ignored')).toHaveCount(0);

  // Unreadable context: the result says it was not used and why, and the request is judged
  // against the fallback context; the context editor marks the place.
  await replaceText(page, 'context', '{');
  const error = page.getByTestId('context-ignored');
  await expect(error).toBeVisible();
  await expect(error).toContainText('Your account context was not used');
  await expect(status(page)).toHaveText('200 OK · without your account context');
  await expect(page.locator('.context-editor .cm-lintRange-error, .context-editor .cm-lint-marker-error').first()).toBeVisible();

  // A mistyped key and a made-up Region: the same, with the reason and an inline marker.
  for (const [context, reason] of [
    ['{"account": "123456789012", "regoin": "us-east-1"}', 'unknown field `regoin`'],
    ['{"account": "123456789012", "region": "mars-north-7"}', '"mars-north-7" is not a region name'],
  ]) {
    await replaceText(page, 'context', context);
    await expect(error).toContainText(reason);
    await expect(status(page)).toHaveText('200 OK · without your account context');
    await expect(page.locator('.context-editor .cm-lintRange-error')).toHaveCount(1);
  }
});

test('a successful call can be applied to the simulated trail', async ({ page }) => {
  await open(page);
  await page.getByTestId('samples').selectOption('advanced-s3-putobject');
  await expect(status(page)).toHaveText(OK_STATUS);
  const state = page.getByTestId('trail-state');
  // Before: the never-configured trail's default basic selector; after: the advanced ones.
  await expect(state.locator('h3', { hasText: 'Before' })).toBeVisible();
  await expect(state.locator('pre.json').first()).toContainText('"EventSelectors"');
  await expect(state.locator('pre.json').nth(1)).toContainText('"AdvancedEventSelectors"');
  await page.getByTestId('store').click();
  // The context now stores the advanced selectors on that trail, replacing the basic default...
  await expect.poll(() => editorText(page, 'context')).toContain('"AdvancedEventSelectors"');
  const context = JSON.parse((await editorText(page, 'context'))!);
  const trail = context.trails.find((t: any) => t.name === 'management-events');
  expect(trail.selectors.AdvancedEventSelectors[0].Name).toBe('PutObject on amzn-s3-demo-bucket1');
  // ...so the same call no longer changes the trail.
  await expect(state.locator('h3')).toHaveText(['Stored selectors (unchanged by this call)']);
  await expect(state.locator('pre.json')).toContainText('"AdvancedEventSelectors"');
  await expect(page.getByTestId('store')).toHaveCount(0);
});

test.describe('phone layout', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('no horizontal overflow; editor and result visible', async ({ page }) => {
    await open(page);
    await expect(status(page)).toHaveText(OK_STATUS);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(innerWidth).toBe(390);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth + 1);
    await expect(page.locator('.request-editor')).toBeVisible();
    await expect(page.locator('.request-editor')).toBeInViewport();
    await expect(page.getByTestId('result')).toBeVisible();
    const editor = await box(page.locator('.request-editor'));
    expect(editor.x).toBeGreaterThanOrEqual(0);
    expect(editor.x + editor.width).toBeLessThanOrEqual(391);
    const result = await box(page.getByTestId('result'));
    expect(result.x + result.width).toBeLessThanOrEqual(391);
  });
});

test.describe('desktop layout', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the result card is to the right of the request editor', async ({ page }) => {
    await open(page);
    await expect(status(page)).toHaveText(OK_STATUS);
    const editor = await box(page.locator('.request-editor'));
    const result = await box(page.getByTestId('result'));
    expect(result.x).toBeGreaterThanOrEqual(editor.x + editor.width - 1);
    // Side by side, not stacked: their vertical extents overlap.
    expect(result.y).toBeLessThan(editor.y + editor.height);
    await expect(page.getByTestId('result')).toBeInViewport();
  });
});

test.describe('colour schemes', () => {
  test.describe('dark', () => {
    test.use({ colorScheme: 'dark' });
    test('the background is dark', async ({ page }) => {
      await open(page);
      expect(relativeLuminance(await pageBackground(page))).toBeLessThan(0.2);
    });
  });
  test.describe('light', () => {
    test.use({ colorScheme: 'light' });
    test('the background is light', async ({ page }) => {
      await open(page);
      expect(relativeLuminance(await pageBackground(page))).toBeGreaterThan(0.5);
    });
  });
});

test.describe('screenshots', () => {
  test.use({ viewport: { width: 1400, height: 900 } });

  test.describe('light', () => {
    test.use({ colorScheme: 'light' });
    test('an invalid sample, as the README shows it', async ({ page }) => {
      await open(page);
      await expect(status(page)).toHaveText(OK_STATUS);
      await expect(resultJson(page)).toContainText('"TrailARN"');
      await page.getByTestId('samples').selectOption('invalid-bucket-without-slash');
      await expect(status(page)).toHaveText('400 InvalidEventSelectorsException');
      await expect(page.locator('.request-editor .cm-lintRange-error').first()).toBeVisible();
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, 'playground.png');
      await page.screenshot({ path: file, fullPage: true });
      expect(fs.statSync(file).size).toBeGreaterThan(10_000);
      if (process.env.UPDATE_SCREENSHOT === '1') {
        fs.mkdirSync(path.join(REPO, 'docs'), { recursive: true });
        fs.copyFileSync(file, path.join(REPO, 'docs', 'screenshot.png'));
      }
    });
  });

  test.describe('dark', () => {
    test.use({ colorScheme: 'dark' });
    test('invalid sample', async ({ page }) => {
      const sample = SAMPLES.find((s) => s.id === 'invalid-bucket-without-slash');
      expect(sample, 'sample invalid-bucket-without-slash').toBeDefined();
      await open(page);
      await page.getByTestId('samples').selectOption(sample!.id);
      await expect.poll(() => editorText(page, 'request')).toBe(sample!.request);
      await expect(status(page)).toHaveText(new RegExp(`^\\d{3} ${sample!.expect}$`));
      await expect(page.locator('.request-editor .cm-lintRange-error').first()).toBeVisible();
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, 'playground-invalid-dark.png');
      await page.screenshot({ path: file, fullPage: true });
      expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Replay (in a Web Worker).

test.describe('replay', () => {
  const counts = (page: Page) => ({
    events: page.getByTestId('count-events'),
    logged: page.getByTestId('count-logged'),
    data: page.getByTestId('count-data'),
    problems: page.getByTestId('count-problems'),
  });

  test('the seed examples replay through the default trail', async ({ page }) => {
    await open(page);
    await page.getByTestId('replay-seed').click();
    await expect(page.getByTestId('replay-status')).toContainText('Replayed seed examples');
    // The default trail logs the 4 management events and none of the 6 data events.
    await expect(counts(page).events).toHaveText('10');
    await expect(counts(page).logged).toHaveText('4');
    await expect(counts(page).data).toHaveText('6');
  });

  test('an uploaded gzipped log file with a broken record replays, told gzip by its bytes', async ({ page }) => {
    await open(page);
    const log = JSON.parse(fs.readFileSync(path.join(REPO, 'tests/events/seed-examples.json'), 'utf8'));
    const records = log.Records.map((r: unknown) => JSON.stringify(r));
    records.splice(3, 0, '{"eventName": 42}');
    const zlib = await import('zlib');
    const buffer = zlib.gzipSync(Buffer.from(`{"Records": [${records.join(',')}]}`));
    await page.getByTestId('replay-files').setInputFiles({ name: 'log.json', mimeType: 'application/json', buffer });
    await expect(page.getByTestId('replay-status')).toContainText('Replayed log.json');
    await expect(counts(page).events).toHaveText('10');
    await expect(counts(page).problems).toHaveText('1');
    await expect(counts(page).logged).toHaveText('4');
  });

  test('a long replay can be cancelled, and the page answers meanwhile', async ({ page }) => {
    await open(page);
    await page.getByTestId('replay-synth-large').click();
    await expect(page.getByTestId('replay-cancel')).toBeVisible();
    await expect(page.getByTestId('replay-status')).toContainText('Replaying');
    // The main thread is free: a sample loads and is validated while the worker replays.
    await page.getByTestId('samples').selectOption('invalid-trail-name');
    await expect(status(page)).toHaveText('400 InvalidTrailNameException');
    await expect(page.getByTestId('replay-status')).toContainText('Replaying');
    await page.getByTestId('replay-cancel').click();
    await expect(page.getByTestId('replay-status')).toContainText('Cancelled');
    const replayed = Number(await counts(page).events.textContent());
    expect(replayed).toBeGreaterThan(0);
    expect(replayed).toBeLessThan(500_000);
  });

  test('invalid selectors are refused with the exception', async ({ page }) => {
    await open(page);
    await page.getByTestId('samples').selectOption('invalid-bucket-without-slash');
    await expect(status(page)).toHaveText('400 InvalidEventSelectorsException');
    await page.getByTestId('replay-seed').click();
    await expect(page.getByTestId('replay-status')).toContainText('InvalidEventSelectorsException');
  });
});

/** Clicks a result row and checks its explanation shows that row's record. */
async function expectExplained(page: Page, row: Locator) {
  const [source, name] = (await row.locator('span:nth-child(4)').textContent())!.split(' ');
  await row.click();
  const record = page.getByTestId('replay-explanation').locator('pre.json');
  await expect(record).toContainText('"eventVersion": "1.11"');
  await expect(record).toContainText(`"eventSource": "${source}"`);
  await expect(record).toContainText(`"eventName": "${name}"`);
}

test.describe('replay results', () => {
  const results = (page: Page) => page.getByTestId('replay-results');
  const shown = async (page: Page) => Number(await results(page).getAttribute('data-total'));

  test('rows matched by selectors past the 32nd are filtered and shown like the others', async ({ page }) => {
    // 35 keeps EC2's two management events, 39 only its write; the others match nothing.
    const ec2 = [{ Field: 'eventSource', NotEquals: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] }];
    const condition = (i: number) =>
      i === 35 ? [{ Field: 'eventCategory', Equals: ['Management'] }, ...ec2]
      : i === 39 ? [{ Field: 'eventCategory', Equals: ['Management'] }, ...ec2, { Field: 'readOnly', Equals: ['false'] }]
      : [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
          { Field: 'resources.ARN', StartsWith: [`arn:aws:s3:::nope${i}/`] },
        ];
    const selectors = Array.from({ length: 40 }, (_, i) => ({ FieldSelectors: condition(i) }));
    await open(page);
    await replaceText(page, 'request', JSON.stringify({ TrailName: 'management-events', AdvancedEventSelectors: selectors }, null, 2));
    await expect(resultJson(page)).toContainText('arn:aws:s3:::nope38/');
    await expect(status(page)).toHaveText(OK_STATUS);
    await page.getByTestId('replay-seed').click();
    await expect(page.getByTestId('replay-status')).toContainText('Replayed seed examples');
    await page.getByTestId('filter-selector').selectOption('35');
    await expect.poll(() => shown(page)).toBe(2);
    await page.getByTestId('filter-selector').selectOption('39');
    await expect.poll(() => shown(page)).toBe(1);
    await expect(page.locator('.result-row')).toHaveCount(1);
    await expect(page.locator('.result-row span:nth-child(3)')).toHaveText('35, 39');
    await expect(page.locator('.result-row span:nth-child(4)')).toHaveText('ec2.amazonaws.com RunInstances');
  });

  test('a table of every event, filters, and the explanation of a clicked row', async ({ page }) => {
    await open(page);
    await page.getByTestId('replay-synth').click();
    await expect(page.getByTestId('replay-status')).toContainText('Replayed synthetic log');
    await expect(results(page)).toHaveAttribute('data-total', '5000');
    // Virtualized: far fewer rows in the document than events.
    const drawn = await page.locator('.result-row').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(100);
    // Filters: logged + not logged = all; a text filter keeps only matching names.
    const logged = Number(await page.getByTestId('count-logged').textContent());
    await page.getByTestId('filter-logged').selectOption('logged');
    await expect.poll(() => shown(page)).toBe(logged);
    await page.getByTestId('filter-logged').selectOption('not');
    await expect.poll(() => shown(page)).toBe(5000 - logged);
    await page.getByTestId('filter-logged').selectOption('all');
    await page.getByTestId('filter-text').fill('kms.amazonaws.com decrypt');
    await page.getByTestId('filter-text').press('Enter');
    await expect.poll(() => shown(page)).toBeLessThan(5000);
    const names = await page.locator('.result-row span:nth-child(4)').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toBe('kms.amazonaws.com Decrypt');
    // Scrolling draws later rows.
    await page.getByTestId('filter-text').fill('');
    await page.getByTestId('filter-text').press('Enter');
    // The list is as tall as every event again (the worker has answered) before it is scrolled:
    // a scroll while it still held the filtered rows stopped at their end.
    await expect.poll(() => shown(page)).toBe(5000);
    await results(page).evaluate((e) => (e.scrollTop = 26 * 3000));
    await expect.poll(async () => Number(await page.locator('.result-row').first().getAttribute('data-index'))).toBeGreaterThan(2900);
    // A row's explanation stands next to its record (the row's own record: same names).
    await expectExplained(page, page.locator('.result-row').first());
    await expect(page.getByTestId('replay-explanation')).toContainText('selector 0');
  });

  test('editing the selectors re-runs the replay, and before/after shows what changed', async ({ page }) => {
    await open(page);
    await page.getByTestId('replay-compare').check();
    await page.getByTestId('replay-synth').click();
    await expect(page.getByTestId('replay-status')).toContainText('Replayed synthetic log');
    const before = Number(await page.getByTestId('count-logged').textContent());
    // The default trail against itself: nothing changes.
    await page.getByTestId('filter-logged').selectOption('changed');
    await expect.poll(() => shown(page)).toBe(0);
    // Only S3 PutObject on one bucket now: the replay re-runs by itself.
    await page.getByTestId('samples').selectOption('advanced-s3-putobject');
    await expect.poll(async () => Number(await page.getByTestId('count-logged').textContent())).toBeLessThan(before);
    await expect(page.getByTestId('replay-status')).toContainText('Replayed synthetic log');
    await expect.poll(() => shown(page)).toBeGreaterThan(0);
    await expect(page.locator('.result-row.changed').first()).toContainText('(was logged)');
  });
});

test.describe('replay input', () => {
  test('pasted lookup-events output and a dropped file replay', async ({ page }) => {
    await open(page);
    const record = JSON.stringify({ eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', readOnly: false, eventCategory: 'Management' });
    await page.getByTestId('replay-paste').fill(JSON.stringify({ Events: [{ EventId: '1', CloudTrailEvent: record }] }));
    await page.getByTestId('replay-pasted').click();
    await expect(page.getByTestId('replay-status')).toContainText('Replayed pasted events');
    await expect(page.getByTestId('count-events')).toHaveText('1');
    await expect(page.getByTestId('count-logged')).toHaveText('1');
    // Drop a JSON Lines file on the panel.
    const lines = `${record}\n${record}\n${record}\n`;
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'events.jsonl', { type: 'application/json' }));
      return data;
    }, lines);
    await page.getByTestId('replay-panel').dispatchEvent('drop', { dataTransfer: transfer });
    await expect(page.getByTestId('replay-status')).toContainText('Replayed events.jsonl');
    await expect(page.getByTestId('count-events')).toHaveText('3');
  });
});

test('the results table stays virtualized at 500,000 events', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  await page.getByTestId('replay-synth-large').click();
  await expect(page.getByTestId('replay-status')).toContainText('Replayed synthetic log', { timeout: 90_000 });
  const results = page.getByTestId('replay-results');
  await expect(results).toHaveAttribute('data-total', '500000');
  await results.evaluate((e) => (e.scrollTop = e.scrollHeight));
  await expect(page.locator('.result-row').last()).toHaveAttribute('data-index', '499999');
  expect(await page.locator('.result-row').count()).toBeLessThan(100);
  // The last row's record is made again on its own to explain it.
  await expectExplained(page, page.locator('.result-row').last());
  // The page still answers at once.
  await page.getByTestId('samples').selectOption('write-only-management');
  await expect(status(page)).toHaveText(OK_STATUS);
});

test("the context panel lists core's simulated exceptions in the order they are checked", async ({ page }) => {
  await open(page);
  const panel = page.getByTestId('context-panel');
  await panel.getByText('What the context simulates').click();
  const codes = panel.locator('.simulated tbody td.code');
  // crates/core/src/check/lookup.rs SIMULATED: throttling first, the trail's own status last.
  await expect(codes).toHaveCount(9);
  await expect(codes.first()).toHaveText('ThrottlingException');
  await expect(codes.nth(2)).toHaveText('TrailNotFoundException');
  await expect(codes.last()).toHaveText('ConflictException');
  await expect(panel.locator('.simulated tbody tr').first()).toContainText('"throttle": true');
  await expect(panel.locator('.simulated tbody tr').first()).toContainText('stands for calls over');
});
