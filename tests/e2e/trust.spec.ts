// The page never loses, hides or misstates the user's work (issue 12, sections 1, 2, 3 and 5):
// replacements are undoable, a broken context or a stale replay is said so, the answer
// CloudTrail returns is pinned, and the layout holds on a phone.
import { test, expect, type Page } from '@playwright/test';
import { editorText, replaceText } from './page';

const status = (page: Page) => page.getByTestId('status');
const replayStatus = (page: Page) => page.getByTestId('replay-status');

async function open(page: Page, url = '/') {
  await page.goto(url);
  await expect(page.locator('.request-editor .cm-content')).toBeVisible();
  await expect(status(page)).toBeVisible();
}

const EDITED = '{"TrailName": "management-events", "EventSelectors": [{"ReadWriteType": "ReadOnly"}]}';

test('a sample, an upload or Reset replaces the texts undoably, and arrows on the closed menu load nothing', async ({ page }) => {
  await open(page);
  await replaceText(page, 'request', EDITED);
  const menu = page.getByTestId('samples');
  await expect(menu).toHaveValue('');
  await expect(menu.locator('option:checked')).toHaveText('Custom');

  // Browsing the closed menu with arrow keys or letters changes nothing.
  await menu.focus();
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp', 'End', 'a']) await page.keyboard.press(key);
  await expect(menu).toHaveValue('');
  expect(await editorText(page, 'request')).toBe(EDITED);

  // Picking a sample replaces the request; Undo brings the edited text back.
  await menu.selectOption('advanced-s3-putobject');
  await expect.poll(() => editorText(page, 'request')).toContain('PutObject');
  await expect(page.getByTestId('replaced')).toContainText('Sample “Advanced: only S3 PutObject on one bucket” loaded');
  await page.getByTestId('undo-replace').click();
  await expect.poll(() => editorText(page, 'request')).toBe(EDITED);
  await expect(menu).toHaveValue('');

  // So does the editor's own undo, and Reset is undone the same way.
  await menu.selectOption('all-lambda');
  await page.locator('.request-editor .cm-content').click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page, 'request')).toBe(EDITED);
  await page.getByTestId('reset').click();
  await expect(menu).toHaveValue('default-trail');
  await page.getByTestId('undo-replace').click();
  await expect.poll(() => editorText(page, 'request')).toBe(EDITED);
});

test('a link made after editing a sample does not name the sample', async ({ page, browser }) => {
  await open(page);
  await expect(page.getByTestId('samples')).toHaveValue('default-trail');
  await replaceText(page, 'request', EDITED);
  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-link').inputValue();
  const other = await browser.newPage();
  await open(other, url);
  await expect(other.getByTestId('samples')).toHaveValue('');
  expect(await editorText(other, 'request')).toBe(EDITED);
  await other.close();
});

test('the error CloudTrail returns is pinned first and marked; badges link to their text', async ({ page }) => {
  await open(page);
  // Four errors; the API returns the name's (the first stage), though it is not first by position.
  await replaceText(page, 'request', `{"EventSelectors": [{"ReadWriteType": "Often"}, {"ReadWriteType": "Never"}], "TrailName": "my--trail"}`);
  await expect(status(page)).toHaveText('400 InvalidTrailNameException');
  const first = page.locator('.problem').first();
  await expect(first).toHaveAttribute('data-code', 'InvalidTrailNameException');
  await expect(first.getByTestId('returned')).toBeVisible();
  await expect(page.getByTestId('returned')).toHaveCount(1);

  // "Not documented by AWS" only where the message is trailscope's own.
  for (const problem of await page.locator('.problem').all()) {
    const code = await problem.getAttribute('data-code');
    const undocumented = await problem.locator('.badge.decision').count();
    if (code === 'InvalidTrailNameException') expect(undocumented, 'AWS observed this message').toBe(0);
  }
  const decision = page.locator('.problem a.badge').filter({ hasText: /D\d+/ }).first();
  await expect(decision).toHaveAttribute('href', /^\.\/docs\/decisions\.html#D\d+$/);
  const spec = page.locator('.problem a.badge.spec').first();
  await expect(spec).toHaveAttribute('href', /^\.\/docs\/spec\.html#s[\d.]+$/);
  const response = await page.request.get(`/docs/decisions.html`);
  expect(await response.text()).toContain('id="D5"');
});

test('the replay runs while only the trail name is wrong, keeps its run on a space, and is marked stale', async ({ page }) => {
  await open(page);
  await page.getByTestId('replay-synth').click();
  await expect(replayStatus(page)).toContainText('Replayed synthetic log: 5000 of 5000 events (100.0%)');

  // A space changes no compiled selector: no new replay.
  await page.evaluate(() => {
    const w = window as any;
    w.rerun = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid=replay-status]')?.textContent?.startsWith('Replaying')) w.rerun = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.locator('.request-editor .cm-content').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' ');
  await page.waitForTimeout(600);
  expect(await page.evaluate(() => (window as any).rerun), 'a re-run after typing a space').toBe(false);

  // A wrong trail name: the selectors are still judged, so the replay runs.
  const text = (await editorText(page, 'request'))!;
  await replaceText(page, 'request', text.replace('management-events', 'x'));
  await expect(status(page)).toHaveText('400 InvalidTrailNameException');
  await expect(replayStatus(page)).toContainText('Replayed synthetic log');
  await expect(page.getByTestId('replay-stale')).toHaveCount(0);

  // Selectors that cannot be judged: the results are marked stale, not silently kept.
  await replaceText(page, 'request', text.replace('"All"', '"Sometimes"'));
  await expect(page.getByTestId('replay-stale')).toBeVisible();
  await replaceText(page, 'request', text);
  await expect(page.getByTestId('replay-stale')).toHaveCount(0);
});

test('the result pane is aria-busy from an edit until the edit\'s analysis is shown', async ({ page }) => {
  await open(page);
  const side = page.locator('.side-pane');
  await expect(side).not.toHaveAttribute('aria-busy');
  // An edit and the attribute read in one task: the analysis waits for its debounce.
  const busy = await page.evaluate(() => {
    const content = document.querySelector('.request-editor .cm-content') as any;
    const tile = content.cmTile ?? content.cmView;
    const view = tile?.root?.view ?? tile?.rootView?.view ?? tile?.view;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: '{"TrailName": "my--trail"}' } });
    return document.querySelector('.side-pane')!.getAttribute('aria-busy');
  });
  expect(busy).toBe('true');
  await expect(side).not.toHaveAttribute('aria-busy');
  await expect(status(page)).toContainText('InvalidTrailNameException');
});

test('a log that holds no records says what was wrong', async ({ page }) => {
  await open(page);
  await page.getByTestId('replay-paste').fill('[1,2,3]');
  await page.getByTestId('replay-pasted').click();
  await expect(page.getByTestId('replay-nothing')).toContainText('No CloudTrail events were found in pasted events');
});

test('the PutObject sample logs the seed event it names, and "matched" shows the selector name', async ({ page }) => {
  await open(page);
  await page.getByTestId('samples').selectOption('advanced-s3-putobject');
  await page.getByTestId('replay-seed').click();
  await expect(replayStatus(page)).toContainText('Replayed seed examples: 10 of 10 events');
  await expect(page.getByTestId('count-logged')).toHaveText('1');
  await page.getByTestId('filter-logged').selectOption('logged');
  await expect(page.locator('.result-row')).toHaveCount(1);
  await expect(page.locator('.result-row .matched')).toHaveText('0 PutObject on amzn-s3-demo-bucket1');
});

test('search filters as you type; Cancel keeps the keyboard focus', async ({ page }) => {
  await open(page);
  await page.getByTestId('replay-seed').click();
  await expect(replayStatus(page)).toContainText('Replayed seed examples');
  await page.getByTestId('filter-text').pressSequentially('lambda');
  await expect(page.getByTestId('replay-shown')).toHaveText('4 events shown');

  await page.getByTestId('replay-synth-large').click();
  await page.getByTestId('replay-cancel').focus();
  await page.keyboard.press('Enter');
  await expect(replayStatus(page)).toContainText('Cancelled');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('replay-status');
});

test.describe('phone layout', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the verdict is near the top and problem messages are readable', async ({ page }) => {
    await open(page);
    await replaceText(page, 'request', '{"TrailName": "my--trail", "EventSelectors": [{"ReadWriteType": "Often"}]}');
    const verdict = await status(page).boundingBox();
    expect(verdict!.y).toBeLessThan(300);
    for (const message of await page.locator('.problem .message').all()) {
      const [m, where] = [await message.boundingBox(), await message.locator('xpath=../span[@class="where"]').boundingBox()];
      expect(m!.width).toBeGreaterThan(200);
      expect(m!.y >= where!.y + where!.height || m!.x >= where!.x + where!.width || m!.x + m!.width <= where!.x).toBe(true);
    }
  });
});

test('the editor fits its content within limits; long lines wrap; the replay table is full width', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await open(page);
  const editor = page.locator('.request-editor');
  const short = (await editor.boundingBox())!.height;
  expect(short).toBeLessThan(300);
  await expect(page.locator('.problems')).toBeInViewport();
  await replaceText(page, 'request', `${'{\n'}${'  "x": 1,\n'.repeat(80)}}`);
  const tall = (await editor.boundingBox())!.height;
  expect(tall).toBeGreaterThan(short);
  expect(tall).toBeLessThanOrEqual(600);

  const context = page.locator('.context-editor .cm-scroller');
  expect(await context.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);

  // A request that can replay (the tall one above is not valid JSON: a replay would be refused).
  await replaceText(page, 'request', '{"TrailName": "management-events", "EventSelectors": [{}]}');
  await expect(page.getByTestId('status')).toContainText('200 OK');
  await page.getByTestId('replay-seed').click();
  await expect.poll(async () => (await page.getByTestId('replay-results').boundingBox())?.width ?? 0).toBeGreaterThan(1366 * 0.85);
});
